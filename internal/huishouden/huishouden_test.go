package huishouden

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/errs"
)

var peildatum = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func TestVoorbeeldenZijnGeldig(t *testing.T) {
	files, err := filepath.Glob("voorbeelden/*.json")
	if err != nil || len(files) < 5 {
		t.Fatalf("voorbeelden: %v, %d bestanden", err, len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		h, err := Parse(data, peildatum)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if h.Aanvrager() == nil {
			t.Errorf("%s: geen aanvrager", f)
		}
	}
}

func TestFoutenMetPad(t *testing.T) {
	tests := []struct {
		name string
		json string
		pad  string
		want string
	}{
		{"geen gemeente", `{"personen":[{"rol":"aanvrager"}]}`, "gemeente", "ontbreekt"},
		{"slechte gemeente", `{"gemeente":"Ommen","personen":[{"rol":"aanvrager"}]}`, "gemeente", "geen gemeentecode"},
		{"toekomst", `{"gemeente":"GM0175","personen":[{"rol":"aanvrager","geboortedatum":"2030-01-01"}]}`, "personen[0].geboortedatum", "na de peildatum"},
		{"negatief", `{"gemeente":"GM0175","personen":[{"rol":"aanvrager","inkomens":[{"soort":"loon","bedrag_per_maand":-5}]}]}`, "personen[0].inkomens[0].bedrag_per_maand", "negatief"},
		{"soort", `{"gemeente":"GM0175","personen":[{"rol":"aanvrager","inkomens":[{"soort":"lotto","bedrag_per_maand":5}]}]}`, "personen[0].inkomens[0].soort", "geen soort inkomen"},
		{"twee aanvragers", `{"gemeente":"GM0175","personen":[{"rol":"aanvrager"},{"rol":"aanvrager"}]}`, "personen", "precies één aanvrager"},
		{"rol", `{"gemeente":"GM0175","personen":[{"rol":"aanvrager"},{"rol":"oom"}]}`, "personen[1].rol", "geen rol"},
		{"onbekend veld", `{"gemeente":"GM0175","personen":[{"rol":"aanvrager"}],"inkomen":5}`, "inkomen", "onbekend veld"},
		{"tikfout in veld", `{"gemeente":"GM0175","personen":[{"rol":"aanvrager"},{"rol":"kind","geboortedatm":"2020-01-01"}]}`, "personen[1].geboortedatm", `onbekend veld (bedoelt u "geboortedatum"?)`},
		{"letters in bedrag", `{"gemeente":"GM0175","personen":[{"rol":"aanvrager","inkomens":[{"soort":"loon","bedrag_per_maand":"veel"}]}]}`, "personen[0].inkomens[0].bedrag_per_maand", "geen geldig bedrag"},
		{"bedrag als ja/nee", `{"gemeente":"GM0175","personen":[{"rol":"aanvrager"}],"vermogen":true}`, "vermogen", "geen geldig bedrag"},
		{"geen datum", `{"gemeente":"GM0175","personen":[{"rol":"aanvrager","geboortedatum":"1990-01-01"},{"rol":"kind","geboortedatum":"1-2-2020"}]}`, "personen[1].geboortedatum", "geen geldige datum"},
		{"datum als getal", `{"gemeente":"GM0175","personen":[{"rol":"aanvrager","geboortedatum":19900101}]}`, "personen[0].geboortedatum", "geen geldige datum"},
		{"rol als getal", `{"gemeente":"GM0175","personen":[{"rol":"aanvrager"},{"rol":5}]}`, "personen[1].rol", "verwacht tekst, gevonden een getal"},
		{"personen als object", `{"gemeente":"GM0175","personen":{}}`, "personen", "verwacht een lijst, gevonden een object"},
		{"wonen als lijst", `{"gemeente":"GM0175","personen":[{"rol":"aanvrager"}],"wonen":[]}`, "wonen", "verwacht een object, gevonden een lijst"},
		{"lijst in plaats van huishouden", `[]`, "$", "verwacht een object, gevonden een lijst"},
		{"kapotte json", `{"gemeente":`, "gemeente", "geen geldige JSON"},
		{"komma te veel", "{\"gemeente\":\"GM0175\",\n \"personen\":[{\"rol\":\"aanvrager\",}]}", "personen[0]", "geen geldige JSON op regel 2, kolom 33"},
		{"leeg", ``, "$", "leeg bestand"},
		{"lege sleutel", `{"":1}`, `$[""]`, "onbekend veld"},
		{"sleutel met punt", `{"gemeente":"GM0175","personen":[{"rol":"aanvrager","a.b":1}]}`, `personen[0]["a.b"]`, "onbekend veld"},
		{"kapot na lege sleutel", `{"personen":[{"":`, `personen[0][""]`, "geen geldige JSON"},
		{"minderjarige aanvrager", `{"gemeente":"GM0175","personen":[{"rol":"aanvrager","geboortedatum":"2015-01-01"}]}`, "personen[0].geboortedatum", "18 jaar of ouder"},
		{"postcode", `{"gemeente":"GM0175","postcode":"12345","personen":[{"rol":"aanvrager"}]}`, "postcode", "geen postcode"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.json), peildatum)
			var fs errs.Fields
			if !errors.As(err, &fs) {
				t.Fatalf("err = %v, want errs.Fields", err)
			}
			for _, f := range fs {
				if f.Path == tt.pad && strings.Contains(f.Reason, tt.want) {
					return
				}
			}
			t.Errorf("got %v, want %s: …%s…", fs, tt.pad, tt.want)
		})
	}
}

func TestVeertigKinderen(t *testing.T) {
	var sb strings.Builder
	sb.WriteString(`{"gemeente":"GM0175","personen":[{"rol":"aanvrager"}`)
	for range 40 {
		sb.WriteString(`,{"rol":"kind"}`)
	}
	sb.WriteString(`]}`)
	_, err := Parse([]byte(sb.String()), peildatum)
	if err == nil || !strings.Contains(err.Error(), "meer dan deze check aankan") {
		t.Errorf("40 kinderen: %v", err)
	}
}

func TestAlleFoutenTegelijk(t *testing.T) {
	_, err := Parse([]byte(`{"gemeente":"X","personen":[{"rol":"aanvrager","geboortedatum":"2030-01-01","inkomens":[{"soort":"loon","bedrag_per_maand":-1}]}]}`), peildatum)
	var fs errs.Fields
	if !errors.As(err, &fs) || len(fs) != 3 {
		t.Errorf("got %v, want 3 problems at once", err)
	}
}

func TestLeeftijdOp29Februari(t *testing.T) {
	geboren := datum.Nieuw(2008, 2, 29)
	p := Persoon{Geboortedatum: &geboren}
	for _, tt := range []struct {
		d    string
		want int
	}{{"2026-02-28", 17}, {"2026-03-01", 18}, {"2028-02-29", 20}} {
		got, _ := p.Leeftijd(datum.Moet(tt.d).Tijd())
		if got != tt.want {
			t.Errorf("leeftijd op %s = %d, want %d", tt.d, got, tt.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("voorbeelden/*.json")
	for _, file := range files {
		data, _ := os.ReadFile(file)
		f.Add(data)
	}
	f.Add([]byte(`{"gemeente":"GM0175","personen":[{"rol":"kind","geboortedatum":"0001-01-01"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		h, err := Parse(data, peildatum)
		if err == nil {
			if h == nil || h.Aanvrager() == nil {
				t.Fatal("geldig huishouden zonder aanvrager")
			}
			return
		}
		var fs errs.Fields
		if !errors.As(err, &fs) || len(fs) == 0 {
			t.Fatalf("fout %T zonder errs.Fields: %v", err, err)
		}
		for _, f := range fs {
			if f.Path == "" || f.Reason == "" {
				t.Fatalf("fout zonder pad of reden: %#v", f)
			}
		}
	})
}
