package aanvragen_test

import (
	"bytes"
	"errors"
	"github.com/zeker-platform/zeker/internal/datum"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/brief"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/termijn"
)

const gm = "GM0175"

var afzender = brief.Afzender{Naam: "Gemeente Ommen", Adres: []string{"Postbus 100", "7730 AC Ommen"}}

func nieuw(regelingen ...string) aanvragen.NieuweAanvraag {
	return aanvragen.NieuweAanvraag{Gemeente: gm, Formulier: "formulier-0123456789-" + strings.Join(regelingen, "-"), Huishouden: alleenstaande(gm),
		Antwoorden: []aanvragen.Antwoord{{Vraag: "Gemeente", Antwoord: "Ommen"}}, Regelingen: regelingen}
}

func tel(t *testing.T, o omgeving, tabel string) int {
	t.Helper()
	var n int
	if err := o.db.SQL().QueryRowContext(t.Context(), `SELECT COUNT(*) FROM `+tabel).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestAanvraagVanBeginTotBrief(t *testing.T) {
	for _, o := range omgevingen(t, 30, gm) {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			n := nieuw("individuele_inkomenstoeslag", "collectieve_zorgverzekering", "participatie_volwassenen")
			n.Bestanden = []aanvragen.Bestand{{Naam: "C:\\fotos\\loonstrook mei.PDF", Soort: "inkomen", Inhoud: pdf(100)}}
			a, err := o.svc.Start(ctx, n)
			if err != nil {
				t.Fatal(err)
			}
			if len(a.Code) < 26 || a.Referentie == "" || a.Bestond {
				t.Fatalf("aangemaakt = %+v", a)
			}
			// Income is unknown and so is the savings: both asked; the payslip answers income.
			soorten := []aanvragen.DocSoort{}
			for _, x := range a.Nodig {
				soorten = append(soorten, x.Soort)
			}
			if !slices.Equal(soorten, []aanvragen.DocSoort{aanvragen.DocInkomen, aanvragen.DocVermogen}) {
				t.Errorf("nodig = %v", soorten)
			}
			if !slices.Equal(a.Ontbreekt, []aanvragen.DocSoort{aanvragen.DocVermogen}) {
				t.Errorf("ontbreekt = %v", a.Ontbreekt)
			}
			// 2 March 2026 + 8 weeks = 27 April 2026, Koningsdag is the 27th: the end moves to the 28th.
			if got := a.Deadline.Datum.String(); got != "2026-04-28" {
				t.Errorf("deadline = %s (%s)", got, a.Deadline.Uitleg)
			}
			// The same form again: the same application, no second code.
			b, err := o.svc.Start(ctx, n)
			if err != nil || !b.Bestond || b.ID != a.ID || b.Code != "" {
				t.Fatalf("second send = %+v, %v", b, err)
			}
			if got := tel(t, o, "aanvragen_aanvraag"); got != 1 {
				t.Errorf("%d applications", got)
			}
			// The code shows the status; only its hash is stored.
			var hash []byte
			if err := o.db.SQL().QueryRowContext(ctx, `SELECT code_hash FROM aanvragen_aanvraag`).Scan(&hash); err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(hash, []byte(a.Code)) || len(hash) != 32 {
				t.Error("the code is stored, not its hash")
			}
			in, err := o.svc.Inzien(ctx, strings.ToLower(a.Referentie), strings.ToLower(strings.ReplaceAll(a.Code, "-", " ")))
			if err != nil {
				t.Fatal(err)
			}
			if in.Status != aanvragen.Ontbreekt || len(in.Documenten) != 1 || in.Documenten[0].Naam != "loonstrook mei.pdf" || len(in.Regelingen) != 3 {
				t.Errorf("inzage = %+v", in)
			}
			// The case worker cannot decide before the link, and asks for a missing document.
			d, err := o.svc.Aanvraag(ctx, gm, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			_, err = o.svc.Beslis(ctx, gm, a.ID, d.Versie, []aanvragen.BesluitInvoer{{Regeling: "collectieve_zorgverzekering", Soort: aanvragen.Afwijzen, Motivering: "x"}}, consulent, afzender)
			if !errors.Is(err, aanvragen.ErrNietGekoppeld) {
				t.Fatalf("decision without link: %v", err)
			}
			if err := o.svc.VraagDocument(ctx, gm, a.ID, d.Versie, aanvragen.DocBeschikking, "De beschikking van uw uitkering", datum.Nieuw(2026, 3, 16), consulent); err != nil {
				t.Fatal(err)
			}
			// A stale form: the version moved.
			if err := o.svc.Notitie(ctx, gm, a.ID, d.Versie, "te laat", consulent); !errors.Is(err, aanvragen.ErrVerouderd) || !errors.Is(err, errs.Conflict) {
				t.Fatalf("stale note: %v", err)
			}
			// Link by BSN: a wrong 11-proef, then the real one.
			d, _ = o.svc.Aanvraag(ctx, gm, a.ID)
			if err := o.svc.Koppel(ctx, gm, a.ID, d.Versie, "123456789", consulent); err == nil {
				t.Fatal("a BSN failing the 11-proef was accepted")
			} else if f, ok := aanvragen.IsOngeldig(err); !ok || f.Veld != "bsn" {
				t.Fatalf("err = %v", err)
			}
			rec := o.recs[gm][0]
			if err := o.svc.Koppel(ctx, gm, a.ID, d.Versie, rec.BSN[0], consulent); err != nil {
				t.Fatal(err)
			}
			// The resident sends the two missing documents with the code: a photo and a PDF.
			jpg := append([]byte{0xFF, 0xD8, 0xFF, 0xE0}, make([]byte, 50)...)
			in, err = o.svc.StuurNa(ctx, a.Referentie, a.Code, []aanvragen.Bestand{
				{Naam: "IMG_0001.jpeg", Soort: "vermogen", Inhoud: jpg}, {Naam: "beschikking.pdf", Soort: "beschikking", Inhoud: pdf(10)}})
			if err != nil {
				t.Fatal(err)
			}
			if in.Status != aanvragen.TeBeslissen || len(in.Ontbreekt) != 0 || len(in.Documenten) != 3 {
				t.Fatalf("after upload: %+v", in)
			}
			// Decide: award with the engine's amount where it has one, refuse the others.
			d, _ = o.svc.Aanvraag(ctx, gm, a.ID)
			uit, err := o.svc.Beoordeling(d, o.svc.Vandaag())
			if err != nil {
				t.Fatal(err)
			}
			if len(uit["collectieve_zorgverzekering"].Criteria) == 0 {
				t.Fatal("no trace for the decision")
			}
			mot := aanvragen.Motivering(uit["collectieve_zorgverzekering"], aanvragen.Afwijzen)
			if !strings.Contains(mot, "Collectieve zorgverzekering") {
				t.Errorf("motivering = %q", mot)
			}
			// Without an amount from the engine an award needs one.
			_, err = o.svc.Beslis(ctx, gm, a.ID, d.Versie, []aanvragen.BesluitInvoer{{Regeling: "individuele_inkomenstoeslag", Soort: aanvragen.Toekennen, Motivering: "ok"}}, consulent, afzender)
			if f, ok := aanvragen.IsOngeldig(err); !ok || f.Veld != "bedrag-individuele_inkomenstoeslag" {
				t.Fatalf("award without amount: %v", err)
			}
			// A changed amount needs a reason.
			b75 := geld.Euro(75)
			_, err = o.svc.Beslis(ctx, gm, a.ID, d.Versie, []aanvragen.BesluitInvoer{{Regeling: "participatie_volwassenen", Soort: aanvragen.Toekennen, Bedrag: &b75, Motivering: "ok"}}, consulent, afzender)
			if f, ok := aanvragen.IsOngeldig(err); !ok || f.Veld != "reden-participatie_volwassenen" {
				t.Fatalf("changed amount without reason: %v", err)
			}
			// The draft of a refusal the engine could not settle asks the case worker to complete it.
			_, err = o.svc.Beslis(ctx, gm, a.ID, d.Versie, []aanvragen.BesluitInvoer{{Regeling: "collectieve_zorgverzekering", Soort: aanvragen.Afwijzen, Motivering: mot}}, consulent, afzender)
			if f, ok := aanvragen.IsOngeldig(err); !ok || f.Veld != "motivering-collectieve_zorgverzekering" {
				t.Fatalf("draft motivation: %v", err)
			}
			mot = strings.Replace(mot, "(schrijf hier welke en waarom)", "uw spaargeld is hoger dan € 8.000.", 1)
			// The draft of an award under a refusal would contradict it in the letter.
			toe := aanvragen.Motivering(uit["collectieve_zorgverzekering"], aanvragen.Toekennen)
			_, err = o.svc.Beslis(ctx, gm, a.ID, d.Versie, []aanvragen.BesluitInvoer{{Regeling: "collectieve_zorgverzekering", Soort: aanvragen.Afwijzen, Motivering: toe}}, consulent, afzender)
			if f, ok := aanvragen.IsOngeldig(err); !ok || f.Veld != "motivering-collectieve_zorgverzekering" || !strings.Contains(f.Bericht, "Toekennen") {
				t.Fatalf("award draft under a refusal: %v", err)
			}
			b300 := geld.Euro(300)
			r, err := o.svc.Beslis(ctx, gm, a.ID, d.Versie, []aanvragen.BesluitInvoer{
				{Regeling: "participatie_volwassenen", Soort: aanvragen.Toekennen, Motivering: "U voldoet aan de voorwaarden.", Ingang: datum.Nieuw(2026, 1, 1), Einde: datum.Nieuw(2026, 12, 31)},
				{Regeling: "individuele_inkomenstoeslag", Soort: aanvragen.Toekennen, Bedrag: &b300, Reden: "Bedrag uit de beleidsregel 2026", Motivering: "U hebt lang een laag inkomen."},
				{Regeling: "collectieve_zorgverzekering", Soort: aanvragen.Afwijzen, Motivering: mot},
			}, consulent, afzender)
			if err != nil {
				t.Fatal(err)
			}
			if r.BriefID == 0 || len(r.Voorstellen) != 0 {
				t.Fatalf("beslist = %+v", r)
			}
			html, err := o.svc.Brief(ctx, gm, a.ID, r.BriefID)
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{a.Referentie, "Bijdrage meedoen voor volwassenen: U krijgt het", "€ 350,00", "€ 300,00",
				"Collectieve zorgverzekering: U krijgt het niet", "artikel 6:7 van de Algemene wet bestuursrecht", "1 januari 2026 tot en met 31 december 2026"} {
				if !strings.Contains(html, want) {
					t.Errorf("letter lacks %q", want)
				}
			}
			in, err = o.svc.Inzien(ctx, a.Referentie, a.Code)
			if err != nil {
				t.Fatal(err)
			}
			if in.Status != aanvragen.Besloten || len(in.Brieven) != 1 {
				t.Errorf("status after decision: %+v", in)
			}
			if got, err := o.svc.BriefMetCode(ctx, a.Referentie, a.Code, in.Brieven[0]); err != nil || got != html {
				t.Errorf("letter with code: %v", err)
			}
			// The export of awarded amounts of March 2026.
			var csv bytes.Buffer
			cnt, err := o.svc.Export(ctx, gm, datum.Nieuw(2026, 3, 1), datum.Nieuw(2026, 3, 31), &csv)
			if err != nil || cnt != 2 {
				t.Fatalf("export %d rows, %v", cnt, err)
			}
			if !strings.Contains(csv.String(), ";350.00;") || !strings.Contains(csv.String(), ";300.00;") || !strings.Contains(csv.String(), rec.ID) {
				t.Errorf("export = %s", csv.String())
			}
		})
	}
}

func TestSlechteInvoerLaatNietsHalfAchter(t *testing.T) {
	for _, o := range omgevingen(t, 0) {
		t.Run(o.naam, func(t *testing.T) {
			ctx := t.Context()
			exe := append([]byte("MZ\x90\x00"), make([]byte, 100)...)
			cases := []struct {
				naam string
				b    []aanvragen.Bestand
				want error
			}{
				{"renamed exe", []aanvragen.Bestand{{Naam: "loonstrook.pdf", Inhoud: exe}}, aanvragen.ErrBestandSoort},
				{"too large", []aanvragen.Bestand{{Naam: "groot.pdf", Inhoud: pdf(aanvragen.MaxBestand)}}, aanvragen.ErrBestandGroot},
				{"empty", []aanvragen.Bestand{{Naam: "leeg.pdf"}}, aanvragen.ErrBestandLeeg},
				{"too many", make([]aanvragen.Bestand, aanvragen.MaxPerVerzoek+1), aanvragen.ErrTeVeelBestand},
				// the first file is fine, the second not: nothing of either is stored
				{"one bad of two", []aanvragen.Bestand{{Naam: "a.pdf", Inhoud: pdf(10)}, {Naam: "b.png", Inhoud: []byte("<html>")}}, aanvragen.ErrBestandSoort},
			}
			for _, c := range cases {
				n := nieuw("collectieve_zorgverzekering")
				n.Bestanden = c.b
				if _, err := o.svc.Start(ctx, n); !errors.Is(err, c.want) {
					t.Errorf("%s: err = %v, want %v", c.naam, err, c.want)
				}
			}
			n := nieuw("bestaat_niet")
			if _, err := o.svc.Start(ctx, n); err == nil {
				t.Error("an unknown regeling was accepted")
			}
			for _, tab := range []string{"aanvragen_aanvraag", "aanvragen_document", "aanvragen_regeling", "aanvragen_gevraagd"} {
				if got := tel(t, o, tab); got != 0 {
					t.Errorf("%s has %d rows after refused input", tab, got)
				}
			}
		})
	}
}

func TestVerkeerdeCodeTwintigKeer(t *testing.T) {
	for _, o := range omgevingen(t, 0) {
		t.Run(o.naam, func(t *testing.T) {
			ctx := t.Context()
			a, err := o.svc.Start(ctx, nieuw("collectieve_zorgverzekering"))
			if err != nil {
				t.Fatal(err)
			}
			ander, _ := aanvragen.NieuweCode()
			for i := 1; i <= 20; i++ {
				_, err := o.svc.Inzien(ctx, a.Referentie, ander)
				want := aanvragen.ErrCode
				if i >= aanvragen.MaxPogingen {
					want = aanvragen.ErrTeVaak
				}
				if !errors.Is(err, want) {
					t.Fatalf("attempt %d: %v, want %v", i, err, want)
				}
			}
			// Blocked for the right code too, until the window has passed.
			if _, err := o.svc.Inzien(ctx, a.Referentie, a.Code); !errors.Is(err, aanvragen.ErrTeVaak) {
				t.Fatalf("right code while blocked: %v", err)
			}
			if _, err := o.svc.StuurNa(ctx, a.Referentie, a.Code, []aanvragen.Bestand{{Naam: "a.pdf", Inhoud: pdf(5)}}); !errors.Is(err, aanvragen.ErrTeVaak) {
				t.Fatalf("upload while blocked: %v", err)
			}
			o.zet(begin.Add(aanvragen.PogingVenster + time.Minute))
			if _, err := o.svc.Inzien(ctx, a.Referentie, a.Code); err != nil {
				t.Fatalf("after the window: %v", err)
			}
			// An unknown reference gives the same answer as a wrong code.
			if _, err := o.svc.Inzien(ctx, "AV-0000-0000", a.Code); !errors.Is(err, aanvragen.ErrCode) {
				t.Fatalf("unknown reference: %v", err)
			}
		})
	}
}

func TestVierOgen(t *testing.T) {
	for _, o := range omgevingen(t, 5, gm) {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			grens := geld.Euro(100)
			if err := o.svc.ZetInstellingen(ctx, gm, aanvragen.Instellingen{Beslistermijn: termijn.Termijn{Aantal: 6, Eenheid: termijn.Weken}, VierOgenBoven: &grens}); err != nil {
				t.Fatal(err)
			}
			n := nieuw("participatie_volwassenen")
			n.Bestanden = []aanvragen.Bestand{{Soort: "inkomen", Naam: "a.pdf", Inhoud: pdf(3)}, {Soort: "vermogen", Naam: "b.pdf", Inhoud: pdf(3)}}
			a, err := o.svc.Start(ctx, n)
			if err != nil {
				t.Fatal(err)
			}
			if got := a.Deadline.Datum.String(); got != "2026-04-13" {
				t.Errorf("deadline with 6 weeks = %s", got)
			}
			d, _ := o.svc.Aanvraag(ctx, gm, a.ID)
			if err := o.svc.Koppel(ctx, gm, a.ID, d.Versie, o.recs[gm][0].BSN[0], consulent); err != nil {
				t.Fatal(err)
			}
			in := []aanvragen.BesluitInvoer{{Regeling: "participatie_volwassenen", Soort: aanvragen.Toekennen, Motivering: "ok"}}
			d, _ = o.svc.Aanvraag(ctx, gm, a.ID)
			r, err := o.svc.Beslis(ctx, gm, a.ID, d.Versie, in, consulent, afzender)
			if err != nil || len(r.Voorstellen) != 1 || r.BriefID != 0 {
				t.Fatalf("proposal: %+v %v", r, err)
			}
			d, _ = o.svc.Aanvraag(ctx, gm, a.ID)
			if _, err := o.svc.Beslis(ctx, gm, a.ID, d.Versie, in, consulent, afzender); err == nil {
				t.Fatal("the same case worker approved their own proposal")
			}
			r, err = o.svc.Beslis(ctx, gm, a.ID, d.Versie, in, collega, afzender)
			if err != nil || r.BriefID == 0 {
				t.Fatalf("second case worker: %+v %v", r, err)
			}
		})
	}
}

func TestInboxFilters(t *testing.T) {
	for _, o := range omgevingen(t, 0) {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			for i := range 7 {
				o.zet(begin.Add(time.Duration(i) * 24 * time.Hour))
				n := nieuw("collectieve_zorgverzekering")
				n.Formulier += strings.Repeat("x", i)
				if i%2 == 0 {
					n.Regelingen = append(n.Regelingen, "participatie_volwassenen")
				}
				if _, err := o.svc.Start(ctx, n); err != nil {
					t.Fatal(err)
				}
			}
			rs, tot, err := o.svc.Inbox(ctx, gm, aanvragen.Filter{Status: aanvragen.Ontbreekt, Limiet: 3})
			if err != nil || tot != 7 || len(rs) != 3 {
				t.Fatalf("inbox: %d of %d, %v", len(rs), tot, err)
			}
			if !rs[0].Deadline.Voor(rs[1].Deadline) && rs[0].Deadline != rs[1].Deadline {
				t.Error("not sorted by deadline")
			}
			rs, tot, err = o.svc.Inbox(ctx, gm, aanvragen.Filter{Regeling: "participatie_volwassenen"})
			if err != nil || tot != 4 || !strings.Contains(rs[0].Regelingen, "Bijdrage meedoen") {
				t.Fatalf("regeling filter: %d, %v, %+v", tot, err, rs)
			}
			if rs, tot, err := o.svc.Inbox(ctx, gm, aanvragen.Filter{Regeling: "participatie_volwassenen", Woonplaats: "Vilsteren"}); err != nil || tot != 4 || len(rs) != 4 {
				t.Fatalf("regeling + village: %d, %v", tot, err)
			}
			if _, tot, _ := o.svc.Inbox(ctx, gm, aanvragen.Filter{Regeling: "participatie_volwassenen", Woonplaats: "Dalfsen"}); tot != 0 {
				t.Errorf("another village: %d", tot)
			}
			if _, tot, _ = o.svc.Inbox(ctx, "GM1730", aanvragen.Filter{}); tot != 0 {
				t.Errorf("another gemeente sees %d", tot)
			}
			if _, _, err := o.svc.Inbox(ctx, gm, aanvragen.Filter{Status: "x"}); err == nil {
				t.Error("a wrong status was accepted")
			}
		})
	}
}

func TestIntermediairMetToestemming(t *testing.T) {
	for _, o := range omgevingen(t, 0) {
		t.Run(o.naam, func(t *testing.T) {
			ctx := t.Context()
			n := nieuw("collectieve_zorgverzekering")
			n.Intermediair = &aanvragen.Intermediair{Naam: "Fatima Bakker", Organisatie: "Humanitas Ommen"}
			if _, err := o.svc.Start(ctx, n); err == nil {
				t.Fatal("an application for a client without consent was stored")
			} else if f, ok := aanvragen.IsOngeldig(err); !ok || f.Veld != "toestemming" {
				t.Fatalf("err = %v", err)
			}
			n.Intermediair.Toestemming = begin
			n.Intermediair.GebruikerID = 42
			a, err := o.svc.Start(ctx, n)
			if err != nil {
				t.Fatal(err)
			}
			d, err := o.svc.Aanvraag(metActor(ctx), gm, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if im := d.Intermediair; im == nil || im.Naam != "Fatima Bakker" || im.Organisatie != "Humanitas Ommen" || im.GebruikerID != 42 || !im.Toestemming.Equal(begin) {
				t.Errorf("intermediair = %+v", d.Intermediair)
			}
			// A resident's own application has none.
			eigen, err := o.svc.Start(ctx, nieuw("participatie_volwassenen"))
			if err != nil {
				t.Fatal(err)
			}
			if d, _ := o.svc.Aanvraag(metActor(ctx), gm, eigen.ID); d.Intermediair != nil {
				t.Errorf("own application has an intermediary: %+v", d.Intermediair)
			}
		})
	}
}

func TestBuitenBehandelingNaHersteltermijn(t *testing.T) {
	for _, o := range omgevingen(t, 3, gm) {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			n := nieuw("participatie_volwassenen")
			n.Bestanden = []aanvragen.Bestand{{Soort: "inkomen", Naam: "a.pdf", Inhoud: pdf(3)}, {Soort: "vermogen", Naam: "b.pdf", Inhoud: pdf(3)}}
			a, err := o.svc.Start(ctx, n)
			if err != nil {
				t.Fatal(err)
			}
			d, _ := o.svc.Aanvraag(ctx, gm, a.ID)
			if err := o.svc.Koppel(ctx, gm, a.ID, d.Versie, o.recs[gm][0].BSN[0], consulent); err != nil {
				t.Fatal(err)
			}
			d, _ = o.svc.Aanvraag(ctx, gm, a.ID)
			buiten := []aanvragen.BesluitInvoer{{Regeling: "participatie_volwassenen", Soort: aanvragen.BuitenBehandeling, Motivering: "Niet op tijd."}}
			// Nothing missing: buiten behandeling is not a decision to take.
			if _, err := o.svc.Beslis(ctx, gm, a.ID, d.Versie, buiten, consulent, afzender); err == nil {
				t.Fatal("buiten behandeling without a missing document")
			}
			// A hersteltermijn must lie after today.
			if err := o.svc.VraagDocument(ctx, gm, a.ID, d.Versie, aanvragen.DocBeschikking, "", o.svc.Vandaag(), consulent); err == nil {
				t.Fatal("a hersteltermijn of today was accepted")
			}
			if err := o.svc.VraagDocument(ctx, gm, a.ID, d.Versie, aanvragen.DocBeschikking, "", datum.Nieuw(2026, 3, 16), consulent); err != nil {
				t.Fatal(err)
			}
			d, _ = o.svc.Aanvraag(ctx, gm, a.ID)
			// While the term runs: no decision at all.
			for _, soort := range []aanvragen.BesluitSoort{aanvragen.BuitenBehandeling, aanvragen.Afwijzen} {
				in := []aanvragen.BesluitInvoer{{Regeling: "participatie_volwassenen", Soort: soort, Motivering: "x"}}
				if _, err := o.svc.Beslis(ctx, gm, a.ID, d.Versie, in, consulent, afzender); err == nil {
					t.Fatalf("%s accepted while the hersteltermijn runs", soort)
				}
			}
			// On the last day still not; the day after, buiten behandeling is possible, the others not.
			o.zet(time.Date(2026, 3, 16, 12, 0, 0, 0, time.UTC))
			if _, err := o.svc.Beslis(ctx, gm, a.ID, d.Versie, buiten, consulent, afzender); err == nil {
				t.Fatal("buiten behandeling on the last day of the hersteltermijn")
			}
			o.zet(time.Date(2026, 3, 17, 9, 0, 0, 0, time.UTC))
			af := []aanvragen.BesluitInvoer{{Regeling: "participatie_volwassenen", Soort: aanvragen.Afwijzen, Motivering: "x"}}
			if _, err := o.svc.Beslis(ctx, gm, a.ID, d.Versie, af, consulent, afzender); err == nil {
				t.Fatal("a refusal while a document is missing")
			}
			r, err := o.svc.Beslis(ctx, gm, a.ID, d.Versie, buiten, consulent, afzender)
			if err != nil || r.BriefID == 0 {
				t.Fatalf("buiten behandeling after the term: %+v %v", r, err)
			}
			html, _ := o.svc.Brief(ctx, gm, a.ID, r.BriefID)
			if !strings.Contains(html, "Wij behandelen uw aanvraag niet") {
				t.Error("the letter does not say the application is not dealt with")
			}
		})
	}
}

func TestBewaartermijn(t *testing.T) {
	for _, o := range omgevingen(t, 3, gm) {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			besloten := func(formulier string) int64 {
				n := nieuw("participatie_volwassenen")
				n.Formulier += formulier
				n.Bestanden = []aanvragen.Bestand{{Soort: "inkomen", Naam: "a.pdf", Inhoud: pdf(3)}, {Soort: "vermogen", Naam: "b.pdf", Inhoud: pdf(3)}}
				a, err := o.svc.Start(ctx, n)
				if err != nil {
					t.Fatal(err)
				}
				d, _ := o.svc.Aanvraag(ctx, gm, a.ID)
				if err := o.svc.Koppel(ctx, gm, a.ID, d.Versie, o.recs[gm][0].BSN[0], consulent); err != nil {
					t.Fatal(err)
				}
				d, _ = o.svc.Aanvraag(ctx, gm, a.ID)
				if _, err := o.svc.Beslis(ctx, gm, a.ID, d.Versie, []aanvragen.BesluitInvoer{{Regeling: "participatie_volwassenen", Soort: aanvragen.Toekennen, Motivering: "ok"}}, consulent, afzender); err != nil {
					t.Fatal(err)
				}
				return a.ID
			}
			oud := besloten("-oud")
			open, err := o.svc.Start(ctx, nieuw("collectieve_zorgverzekering"))
			if err != nil {
				t.Fatal(err)
			}
			// Not set: nothing goes, however old.
			o.zet(begin.AddDate(5, 0, 0))
			if r, err := o.svc.Bewaar(ctx, gm); err != nil || r.Documenten+r.Aanvragen != 0 || !r.NietIngesteld {
				t.Fatalf("not set: %+v %v", r, err)
			}
			o.zet(begin)
			if err := o.svc.ZetInstellingen(ctx, gm, aanvragen.Instellingen{Beslistermijn: aanvragen.WettelijkBeslis, BewaarDocumenten: 12, BewaarAanvraag: 6}); err == nil {
				t.Fatal("documents kept longer than the application")
			}
			if err := o.svc.ZetInstellingen(ctx, gm, aanvragen.Instellingen{Beslistermijn: aanvragen.WettelijkBeslis, BewaarDocumenten: 6, BewaarAanvraag: 24}); err != nil {
				t.Fatal(err)
			}
			nieuwer := func() int64 { o.zet(begin.AddDate(0, 8, 0)); defer o.zet(begin); return besloten("-nieuw") }()
			// 13 months on: the old one's documents are gone, the newer one (5 months) keeps them; the open one is untouched.
			o.zet(begin.AddDate(1, 1, 0))
			r, err := o.svc.Bewaar(ctx, gm)
			if err != nil || r.Documenten != 2 || r.Aanvragen != 0 {
				t.Fatalf("after 13 months: %+v %v", r, err)
			}
			d, err := o.svc.Aanvraag(ctx, gm, oud)
			if err != nil || len(d.Documenten) != 0 || len(d.Brieven) != 1 || d.Gevraagd[0].DocumentID >= 0 {
				t.Fatalf("old application after the document term: %+v %v", d, err)
			}
			if d, _ := o.svc.Aanvraag(ctx, gm, nieuwer); len(d.Documenten) != 2 {
				t.Errorf("newer application lost its documents: %d", len(d.Documenten))
			}
			// 25 months on: the old application is gone entirely; the open one stays.
			o.zet(begin.AddDate(2, 1, 0))
			if r, err := o.svc.Bewaar(ctx, gm); err != nil || r.Aanvragen != 1 {
				t.Fatalf("after 25 months: %+v %v", r, err)
			}
			if _, err := o.svc.Aanvraag(ctx, gm, oud); !errors.Is(err, errs.NotFound) {
				t.Errorf("old application still there: %v", err)
			}
			if _, err := o.svc.Aanvraag(ctx, gm, open.ID); err != nil {
				t.Errorf("open application deleted: %v", err)
			}
		})
	}
}

func TestAmbtshalve(t *testing.T) {
	for _, o := range omgevingen(t, 40, gm) {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			var rec *register.Record
			var regeling string
			for _, r := range o.recs[gm] {
				h := r.H
				h.Gemeente = gm
				res, err := o.svc.Evalueer(&h, begin, "nl")
				if err != nil {
					continue
				}
				for _, u := range res.Regelingen {
					if u.Oordeel == regels.Recht && u.Bedrag != nil && regeling == "" {
						rec, regeling = r, u.ID
					}
				}
			}
			if rec == nil {
				t.Fatal("no household with a right and an amount among the synthetic ones")
			}
			v := aanvragen.AmbtshalveVoorstel{Gemeente: gm, VoorstelID: 7, RegisterID: rec.ID, Regeling: regeling, Reden: "Uit de scan van maart."}
			a, err := o.svc.Ambtshalve(ctx, v, consulent, afzender)
			if err != nil {
				t.Fatal(err)
			}
			d, err := o.svc.Aanvraag(ctx, gm, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if d.Status != aanvragen.Besloten || d.Kanaal != aanvragen.KanaalAmbtshalve || d.VoorstelID != 7 || d.RegisterID != rec.ID ||
				len(d.Brieven) != 1 || d.Regelingen[0].Besluit != "toekennen" || d.Regelingen[0].BedragCent == nil {
				t.Fatalf("ambtshalve application: %+v", d)
			}
			// The scan's list finds the application of its proposal, in this gemeente only.
			van, err := o.svc.VanVoorstellen(ctx, gm, []int64{7, 8})
			if err != nil || len(van) != 1 || van[7].ID != a.ID || van[7].Referentie != d.Referentie {
				t.Fatalf("VanVoorstellen = %+v, %v", van, err)
			}
			if van, err := o.svc.VanVoorstellen(ctx, "GM1699", []int64{7}); err != nil || len(van) != 0 {
				t.Fatalf("another gemeente: %+v, %v", van, err)
			}
			html, _ := o.svc.Brief(ctx, gm, a.ID, d.Brieven[0])
			for _, want := range []string{"zonder aanvraag", "U hoeft hiervoor niets te doen", "artikel 6:7"} {
				if !strings.Contains(html, want) {
					t.Errorf("letter lacks %q", want)
				}
			}
			// Once per proposal.
			b, err := o.svc.Ambtshalve(ctx, v, consulent, afzender)
			if err != nil || !b.Bestond || b.ID != a.ID {
				t.Fatalf("second time: %+v %v", b, err)
			}
			// One inbox holds it, among the decided.
			rs, _, err := o.svc.Inbox(ctx, gm, aanvragen.Filter{Status: aanvragen.Besloten})
			if err != nil || len(rs) != 1 || rs[0].ID != a.ID {
				t.Fatalf("inbox: %+v %v", rs, err)
			}
			// No right (any more): refused, nothing stored.
			v2 := v
			v2.VoorstelID, v2.Regeling = 8, "bestaat_niet"
			if _, err := o.svc.Ambtshalve(ctx, v2, consulent, afzender); err == nil {
				t.Fatal("an unknown regeling was granted")
			}
		})
	}
}

func TestAlBekendWordtNietGevraagd(t *testing.T) {
	for _, o := range omgevingen(t, 0) {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			if err := o.svc.ZetInstellingen(ctx, gm, aanvragen.Instellingen{Beslistermijn: aanvragen.WettelijkBeslis, AlBekend: []aanvragen.DocSoort{aanvragen.DocInkomen}}); err != nil {
				t.Fatal(err)
			}
			in, err := o.svc.Instellingen(ctx, gm)
			if err != nil || len(in.AlBekend) != 1 || in.AlBekend[0] != aanvragen.DocInkomen {
				t.Fatalf("instellingen: %+v %v", in, err)
			}
			a, err := o.svc.Start(ctx, nieuw("collectieve_zorgverzekering"))
			if err != nil {
				t.Fatal(err)
			}
			// Income is unknown but the gemeente has it itself (Suwinet): only the savings are asked.
			if len(a.Nodig) != 1 || a.Nodig[0].Soort != aanvragen.DocVermogen {
				t.Errorf("nodig = %+v", a.Nodig)
			}
			if err := o.svc.ZetInstellingen(ctx, gm, aanvragen.Instellingen{Beslistermijn: aanvragen.WettelijkBeslis, AlBekend: []aanvragen.DocSoort{"paspoort"}, Versie: in.Versie}); err == nil {
				t.Error("an unknown kind of document was accepted")
			}
		})
	}
}
