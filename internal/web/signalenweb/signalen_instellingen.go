package signalenweb

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/signalen/opslag"
	"github.com/zeker-platform/zeker/internal/web"
)

// instellingenData is the settings page of vroegsignalering for a beheerder: threshold, arrears window,
// matching period, repeat rule, number of residents (for the per-1,000 figures) and the retention per
// outcome. The law fixes none of these; the page shows Zeker's documented defaults beside each field.
type instellingenData struct {
	web.StaffPage
	web.FieldErrors
	Menu         sigMenu
	Actie        string
	Drempel      string
	MinDagen     string
	MaxDagen     string
	Periode      string
	Periodes     []web.Optie
	HerhaalDagen string
	MaxInwoners  string // most residents at one address before a grouping is marked for review
	Inwoners     string
	Standaard    string // retention for outcomes without their own term, months
	Bewaar       []bewaarRij
	Std          stdInstellingen
	// The gemeente's list of briefadressen and the form to add one (signalen_briefadres.go).
	Briefadressen []briefadresRij
	// UitRegister are the briefadressen the household register marks (read-only here).
	UitRegister []registerBriefadres
	Brief       briefadresInvoer
	BriefActie  string
	BriefMax    int
}

// briefadresRij is one entry of the list, with the values of its remove form.
type briefadresRij struct {
	Adres, Naam, Bron                string
	Postcode, Huisnummer, Toevoeging string
}

// registerBriefadres is one briefadres of the household register and how many households have it.
type registerBriefadres struct {
	Adres       string
	Huishoudens int
}

// briefadresInvoer is the add form as filled in.
type briefadresInvoer struct {
	Postcode, Huisnummer, Toevoeging, Naam, Bron string
}

// bewaarRij is the retention of one DDAS outcome: the field (empty = the general term) and Zeker's default.
type bewaarRij struct {
	ID, Resultaat, Waarde string
	ZekerStandaard        int
}

type stdInstellingen struct {
	Drempel                       string
	HerhaalDagen, BewaarStandaard int
	Periode                       string
	MaxInwoners, MaxInwonersGrens int
}

func (s *server) vulInstellingen(r *http.Request, d *instellingenData, gm string) error {
	d.Menu = menuVoor(r.Context(), gm, "instellingen")
	d.Actie = d.Menu.Basis + "/instellingen"
	d.BriefActie, d.BriefMax = d.Menu.Basis+"/briefadressen", opslag.MaxBriefadressen
	lijst, err := s.store.Briefadressen(r.Context(), gm)
	if err != nil {
		return err
	}
	uitRegister, err := s.store.RegisterBriefadressen(r.Context(), gm)
	if err != nil {
		return err
	}
	for _, b := range uitRegister {
		adres := b.Postcode + " (huisnummer onbekend)"
		if b.Huisnummer > 0 {
			adres = strings.TrimSpace(b.Postcode + " " + strconv.Itoa(b.Huisnummer) + " " + b.Toevoeging)
		}
		d.UitRegister = append(d.UitRegister, registerBriefadres{Adres: adres, Huishoudens: b.Huishoudens})
	}
	for _, b := range lijst {
		adres := b.Postcode + " " + strconv.Itoa(b.Huisnummer)
		if b.Toevoeging != "" {
			adres += " " + b.Toevoeging
		}
		d.Briefadressen = append(d.Briefadressen, briefadresRij{Adres: adres, Naam: b.Naam, Bron: b.Bron,
			Postcode: b.Postcode, Huisnummer: strconv.Itoa(b.Huisnummer), Toevoeging: b.Toevoeging})
	}
	std := signalen.StandaardInstellingen()
	d.Std = stdInstellingen{Drempel: bedragNL(std.Drempelbedrag), HerhaalDagen: std.HerhaalDagen,
		BewaarStandaard: std.Bewaartermijnen.Standaard, Periode: periodeNaam(std.Periode),
		MaxInwoners: std.MaxInwonersPerAdres, MaxInwonersGrens: signalen.MaxInwonersPerAdresGrens}
	d.Periodes = opties([][2]string{{"week", "Week (maandag tot en met zondag)"}, {"maand", "Maand"}, {"kwartaal", "Kwartaal"}}, d.Periode)
	return nil
}

func periodeNaam(p signalen.Periode) string {
	switch p {
	case signalen.PeriodeWeek:
		return "week"
	case signalen.PeriodeKwartaal:
		return "kwartaal"
	}
	return "maand"
}

// signalenInstellingen shows the settings of the gemeente (the defaults until the gemeente chose).
func (s *server) signalenInstellingen(w http.ResponseWriter, r *http.Request) {
	d := &instellingenData{}
	gm, ok := s.signalenPagina(w, r, &d.StaffPage, "Vroegsignalering: instellingen")
	if !ok {
		return
	}
	s.toonInstellingen(w, r, d, gm, http.StatusOK)
}

// toonInstellingen renders the settings page with the stored settings (d may hold an add form of a
// briefadres with its errors).
func (s *server) toonInstellingen(w http.ResponseWriter, r *http.Request, d *instellingenData, gm string, status int) {
	inst, inwoners, err := s.store.Instellingen(r.Context(), gm)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d.Drempel = geldInvoer(inst.Drempelbedrag)
	d.MinDagen, d.MaxDagen = strconv.Itoa(inst.MinDagen), strconv.Itoa(inst.MaxDagen)
	d.Periode, d.HerhaalDagen, d.Inwoners = string(inst.Periode), strconv.Itoa(inst.HerhaalDagen), strconv.Itoa(inwoners)
	d.MaxInwoners = strconv.Itoa(inst.MaxInwonersPerAdres)
	d.Standaard = strconv.Itoa(inst.Bewaartermijnen.Standaard)
	std := signalen.StandaardBewaartermijnen()
	for i, res := range signalen.Eindresultaten() {
		rij := bewaarRij{ID: "bewaar-" + strconv.Itoa(i+1), Resultaat: string(res), ZekerStandaard: std.Maanden(res)}
		if m, ok := inst.Bewaartermijnen.PerResultaat[res]; ok {
			rij.Waarde = strconv.Itoa(m)
		}
		d.Bewaar = append(d.Bewaar, rij)
	}
	if err := s.vulInstellingen(r, d, gm); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	s.pages.Render(w, r, status, "signalen_instellingen", d)
}

// geldInvoer writes an amount as a beheerder would type it: "75" or "75,50".
func geldInvoer(b geld.Bedrag) string {
	if b%100 == 0 {
		return strconv.FormatInt(int64(b/100), 10)
	}
	return strings.Replace(b.Decimal(), ".", ",", 1)
}

// signalenInstellingenPost checks every field and stores the settings; errors are shown at their field.
func (s *server) signalenInstellingenPost(w http.ResponseWriter, r *http.Request) {
	d := &instellingenData{}
	gm, ok := s.signalenPagina(w, r, &d.StaffPage, "Vroegsignalering: instellingen")
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		s.kit.StaffError(w, r, http.StatusBadRequest, "We konden het formulier niet lezen. Probeer het opnieuw.")
		return
	}
	f := r.PostForm
	d.Drempel, d.MinDagen, d.MaxDagen = strings.TrimSpace(f.Get("drempel")), strings.TrimSpace(f.Get("mindagen")), strings.TrimSpace(f.Get("maxdagen"))
	d.Periode, d.HerhaalDagen, d.Inwoners = f.Get("periode"), strings.TrimSpace(f.Get("herhaaldagen")), strings.TrimSpace(f.Get("inwoners"))
	d.Standaard = strings.TrimSpace(f.Get("bewaar-standaard"))
	d.MaxInwoners = strings.TrimSpace(f.Get("maxinwoners"))
	inst, _, err := s.store.Instellingen(r.Context(), gm) // keeps what the form does not set (zone)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	if d.Drempel == "" {
		inst.Drempelbedrag = 0
	} else if b, err := geld.Parse(d.Drempel); err != nil || b < 0 {
		d.Add("drempel", "Vul het drempelbedrag in euro in, bijvoorbeeld 75 of 75,50. Geen drempel: vul 0 in.")
	} else {
		inst.Drempelbedrag = b
	}
	geheel := func(id, waarde string, min, max int, leegIs int, bericht string) int {
		if waarde == "" && leegIs >= 0 {
			return leegIs
		}
		n, err := strconv.Atoi(waarde)
		if err != nil || n < min || n > max {
			d.Add(id, bericht)
			return 0
		}
		return n
	}
	inst.MinDagen = geheel("mindagen", d.MinDagen, 0, 3650, 0, "Vul een aantal dagen in van 0 tot en met 3.650. Geen ondergrens: vul 0 in.")
	inst.MaxDagen = geheel("maxdagen", d.MaxDagen, 0, 3650, 0, "Vul een aantal dagen in van 0 tot en met 3.650. Geen bovengrens: vul 0 in.")
	if inst.MaxDagen > 0 && inst.MinDagen > inst.MaxDagen && !heeftFout(&d.FieldErrors, "mindagen", "maxdagen") {
		d.Add("maxdagen", "Het maximum aantal dagen moet groter zijn dan het minimum, of 0 (geen bovengrens).")
	}
	switch p := signalen.Periode(d.Periode); {
	case p.Geldig():
		inst.Periode = p
	default:
		d.Add("periode-week", "Kies week, maand of kwartaal.")
	}
	inst.HerhaalDagen = geheel("herhaaldagen", d.HerhaalDagen, 0, 3650, 0, "Vul een aantal dagen in van 0 tot en met 3.650. Regel uitzetten: vul 0 in.")
	inst.MaxInwonersPerAdres = geheel("maxinwoners", d.MaxInwoners, 1, signalen.MaxInwonersPerAdresGrens, signalen.StandaardMaxInwonersPerAdres,
		"Vul het maximum aantal inwoners op één adres in als heel getal van 1 tot en met "+getalNL(signalen.MaxInwonersPerAdresGrens)+". Leeg: de standaard van Zeker ("+strconv.Itoa(signalen.StandaardMaxInwonersPerAdres)+").")
	inwoners := geheel("inwoners", d.Inwoners, 0, 20_000_000, 0, "Vul het aantal inwoners in als heel getal, bijvoorbeeld 17850. Onbekend: vul 0 in.")
	inst.Bewaartermijnen.Standaard = geheel("bewaar-standaard", d.Standaard, 1, 1200, -1, "Vul de bewaartermijn in maanden in: 1 tot en met 1.200.")
	per := map[signalen.Eindresultaat]int{}
	std := signalen.StandaardBewaartermijnen()
	for i, res := range signalen.Eindresultaten() {
		id := "bewaar-" + strconv.Itoa(i+1)
		rij := bewaarRij{ID: id, Resultaat: string(res), Waarde: strings.TrimSpace(f.Get(id)), ZekerStandaard: std.Maanden(res)}
		d.Bewaar = append(d.Bewaar, rij)
		if rij.Waarde == "" {
			continue
		}
		if m := geheel(id, rij.Waarde, 1, 1200, -1, "Vul voor “"+string(res)+"” 1 tot en met 1.200 maanden in, of laat het leeg voor de algemene termijn."); m > 0 {
			per[res] = m
		}
	}
	inst.Bewaartermijnen.PerResultaat = per
	if len(d.Fouten) == 0 {
		if err := inst.Controleer(); err != nil {
			d.Add("drempel", zin(strings.TrimPrefix(err.Error(), "signalen: ")))
		}
	}
	if len(d.Fouten) > 0 {
		if err := s.vulInstellingen(r, d, gm); err != nil {
			s.kit.InternalError(w, r, err)
			return
		}
		d.Fout = true
		s.pages.Render(w, r, http.StatusUnprocessableEntity, "signalen_instellingen", d)
		return
	}
	if err := s.store.ZetInstellingen(r.Context(), gm, inst, inwoners); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	s.kit.Log().InfoContext(r.Context(), "signalen: instellingen gewijzigd", "gemeente", gm)
	web.TerugNaar(w, r, "/beheer/"+gm+"/signalen/instellingen", "instellingen")
}

func heeftFout(v *web.FieldErrors, ids ...string) bool {
	for _, id := range ids {
		if _, ok := v.FoutBij[id]; ok {
			return true
		}
	}
	return false
}
