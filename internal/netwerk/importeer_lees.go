package netwerk

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/partner"
)

// Reading an existing sociale kaart: CSV (one row per service at a location) or the JSON document of
// the export (HSDSDocument). Reading only turns text into values and names what it cannot read, per
// row or per place in the document; Importeer checks the rest and writes all or nothing.
// docs/netwerk.md is the reference of both formats.

// ImportFout is one problem of an import: where (a row "regel 7" or a place "services[2].name"), the
// column or key, and why, in plain Dutch.
type ImportFout struct {
	Plek, Veld, Reden string
}

// ImportFouten are every problem of an import; nothing was written. It is of kind errs.Invalid.
type ImportFouten []ImportFout

func (f ImportFouten) Error() string {
	var b strings.Builder
	b.WriteString("netwerk: import geweigerd, er is niets opgeslagen")
	for i, x := range f {
		if i == 20 {
			fmt.Fprintf(&b, "; en nog %d", len(f)-20)
			break
		}
		b.WriteString("; " + x.String())
	}
	return b.String()
}

// String writes one problem: "regel 7, kolom min_leeftijd: …".
func (x ImportFout) String() string {
	s := x.Plek
	if x.Veld != "" {
		s += ", " + x.Veld
	}
	return s + ": " + x.Reden
}

// Is makes ImportFouten an errs.Invalid.
func (f ImportFouten) Is(target error) bool { return target == errs.Invalid }

// MaxImportDiensten limits the services of one import (a sociale kaart of a gemeente has hundreds).
const MaxImportDiensten = 5000

// invoer is one service read from a file with its organisation and locations.
type invoer struct {
	Plek     string
	Org      invoerOrg
	Dienst   Dienst // no partner and no gemeenten yet; regelingen carry their gemeente ("" : the import's)
	Locaties []invoerLocatie
	velden   map[string]string // errs.Fields path of Dienst/Locatie → the column or key in the file
}

type invoerOrg struct {
	ID, Naam, KvK, Website, WebsiteBron, Telefoon, TelefoonBron string
}

type invoerLocatie struct {
	Locatie
	Openingstijden Openingstijden
	Plek           string // the row of this location, when it is not the service's first
}

// CSVKolommen are the columns of the CSV format, in the order of the export.
var CSVKolommen = []string{"organisatie_id", "organisatie", "kvk", "organisatie_website", "dienst_id", "dienst", "beschrijving",
	"behoeften", "voor_wie", "min_leeftijd", "max_leeftijd", "aanmelden", "kosten", "website", "email", "telefoon", "bereikbaar",
	"regelingen", "status", "bron", "gecontroleerd_op", "locatie_id", "locatie", "locatie_soort", "straat", "huisnummer", "postcode",
	"plaats", "locatie_url", "toegankelijkheid", "locatie_bron", "openingstijden"}

// csvVelden maps the paths of errs.Fields to the CSV columns.
var csvVelden = map[string]string{"naam": "dienst", "beschrijving": "beschrijving", "behoeften": "behoeften", "voorwie": "voor_wie",
	"minleeftijd": "min_leeftijd", "maxleeftijd": "max_leeftijd", "aanmelden": "aanmelden", "kosten": "kosten", "website": "website",
	"email": "email", "telefoon": "telefoon", "status": "status", "bron": "bron", "gecontroleerd": "gecontroleerd_op", "id": "dienst_id",
	"regelingen": "regelingen", "locaties": "locatie_id", "partner": "organisatie", "gemeenten": "organisatie"}

var csvLocatieVelden = map[string]string{"naam": "locatie", "soort": "locatie_soort", "straat": "straat", "huisnummer": "huisnummer",
	"postcode": "postcode", "plaats": "plaats", "url": "locatie_url", "toegankelijkheid": "toegankelijkheid", "bron": "locatie_bron", "id": "locatie_id"}

var statusWoorden = map[string]Status{"actief": Actief, "tijdelijk gesloten": TijdelijkGesloten, "niet actief": Inactief,
	"inactief": Inactief, "opgeheven": Opgeheven}

func leesStatus(s string) (Status, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return Actief, true
	}
	if st, ok := statusWoorden[s]; ok {
		return st, true
	}
	st := Status(s)
	for _, x := range Statussen {
		if x == st {
			return st, true
		}
	}
	return "", false
}

// LeesCSV reads the CSV format: a header with the names of CSVKolommen (any order, comma or semicolon,
// "organisatie" and "dienst" required), then one row per service at a location. Rows of the same
// service (same dienst_id, or same organisation and service name) add its locations; their other
// service columns must be empty or equal. A problem with the file as a whole is the only fout.
func LeesCSV(r io.Reader) ([]invoer, ImportFouten) {
	br := bufio.NewReader(r)
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	eerste, _ := br.Peek(4096)
	kopregel, _, _ := bytes.Cut(eerste, []byte("\n"))
	cr := csv.NewReader(br)
	if bytes.Count(kopregel, []byte(";")) > bytes.Count(kopregel, []byte(",")) {
		cr.Comma = ';'
	}
	cr.FieldsPerRecord = -1
	heel := func(reden string) ([]invoer, ImportFouten) { return nil, ImportFouten{{Plek: "bestand", Reden: reden}} }
	kop, err := cr.Read()
	if err != nil {
		return heel("Het bestand heeft geen kopregel met kolomnamen. De eerste regel noemt de kolommen, bijvoorbeeld organisatie;dienst;behoeften.")
	}
	kolom := map[string]int{}
	for i, k := range kop {
		naam := strings.ToLower(strings.TrimSpace(k))
		if !bekendeKolom(naam) {
			return heel(fmt.Sprintf("Onbekende kolom ‘%s’. Mogelijke kolommen: %s.", kort(naam), strings.Join(CSVKolommen, ", ")))
		}
		if _, dubbel := kolom[naam]; dubbel {
			return heel("De kolom ‘" + naam + "’ staat er twee keer in.")
		}
		kolom[naam] = i
	}
	for _, k := range []string{"organisatie", "dienst"} {
		if _, ok := kolom[k]; !ok {
			return heel("De kolom ‘" + k + "’ ontbreekt; die is verplicht.")
		}
	}
	var uit []invoer
	var fouten ImportFouten
	index := map[string]int{} // service key → index in uit
	for regel := 2; ; regel++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		plek := "regel " + strconv.Itoa(regel)
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return uit, append(fouten, ImportFout{Plek: "regel " + strconv.Itoa(pe.Line), Reden: "Deze regel is geen geldige CSV: " + pe.Err.Error() + "."})
		}
		if err != nil {
			return uit, append(fouten, ImportFout{Plek: plek, Reden: "Het bestand kon niet verder worden gelezen."})
		}
		waarde := func(k string) string {
			if i, ok := kolom[k]; ok && i < len(rec) {
				return strings.TrimSpace(onveilig(rec[i]))
			}
			return ""
		}
		if strings.Join(rec, "") == "" {
			continue // an empty row
		}
		in, rf := leesCSVRegel(plek, waarde)
		fouten = append(fouten, rf...)
		sleutel := strings.ToLower(in.Org.ID + "\x00" + in.Org.KvK + "\x00" + in.Org.Naam + "\x00" + in.Dienst.ID + "\x00" + in.Dienst.Naam)
		if in.Dienst.ID != "" {
			sleutel = "id\x00" + in.Dienst.ID
		}
		if i, ok := index[sleutel]; ok {
			if reden := zelfdeDienst(uit[i], in); reden != "" {
				fouten = append(fouten, ImportFout{Plek: plek, Veld: "kolom dienst", Reden: "Deze dienst staat ook op " + uit[i].Plek + ", " + reden})
				continue
			}
			for _, l := range in.Locaties {
				if l.Bron == "" {
					l.Bron = uit[i].Dienst.Bron
				}
				l.Plek = plek
				uit[i].Locaties = append(uit[i].Locaties, l)
			}
			continue
		}
		if len(uit) == MaxImportDiensten {
			return uit, append(fouten, ImportFout{Plek: plek, Reden: fmt.Sprintf("Een import heeft hoogstens %d diensten; splits het bestand.", MaxImportDiensten)})
		}
		index[sleutel] = len(uit)
		uit = append(uit, in)
	}
	if len(uit) == 0 && len(fouten) == 0 {
		return heel("Het bestand heeft geen diensten: alleen een kopregel.")
	}
	return uit, fouten
}

func bekendeKolom(k string) bool {
	for _, c := range CSVKolommen {
		if c == k {
			return true
		}
	}
	return false
}

func kort(s string) string {
	if len([]rune(s)) > 40 {
		return string([]rune(s)[:40]) + "…"
	}
	return s
}

// zelfdeDienst compares the service columns of two rows of one service: "" when the later row adds
// only a location (its service columns empty or equal).
func zelfdeDienst(a, b invoer) string {
	x, y := a.Dienst, b.Dienst
	for _, v := range []struct{ veld, a, b string }{
		{"beschrijving", x.Beschrijving, y.Beschrijving}, {"voor_wie", x.VoorWie, y.VoorWie}, {"aanmelden", x.Aanmelden, y.Aanmelden},
		{"kosten", x.Kosten, y.Kosten}, {"website", x.Website, y.Website}, {"email", x.Email, y.Email}, {"telefoon", x.Telefoon, y.Telefoon},
		{"bron", x.Bron, y.Bron}, {"bereikbaar", x.Openingstijden.String(), y.Openingstijden.String()},
	} {
		if v.b != "" && v.b != v.a {
			return "met een andere waarde in de kolom " + v.veld + ". Laat die kolom leeg op de volgende regels van dezelfde dienst, of maak er één waarde van."
		}
	}
	return ""
}

// leesCSVRegel reads one row.
func leesCSVRegel(plek string, w func(string) string) (invoer, ImportFouten) {
	var f ImportFouten
	fout := func(kolom, reden string) { f = append(f, ImportFout{Plek: plek, Veld: "kolom " + kolom, Reden: reden}) }
	in := invoer{Plek: plek, velden: csvVelden}
	in.Org = invoerOrg{ID: w("organisatie_id"), Naam: w("organisatie"), KvK: partner.NormaliseerKvK(w("kvk")), Website: w("organisatie_website")}
	if in.Org.Website != "" {
		in.Org.WebsiteBron = w("bron")
	}
	if in.Org.Naam == "" {
		fout("organisatie", "Vul de naam van de organisatie in.")
	}
	d := &in.Dienst
	d.ID, d.Naam, d.Beschrijving, d.VoorWie, d.Aanmelden, d.Kosten = w("dienst_id"), w("dienst"), w("beschrijving"), w("voor_wie"), w("aanmelden"), w("kosten")
	d.Website, d.Email, d.Telefoon, d.Bron = w("website"), w("email"), w("telefoon"), w("bron")
	for _, b := range splitsLijst(w("behoeften")) {
		x, ok := LeesBehoefte(b)
		if !ok {
			fout("behoeften", fmt.Sprintf("‘%s’ is geen onderwerp van de sociale kaart. Kies uit: %s.", kort(b), behoefteLijst()))
			continue
		}
		d.Behoeften = append(d.Behoeften, x)
	}
	for _, k := range []struct {
		kolom string
		p     **int
	}{{"min_leeftijd", &d.MinLeeftijd}, {"max_leeftijd", &d.MaxLeeftijd}} {
		if v := w(k.kolom); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil {
				fout(k.kolom, "Vul een leeftijd in jaren in met cijfers, bijvoorbeeld 18, of laat het leeg.")
				continue
			}
			*k.p = &n
		}
	}
	var err error
	if d.Openingstijden, err = ParseOpeningstijden(w("bereikbaar")); err != nil {
		fout("bereikbaar", importReden(err))
	}
	for _, r := range splitsLijst(w("regelingen")) {
		id, rol, _ := strings.Cut(r, "=")
		id, rol = strings.TrimSpace(id), strings.ToLower(strings.TrimSpace(rol))
		if rol == "" {
			rol = string(Uitvoeren)
		}
		if id == "" || (rol != string(Uitvoeren) && rol != string(Aanvragen)) {
			fout("regelingen", "Schrijf een regeling als id=uitvoeren of id=aanvragen, bijvoorbeeld kindpakket=uitvoeren; meer regelingen met | ertussen.")
			continue
		}
		d.Regelingen = append(d.Regelingen, RegelingRol{Regeling: id, Rol: Rol(rol)})
	}
	st, ok := leesStatus(w("status"))
	if !ok {
		fout("status", "Kies actief, tijdelijk gesloten, niet actief of opgeheven.")
	}
	d.Status = st
	if d.GecontroleerdOp, err = partner.ParseDag(w("gecontroleerd_op")); err != nil {
		fout("gecontroleerd_op", "Schrijf de datum als jaar-maand-dag, bijvoorbeeld 2026-03-02.")
	}
	loc := invoerLocatie{Locatie: Locatie{ID: w("locatie_id"), Naam: w("locatie"), URL: w("locatie_url"), Toegankelijkheid: w("toegankelijkheid"),
		Bron: w("locatie_bron"), Adres: partner.Adres{Straat: w("straat"), Huisnummer: w("huisnummer"), Postcode: w("postcode"), Plaats: w("plaats")}}}
	switch strings.ToLower(w("locatie_soort")) {
	case "", "gebouw", "physical":
		loc.Soort = Fysiek
		if loc.Adres.Leeg() && loc.URL != "" {
			loc.Soort = Virtueel
		}
	case "online", "virtual":
		loc.Soort = Virtueel
	default:
		fout("locatie_soort", "Kies gebouw (met adres) of online (met webadres).")
	}
	if loc.Bron == "" {
		loc.Bron = d.Bron
	}
	if loc.Openingstijden, err = ParseOpeningstijden(w("openingstijden")); err != nil {
		fout("openingstijden", importReden(err))
	}
	heeftLocatie := loc.ID != "" || loc.Naam != "" || !loc.Adres.Leeg() || loc.URL != "" || len(loc.Openingstijden) > 0
	if heeftLocatie {
		if loc.Naam == "" {
			loc.Naam = loc.Adres.Plaats
			if loc.Naam == "" {
				loc.Naam = "Online"
			}
		}
		in.Locaties = []invoerLocatie{loc}
	}
	return in, f
}

// splitsLijst splits a cell of several values: "a|b" (also "a, b" when there is no |).
func splitsLijst(s string) []string {
	sep := "|"
	if !strings.Contains(s, "|") {
		sep = ","
	}
	var uit []string
	for _, x := range strings.Split(s, sep) {
		if x = strings.TrimSpace(x); x != "" {
			uit = append(uit, x)
		}
	}
	return uit
}

func importReden(err error) string {
	s := strings.TrimSuffix(err.Error(), ": "+errs.Invalid.Error())
	return strings.ToUpper(s[:1]) + s[1:]
}
