package zakenweb

import (
	"net/http"
	"strings"
)

// The second section of the partner's page (nazorg_partner.go): "Acties in een plan", the plan actions
// the gemeente assigned to the user's partner (zaken.PartnerActies), each with the household's
// regisseur and how to reach the gemeente. Only what the action itself says: never the goal's text,
// the other actions of the plan, persons or the zaak (docs/netwerk.md "Who sees what").

// paginaTitelPartner is the title of the partner's page and its menu entry.
const paginaTitelPartner = "Nazorg en plan: onze taken"

type partnerActieRij struct {
	GemeenteNaam, Domein, Omschrijving, WieNaam, Dag, Stand, Regisseur, Bereik string
}

// partnerActieRijen reads the actions of partner in gemeenten (already narrowed to the user's own
// partner by partnerVan) and adds the gemeente's phone and e-mail as the way to reach the regisseur.
func (s *server) partnerActieRijen(r *http.Request, gemeenten []string, partner string, gnamen map[string]string) ([]partnerActieRij, error) {
	as, err := s.zaken.PartnerActies(r.Context(), gemeenten, partner)
	if err != nil {
		return nil, err
	}
	bereik := map[string]string{}
	for _, g := range gemeenten {
		if gg, err := s.kit.Gemeenten().Haal(r.Context(), g); err == nil {
			var delen []string
			if t := gg.Contact.Telefoon; t != "" {
				delen = append(delen, "telefoon "+t)
			}
			if e := gg.Contact.Email; e != "" {
				delen = append(delen, "e-mail "+e)
			}
			bereik[g] = strings.Join(delen, ", ")
		}
	}
	var uit []partnerActieRij
	for _, a := range as {
		rij := partnerActieRij{GemeenteNaam: gnamen[a.Gemeente], Domein: a.Domein.Naam(), Omschrijving: a.Omschrijving, WieNaam: a.WieNaam,
			Dag: "geen datum", Stand: "Open", Regisseur: a.RegisseurNaam, Bereik: bereik[a.Gemeente]}
		if rij.GemeenteNaam == "" {
			rij.GemeenteNaam = a.Gemeente
		}
		if !a.Datum.IsZero() {
			rij.Dag = datumNL(a.Datum)
		}
		if !a.Gedaan.IsZero() {
			rij.Stand = "Gedaan op " + datumNL(a.Gedaan)
		}
		uit = append(uit, rij)
	}
	return uit, nil
}
