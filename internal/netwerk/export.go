package netwerk

import (
	"encoding/csv"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/partner"
)

// SchrijfCSV writes kaart k in the CSV format of the import (CSVKolommen): one row per service at a
// location, one row for a service without a location. Only the regelingen of k's gemeente are in it (the
// file is that gemeente's). Cells a spreadsheet would read as a formula get a leading apostrophe, which
// the import removes again.
func SchrijfCSV(w *csv.Writer, k Kaart) error {
	if err := w.Write(CSVKolommen); err != nil {
		return err
	}
	for _, it := range k.Items {
		d, o := it.Dienst, it.Partner
		var bs, rs []string
		for _, b := range d.Behoeften {
			bs = append(bs, string(b))
		}
		for _, r := range d.Regelingen {
			if r.Gemeente == k.Gemeente {
				rs = append(rs, r.Regeling+"="+string(r.Rol))
			}
		}
		leeftijd := func(p *int) string {
			if p == nil {
				return ""
			}
			return strconv.Itoa(*p)
		}
		dienst := []string{o.ID, o.Naam, o.KvK, o.Contact.Website, d.ID, d.Naam, d.Beschrijving, strings.Join(bs, "|"), d.VoorWie,
			leeftijd(d.MinLeeftijd), leeftijd(d.MaxLeeftijd), d.Aanmelden, d.Kosten, d.Website, d.Email, d.Telefoon, d.Openingstijden.String(),
			strings.Join(rs, "|"), StatusNaam(d.Status), d.Bron, partner.DagTekst(d.GecontroleerdOp)}
		locs := it.Locaties
		if len(locs) == 0 {
			locs = []ItemLocatie{{}}
		}
		for _, l := range locs {
			soort := ""
			switch l.Soort {
			case Fysiek:
				soort = "gebouw"
			case Virtueel:
				soort = "online"
			}
			rij := append(append([]string{}, dienst...), l.ID, l.Naam, soort, l.Adres.Straat, l.Adres.Huisnummer, l.Adres.Postcode,
				l.Adres.Plaats, l.URL, l.Toegankelijkheid, l.Bron, l.Openingstijden.String())
			for i := range rij {
				rij[i] = veilig(rij[i])
			}
			if err := w.Write(rij); err != nil {
				return err
			}
		}
	}
	w.Flush()
	return w.Error()
}

// veilig keeps a cell from being read as a formula by a spreadsheet (=, +, -, @, tab, CR).
func veilig(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// onveilig undoes veilig on a cell that was read.
func onveilig(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(s[1])) {
		return s[1:]
	}
	return s
}
