package beheerweb

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/web"
)

type gebruikersData struct {
	web.StaffPage
	Gebruikers []gebruikerRegel
	Totaal     int
	Zoek       string
	Rol        string
	Status     string
	Sorteer    string
	Rollen     []auth.Rol
	Kolommen   []sorteerKolom
	// Open are the invitations that can still be redeemed.
	Open []auth.Uitnodiging
}

type gebruikerRegel struct {
	auth.Gebruiker
	Rol auth.Rol
}

type sorteerKolom struct {
	Naam, Titel, URL string
	Huidig           bool
}

// beheerGebruikers lists the users with a role in the gemeente, filtered by a search text (name or
// e-mail), role and status, sorted by a column.
func (s *server) beheerGebruikers(w http.ResponseWriter, r *http.Request) {
	g, err := s.kit.Gemeente(r)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	lijst, err := s.kit.Auth().Gebruikers(r.Context(), g.Code)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	open, err := s.kit.Auth().OpenUitnodigingen(r.Context(), g.Code)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	q := r.URL.Query()
	d := &gebruikersData{Open: open, Zoek: strings.TrimSpace(q.Get("zoek")), Rol: q.Get("rol"), Status: q.Get("status"),
		Sorteer: q.Get("sorteer"), Rollen: auth.Rollen, Totaal: len(lijst)}
	if !slices.Contains([]string{"naam", "email", "rol", "status", "aangemaakt"}, d.Sorteer) {
		d.Sorteer = "naam"
	}
	zoek := strings.ToLower(d.Zoek)
	for _, u := range lijst {
		regel := gebruikerRegel{Gebruiker: u, Rol: u.Rollen[g.Code]}
		switch {
		case zoek != "" && !strings.Contains(strings.ToLower(u.Naam), zoek) && !strings.Contains(u.Email, zoek):
		case d.Rol != "" && string(regel.Rol) != d.Rol:
		case d.Status == "actief" && !u.Actief, d.Status == "geblokkeerd" && u.Actief:
		default:
			d.Gebruikers = append(d.Gebruikers, regel)
		}
	}
	slices.SortStableFunc(d.Gebruikers, func(a, b gebruikerRegel) int {
		switch d.Sorteer {
		case "email":
			return strings.Compare(a.Email, b.Email)
		case "rol":
			return strings.Compare(string(a.Rol), string(b.Rol))
		case "status":
			return cmp.Compare(boolInt(!a.Actief), boolInt(!b.Actief))
		case "aangemaakt":
			return b.Aangemaakt.Compare(a.Aangemaakt)
		}
		return strings.Compare(strings.ToLower(a.Naam), strings.ToLower(b.Naam))
	})
	for _, k := range [][2]string{{"naam", "Naam"}, {"email", "E-mailadres"}, {"rol", "Rol"}, {"status", "Status"}, {"aangemaakt", "Sinds"}} {
		v := url.Values{"sorteer": {k[0]}}
		for _, f := range []string{"zoek", "rol", "status"} {
			if q.Get(f) != "" {
				v.Set(f, q.Get(f))
			}
		}
		d.Kolommen = append(d.Kolommen, sorteerKolom{Naam: k[0], Titel: k[1], URL: "?" + v.Encode(), Huidig: k[0] == d.Sorteer})
	}
	s.vulStaff(&d.StaffPage, r, "Medewerkers", &g)
	s.pages.Render(w, r, http.StatusOK, "beheer_gebruikers", d)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
