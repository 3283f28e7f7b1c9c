package auth_test

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/auth"
)

func TestCookies(t *testing.T) {
	c := auth.SessieCookie("tok", true)
	got := c.String()
	for _, want := range []string{"__Host-zeker-sessie=tok", "Path=/", "HttpOnly", "Secure", "SameSite=Lax"} {
		if !strings.Contains(got, want) {
			t.Errorf("cookie %q lacks %q", got, want)
		}
	}
	if strings.Contains(got, "Domain") || strings.Contains(got, "Expires") {
		t.Errorf("__Host- cookie with Domain: %q", got)
	}
	if c := auth.SessieCookie("tok", false); c.Name != "zeker-sessie" || c.Secure {
		t.Errorf("plain HTTP cookie = %+v", c)
	}
	if w := auth.WisCookie(true); w.MaxAge >= 0 || w.Name != "__Host-zeker-sessie" {
		t.Errorf("WisCookie = %+v", w)
	}
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("Cookie", "__Host-zeker-sessie=abc")
	if got := auth.SessieToken(r, true); got != "abc" {
		t.Errorf("SessieToken = %q", got)
	}
	if got := auth.SessieToken(r, false); got != "" {
		t.Errorf("SessieToken(insecure) = %q", got)
	}
}

func TestBearerToken(t *testing.T) {
	for h, want := range map[string]string{"Bearer zk_abc": "zk_abc", "bearer  zk_abc ": "zk_abc", "Basic eHg6eXk=": "", "Bearer": "", "": "", "Bearer ": ""} {
		r := httptest.NewRequest("GET", "/api/v1/x", nil)
		if h != "" {
			r.Header.Set("Authorization", h)
		}
		got, ok := auth.BearerToken(r)
		if got != want || ok != (want != "") {
			t.Errorf("BearerToken(%q) = %q, %v; want %q", h, got, ok, want)
		}
	}
}
