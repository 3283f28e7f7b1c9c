package zaken_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/zaken"
)

// TestJongerenPerspectiefFonds: Borne's fund (seed 003) is offered by Borne's default settings only, its
// three steps are recorded on a zaak of the route schuldhulp (coaching and debts after the aanmelding),
// refused elsewhere at the field, and the worklist finds the zaken on it.
func TestJongerenPerspectiefFonds(t *testing.T) {
	if in := zaken.StandaardInstellingen("GM0147"); !in.Jongerenfonds.Aan || in.Jongerenfonds.Bron != zaken.BronJPFBorne {
		t.Errorf("Borne: %+v", in.Jongerenfonds)
	}
	for _, gm := range []string{"GM1681", "GM1969", "GM0175"} {
		if zaken.StandaardInstellingen(gm).Jongerenfonds.Aan {
			t.Errorf("%s biedt het JPF aan zonder dat het plan het noemt", gm)
		}
	}
	for _, o := range omgevingen(t, op("2026-03-02 09:00"), 3, "GM0147", "GM1681") {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			start := func(gm string, i int, r zaken.Route) int64 {
				id, err := o.svc.Start(ctx, gm, zaken.Hulpvraag{HuishoudenID: o.recs[gm][i].ID, Kanaal: zaken.Balie, Route: r, Gestart: op("2026-03-02 08:45")}, consulent)
				if err != nil {
					t.Fatal(err)
				}
				return id
			}
			jpf, ond, anders := start("GM0147", 0, zaken.Schuldhulp), start("GM0147", 1, zaken.Ondernemers), start("GM1681", 0, zaken.Schuldhulp)
			dag := d("2026-03-02")
			for _, tc := range []struct {
				gm   string
				id   int64
				st   zaken.Stap
				fout string
			}{
				{"GM1681", anders, zaken.StapJPFAangemeld, "biedt het Jongeren Perspectief Fonds niet aan"},
				{"GM0147", ond, zaken.StapJPFAangemeld, "hoort bij de route schuldhulp"},
				{"GM0147", jpf, zaken.StapJPFCoaching, "Leg eerst vast dat de zaak is aangemeld"},
			} {
				err := o.svc.LegStapVast(ctx, tc.gm, tc.id, 1, tc.st, dag, "", consulent)
				if veldVan(err) != "stap" || !strings.Contains(err.Error(), tc.fout) {
					t.Errorf("%s %s: %v", tc.gm, tc.st, err)
				}
			}
			for i, st := range zaken.JPFStappen() {
				if err := o.svc.LegStapVast(ctx, "GM0147", jpf, i+1, st, dag, "", consulent); err != nil {
					t.Fatalf("%s: %v", st, err)
				}
			}
			det, err := o.svc.Zaak(ctx, "GM0147", jpf)
			if err != nil {
				t.Fatal(err)
			}
			var namen []string
			for _, s := range det.Stappen {
				namen = append(namen, s.Stap.Naam())
			}
			if !slices.Equal(namen, []string{"Aangemeld bij het Jongeren Perspectief Fonds (JPF)", "JPF: coaching op zelfredzaamheid en toekomstperspectief gestart", "JPF: schulden opgelost"}) {
				t.Errorf("stappen: %q", namen)
			}
			in, _ := o.svc.Instellingen(ctx, "GM0147")
			if got := zaken.StappenIn(det.Zaak, in); !slices.Contains(got, zaken.StapJPFSchulden) || !slices.Contains(got, zaken.StapMoratorium) {
				t.Errorf("StappenIn: %v", got)
			}
			rs, n, err := o.svc.Werklijst(ctx, "GM0147", zaken.Filter{Stap: zaken.StapJPFAangemeld})
			if err != nil || n != 1 || rs[0].ID != jpf {
				t.Errorf("werklijst JPF: %d %v", n, err)
			}
			// a gemeente switches it on only with a source; stored and read back
			in1681, _ := o.svc.Instellingen(ctx, "GM1681")
			in1681.Jongerenfonds = zaken.Jongerenregel{Aan: true}
			if err := o.svc.ZetInstellingen(ctx, "GM1681", in1681); !errors.Is(err, zaken.ErrOngeldig) {
				t.Errorf("zonder bron: %v", err)
			}
			in1681.Jongerenfonds.Bron = "Beleidsplan (test)"
			if err := o.svc.ZetInstellingen(ctx, "GM1681", in1681); err != nil {
				t.Fatal(err)
			}
			if in, _ := o.svc.Instellingen(ctx, "GM1681"); !in.Jongerenfonds.Aan || in.Jongerenfonds.Bron != "Beleidsplan (test)" {
				t.Errorf("opgeslagen: %+v", in.Jongerenfonds)
			}
			if err := o.svc.LegStapVast(ctx, "GM1681", anders, 1, zaken.StapJPFAangemeld, dag, "", consulent); err != nil {
				t.Errorf("na aanzetten: %v", err)
			}
			// Borne's stored settings keep the fund (the form carries it)
			if err := o.svc.ZetInstellingen(ctx, "GM0147", in); err != nil {
				t.Fatal(err)
			}
			if in, _ := o.svc.Instellingen(ctx, "GM0147"); !in.Jongerenfonds.Aan || in.Jongerenfonds.Bron != zaken.BronJPFBorne {
				t.Errorf("Borne opgeslagen: %+v", in.Jongerenfonds)
			}
		})
	}
}

// TestJongerenMigratie: migration 0310 gives a stored row of Borne the same source as the code's default.
func TestJongerenMigratie(t *testing.T) {
	for _, dia := range []string{"sqlite", "postgres"} {
		b, err := os.ReadFile(filepath.Join("..", "store", "migrations", dia, "0310_zaken_jongerenfonds.sql"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), "'"+zaken.BronJPFBorne+"' WHERE gemeente = 'GM0147'") {
			t.Errorf("%s: de bron in de migratie wijkt af van zaken.BronJPFBorne", dia)
		}
	}
}

// TestJPFAanmeldingWeggehaald: a JPF aanmelding removed as recorded by mistake no longer counts as the
// aanmelding that coaching and debts need.
func TestJPFAanmeldingWeggehaald(t *testing.T) {
	for _, o := range omgevingen(t, op("2026-03-02 09:00"), 1, "GM0147") {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			id, err := o.svc.Start(ctx, "GM0147", zaken.Hulpvraag{HuishoudenID: o.recs["GM0147"][0].ID, Kanaal: zaken.Balie, Route: zaken.Schuldhulp, Gestart: op("2026-03-02 08:45")}, consulent)
			if err != nil {
				t.Fatal(err)
			}
			dag := d("2026-03-02")
			if err := o.svc.LegStapVast(ctx, "GM0147", id, 1, zaken.StapJPFAangemeld, dag, "", consulent); err != nil {
				t.Fatal(err)
			}
			det, err := o.svc.Zaak(ctx, "GM0147", id)
			if err != nil || len(det.Stappen) != 1 {
				t.Fatalf("stappen: %v %v", det.Stappen, err)
			}
			if err := o.svc.VerwijderStap(ctx, "GM0147", id, 2, det.Stappen[0].ID, "per vergissing vastgelegd", consulent); err != nil {
				t.Fatal(err)
			}
			err = o.svc.LegStapVast(ctx, "GM0147", id, 3, zaken.StapJPFCoaching, dag, "", consulent)
			if veldVan(err) != "stap" || !strings.Contains(err.Error(), "Leg eerst vast dat de zaak is aangemeld") {
				t.Errorf("coaching na weggehaalde aanmelding: %v", err)
			}
		})
	}
}
