package auth

import (
	"net/http"
	"strings"
	"time"
)

// CookieNaam returns the name of the session cookie. Over HTTPS it carries the __Host- prefix, which
// makes the browser insist on Secure, Path=/ and no Domain; over plain HTTP (the demo on localhost)
// the prefix would make browsers drop the cookie, so it is left off.
func CookieNaam(secure bool) string {
	if secure {
		return "__Host-zeker-sessie"
	}
	return "zeker-sessie"
}

// SessieCookie returns the cookie that carries a session token: HttpOnly, SameSite=Lax, Path=/, Secure
// when secure. It has no Expires: the browser drops it when it closes, and the server ends the session
// on its own clock (Service.Sessie), so the cookie never needs refreshing when the session is renewed.
func SessieCookie(token string, secure bool) *http.Cookie {
	return &http.Cookie{
		Name: CookieNaam(secure), Value: token, Path: "/",
		HttpOnly: true, Secure: secure, SameSite: http.SameSiteLaxMode,
	}
}

// WisCookie returns the cookie that removes the session cookie (logout).
func WisCookie(secure bool) *http.Cookie {
	return &http.Cookie{
		Name: CookieNaam(secure), Value: "", Path: "/", MaxAge: -1, Expires: time.Unix(0, 0),
		HttpOnly: true, Secure: secure, SameSite: http.SameSiteLaxMode,
	}
}

// SessieToken returns the session token from the request's cookie, or "".
func SessieToken(r *http.Request, secure bool) string {
	c, err := r.Cookie(CookieNaam(secure))
	if err != nil {
		return ""
	}
	return c.Value
}

// BearerToken returns the token of an "Authorization: Bearer …" header, or "" and false. The JSON API
// accepts only this, never a cookie.
func BearerToken(r *http.Request) (string, bool) {
	h := r.Header.Get("Authorization")
	scheme, token, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	token = strings.TrimSpace(token)
	return token, token != ""
}
