package partner_test

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/tenant"
)

var nu = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

func dag(s string) time.Time {
	d, err := partner.ParseDag(s)
	if err != nil {
		panic(err)
	}
	return d
}

func nieuweService(t *testing.T, db *store.DB, vs ...partner.Verhuizer) (*partner.Service, *audit.Log) {
	t.Helper()
	if _, err := tenant.ZaaiStandaard(t.Context(), db, nu); err != nil {
		t.Fatal(err)
	}
	al, err := audit.New(db, []byte(strings.Repeat("k", 32)), func() time.Time { return nu })
	if err != nil {
		t.Fatal(err)
	}
	s, err := partner.New(partner.Config{DB: db, Audit: al, Klok: func() time.Time { return nu }, Verhuizers: vs})
	if err != nil {
		t.Fatal(err)
	}
	return s, al
}

// nieuweServiceZonderZaaien is a Service on a database whose gemeenten are already there.
func nieuweServiceZonderZaaien(t *testing.T, db *store.DB, al *audit.Log) (*partner.Service, *audit.Log) {
	t.Helper()
	s, err := partner.New(partner.Config{DB: db, Audit: al, Klok: func() time.Time { return nu }})
	if err != nil {
		t.Fatal(err)
	}
	return s, al
}

func TestValideer(t *testing.T) {
	for _, tc := range []struct {
		naam   string
		c      partner.Contact
		velden string // fields with a problem, sorted, space-separated
	}{
		{"leeg", partner.Contact{}, ""},
		{"alles goed", partner.Contact{Website: "https://www.voorbeeld.example", WebsiteBron: "eigen website",
			Telefoon: "0591 123 456", TelefoonBron: "eigen website",
			Adres: partner.Adres{Straat: "Voorbeeldstraat", Huisnummer: "1a", Postcode: "9999zz", Plaats: "Demodorp"}, AdresBron: "KvK"}, ""},
		{"website zonder bron", partner.Contact{Website: "https://a.example"}, "websitebron"},
		{"bron zonder website", partner.Contact{WebsiteBron: "x"}, "websitebron"},
		{"website zonder schema", partner.Contact{Website: "www.a.example", WebsiteBron: "x"}, "website"},
		{"javascript", partner.Contact{Website: "javascript:alert(1)", WebsiteBron: "x"}, "website"},
		{"telefoon letters", partner.Contact{Telefoon: "bel ons", TelefoonBron: "x"}, "telefoon"},
		{"telefoon kort", partner.Contact{Telefoon: "12345", TelefoonBron: "x"}, "telefoon"},
		{"adres half", partner.Contact{Adres: partner.Adres{Straat: "Dorpsstraat"}, AdresBron: "x"}, "huisnummer plaats"},
		{"postcode fout", partner.Contact{Adres: partner.Adres{Straat: "A", Huisnummer: "1", Postcode: "0123AB", Plaats: "B"}, AdresBron: "x"}, "postcode"},
		{"huisnummer 0", partner.Contact{Adres: partner.Adres{Straat: "A", Huisnummer: "0", Plaats: "B"}, AdresBron: "x"}, "huisnummer"},
		{"nul-teken", partner.Contact{Website: "https://a.example", WebsiteBron: "a\x00b"}, "websitebron"},
	} {
		t.Run(tc.naam, func(t *testing.T) {
			f := tc.c.Normaliseer().Valideer()
			var got []string
			for _, x := range f {
				got = append(got, x.Path)
			}
			if g := strings.Join(sorted(got), " "); g != tc.velden {
				t.Errorf("fields with problems = %q, want %q (%v)", g, tc.velden, f)
			}
		})
	}
	for kvk, ok := range map[string]bool{"": true, "12345678": true, "1234567": false, "123456789": false, "1234567a": false} {
		if got := partner.ValideerKvK(kvk) == ""; got != ok {
			t.Errorf("ValideerKvK(%q) ok = %v, want %v", kvk, got, ok)
		}
	}
	if got := partner.NormaliseerKvK(" 1234.5678 "); got != "12345678" {
		t.Errorf("NormaliseerKvK = %q", got)
	}
}

func sorted(s []string) []string {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	return s
}

func TestLidmaatschapGeldig(t *testing.T) {
	l := partner.Lidmaatschap{Van: dag("2026-01-01"), Tot: dag("2026-03-31")}
	for d, want := range map[string]bool{"2025-12-31": false, "2026-01-01": true, "2026-03-31": true, "2026-04-01": false} {
		if got := l.GeldigOp(dag(d)); got != want {
			t.Errorf("GeldigOp(%s) = %v, want %v", d, got, want)
		}
	}
	open := partner.Lidmaatschap{Van: dag("2026-01-01")}
	if !open.GeldigOp(dag("2099-01-01")) {
		t.Error("an open membership ends")
	}
	// 23:30 UTC on 31 March is 1 April in Amsterdam (summer time).
	if got := partner.Vandaag(time.Date(2026, 3, 31, 23, 30, 0, 0, time.UTC)); !got.Equal(dag("2026-04-01")) {
		t.Errorf("Vandaag = %v, want 2026-04-01", got)
	}
}

func TestMaakEnLid(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorGebruiker, ID: "1", Naam: "Beheerder test"})
		s, _ := nieuweService(t, db)
		o, err := s.Maak(ctx, partner.Nieuw{Naam: "  Woonstichting Voorbeeld ", KvK: "1234 5678", Gemeente: "GM1681",
			Contact: partner.Contact{Website: "https://voorbeeld.example", WebsiteBron: "eigen website", Adres: partner.Adres{
				Straat: "Voorbeeldstraat", Huisnummer: "1", Postcode: "9999zz", Plaats: "Demodorp"}, AdresBron: "KvK-uittreksel"}})
		if err != nil {
			t.Fatal(err)
		}
		if !partner.GeldigID(o.ID) || o.Naam != "Woonstichting Voorbeeld" || o.KvK != "12345678" {
			t.Fatalf("made %+v", o)
		}
		h, err := s.Haal(ctx, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		if h.Contact.Adres.Postcode != "9999 ZZ" || h.Contact.Adres.String() != "Voorbeeldstraat 1, 9999 ZZ Demodorp" || len(h.Lidmaatschappen) != 1 {
			t.Errorf("stored %+v", h)
		}
		if l, _ := h.Lid("GM1681"); !l.Van.Equal(dag("2026-03-02")) || !l.Tot.IsZero() {
			t.Errorf("membership %+v, want from today, open", l)
		}

		// Same KvK: refused, naming the existing partner.
		_, err = s.Maak(ctx, partner.Nieuw{Naam: "Kopie", KvK: "12345678", Gemeente: "GM0175"})
		var f errs.Fields
		if !errors.As(err, &f) || !strings.Contains(f.Reason("kvk"), "Woonstichting Voorbeeld") || !errors.Is(err, errs.Invalid) {
			t.Errorf("same KvK: %v", err)
		}
		// Bad input: every field named.
		_, err = s.Maak(ctx, partner.Nieuw{Naam: " ", KvK: "12", Gemeente: "GM0175", Van: dag("2026-05-01"), Tot: dag("2026-04-01")})
		if !errors.As(err, &f) || f.Reason("naam") == "" || f.Reason("kvk") == "" || f.Reason("tot") == "" {
			t.Errorf("bad input: %v", err)
		}

		// Member of a second gemeente, ended; the list of GM0175 shows it, the valid members do not.
		if err := s.MaakLid(ctx, o.ID, "GM0175", dag("2025-01-01"), dag("2026-03-01"), 0); err != nil {
			t.Fatal(err)
		}
		alle, err := s.VanGemeente(ctx, "GM0175")
		if err != nil || len(alle) != 1 || len(alle[0].Lidmaatschappen) != 2 {
			t.Fatalf("VanGemeente = %+v, %v", alle, err)
		}
		leden, err := s.LedenOp(ctx, "GM0175", s.Vandaag())
		if err != nil || len(leden) != 0 {
			t.Errorf("LedenOp after end = %+v, %v; want none", leden, err)
		}
		if ok, _ := s.IsLidOp(ctx, o.ID, "GM1681", s.Vandaag()); !ok {
			t.Error("not a member of GM1681")
		}
		// Extending it makes it a member again.
		if err := s.MaakLid(ctx, o.ID, "GM0175", dag("2025-01-01"), time.Time{}, 0); err != nil {
			t.Fatal(err)
		}
		if leden, _ := s.LedenOp(ctx, "GM0175", s.Vandaag()); len(leden) != 1 {
			t.Errorf("LedenOp after extension = %d, want 1", len(leden))
		}
		if _, err := s.Haal(ctx, partner.NieuwID()); !errors.Is(err, errs.NotFound) {
			t.Errorf("unknown id: %v", err)
		}
		if _, err := s.Haal(ctx, "1 OR 1=1"); !errors.Is(err, errs.NotFound) {
			t.Errorf("bad id: %v", err)
		}
	})
}

func TestVoegSamen(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorGebruiker, ID: "1", Naam: "Beheerder test"})
		weiger := false
		v := partner.Verhuizer{Naam: "dingen", Verhuizen: func(ctx context.Context, tx *sql.Tx, van, naar string) (int64, error) {
			if weiger {
				return 0, errors.New("kan niet")
			}
			return 3, nil
		}}
		s, al := nieuweService(t, db, v)
		a, err := s.Maak(ctx, partner.Nieuw{Naam: "Demo woningcorporatie", Gemeente: "GM1681", Van: dag("2026-01-01"), Tot: dag("2026-02-01")})
		if err != nil {
			t.Fatal(err)
		}
		b, err := s.Maak(ctx, partner.Nieuw{Naam: "Demo woningcorporatie", KvK: "87654321", Gemeente: "GM1681", Van: dag("2025-06-01"),
			Contact: partner.Contact{Telefoon: "0591 123 456", TelefoonBron: "eigen website"}})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.MaakLid(ctx, b.ID, "GM0147", dag("2026-01-01"), time.Time{}, 0); err != nil {
			t.Fatal(err)
		}
		weiger = true
		if _, err := s.VoegSamen(ctx, a.ID, b.ID); err == nil {
			t.Fatal("a refusing Verhuizer did not stop the merge")
		}
		if h, _ := s.Haal(ctx, b.ID); h.SamengevoegdIn != "" || len(h.Lidmaatschappen) != 2 {
			t.Fatalf("a refused merge changed %+v", h)
		}
		weiger = false
		res, err := s.VoegSamen(ctx, a.ID, b.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Verhuisd) != 1 || res.Verhuisd[0].Aantal != 3 {
			t.Errorf("Verhuisd = %+v", res.Verhuisd)
		}
		h, err := s.Haal(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		l, _ := h.Lid("GM1681")
		if !l.Van.Equal(dag("2025-06-01")) || !l.Tot.IsZero() {
			t.Errorf("merged membership %s–%s, want 2025-06-01–open", partner.DagTekst(l.Van), partner.DagTekst(l.Tot))
		}
		if _, ok := h.Lid("GM0147"); !ok || h.KvK != "87654321" || h.Contact.Telefoon != "0591 123 456" {
			t.Errorf("kept partner %+v: want GM0147, the KvK and the phone of the other", h)
		}
		w, _ := s.Haal(ctx, b.ID)
		if w.SamengevoegdIn != a.ID || len(w.Lidmaatschappen) != 0 {
			t.Errorf("merged partner %+v", w)
		}
		if lijst, _ := s.VanGemeente(ctx, "GM1681"); len(lijst) != 1 || lijst[0].ID != a.ID {
			t.Errorf("VanGemeente after merge = %+v", lijst)
		}
		if o, err := s.ZoekKvK(ctx, "87654321"); err != nil || o.ID != a.ID {
			t.Errorf("ZoekKvK after merge = %v, %v", o.ID, err)
		}
		for _, gm := range []string{"GM1681", "GM0147"} {
			rs, err := al.Zoek(ctx, audit.Filter{Gemeente: gm, Operatie: "partner.samenvoegen"})
			if err != nil || len(rs) != 1 || !strings.Contains(rs[0].Detail, b.ID) {
				t.Errorf("%s: audit rows of the merge = %+v, %v", gm, rs, err)
			}
		}
		if _, err := s.VoegSamen(ctx, a.ID, b.ID); !errors.Is(err, errs.Conflict) {
			t.Errorf("second merge: %v, want Conflict", err)
		}
		if _, err := s.VoegSamen(ctx, a.ID, a.ID); !errors.Is(err, errs.Invalid) {
			t.Errorf("merge with itself: %v, want Invalid", err)
		}
	})
}
