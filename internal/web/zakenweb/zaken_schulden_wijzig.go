package zakenweb

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// Changing and removing a debt or a budget post, a route step's outcome and removal, and ending nazorg
// early (internal/zaken/schulden_wijzig.go, stappen_uitkomst.go, nazorg_einde.go). A debt or post is
// chosen by its link in the overview (?schuld=ID or ?post=ID); the change form comes filled with what is
// stored, beside the form to remove it with a reason.

// wijzigData is what the zaak page needs for these forms.
type wijzigData struct {
	Schuld, Post                int64 // the chosen debt or post (0: none)
	SchuldNaam, PostNaam        string
	SchuldSoorten, SchuldStaten []web.Optie
	Stappen                     []web.Optie // steps without an outcome
	AlleStappen                 []web.Optie // steps that can be removed
	Uitkomsten                  []web.Optie
}

// invoer writes an amount as the change form shows it (the notation geld.Parse reads back).
func invoer(b geld.Bedrag) string { return strings.TrimPrefix(b.String(), "€ ") }

// vulWijzigen fills the change forms: the debt or post chosen in the URL (or in the form that came back
// with an error), its stored values as the form's values, and the step options.
func (s *server) vulWijzigen(d *zaakData, r *http.Request, det zaken.Detail) {
	w := &d.Wijzig
	kies := func(veld, query string) int64 {
		t := d.veld(veld)
		if t == "" {
			t = r.URL.Query().Get(query)
		}
		v, _ := strconv.ParseInt(t, 10, 64)
		return v
	}
	if d.Form == nil {
		d.Form = map[string]string{}
	}
	if id := kies("wijzig-schuld", "schuld"); id > 0 {
		for _, sc := range det.Overzicht.Schulden {
			if sc.ID != id {
				continue
			}
			w.Schuld, w.SchuldNaam = id, sc.Schuldeiser+", "+sc.Bedrag.String()
			if _, terug := d.Form["wijzig-schuldeiser"]; !terug { // not a change form that came back: fill from what is stored
				d.Form["wijzig-schuldeiser"], d.Form["wijzig-schuld-bedrag"] = sc.Schuldeiser, invoer(sc.Bedrag)
				d.Form["wijzig-schuld-soort"], d.Form["wijzig-schuld-status"] = string(sc.Soort), string(sc.Status)
				if sc.Gestabiliseerd {
					d.Form["wijzig-schuld-stabiel"] = "1"
				}
			}
		}
	}
	ss := [][2]string{}
	for _, x := range zaken.SchuldSoorten() {
		ss = append(ss, [2]string{string(x), x.Naam()})
	}
	w.SchuldSoorten = opties(ss, d.Form["wijzig-schuld-soort"])
	st := [][2]string{}
	for _, x := range zaken.SchuldStatussen() {
		st = append(st, [2]string{string(x), x.Naam()})
	}
	w.SchuldStaten = opties(st, d.Form["wijzig-schuld-status"])
	if id := kies("wijzig-post", "post"); id > 0 {
		for _, p := range det.Overzicht.Budget {
			if p.ID != id {
				continue
			}
			soort := "last"
			if p.Inkomen {
				soort = "inkomen"
			}
			w.Post, w.PostNaam = id, p.Omschrijving+", "+p.Bedrag.String()+" per maand"
			if _, terug := d.Form["wijzig-post-omschrijving"]; !terug {
				d.Form["wijzig-post-soort"], d.Form["wijzig-post-omschrijving"], d.Form["wijzig-post-bedrag"] = soort, p.Omschrijving, invoer(p.Bedrag)
			}
		}
	}
	open := [][2]string{{"", "Kies een stap"}}
	alle := [][2]string{{"", "Kies een stap"}}
	uit := [][2]string{{"", "Kies de uitkomst"}}
	gezien := map[zaken.Uitkomst]bool{}
	for _, sr := range det.Stappen {
		o := [2]string{strconv.FormatInt(sr.ID, 10), sr.Stap.Naam() + " op " + datumNL(sr.Datum)}
		alle = append(alle, o)
		if sr.Uitkomst == "" && len(zaken.UitkomstenVoor(sr.Stap)) > 0 { // a step without outcomes (schuldhulp, JPF) is not offered
			open = append(open, o)
			for _, u := range zaken.UitkomstenVoor(sr.Stap) {
				if !gezien[u] {
					gezien[u] = true
					uit = append(uit, [2]string{string(u), uitkomstLabel(u)})
				}
			}
		}
	}
	w.Stappen, w.AlleStappen = opties(open, d.Form["uitkomst-stap"]), opties(alle, d.Form["weg-stap"])
	w.Uitkomsten = opties(uit, d.Form["uitkomst"])
}

// uitkomstLabel names an outcome in the form's list (a step's own name is on the page, uitkomstTekst).
func uitkomstLabel(u zaken.Uitkomst) string {
	switch u {
	case zaken.BbzToegekend:
		return "Toegekend (Bbz)"
	case zaken.BbzAfgewezen:
		return "Afgewezen (Bbz of moratorium)"
	case zaken.ROZAangenomen:
		return "ROZ neemt de ondernemer aan"
	case zaken.ROZNietAangenomen:
		return "ROZ neemt de ondernemer niet aan"
	case zaken.MoratoriumToegewezen:
		return "Toegewezen door de rechter (moratorium)"
	}
	return string(u)
}

func (f formulier) id(naam, fout string) int64 {
	v, err := strconv.ParseInt(f.tekst(naam), 10, 64)
	if err != nil || v <= 0 {
		f.d.Add(naam, fout)
		return 0
	}
	return v
}

// keuze is how a change form chooses the row it changes or removes (a debt, a budget post, a route
// step): the field with the row's id and the message when none is chosen.
type keuze struct{ veld, fout string }

var (
	kiesSchuld       = keuze{"wijzig-schuld", "Kies de schuld in het overzicht."}
	kiesPost         = keuze{"wijzig-post", "Kies de post in het maandbudget."}
	kiesUitkomstStap = keuze{"uitkomst-stap", "Kies de stap."}
	kiesWegStap      = keuze{"weg-stap", "Kies de stap."}
)

// wijzigRij is the flow of every change or removal of one row of a zaak, on top of wijzig: read the
// chosen row, then the rest of the form (lees: the new values, or the reason of a removal), and only
// without field errors call the service (doe) with the form's versie. Each kind states what differs.
func wijzigRij[T any](s *server, w http.ResponseWriter, r *http.Request, klaar string, k keuze, lees func(formulier) T,
	doe func(ctx context.Context, gemeente string, id int64, versie int, rij int64, v T, door zaken.Medewerker) error) {
	s.wijzig(w, r, klaar, func(gm string, id int64, f formulier) error {
		gekozen := f.id(k.veld, k.fout)
		v := lees(f)
		if f.fout() {
			return nil
		}
		return doe(r.Context(), gm, id, f.versie("versie"), gekozen, v, medewerker(r))
	})
}

// reden reads the reason of a removal from the field naam.
func reden(naam string) func(formulier) string {
	return func(f formulier) string { return f.tekst(naam) }
}

// schuldWijzig changes every field of a debt.
func (s *server) schuldWijzig(w http.ResponseWriter, r *http.Request) {
	wijzigRij(s, w, r, "schuld-gewijzigd", kiesSchuld, func(f formulier) zaken.Schuld {
		return zaken.Schuld{Schuldeiser: f.tekst("wijzig-schuldeiser"), Bedrag: f.bedrag("wijzig-schuld-bedrag"), Soort: zaken.SchuldSoort(f.tekst("wijzig-schuld-soort")),
			Status: zaken.SchuldStatus(f.tekst("wijzig-schuld-status")), Gestabiliseerd: f.tekst("wijzig-schuld-stabiel") == "1"}
	}, s.zaken.WijzigSchuld)
}

// schuldWeg removes a debt from the overview (softly, with the reason).
func (s *server) schuldWeg(w http.ResponseWriter, r *http.Request) {
	wijzigRij(s, w, r, "schuld-verwijderd", kiesSchuld, reden("schuld-weg-reden"), s.zaken.VerwijderSchuld)
}

// budgetWijzig changes a monthly budget post.
func (s *server) budgetWijzig(w http.ResponseWriter, r *http.Request) {
	wijzigRij(s, w, r, "budget-gewijzigd", kiesPost, func(f formulier) zaken.Budgetpost {
		if st := f.tekst("wijzig-post-soort"); st != "inkomen" && st != "last" {
			f.d.Add("wijzig-post-soort", "Kies inkomen of vaste last.")
		}
		return zaken.Budgetpost{Inkomen: f.tekst("wijzig-post-soort") == "inkomen", Omschrijving: f.tekst("wijzig-post-omschrijving"), Bedrag: f.bedrag("wijzig-post-bedrag")}
	}, s.zaken.WijzigBudgetpost)
}

// budgetWeg removes a budget post (softly, with the reason).
func (s *server) budgetWeg(w http.ResponseWriter, r *http.Request) {
	wijzigRij(s, w, r, "budget-verwijderd", kiesPost, reden("post-weg-reden"), s.zaken.VerwijderBudgetpost)
}

// stapUitkomst records the outcome of a route step.
func (s *server) stapUitkomst(w http.ResponseWriter, r *http.Request) {
	wijzigRij(s, w, r, "stap-uitkomst", kiesUitkomstStap, func(f formulier) zaken.StapUitkomst {
		return zaken.StapUitkomst{Uitkomst: zaken.Uitkomst(f.tekst("uitkomst")), Datum: f.datum("uitkomst-datum", true),
			AfkoelingTot: f.datum("afkoeling-tot", false), Toelichting: f.tekst("uitkomst-toelichting")}
	}, s.zaken.LegUitkomstVast)
}

// stapWeg removes a step recorded by mistake (softly, with the reason).
func (s *server) stapWeg(w http.ResponseWriter, r *http.Request) {
	wijzigRij(s, w, r, "stap-verwijderd", kiesWegStap, reden("stap-weg-reden"), s.zaken.VerwijderStap)
}

// nazorgEinde ends the running nazorg early, with the reason.
func (s *server) nazorgEinde(w http.ResponseWriter, r *http.Request) {
	s.wijzig(w, r, "nazorg-beeindigd", func(gm string, id int64, f formulier) error {
		op := f.datum("nazorg-einde", true)
		if f.fout() {
			return nil
		}
		return s.zaken.BeeindigNazorg(r.Context(), gm, id, f.versie("versie"), op, f.tekst("nazorg-einde-reden"), medewerker(r))
	})
}

// uitkomstTekst is a step's outcome on the zaak page ("" while it has none yet; a sentence for a step
// that has no outcome at all).
func uitkomstTekst(st zaken.StapRij) string {
	if st.Uitkomst == "" && len(zaken.UitkomstenVoor(st.Stap)) == 0 {
		return "geen; bij deze stap hoort geen uitkomst." // not "Nog geen uitkomst.": none will come
	}
	if st.Uitkomst == "" {
		return ""
	}
	t := zaken.UitkomstNaam(st.Stap, st.Uitkomst) + " op " + datumNL(st.UitkomstDatum)
	if !st.AfkoelingTot.IsZero() {
		t += "; afkoelingsperiode tot en met " + datumNL(st.AfkoelingTot)
	}
	if st.UitkomstToelichting != "" {
		t += ": " + st.UitkomstToelichting
	}
	return t
}
