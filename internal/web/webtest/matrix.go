package webtest

import (
	"net/http"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/web"
)

// Actoren are the callers the matrix tries: nobody, each role in Eigen, and a system administrator.
var Actoren = []string{"anoniem", "beheerder", "beleidsmedewerker", "consulent", "intermediair", "systeembeheerder"}

// MagVolgensRoute says whether the rule of rt lets wie (an entry of Actoren) in gemeente gm through the
// guard. It reads the route row, so a part's test can check its own routes without a table.
func MagVolgensRoute(rt web.Route, wie, gm string) bool {
	switch rt.Access {
	case web.Open, web.Public, web.Bearer:
		return true // Bearer routes check their token themselves
	}
	if wie == "anoniem" {
		return false
	}
	switch rt.Access {
	case web.LoggedIn:
		return true
	case web.System:
		return wie == "systeembeheerder"
	}
	if wie == "systeembeheerder" {
		return auth.Mag(auth.Actor{Soort: auth.ActorGebruiker, Systeembeheerder: true}, gm, rt.Permissie)
	}
	return gm == Eigen && auth.Mag(auth.Actor{Soort: auth.ActorGebruiker, Rollen: map[string]auth.Rol{Eigen: auth.Rol(wie)}}, gm, rt.Permissie)
}

// Toegelaten reads an answer as allowed or refused: refused is 401, 403, or a redirect to the login page.
func Toegelaten(a Antwoord) bool {
	switch {
	case a.Status == http.StatusUnauthorized, a.Status == http.StatusForbidden:
		return false
	case a.Status == http.StatusSeeOther && strings.HasPrefix(a.Loc, "/login?terug="):
		return false
	}
	return true
}

// VulPad turns a pattern into a method and a path for gemeente gm.
func VulPad(pattern, gm string) (string, string) {
	method, pad, ok := strings.Cut(pattern, " ")
	if !ok {
		method, pad = "GET", pattern
	}
	r := strings.NewReplacer("{gemeente}", gm, "{id}", "999999", "{referentie}", "R-onbekend", "{$}", "")
	pad = r.Replace(pad)
	if strings.HasSuffix(pad, "/") && pad != "/" && !strings.HasSuffix(pattern, "{$}") {
		pad += "bestaat-niet"
	}
	if pattern == "/" {
		pad = "/bestaat-niet"
	}
	return method, pad
}

// Matrix calls every route of routes (not Bearer ones) as every actor in Eigen and in Ander and fails
// when the guard's answer differs from the route's own rule (MagVolgensRoute). It returns the number of
// requests.
func (o *Omgeving) Matrix(t testing.TB, routes []web.Route) int {
	t.Helper()
	sessies := map[string]string{"anoniem": ""}
	for _, wie := range Actoren[1:] {
		sessies[wie] = o.SessieAls(wie)
	}
	n := 0
	for _, rt := range routes {
		if rt.Access == web.Bearer || rt.Pattern == "POST /logout" {
			continue
		}
		for _, wie := range Actoren {
			for _, gm := range []string{Eigen, Ander} {
				method, pad := VulPad(rt.Pattern, gm)
				a := o.Doe(method, pad, sessies[wie], nil, nil)
				n++
				if got, want := Toegelaten(a), MagVolgensRoute(rt, wie, gm); got != want {
					t.Errorf("%s as %s in %s: status %d Location %q: allowed=%v, want %v", rt.Pattern, wie, gm, a.Status, a.Loc, got, want)
				}
			}
		}
	}
	return n
}
