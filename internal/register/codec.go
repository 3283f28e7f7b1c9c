package register

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	bsnpkg "github.com/zeker-platform/zeker/internal/bsn"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/huishouden"
)

// Kolommen are the columns of the household CSV (docs/import.md), in the order Zeker writes them.
// An import names its columns in a header row; order is free, unknown columns are an error, and
// only huishouden_id, gemeente and aanvrager_geboortedatum are required.
var Kolommen = []string{
	"huishouden_id", "gemeente", "postcode", "woonplaats",
	"aanvrager_bsn", "aanvrager_geboortedatum", "aanvrager_inkomens",
	"partner_bsn", "partner_geboortedatum", "partner_inkomens",
	"kinderen", "medebewoners", "vermogen", "woonsoort", "huur_per_maand",
	"ontvangt", "laag_inkomen_sinds", "schuldsanering", "student",
	"huisnummer", "toevoeging", "briefadres",
}

const (
	kID = iota
	kGemeente
	kPostcode
	kWoonplaats
	kAanvragerBSN
	kAanvragerGeb
	kAanvragerInk
	kPartnerBSN
	kPartnerGeb
	kPartnerInk
	kKinderen
	kMedebewoners
	kVermogen
	kWoonsoort
	kHuur
	kOntvangt
	kLaagInkomen
	kSchuldsanering
	kStudent
	kHuisnummer
	kToevoeging
	kBriefadres
	aantalKolommen
)

var verplicht = []int{kID, kGemeente, kAanvragerGeb}

// RijFout is a problem in one row of an import: the line, the column and the reason.
type RijFout struct {
	Regel  int    `json:"regel"`
	Kolom  string `json:"kolom"`
	Reden  string `json:"reden"`
	Record string `json:"-"` // the raw row, for the file of rejected rows
}

func (e *RijFout) Error() string {
	if e.Kolom == "" {
		return fmt.Sprintf("regel %d: %s", e.Regel, e.Reden)
	}
	return fmt.Sprintf("regel %d, kolom %s: %s", e.Regel, e.Kolom, e.Reden)
}

// Indeling maps the columns of a header to their positions.
type Indeling struct {
	pos [aantalKolommen]int // -1: absent
	n   int
}

// NieuweIndeling reads a header row.
func NieuweIndeling(header []string) (*Indeling, error) {
	ind := &Indeling{n: len(header)}
	for i := range ind.pos {
		ind.pos[i] = -1
	}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		k := -1
		for j, naam := range Kolommen {
			if naam == h {
				k = j
			}
		}
		if k < 0 {
			return nil, &RijFout{Regel: 1, Kolom: h, Reden: fmt.Sprintf("onbekende kolom %q (zie docs/import.md)", h)}
		}
		if ind.pos[k] >= 0 {
			return nil, &RijFout{Regel: 1, Kolom: h, Reden: "kolom staat er twee keer in"}
		}
		ind.pos[k] = i
	}
	for _, k := range verplicht {
		if ind.pos[k] < 0 {
			return nil, &RijFout{Regel: 1, Kolom: Kolommen[k], Reden: "verplichte kolom ontbreekt"}
		}
	}
	return ind, nil
}

// StandaardIndeling is the layout of Kolommen in order.
func StandaardIndeling() *Indeling {
	ind := &Indeling{n: aantalKolommen}
	for i := range ind.pos {
		ind.pos[i] = i
	}
	return ind
}

func (ind *Indeling) veld(rij []string, k int) string {
	if p := ind.pos[k]; p >= 0 && p < len(rij) {
		return strings.TrimSpace(rij[p])
	}
	return ""
}

// ParseRij reads one CSV row into a Record. It checks the syntax of every cell; the household's own
// rules (one aanvrager, dates before the reference date, …) are checked by Valideer.
func (ind *Indeling) ParseRij(regel int, rij []string) (*Record, error) {
	fout := func(k int, format string, args ...any) error {
		return &RijFout{Regel: regel, Kolom: Kolommen[k], Reden: fmt.Sprintf(format, args...)}
	}
	if len(rij) != ind.n {
		return nil, &RijFout{Regel: regel, Reden: fmt.Sprintf("%d kolommen, verwacht %d", len(rij), ind.n)}
	}
	rec := &Record{ID: ind.veld(rij, kID)}
	if rec.ID == "" {
		return nil, fout(kID, "ontbreekt")
	}
	if len(rec.ID) > 64 {
		return nil, fout(kID, "langer dan 64 tekens")
	}
	h := &rec.H
	h.Gemeente = ind.veld(rij, kGemeente)
	h.Postcode = strings.ToUpper(strings.ReplaceAll(ind.veld(rij, kPostcode), " ", ""))
	h.Woonplaats = ind.veld(rij, kWoonplaats)

	persoon := func(rol huishouden.Rol, kBSN, kGeb, kInk int) error {
		p := huishouden.Persoon{Rol: rol}
		bsn := ind.veld(rij, kBSN)
		if bsn != "" && !bsnpkg.Geldig(bsn) {
			return fout(kBSN, "%q is geen geldig BSN (9 cijfers, elfproef)", bsn)
		}
		if s := ind.veld(rij, kGeb); s != "" {
			d, err := datum.Parse(s)
			if err != nil {
				return fout(kGeb, "%v", err)
			}
			p.Geboortedatum = &d
		}
		inks, onbekend, err := parseInkomens(ind.veld(rij, kInk))
		if err != nil {
			return fout(kInk, "%v", err)
		}
		p.Inkomens, p.InkomenOnbekend = inks, onbekend
		h.Personen = append(h.Personen, p)
		rec.BSN = append(rec.BSN, bsn)
		return nil
	}
	if err := persoon(huishouden.Aanvrager, kAanvragerBSN, kAanvragerGeb, kAanvragerInk); err != nil {
		return nil, err
	}
	if ind.veld(rij, kPartnerBSN) != "" || ind.veld(rij, kPartnerGeb) != "" || ind.veld(rij, kPartnerInk) != "" {
		if err := persoon(huishouden.Partner, kPartnerBSN, kPartnerGeb, kPartnerInk); err != nil {
			return nil, err
		}
	}
	for _, kk := range []struct {
		k   int
		rol huishouden.Rol
	}{{kKinderen, huishouden.Kind}, {kMedebewoners, huishouden.Medebewoner}} {
		s := ind.veld(rij, kk.k)
		if s == "" {
			continue
		}
		for i, item := range strings.Split(s, ";") {
			delen := strings.Split(strings.TrimSpace(item), "/")
			if len(delen) < 2 || len(delen) > 3 || (len(delen) == 3 && (kk.rol != huishouden.Medebewoner || delen[2] != "commercieel")) {
				return nil, fout(kk.k, "persoon %d: schrijf bsn/geboortedatum (medebewoner: bsn/geboortedatum/commercieel), gevonden %q", i+1, item)
			}
			p := huishouden.Persoon{Rol: kk.rol, HuurBetaalt: len(delen) == 3}
			bsn := strings.TrimSpace(delen[0])
			if bsn != "" && !bsnpkg.Geldig(bsn) {
				return nil, fout(kk.k, "persoon %d: %q is geen geldig BSN (9 cijfers, elfproef)", i+1, bsn)
			}
			if g := strings.TrimSpace(delen[1]); g != "" {
				d, err := datum.Parse(g)
				if err != nil {
					return nil, fout(kk.k, "persoon %d: %v", i+1, err)
				}
				p.Geboortedatum = &d
			}
			if len(h.Personen) >= huishouden.MaxPersonen {
				return nil, fout(kk.k, "meer dan %d personen", huishouden.MaxPersonen)
			}
			h.Personen = append(h.Personen, p)
			rec.BSN = append(rec.BSN, bsn)
		}
	}
	if s := ind.veld(rij, kVermogen); s != "" {
		b, err := geld.Parse(s)
		if err != nil {
			return nil, fout(kVermogen, "%q is geen bedrag in euro", s)
		}
		h.Vermogen = &b
	}
	switch s := ind.veld(rij, kWoonsoort); s {
	case "", "huur", "koop", "inwonend":
		h.Wonen.Soort = huishouden.WoonSoort(s)
	default:
		return nil, fout(kWoonsoort, "%q is geen woonsoort (huur, koop of inwonend)", s)
	}
	if s := ind.veld(rij, kHuur); s != "" {
		b, err := geld.Parse(s)
		if err != nil {
			return nil, fout(kHuur, "%q is geen bedrag in euro", s)
		}
		h.Wonen.HuurPerMaand = &b
	}
	switch s := ind.veld(rij, kOntvangt); s {
	case "onbekend":
	case "":
		h.Ontvangt = []huishouden.Ontvangst{}
	default:
		h.Ontvangt = []huishouden.Ontvangst{}
		for _, item := range strings.Split(s, ";") {
			naam, sinds, heeft := strings.Cut(strings.TrimSpace(item), "@")
			naam = strings.TrimSpace(naam)
			if naam == "" || !idTekens(naam) {
				return nil, fout(kOntvangt, "%q: schrijf regeling@jjjj-mm-dd, bijvoorbeeld bijstand@2021-03-01", item)
			}
			o := huishouden.Ontvangst{Regeling: naam}
			if heeft && strings.TrimSpace(sinds) != "" {
				d, err := datum.Parse(sinds)
				if err != nil {
					return nil, fout(kOntvangt, "%s: %v", naam, err)
				}
				o.Sinds = &d
			}
			if len(h.Ontvangt) >= huishouden.MaxOntvangsten {
				return nil, fout(kOntvangt, "meer dan %d regelingen", huishouden.MaxOntvangsten)
			}
			h.Ontvangt = append(h.Ontvangt, o)
		}
	}
	if s := ind.veld(rij, kLaagInkomen); s != "" {
		d, err := datum.Parse(s)
		if err != nil {
			return nil, fout(kLaagInkomen, "%v", err)
		}
		h.LaagInkomenSinds = &d
	}
	for _, kb := range []int{kSchuldsanering, kStudent} {
		s := ind.veld(rij, kb)
		var v *bool
		switch strings.ToLower(s) {
		case "":
		case "ja", "true", "1":
			t := true
			v = &t
		case "nee", "false", "0":
			f := false
			v = &f
		default:
			return nil, fout(kb, "%q: schrijf ja, nee of laat leeg (onbekend)", s)
		}
		if kb == kSchuldsanering {
			h.Personen[0].Schuldsanering = v
		} else {
			h.Personen[0].Student = v
		}
	}
	if err := leesAdres(rec, ind.veld(rij, kHuisnummer), ind.veld(rij, kToevoeging), ind.veld(rij, kBriefadres), func(k int, reden string) error {
		return fout(k, "%s", reden)
	}); err != nil {
		return nil, err
	}
	return rec, nil
}

func idTekens(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return len(s) <= 64
}

func parseInkomens(s string) ([]huishouden.Inkomen, bool, error) {
	switch s {
	case "":
		return nil, false, nil
	case "onbekend":
		return nil, true, nil
	}
	var out []huishouden.Inkomen
	for _, item := range strings.Split(s, ";") {
		soort, bedrag, ok := strings.Cut(strings.TrimSpace(item), "=")
		if !ok {
			return nil, false, fmt.Errorf("%q: schrijf soort=bedrag, bijvoorbeeld aow=1450.00;pensioen=210.50", item)
		}
		b, err := geld.Parse(strings.TrimSpace(bedrag))
		if err != nil {
			return nil, false, fmt.Errorf("%q is geen bedrag in euro", bedrag)
		}
		if len(out) >= huishouden.MaxInkomens {
			return nil, false, fmt.Errorf("meer dan %d inkomens", huishouden.MaxInkomens)
		}
		out = append(out, huishouden.Inkomen{Soort: huishouden.InkomenSoort(strings.TrimSpace(soort)), BedragPerMaand: b})
	}
	return out, false, nil
}

// Rij writes a Record as a CSV row in the order of Kolommen. It is the inverse of ParseRij for every
// household ParseRij accepts.
func (rec *Record) Rij() []string {
	out := make([]string, aantalKolommen)
	h := &rec.H
	out[kID], out[kGemeente], out[kPostcode], out[kWoonplaats] = rec.ID, h.Gemeente, h.Postcode, h.Woonplaats
	var kinderen, mede []string
	for i := range h.Personen {
		p := &h.Personen[i]
		bsn := ""
		if i < len(rec.BSN) {
			bsn = rec.BSN[i]
		}
		geb := ""
		if p.Geboortedatum != nil {
			geb = p.Geboortedatum.String()
		}
		switch p.Rol {
		case huishouden.Aanvrager:
			out[kAanvragerBSN], out[kAanvragerGeb], out[kAanvragerInk] = bsn, geb, inkomensTekst(p)
			out[kSchuldsanering], out[kStudent] = janee(p.Schuldsanering), janee(p.Student)
		case huishouden.Partner:
			out[kPartnerBSN], out[kPartnerGeb], out[kPartnerInk] = bsn, geb, inkomensTekst(p)
		case huishouden.Kind:
			kinderen = append(kinderen, bsn+"/"+geb)
		case huishouden.Medebewoner:
			s := bsn + "/" + geb
			if p.HuurBetaalt {
				s += "/commercieel"
			}
			mede = append(mede, s)
		}
	}
	out[kKinderen], out[kMedebewoners] = strings.Join(kinderen, ";"), strings.Join(mede, ";")
	if h.Vermogen != nil {
		out[kVermogen] = h.Vermogen.Decimal()
	}
	out[kWoonsoort] = string(h.Wonen.Soort)
	if h.Wonen.HuurPerMaand != nil {
		out[kHuur] = h.Wonen.HuurPerMaand.Decimal()
	}
	if h.Ontvangt == nil {
		out[kOntvangt] = "onbekend"
	} else {
		parts := make([]string, len(h.Ontvangt))
		for i, o := range h.Ontvangt {
			parts[i] = o.Regeling
			if o.Sinds != nil {
				parts[i] += "@" + o.Sinds.String()
			}
		}
		out[kOntvangt] = strings.Join(parts, ";")
	}
	if h.LaagInkomenSinds != nil {
		out[kLaagInkomen] = h.LaagInkomenSinds.String()
	}
	if rec.Huisnummer > 0 {
		out[kHuisnummer] = strconv.Itoa(rec.Huisnummer)
	}
	out[kToevoeging] = rec.Toevoeging
	if rec.Briefadres {
		out[kBriefadres] = "ja"
	}
	return out
}

func janee(b *bool) string {
	switch {
	case b == nil:
		return ""
	case *b:
		return "ja"
	}
	return "nee"
}

func inkomensTekst(p *huishouden.Persoon) string {
	if p.InkomenOnbekend {
		return "onbekend"
	}
	parts := make([]string, len(p.Inkomens))
	for i, ink := range p.Inkomens {
		parts[i] = string(ink.Soort) + "=" + ink.BedragPerMaand.Decimal()
	}
	return strings.Join(parts, ";")
}

// jsonPersoon is a person in the import JSON: the household JSON's person with a BSN.
type jsonPersoon struct {
	BSN string `json:"bsn,omitempty"`
	huishouden.Persoon
}

// jsonHuishouden is one household in the import JSON: docs/huishouden.md plus "id" and per person
// "bsn".
type jsonHuishouden struct {
	ID       string        `json:"id"`
	Personen []jsonPersoon `json:"personen"`
	// Ontvangt without omitempty: [] (none) and null (unknown) differ.
	Ontvangt []huishouden.Ontvangst `json:"ontvangt"`
	// The address columns of the CSV (leesAdres).
	Huisnummer int    `json:"huisnummer,omitempty"`
	Toevoeging string `json:"toevoeging,omitempty"`
	Briefadres bool   `json:"briefadres,omitempty"`
	huishouden.Huishouden
}

// MarshalJSON writes the import JSON of a record.
func (rec *Record) MarshalJSON() ([]byte, error) {
	j := jsonHuishouden{ID: rec.ID, Huishouden: rec.H, Ontvangt: rec.H.Ontvangt, Huisnummer: rec.Huisnummer, Toevoeging: rec.Toevoeging, Briefadres: rec.Briefadres}
	j.Huishouden.Personen, j.Huishouden.Ontvangt = nil, nil
	for i, p := range rec.H.Personen {
		bsn := ""
		if i < len(rec.BSN) {
			bsn = rec.BSN[i]
		}
		j.Personen = append(j.Personen, jsonPersoon{BSN: bsn, Persoon: p})
	}
	return json.Marshal(j)
}

// ParseJSON reads one household object of the import JSON. regel is the line it starts on.
func ParseJSON(regel int, data []byte) (*Record, error) {
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	var j jsonHuishouden
	if err := dec.Decode(&j); err != nil {
		return nil, jsonFout(regel, err)
	}
	if dec.More() {
		return nil, &RijFout{Regel: regel, Reden: "na het huishouden staat nog meer tekst"}
	}
	rec := &Record{ID: strings.TrimSpace(j.ID), H: j.Huishouden}
	rec.H.Ontvangt = j.Ontvangt
	if rec.ID == "" {
		return nil, &RijFout{Regel: regel, Kolom: "id", Reden: "ontbreekt"}
	}
	if len(rec.ID) > 64 {
		return nil, &RijFout{Regel: regel, Kolom: "id", Reden: "langer dan 64 tekens"}
	}
	if len(j.Personen) > huishouden.MaxPersonen {
		return nil, &RijFout{Regel: regel, Kolom: "personen", Reden: fmt.Sprintf("meer dan %d personen", huishouden.MaxPersonen)}
	}
	rec.H.Personen = make([]huishouden.Persoon, len(j.Personen))
	rec.BSN = make([]string, len(j.Personen))
	for i, p := range j.Personen {
		if p.BSN != "" && !bsnpkg.Geldig(p.BSN) {
			return nil, &RijFout{Regel: regel, Kolom: fmt.Sprintf("personen[%d].bsn", i), Reden: fmt.Sprintf("%q is geen geldig BSN (9 cijfers, elfproef)", p.BSN)}
		}
		rec.H.Personen[i], rec.BSN[i] = p.Persoon, p.BSN
	}
	for i, o := range rec.H.Ontvangt {
		if !idTekens(o.Regeling) {
			return nil, &RijFout{Regel: regel, Kolom: fmt.Sprintf("ontvangt[%d].regeling", i), Reden: fmt.Sprintf("%q: gebruik kleine letters, cijfers en _", o.Regeling)}
		}
	}
	huisnummer := ""
	if j.Huisnummer != 0 {
		huisnummer = strconv.Itoa(j.Huisnummer)
	}
	rec.H.Postcode = strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(rec.H.Postcode), " ", ""))
	if err := leesAdres(rec, huisnummer, strings.TrimSpace(j.Toevoeging), "", func(k int, reden string) error {
		return &RijFout{Regel: regel, Kolom: Kolommen[k], Reden: reden}
	}); err != nil {
		return nil, err
	}
	rec.Briefadres = j.Briefadres
	return rec, nil
}

// jsonFout turns a decoding error into a RijFout in Dutch, with the field as the column.
func jsonFout(regel int, err error) *RijFout {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	msg := strings.TrimPrefix(err.Error(), "json: ")
	switch {
	case errors.As(err, &te):
		return &RijFout{Regel: regel, Kolom: te.Field, Reden: fmt.Sprintf("verwacht %s, gevonden %s", te.Type, te.Value)}
	case errors.As(err, &se):
		return &RijFout{Regel: regel, Reden: "geen geldige JSON: " + msg}
	case strings.HasPrefix(msg, "unknown field "):
		veld := strings.Trim(strings.TrimPrefix(msg, "unknown field "), `"`)
		return &RijFout{Regel: regel, Kolom: veld, Reden: fmt.Sprintf("onbekend veld %q (zie docs/import.md)", veld)}
	}
	return &RijFout{Regel: regel, Reden: msg}
}

// kolomVanPad maps a validation path of package huishouden ("personen[1].geboortedatum") to the CSV
// column it came from, for a record built by ParseRij (aanvrager, partner, children, housemates).
func kolomVanPad(rec *Record, pad string) string {
	rest, ok := strings.CutPrefix(pad, "personen[")
	if !ok {
		switch {
		case strings.HasPrefix(pad, "ontvangt"):
			return "ontvangt"
		case strings.HasPrefix(pad, "wonen.huur"):
			return "huur_per_maand"
		case strings.HasPrefix(pad, "wonen"):
			return "woonsoort"
		case pad == "personen":
			return "aanvrager_geboortedatum"
		}
		return pad
	}
	nStr, veld, _ := strings.Cut(rest, "]")
	n, err := strconv.Atoi(nStr)
	if err != nil || n >= len(rec.H.Personen) {
		return pad
	}
	switch rec.H.Personen[n].Rol {
	case huishouden.Aanvrager, huishouden.Partner:
		prefix := string(rec.H.Personen[n].Rol)
		switch {
		case strings.HasPrefix(veld, ".geboortedatum"):
			return prefix + "_geboortedatum"
		case strings.HasPrefix(veld, ".inkomen"):
			return prefix + "_inkomens"
		}
		return prefix
	case huishouden.Kind:
		return "kinderen"
	}
	return "medebewoners"
}
