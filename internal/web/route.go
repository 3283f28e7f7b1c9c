package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/tenant"
)

// Access is the rule that guards a route.
type Access int

const (
	// Open: anyone; no session is read (the resident check, health checks, static files).
	Open Access = iota
	// Public: anyone, also without a session; a session that is there is read (the login page).
	Public
	// LoggedIn: any user with a valid session.
	LoggedIn
	// InGemeente: a user who may do the route's Permissie in the gemeente of the {gemeente} path value.
	InGemeente
	// System: a system administrator (gemeenten.beheren).
	System
	// Bearer: the JSON API. No cookies and no cross-origin form protection; the handler checks its
	// bearer token and sets its own body limit.
	Bearer
)

func (a Access) String() string {
	switch a {
	case Open:
		return "open"
	case Public:
		return "publiek"
	case LoggedIn:
		return "ingelogd"
	case InGemeente:
		return "in gemeente"
	case System:
		return "systeem"
	case Bearer:
		return "bearer"
	}
	return "onbekend"
}

// nodigSessie reports whether the guard of a route reads sessions (and so needs the staff services).
func (a Access) nodigSessie() bool { return a != Open && a != Bearer }

// Route is one route of a part: its ServeMux pattern, the rule that guards it and its handler. Every
// route of every part is a row like this; the kit mounts them (Kit.Handler) and the authorization
// matrix test walks the same rows, so a route cannot exist without a rule.
type Route struct {
	Pattern   string
	Access    Access
	Permissie auth.Permissie // for InGemeente
	// Activiteit, when set, marks a route that reads or changes personal data: a refused access is
	// written to the processing log with result "denied" under this processing activity.
	Activiteit string
	// MaxBody raises the body limit of this route above Config.MaxBody (an upload).
	MaxBody int64
	Handler http.HandlerFunc
	// OngeldigeTekst, when set, answers instead of the kit's 422 page when a value of the query or of an
	// urlencoded form holds text that internal/text refuses (a NUL, a control character, invalid UTF-8).
	// The form is parsed already (r.PostForm). The login uses it to give its ordinary refusal, so that a
	// bad address tells nothing.
	OngeldigeTekst http.HandlerFunc
}

// bewaak wraps a handler in its access rule and the per-route middleware. Order for staff routes:
// session (anonymous → login page), then the permission in the gemeente of the URL (refused → 403,
// before anything reveals whether the gemeente exists), then the gemeente must exist (404). A user who
// must change their password is sent to /wachtwoord first.
func (k *Kit) bewaak(rt Route) http.Handler {
	limit := max(k.cfg.MaxBody, rt.MaxBody)
	if rt.Access == Bearer {
		return rt.Handler // its own body limit and text checks; no cookies, so no cross-origin protection
	}
	rt.Handler = k.tekstGecontroleerd(rt)
	var h http.Handler
	switch rt.Access {
	case Open:
		h = rt.Handler
	default:
		h = k.bewaakSessie(rt)
	}
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		k.ResidentError(w, r, http.StatusForbidden, "fout.verboden")
	}))
	h = cop.Handler(h)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, limit)
		}
		h.ServeHTTP(w, r)
	})
}

func (k *Kit) bewaakSessie(rt Route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i, err := k.sessie(r)
		if err != nil {
			k.InternalError(w, r, err)
			return
		}
		ctx := audit.WithTrace(r.Context(), audit.NieuweTrace(r.Header.Get("traceparent")))
		if i != nil {
			ctx = audit.WithActor(ctx, AuditActor(i.Gebruiker))
			ctx = withLogin(ctx, i)
		}
		r = r.WithContext(ctx)
		if rt.Access == Public {
			rt.Handler(w, r)
			return
		}
		if i == nil {
			if r.Method == http.MethodGet {
				http.Redirect(w, r, "/login?terug="+urlQueryEscape(r.URL.Path), http.StatusSeeOther)
				return
			}
			k.StaffError(w, r, http.StatusUnauthorized, "Je bent niet (meer) ingelogd. Log in en probeer het opnieuw.")
			return
		}
		if i.Gebruiker.MoetWachtwoordWijzigen && !strings.HasSuffix(rt.Pattern, " /wachtwoord") {
			http.Redirect(w, r, "/wachtwoord", http.StatusSeeOther)
			return
		}
		switch rt.Access {
		case System:
			if !auth.Mag(i.Actor, "", auth.GemeentenBeheren) {
				k.StaffError(w, r, http.StatusForbidden, "Deze pagina is alleen voor systeembeheerders.")
				return
			}
			if gm := r.PathValue("gemeente"); gm != "" && gm != "nieuw" {
				if !k.gemeenteBestaat(w, r, gm, false) {
					return
				}
			}
		case InGemeente:
			gm := r.PathValue("gemeente")
			if !auth.Mag(i.Actor, gm, rt.Permissie) {
				if rt.Activiteit != "" && tenant.ValideerCode(gm) == nil {
					k.weigeringLoggen(r, gm, rt, i.Gebruiker)
				}
				k.StaffError(w, r, http.StatusForbidden, "Je mag dit niet doen in deze gemeente. Vraag de beheerder van de gemeente om een rol als je dit nodig hebt.")
				return
			}
			if !k.gemeenteBestaat(w, r, gm, true) {
				return
			}
		}
		rt.Handler(w, r)
	})
}

// gemeenteBestaat answers 404 when gm is not a gemeente (or, when actief, not an active one).
func (k *Kit) gemeenteBestaat(w http.ResponseWriter, r *http.Request, gm string, actief bool) bool {
	g, err := k.deps.Gemeenten.Haal(r.Context(), gm)
	if errors.Is(err, errs.NotFound) || (err == nil && actief && !g.Actief) {
		k.StaffError(w, r, http.StatusNotFound, "Deze gemeente bestaat niet in Zeker, of staat uit.")
		return false
	}
	if err != nil {
		k.InternalError(w, r, err)
		return false
	}
	return true
}

// weigeringLoggen writes a refused access to personal data to the processing log of that gemeente. A
// user without a role in gm is logged by internal id only: their name is personal data of another
// gemeente (or of the system administration), not this gemeente's to read.
func (k *Kit) weigeringLoggen(r *http.Request, gm string, rt Route, g auth.Gebruiker) {
	actor := AuditActor(g)
	if _, ok := g.Rollen[gm]; !ok {
		actor.Naam = ""
	}
	err := k.deps.Audit.Schrijf(r.Context(), audit.Verwerking{Gemeente: gm, Verwerkingsactiviteit: rt.Activiteit, Actor: actor,
		Operatie: "toegang.geweigerd", Actie: audit.Lezen, Resultaat: audit.Geweigerd, Object: "route/" + rt.Pattern, Aantal: 1})
	if err != nil && !errors.Is(err, errs.Constraint) {
		k.log.ErrorContext(r.Context(), "audit: weigering", "fout", err)
	}
}

// Gemeente returns the gemeente of the {gemeente} path value (the guard has checked it exists).
func (k *Kit) Gemeente(r *http.Request) (tenant.Gemeente, error) {
	return k.deps.Gemeenten.Haal(r.Context(), r.PathValue("gemeente"))
}
