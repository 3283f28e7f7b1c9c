package zakenweb

import (
	"context"
	"github.com/zeker-platform/zeker/internal/datum"
	"net/http"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/zaken"
)

// Nazorg by a partner after the end of a zaak, its contact moments, and reopening under the
// terugvalgarantie (internal/zaken/nazorg.go). The partner is chosen from the gemeente's partners and
// stored by its id; the pages look its name up.

func (s *server) nazorg(w http.ResponseWriter, r *http.Request) {
	s.wijzig(w, r, "nazorg", func(gm string, id int64, f formulier) error {
		start := f.datum("nazorg-start", true)
		var momenten []zaken.NieuwMoment
		if dt, oms := f.tekst("moment-datum"), f.tekst("moment-onderwerp"); dt != "" || oms != "" {
			momenten = append(momenten, zaken.NieuwMoment{Datum: f.datum("moment-datum", true), Onderwerp: oms})
		}
		if f.fout() {
			return nil
		}
		return s.zaken.StartNazorg(r.Context(), gm, id, f.versie("versie"), f.tekst("nazorg-partner"), start, momenten, medewerker(r))
	})
}

func (s *server) contactmoment(w http.ResponseWriter, r *http.Request) {
	s.wijzig(w, r, "contactmoment", func(gm string, id int64, f formulier) error {
		m := zaken.NieuwMoment{Datum: f.datum("moment-datum", true), Onderwerp: f.tekst("moment-onderwerp")}
		if f.fout() {
			return nil
		}
		return s.zaken.PlanContact(r.Context(), gm, id, f.versie("versie"), m, medewerker(r))
	})
}

func (s *server) contactGedaan(w http.ResponseWriter, r *http.Request) {
	s.wijzig(w, r, "contact-gedaan", func(gm string, id int64, f formulier) error {
		moment, err := strconv.ParseInt(f.tekst("moment"), 10, 64)
		if err != nil || moment <= 0 {
			f.d.Add("moment", "Kies het contactmoment dat is geweest.")
		}
		op := f.datum("gedaan-datum", true)
		if f.fout() {
			return nil
		}
		return s.zaken.ContactGedaan(r.Context(), gm, id, f.versie("versie"), moment, op, f.tekst("verslag"), medewerker(r))
	})
}

func (s *server) heropenen(w http.ResponseWriter, r *http.Request) {
	s.wijzig(w, r, "heropend", func(gm string, id int64, f formulier) error {
		return s.zaken.Heropen(r.Context(), gm, id, f.versie("versie"), f.tekst("terugval-reden"), medewerker(r))
	})
}

// partnerNamen returns the names of the gemeente's partners by id (empty without a partner register),
// and the options of the ones that are members today.
func (s *server) partnerNamen(ctx context.Context, gm string) (map[string]string, [][2]string) {
	namen := map[string]string{}
	var leden [][2]string
	if s.partners == nil {
		return namen, nil
	}
	alle, err := s.partners.VanGemeente(ctx, gm)
	if err != nil {
		s.kit.Log().ErrorContext(ctx, "zaken: partners", "fout", err)
		return namen, nil
	}
	vandaag := s.zaken.Vandaag().Tijd()
	for _, p := range alle {
		namen[p.ID] = p.Naam
		if l, ok := p.Lid(gm); ok && l.GeldigOp(vandaag) {
			leden = append(leden, [2]string{p.ID, p.Naam})
		}
	}
	return namen, leden
}

// metNamen replaces partner ids in a timeline text by their names (the timeline stores ids only).
func metNamen(t string, namen map[string]string) string {
	for id, n := range namen {
		if strings.Contains(t, id) {
			t = strings.ReplaceAll(t, id, n)
		}
	}
	return t
}

type nazorgRij struct {
	Partner, Start, Afgesloten, Reden string
	Referentie                        string // the partner's reference (nazorg_partner.go)
	Lopend                            bool
	Momenten                          []momentRij
}

type momentRij struct {
	ID                                int64
	Datum, Onderwerp, Gedaan, Verslag string
	Stand                             string // of a moment not held (momentStand)
}

// momentStand words the state of a contact moment not held, the same on the zaak page and on the
// partner's list (the state itself is zaken.Contactmoment.Status / zaken.PartnerMoment.Status, derived
// in one place).
func momentStand(st zaken.MomentStatus) string {
	switch st {
	case zaken.MomentVervallen:
		return "Vervallen: de nazorg is eerder beëindigd"
	case zaken.MomentNietGehouden:
		return "Niet als gehouden vastgelegd: de nazorg is beëindigd"
	case zaken.MomentGehouden:
		return "Gehouden"
	}
	return "Gepland"
}

func nazorgRijen(ns []zaken.Nazorg, namen map[string]string) ([]nazorgRij, [][2]string) {
	var out []nazorgRij
	open := [][2]string{{"", "Kies een contactmoment"}}
	for _, n := range ns {
		rij := nazorgRij{Partner: naamOf(namen, n.PartnerID), Start: datumNL(n.Start), Lopend: n.Afgesloten.IsZero(), Reden: n.Reden, Referentie: n.Referentie}
		if !n.Afgesloten.IsZero() {
			rij.Afgesloten = datumNL(n.Afgesloten)
		}
		for _, m := range n.Momenten {
			mr := momentRij{ID: m.ID, Datum: datumNL(m.Datum), Onderwerp: m.Onderwerp, Verslag: m.Verslag, Stand: momentStand(m.Status)}
			if !m.Gedaan.IsZero() {
				mr.Gedaan = datumNL(m.Gedaan)
			} else if rij.Lopend {
				open = append(open, [2]string{strconv.FormatInt(m.ID, 10), datumNL(m.Datum) + ": " + m.Onderwerp})
			}
			rij.Momenten = append(rij.Momenten, mr)
		}
		out = append(out, rij)
	}
	return out, open
}

func naamOf(namen map[string]string, id string) string {
	if n, ok := namen[id]; ok {
		return n
	}
	return "partner " + id + " (niet meer bij de gemeente)"
}

// terugvalTekst says whether the zaak can still be reopened.
func terugvalTekst(z zaken.Zaak, tot, vandaag datum.Datum, in zaken.Instellingen) (string, bool) {
	switch {
	case z.Status != zaken.Afgerond:
		return "", false
	case in.Terugval.Maanden <= 0:
		return "De gemeente heeft geen terugvalperiode ingesteld: na een terugval begint een nieuwe zaak (het plan en de tijdlijn van het huishouden blijven).", false
	case vandaag.Na(tot):
		return "De terugvalperiode liep tot en met " + datumNL(tot) + ". Na een terugval begint een nieuwe zaak.", false
	}
	return "Terugvalgarantie tot en met " + datumNL(tot) + " (" + strconv.Itoa(in.Terugval.Maanden) + " maanden na afronden; " + in.Terugval.Bron +
		"). Valt de inwoner terug, dan gaat deze zaak weer open met alles erin: geen nieuwe aanvraag.", true
}
