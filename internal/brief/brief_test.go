package brief

import (
	"errors"
	"github.com/zeker-platform/zeker/internal/datum"
	"strings"
	"testing"
)

func voorbeeld() *Brief {
	return &Brief{
		Afzender:  Afzender{Naam: "Gemeente Ommen", Adres: []string{"Postbus 100", "7730 AC Ommen"}},
		Aan:       Geadresseerde{Naam: "J. de Vries <script>", Adres: []string{"Markt 1", "7731 AA Ommen"}},
		Datum:     datum.Nieuw(2026, 3, 2),
		Kenmerk:   "AV-1234-5678",
		Onderwerp: "Besluit op uw aanvraag",
		Besluiten: []Besluit{
			{Regeling: "Individuele inkomenstoeslag", Uitkomst: Toegekend, Bedrag: "€ 150,00", Periode: "eenmalig", Motivering: []string{"Uw inkomen is laag genoeg."}},
			{Regeling: "Meedoenregeling", Uitkomst: Afgewezen, Motivering: []string{"U voldoet niet aan:", "- Uw inkomen is te hoog.\n- Uw spaargeld is te hoog."}},
		},
	}
}

func TestHTMLNoemtBesluitenEnBezwaar(t *testing.T) {
	h, err := voorbeeld().HTML()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Individuele inkomenstoeslag: U krijgt het", "€ 150,00", "Meedoenregeling: U krijgt het niet",
		"artikel 6:7 van de Algemene wet bestuursrecht", "binnen zes weken",
		// 2 March 2026 + 6 weeks = Monday 13 April 2026 (a working day; Easter Monday is 6 April).
		"uiterlijk op 13 april 2026", "AV-1234-5678", "J. de Vries &lt;script&gt;", "@page",
		"<ul><li>Uw inkomen is te hoog.</li><li>Uw spaargeld is te hoog.</li></ul>", "<p>U voldoet niet aan:</p>",
	} {
		if !strings.Contains(h, want) {
			t.Errorf("letter lacks %q", want)
		}
	}
	if strings.Contains(h, "<script>") {
		t.Error("a name was not escaped")
	}
}

func TestBezwaarLoopDoorNaFeestdag(t *testing.T) {
	// Sent on 13 November 2026: six weeks later is Friday 25 December 2026 (Kerstdag); Atw art. 1 moves
	// the end to the next working day, Monday 28 December.
	b, err := BerekenBezwaar(datum.Nieuw(2026, 11, 13))
	if err != nil {
		t.Fatal(err)
	}
	if got := b.Einde.String(); got != "2026-12-28" {
		t.Errorf("einde = %s, want 2026-12-28", got)
	}
	if b.Verlenging == "" {
		t.Error("the extension is not explained")
	}
}

func TestOnvolledigeBrief(t *testing.T) {
	b := voorbeeld()
	b.Besluiten = nil
	b.Onderwerp = " "
	_, err := b.HTML()
	if !errors.Is(err, ErrOnvolledig) || !strings.Contains(err.Error(), "onderwerp") || !strings.Contains(err.Error(), "besluit") {
		t.Fatalf("err = %v", err)
	}
}

// TestGeenBezwaar: a letter that is no besluit of the gemeente has no bezwaar clause, only its own
// paragraphs.
func TestGeenBezwaar(t *testing.T) {
	b := voorbeeld()
	b.GeenBezwaar = []string{"Dit is geen besluit van de gemeente."}
	h, err := b.HTML()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(h, "Dit is geen besluit van de gemeente.") || !strings.Contains(h, `class="geen-bezwaar"`) {
		t.Error("the paragraphs are missing")
	}
	for _, niet := range []string{"6:7", "bezwaar maken", `class="bezwaar"`, "uiterlijk op"} {
		if strings.Contains(h, niet) {
			t.Errorf("a letter without bezwaar holds %q", niet)
		}
	}
}
