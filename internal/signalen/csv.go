package signalen

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/text"
)

// CSVKolommen are the columns of a signal file, the same fields as the API (docs in
// internal/apiv1/openapi.yaml). The first row names the columns, in any order; only referentie,
// partnertype, bedrag, ontstaansdatum and signaaldatum are required columns. Separator ";" or ",".
var CSVKolommen = []string{"referentie", "partnertype", "bedrag", "ontstaansdatum", "signaaldatum", "crisis",
	"crisissoort", "warmeOverdracht", "bsn", "voorletters", "voorvoegsel", "achternaam", "geboortedatum", "straat",
	"postcode", "huisnummer", "toevoeging", "woonplaats", "telefoon", "email"}

// ErrTeVeelRegels is returned for a file with more than MaxBatch signals.
var ErrTeVeelRegels = fmt.Errorf("meer dan %d signalen in één bestand", MaxBatch)

// CSVLevering is a read signal file: the readable signals with their position (0-based data row) and
// the rows that could not be read, as Fout with that position. Pass Signalen and Indexen on to the
// store; it validates them under the batch rule.
type CSVLevering struct {
	Aantal   int
	Signalen []Signaal
	Indexen  []int
	Fouten   []Fout
}

// LeesCSV reads a signal file. Problems with the file as a whole (no header, unknown or missing
// column, not CSV) are an error; problems with one row become a Fout for that row.
func LeesCSV(r io.Reader) (CSVLevering, error) {
	var out CSVLevering
	br := bufio.NewReader(r)
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	eerste, err := br.Peek(4096)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return out, fmt.Errorf("signalen: lees bestand: %w", err)
	}
	kopregel, _, _ := bytes.Cut(eerste, []byte("\n"))
	cr := csv.NewReader(br)
	if bytes.Count(kopregel, []byte(";")) > bytes.Count(kopregel, []byte(",")) {
		cr.Comma = ';'
	}
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	kop, err := cr.Read()
	if err != nil {
		return out, errors.New("signalen: het bestand heeft geen kopregel met kolomnamen")
	}
	kolom := map[string]int{}
	for i, k := range kop {
		naam := strings.TrimSpace(k)
		bekend := ""
		for _, c := range CSVKolommen {
			if strings.EqualFold(c, naam) {
				bekend = c
			}
		}
		if bekend == "" {
			return out, fmt.Errorf("signalen: onbekende kolom %q; mogelijk: %s", truncate(naam, 40), strings.Join(CSVKolommen, ", "))
		}
		if _, dubbel := kolom[bekend]; dubbel {
			return out, fmt.Errorf("signalen: kolom %q staat er twee keer in", bekend)
		}
		kolom[bekend] = i
	}
	for _, c := range CSVKolommen[:5] {
		if _, ok := kolom[c]; !ok {
			return out, fmt.Errorf("signalen: verplichte kolom %q ontbreekt", c)
		}
	}
	for i := 0; ; i++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if i == MaxBatch {
			return out, ErrTeVeelRegels
		}
		out.Aantal++
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) && !errors.Is(pe.Err, csv.ErrFieldCount) {
				// A broken quote can swallow the rest of the file: stop rather than guess.
				return out, fmt.Errorf("signalen: regel %d is geen geldige CSV", pe.Line)
			}
			out.Fouten = append(out.Fouten, nieuweFout(i, "regel", "Deze regel kunnen we niet lezen."))
			continue
		}
		s, f := csvSignaal(rec, kolom, i)
		if f != nil {
			out.Fouten = append(out.Fouten, *f)
			continue
		}
		out.Signalen = append(out.Signalen, s)
		out.Indexen = append(out.Indexen, i)
	}
	return out, nil
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func csvSignaal(rec []string, kolom map[string]int, i int) (Signaal, *Fout) {
	veld := func(naam string) string {
		k, ok := kolom[naam]
		if !ok || k >= len(rec) {
			return ""
		}
		return strings.TrimSpace(rec[k])
	}
	fout := func(v, reden string) (Signaal, *Fout) {
		return Signaal{}, &Fout{Index: i, Field: errs.Field{Path: v, Reason: reden}}
	}
	// Every cell is text from outside: checked once here, so a NUL byte, another control character or
	// broken UTF-8 in one row refuses that row instead of failing the whole delivery in the database. A
	// quoted line break or tab inside a cell is valid CSV and was always accepted, so cells are checked
	// as multi-line text (the API, whose JSON has no such excuse, refuses them in single-line fields).
	for _, naam := range CSVKolommen {
		if k, ok := kolom[naam]; ok && k < len(rec) {
			if err := text.CheckMultiline(rec[k]); err != nil {
				return fout(naam, text.Reason(err))
			}
		}
	}
	var s Signaal
	s.Referentie = veld("referentie")
	s.PartnerType = PartnerType(veld("partnertype"))
	if b := veld("bedrag"); b != "" {
		v, err := geld.Parse(b) // the one notation rule for money text (docs/geld.md)
		if err != nil {
			return fout("bedrag", "Het bedrag klopt niet. "+geld.Reden(err))
		}
		s.Bedrag = v
	}
	for _, d := range []struct {
		naam string
		doel *datum.Datum
	}{{"ontstaansdatum", &s.Ontstaansdatum}, {"signaaldatum", &s.Signaaldatum}, {"geboortedatum", &s.Inwoner.Geboortedatum}} {
		if t := veld(d.naam); t != "" {
			v, err := datum.Parse(t)
			if err != nil {
				return fout(d.naam, "De datum klopt niet. Schrijf JJJJ-MM-DD.")
			}
			*d.doel = v
		}
	}
	for _, b := range []struct {
		naam string
		doel *bool
	}{{"crisis", &s.Crisis}, {"warmeOverdracht", &s.WarmeOverdracht}} {
		switch strings.ToLower(veld(b.naam)) {
		case "", "nee", "n", "false", "0":
		case "ja", "j", "true", "1":
			*b.doel = true
		default:
			return fout(b.naam, "Schrijf ja of nee.")
		}
	}
	s.CrisisSoort = CrisisSoort(veld("crisissoort"))
	in := &s.Inwoner
	in.BSN, in.Voorletters, in.Voorvoegsel, in.Achternaam = veld("bsn"), veld("voorletters"), veld("voorvoegsel"), veld("achternaam")
	in.Telefoon, in.Email = veld("telefoon"), veld("email")
	a := &in.Adres
	a.Straat, a.Postcode, a.Toevoeging, a.Woonplaats = veld("straat"), veld("postcode"), veld("toevoeging"), veld("woonplaats")
	if h := veld("huisnummer"); h != "" {
		n, err := strconv.Atoi(h)
		if err != nil {
			return fout("huisnummer", "Het huisnummer moet een getal zijn. Zet een letter in de kolom toevoeging.")
		}
		a.Huisnummer = n
	}
	return s, nil
}
