// Package apiv1 is Zeker's JSON API under /api/v1 for partner organisations and systems. Callers
// authenticate with a bearer API credential (internal/auth) scoped to gemeenten and permissions; cookies
// are never accepted. The OpenAPI 3.1 document (openapi.yaml, embedded) is served at
// /api/v1/openapi.yaml and is the contract: requests are checked against it (kin-openapi, contract.go),
// so the document and the code cannot disagree. Every string of a delivery passes text.Check and every
// amount geld's one notation rule (docs/geld.md) before anything reaches storage.
//
// Endpoints:
//
//	POST /api/v1/signalen               deliver up to 50,000 arrears signals (signalen.aanleveren)
//	GET  /api/v1/signalen/{referentie}  feedback on one own signal: opgepakt / niet opgepakt (signalen.terugmelden)
//	GET  /api/v1/openapi.yaml           the OpenAPI document
//
// Batch rule (as package signalen): valid signals are stored together in one transaction; refused
// signals come back with index, field (within the signal and as a JSON path from the root of the body)
// and reason and nothing of them is stored; a broken envelope is 400 naming the field; re-delivery of the same
// (gemeente, partner, referentie) is idempotent. The partner is the credential's partner (its id,
// internal/partner), never a body field; a credential acts only in the gemeenten where its partner's
// membership is valid today.
package apiv1

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/signalen/opslag"
	"github.com/zeker-platform/zeker/internal/web"
)

// OpenAPI is the OpenAPI 3.1 document of this API.
//
//go:embed openapi.yaml
var OpenAPI []byte

// MaxBody is the largest request body: 50,000 signals of about 1 KB each, with room to spare.
const MaxBody = 64 << 20

// Deps are what the API needs. Signalen and Auth are required.
type Deps struct {
	Auth     *auth.Service
	Signalen *opslag.Service
	// Zoeker returns the resident register of a gemeente for matching (BRP extract or household data).
	// Nil, or a nil result: signals are stored unmatched and grouped by their own address.
	Zoeker func(ctx context.Context, gemeente string) (signalen.Zoeker, error)
	Log    *slog.Logger
}

// Routes returns the API as a part of the web kit: its routes are Bearer routes (no cookies, no form
// protection, their own body limit MaxBody), mounted by cmd/zeker with every other part. Requests are
// checked against the embedded OpenAPI document; Routes panics if that document does not load, which
// TestOpenAPIDocument rules out.
func Routes(deps Deps) web.Part {
	if deps.Log == nil {
		deps.Log = slog.Default()
	}
	c, err := standaardContract()
	if err != nil {
		panic(err)
	}
	a := &api{Deps: deps, contract: c}
	return web.Part{Name: "apiv1", Routes: []web.Route{
		{Pattern: "POST /api/v1/signalen", Access: web.Bearer, Handler: koppen(a.sleutel(a.ontvang))},
		{Pattern: "GET /api/v1/signalen/{referentie}", Access: web.Bearer, Handler: koppen(a.sleutel(a.terugkoppeling))},
		{Pattern: "GET /api/v1/openapi.yaml", Access: web.Bearer, Handler: koppen(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/yaml; charset=utf-8")
			w.Write(OpenAPI)
		})},
	}}
}

type api struct {
	Deps
	contract *contract
}

// koppen sets the security headers of every API response. The answers are data for a program, never
// a page: nothing may be sniffed into HTML, framed, cached (they hold personal data and depend on the
// credential) or leak the URL as a referrer.
func koppen(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Cache-Control", "no-store")
		h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
		h.Set("Referrer-Policy", "no-referrer")
		next(w, r)
	}
}

// Fout is the JSON error body.
type Fout struct {
	Fout string `json:"fout"`
	// Veld is the field of the body that is wrong (a JSON path), with 400.
	Veld string `json:"veld,omitempty"`
}

// Ontvangst is the answer to a delivery (schema Ontvangst in openapi.yaml).
type Ontvangst struct {
	Aantal              int           `json:"aantal"`
	Opgeslagen          int           `json:"opgeslagen"`
	AlOntvangen         int           `json:"alOntvangen"`
	Afgewezen           int           `json:"afgewezen"`
	Fouten              []SignaalFout `json:"fouten"`
	NietGekoppeld       []int         `json:"nietGekoppeld"`
	NieuweZaken         int           `json:"nieuweZaken"`
	AutomatischGesloten int           `json:"automatischGesloten"`
}

// SignaalFout is one problem of one refused signal: its index in signalen, the field within the
// signal, the same field as a JSON path from the root of the body, and the Dutch reason.
type SignaalFout struct {
	Index int    `json:"index"`
	Veld  string `json:"veld"`
	Pad   string `json:"pad"`
	Reden string `json:"reden"`
}

func signaalFout(f signalen.Fout) SignaalFout {
	pad := "signalen[" + strconv.Itoa(f.Index) + "]"
	if f.Path != "" && f.Path != "signaal" {
		pad += "." + f.Path
	}
	return SignaalFout{Index: f.Index, Veld: f.Path, Pad: pad, Reden: f.Reason}
}

func schrijf(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func fout(w http.ResponseWriter, status int, msg string) { schrijf(w, status, Fout{Fout: msg}) }

type sleutelKey struct{}

// sleutel authenticates the bearer credential and puts it, the audit actor and the trace on the context.
func (a *api) sleutel(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		token, ok := auth.BearerToken(r)
		if !ok {
			w.Header().Set("WWW-Authenticate", `Bearer realm="zeker"`)
			fout(w, http.StatusUnauthorized, "Stuur een API-sleutel mee: Authorization: Bearer <sleutel>.")
			return
		}
		k, err := a.Auth.ControleerSleutel(r.Context(), token)
		if err != nil {
			if !errors.Is(err, auth.ErrOngeldig) {
				a.Log.ErrorContext(r.Context(), "apiv1: sleutel controleren", "fout", err)
				fout(w, http.StatusInternalServerError, "Er ging iets mis. Probeer het later opnieuw.")
				return
			}
			w.Header().Set("WWW-Authenticate", `Bearer realm="zeker", error="invalid_token"`)
			fout(w, http.StatusUnauthorized, "Deze API-sleutel is onbekend, ingetrokken of verlopen.")
			return
		}
		ctx := audit.WithActor(r.Context(), audit.Actor{Soort: audit.ActorSleutel, ID: strconv.FormatInt(k.ID, 10), Naam: k.Naam})
		ctx = audit.WithTrace(ctx, audit.NieuweTrace(r.Header.Get("traceparent")))
		ctx = context.WithValue(ctx, sleutelKey{}, k)
		next(w, r.WithContext(ctx))
	}
}

func sleutelUit(ctx context.Context) auth.Sleutel {
	k, _ := ctx.Value(sleutelKey{}).(auth.Sleutel)
	return k
}

// partner is the partner behind a credential, by id: the idempotency key is (gemeente, partner id,
// referentie), so a partner that rotates its credential keeps its references, and another partner
// with the same name never sees them.
func partner(k auth.Sleutel) string { return k.PartnerID }

func (a *api) zoeker(ctx context.Context, gemeente string) (signalen.Zoeker, error) {
	if a.Zoeker != nil {
		z, err := a.Zoeker(ctx, gemeente)
		if err != nil || z != nil {
			return z, err
		}
	}
	return signalen.NieuweIndex(), nil
}

func (a *api) ontvang(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	k := sleutelUit(ctx)
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(strings.ToLower(ct), "application/json") {
		fout(w, http.StatusUnsupportedMediaType, "Stuur JSON (Content-Type: application/json).")
		return
	}
	v, err := a.contract.parseVerzoek(http.MaxBytesReader(w, r.Body, MaxBody))
	var mbe *http.MaxBytesError
	var vf *VerzoekFout
	switch {
	case errors.As(err, &mbe), errors.Is(err, ErrTeVeel):
		fout(w, http.StatusRequestEntityTooLarge, "Te groot: stuur hoogstens 50.000 signalen per levering en splits de rest.")
		return
	case errors.As(err, &vf):
		msg := "De body klopt niet: " + vf.Error() + " Zie /api/v1/openapi.yaml."
		if vf.Veld == "" {
			msg = "De body klopt niet. " + vf.Reden + " Zie /api/v1/openapi.yaml."
		}
		schrijf(w, http.StatusBadRequest, Fout{Fout: msg, Veld: vf.Veld})
		return
	case err != nil:
		a.Log.ErrorContext(ctx, "apiv1: body lezen", "fout", err)
		fout(w, http.StatusInternalServerError, "Er ging iets mis. Er is niets opgeslagen. Probeer het later opnieuw.")
		return
	}
	if partner(k) == "" || !auth.Mag(k.Actor(), v.Gemeente, auth.SignalenAanleveren) {
		fout(w, http.StatusForbidden, "Deze API-sleutel mag geen signalen aanleveren voor deze gemeente (of het lidmaatschap van uw organisatie daar is beëindigd).")
		return
	}
	z, err := a.zoeker(ctx, v.Gemeente)
	if err != nil {
		a.Log.ErrorContext(ctx, "apiv1: inwonersregister", "gemeente", v.Gemeente, "fout", err)
		fout(w, http.StatusServiceUnavailable, "Het inwonersregister is nu niet bereikbaar. Probeer het later opnieuw.")
		return
	}
	res, err := a.Signalen.Ontvang(ctx, opslag.Levering{Gemeente: v.Gemeente, PartnerID: partner(k), Signalen: v.Signalen, Indexen: v.Indexen}, z)
	if err != nil {
		a.Log.ErrorContext(ctx, "apiv1: signalen ontvangen", "gemeente", v.Gemeente, "sleutel", k.ID, "fout", err)
		fout(w, http.StatusInternalServerError, "Er ging iets mis. Er is niets opgeslagen. Probeer het later opnieuw.")
		return
	}
	afgewezen := map[int]bool{}
	for _, f := range v.Fouten {
		afgewezen[f.Index] = true
	}
	out := Ontvangst{Aantal: v.Aantal, Opgeslagen: res.Opgeslagen, AlOntvangen: res.AlOntvangen,
		Afgewezen: res.Afgewezen + len(afgewezen), Fouten: make([]SignaalFout, 0, len(res.Fouten)+len(v.Fouten)),
		NietGekoppeld: res.NietGekoppeld, NieuweZaken: res.NieuweZaken, AutomatischGesloten: res.AutomatischGesloten}
	for _, f := range slices.Concat(res.Fouten, v.Fouten) {
		out.Fouten = append(out.Fouten, signaalFout(f))
	}
	slices.SortStableFunc(out.Fouten, func(x, y SignaalFout) int { return x.Index - y.Index })
	if out.NietGekoppeld == nil {
		out.NietGekoppeld = []int{}
	}
	a.Log.InfoContext(ctx, "apiv1: signalen ontvangen", "gemeente", v.Gemeente, "sleutel", k.ID,
		"aantal", out.Aantal, "opgeslagen", out.Opgeslagen, "al_ontvangen", out.AlOntvangen, "afgewezen", out.Afgewezen)
	status := http.StatusOK
	if out.Opgeslagen == 0 && out.AlOntvangen == 0 && out.Afgewezen > 0 {
		status = http.StatusUnprocessableEntity // nothing acceptable in the delivery
	}
	schrijf(w, status, out)
}

// Terugkoppeling is the body of GET /api/v1/signalen/{referentie}.
type Terugkoppeling struct {
	Referentie     string                  `json:"referentie"`
	Gemeente       string                  `json:"gemeente"`
	Terugkoppeling signalen.Terugkoppeling `json:"terugkoppeling"`
}

func (a *api) terugkoppeling(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	k := sleutelUit(ctx)
	ref := r.PathValue("referentie")
	gemeente := r.URL.Query().Get("gemeente")
	if msg := a.contract.parameter(a.contract.referentie, "referentie", ref); msg != "" {
		schrijf(w, http.StatusBadRequest, Fout{Fout: msg, Veld: "referentie"})
		return
	}
	if gemeente != "" {
		if msg := a.contract.parameter(a.contract.gemeente, "gemeente", gemeente); msg != "" {
			schrijf(w, http.StatusBadRequest, Fout{Fout: msg, Veld: "gemeente"})
			return
		}
	}
	if gemeente == "" {
		if len(k.Gemeenten) > 1 {
			fout(w, http.StatusBadRequest, "Deze API-sleutel hoort bij meer gemeenten: geef ?gemeente=GM.... mee.")
			return
		}
		if len(k.Gemeenten) == 0 {
			fout(w, http.StatusForbidden, "Deze API-sleutel werkt nu in geen enkele gemeente: het lidmaatschap van uw organisatie is beëindigd of nog niet begonnen.")
			return
		}
		gemeente = k.Gemeenten[0]
	}
	if partner(k) == "" || !auth.Mag(k.Actor(), gemeente, auth.SignalenTerugmelden) {
		fout(w, http.StatusForbidden, "Deze API-sleutel mag geen terugkoppeling lezen voor deze gemeente.")
		return
	}
	t, err := a.Signalen.Terugkoppeling(ctx, gemeente, partner(k), ref)
	switch {
	case errors.Is(err, opslag.ErrNietGevonden):
		fout(w, http.StatusNotFound, "Dit signaal kennen we niet (van uw organisatie, in deze gemeente).")
		return
	case err != nil:
		a.Log.ErrorContext(ctx, "apiv1: terugkoppeling", "gemeente", gemeente, "sleutel", k.ID, "fout", err)
		fout(w, http.StatusInternalServerError, "Er ging iets mis. Probeer het later opnieuw.")
		return
	}
	schrijf(w, http.StatusOK, Terugkoppeling{Referentie: ref, Gemeente: gemeente, Terugkoppeling: t})
}
