package beheerweb

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strings"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/tenant"
	"github.com/zeker-platform/zeker/internal/web"
)

// One form edits a gemeente: the system administrator at /systeem/gemeenten/{gemeente} (also name,
// code for a new one, and on/off), the gemeente's beheerder at /beheer/{gemeente}/instellingen (contact
// block, theme and settings).

type gemeenteData struct {
	web.StaffPage
	web.FieldErrors
	G            tenant.Gemeente
	Instellingen string
	Systeem      bool // the system administrator's form (name, code, active)
	Nieuw        bool
	Actie        string
}

var kleurRe = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

func (s *server) gemeenteFormulier(w http.ResponseWriter, r *http.Request, status int, d *gemeenteData) {
	titel := "Gegevens van " + d.G.Naam
	var g *tenant.Gemeente
	switch {
	case d.Nieuw:
		titel = "Gemeente toevoegen"
	case !d.Systeem:
		g = &d.G
	}
	s.vulStaff(&d.StaffPage, r, titel, g)
	if len(d.Fouten) > 0 {
		d.Page.Fout = true
	}
	s.pages.Render(w, r, status, "beheer_gemeente", d)
}

func instellingenTekst(raw json.RawMessage) string {
	if len(raw) == 0 {
		return "{}"
	}
	var buf bytes.Buffer
	if err := json.Indent(&buf, raw, "", "  "); err != nil {
		return string(raw)
	}
	return buf.String()
}

// leesGemeente reads the form into g. The system administrator's form also sets name and active.
func leesGemeente(r *http.Request, d *gemeenteData) {
	get := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	if d.Systeem {
		d.G.Naam = get("naam")
		d.G.Actief = r.PostFormValue("actief") == "ja"
		if d.G.Naam == "" || len(d.G.Naam) > 100 {
			d.Add("naam", "Vul de naam van de gemeente in.")
		}
	}
	d.G.Contact = tenant.Contact{Telefoon: get("telefoon"), Email: get("email"), Website: get("website"),
		Adres: get("adres"), Openingstijden: get("openingstijden"), Tekst: get("tekst")}
	if w := d.G.Contact.Website; w != "" && !strings.HasPrefix(w, "https://") {
		d.Add("website", "Een website begint met https://.")
	}
	if e := d.G.Contact.Email; e != "" && (!strings.Contains(e, "@") || strings.ContainsAny(e, " <>")) {
		d.Add("email", "Vul een geldig e-mailadres in, zoals info@gemeente.nl.")
	}
	for _, v := range []struct{ id, waarde string }{{"tekst", d.G.Contact.Tekst}, {"adres", d.G.Contact.Adres}, {"openingstijden", d.G.Contact.Openingstijden}} {
		if len(v.waarde) > 1000 {
			d.Add(v.id, "Deze tekst is te lang: houd het bij 1000 tekens.")
		}
	}
	d.G.Thema.Primair, d.G.Thema.PrimairTekst, d.G.Thema.Logo = get("primair"), get("primair_tekst"), get("logo")
	if c := d.G.Thema.Primair; c != "" && !kleurRe.MatchString(c) {
		d.Add("primair", "Vul een kleur in als #rrggbb, bijvoorbeeld #00689e.")
	}
	if c := d.G.Thema.PrimairTekst; c != "" && !kleurRe.MatchString(c) {
		d.Add("primair_tekst", "Vul een kleur in als #rrggbb, bijvoorbeeld #ffffff.")
	}
	if p, t := d.G.Thema.Primair, d.G.Thema.PrimairTekst; kleurRe.MatchString(p) {
		if t == "" {
			t = "#ffffff"
		}
		if c := tenant.Contrast(p, t); kleurRe.MatchString(t) && c < 4.5 {
			d.Add("primair_tekst", fmt.Sprintf("De tekstkleur is op de huisstijlkleur niet goed te lezen (contrast %.1f, minstens 4,5 nodig voor WCAG AA). Kies een lichtere of donkerdere kleur.", c))
		}
	}
	if l := d.G.Thema.Logo; l != "" && (strings.Contains(l, "..") || strings.ContainsAny(l, ":\\ ") || strings.HasPrefix(l, "/")) {
		d.Add("logo", "Vul het pad van het logo in onder /static, zoals logo/gm1681.svg.")
	}
	d.Instellingen = r.PostFormValue("instellingen")
	raw := strings.TrimSpace(d.Instellingen)
	if raw == "" {
		raw = "{}"
	}
	var obj map[string]any
	if err := json.Unmarshal([]byte(raw), &obj); err != nil || obj == nil {
		d.Add("instellingen", "De instellingen moeten een JSON-object zijn, bijvoorbeeld {\"bewaartermijn_dagen\": 365}.")
	} else {
		d.G.Instellingen = json.RawMessage(raw)
	}
}

// beheerInstellingen shows the beheerder's form for the gemeente's contact block, theme and settings.
func (s *server) beheerInstellingen(w http.ResponseWriter, r *http.Request) {
	g, err := s.kit.Gemeente(r)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	s.gemeenteFormulier(w, r, http.StatusOK, &gemeenteData{G: g, Instellingen: instellingenTekst(g.Instellingen), Actie: "/beheer/" + g.Code + "/instellingen"})
}

// beheerInstellingenPost saves the beheerder's form.
func (s *server) beheerInstellingenPost(w http.ResponseWriter, r *http.Request) {
	g, err := s.kit.Gemeente(r)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d := &gemeenteData{G: g, Actie: "/beheer/" + g.Code + "/instellingen"}
	s.bewaarGemeente(w, r, d, "/beheer/"+g.Code+"/instellingen")
}

// systeemGemeente shows the system administrator's form for one gemeente.
func (s *server) systeemGemeente(w http.ResponseWriter, r *http.Request) {
	g, err := s.kit.Gemeenten().Haal(r.Context(), r.PathValue("gemeente"))
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	s.gemeenteFormulier(w, r, http.StatusOK, &gemeenteData{G: g, Systeem: true, Instellingen: instellingenTekst(g.Instellingen), Actie: "/systeem/gemeenten/" + g.Code})
}

// systeemGemeentePost saves the system administrator's form.
func (s *server) systeemGemeentePost(w http.ResponseWriter, r *http.Request) {
	g, err := s.kit.Gemeenten().Haal(r.Context(), r.PathValue("gemeente"))
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d := &gemeenteData{G: g, Systeem: true, Actie: "/systeem/gemeenten/" + g.Code}
	s.bewaarGemeente(w, r, d, "/systeem/gemeenten")
}

func (s *server) bewaarGemeente(w http.ResponseWriter, r *http.Request, d *gemeenteData, terug string) {
	if err := r.ParseForm(); err != nil {
		s.kit.StaffError(w, r, http.StatusBadRequest, "We konden het formulier niet lezen. Probeer het opnieuw.")
		return
	}
	leesGemeente(r, d)
	if len(d.Fouten) > 0 {
		s.gemeenteFormulier(w, r, http.StatusUnprocessableEntity, d)
		return
	}
	if err := s.kit.Gemeenten().Wijzig(r.Context(), d.G, s.klok()); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	s.kit.Log().InfoContext(r.Context(), "gemeente gewijzigd", "gemeente", d.G.Code, "door", web.LoginUit(r.Context()).Gebruiker.ID)
	s.beheerLogGemeente(r, d.G.Code, "gemeente.wijzigen")
	web.TerugNaar(w, r, terug, "gemeente")
}

// systeemGemeenteNieuw shows the form for a new gemeente.
func (s *server) systeemGemeenteNieuw(w http.ResponseWriter, r *http.Request) {
	s.gemeenteFormulier(w, r, http.StatusOK, &gemeenteData{Systeem: true, Nieuw: true, G: tenant.Gemeente{Actief: true},
		Instellingen: "{}", Actie: "/systeem/gemeenten/nieuw"})
}

// systeemGemeenteNieuwPost adds a gemeente.
func (s *server) systeemGemeenteNieuwPost(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.kit.StaffError(w, r, http.StatusBadRequest, "We konden het formulier niet lezen. Probeer het opnieuw.")
		return
	}
	d := &gemeenteData{Systeem: true, Nieuw: true, Actie: "/systeem/gemeenten/nieuw"}
	d.G.Code = strings.ToUpper(strings.TrimSpace(r.PostFormValue("code")))
	if err := tenant.ValideerCode(d.G.Code); err != nil {
		d.Add("code", "Vul de CBS-code van de gemeente in: GM en vier cijfers, bijvoorbeeld GM0363.")
	}
	leesGemeente(r, d)
	if len(d.Fouten) > 0 {
		s.gemeenteFormulier(w, r, http.StatusUnprocessableEntity, d)
		return
	}
	err := s.kit.Gemeenten().Maak(r.Context(), d.G, s.klok())
	if errors.Is(err, errs.Conflict) {
		d.Add("code", "Er is al een gemeente met deze code.")
		s.gemeenteFormulier(w, r, http.StatusUnprocessableEntity, d)
		return
	}
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	s.beheerLogGemeente(r, d.G.Code, "gemeente.toevoegen")
	web.TerugNaar(w, r, "/systeem/gemeenten", "gemeente")
}

func (s *server) beheerLogGemeente(r *http.Request, gm, operatie string) {
	if err := s.kit.Audit().Schrijf(r.Context(), audit.Verwerking{Gemeente: gm, Verwerkingsactiviteit: "gemeente.instellen",
		Operatie: operatie, Actie: audit.Wijzigen, Object: "gemeente/" + gm}); err != nil {
		s.kit.Log().ErrorContext(r.Context(), "audit schrijven", "operatie", operatie, "fout", err)
	}
}
