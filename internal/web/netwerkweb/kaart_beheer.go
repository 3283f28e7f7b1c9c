package netwerkweb

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/web"
)

type kaartBeheerData struct {
	web.StaffPage
	web.FieldErrors
	Rijen        []kaartRij
	Verouderd    int
	VerouderdNa  int
	Maanden      string // the settings form
	MagInstellen bool
	Partners     []partner.Organisatie // members today without any service here
	Standaard    int
	Max          int
	// OpenVoorstellen is the number of partners' proposals waiting for a decision.
	OpenVoorstellen int
	// Referrals: within how many working days a receiver answers (0: not set) and its form.
	Werkdagen    int
	WerkdagenIn  string
	MaxWerkdagen int
	// Import: the result or the refusal of an upload (part of this page).
	Import *importUitslag
}

type kaartRij struct {
	netwerk.Dienst
	Partner   partner.Organisatie
	Verouderd bool
	OpKaart   bool
}

// kaartBeheer is the gemeente's overview of its sociale kaart: every service offered here with its
// partner, status and last check, stale ones first; the partners without any service; the setting;
// the import; links to the public page and the open data.
func (s *server) kaartBeheer(w http.ResponseWriter, r *http.Request) {
	d := &kaartBeheerData{}
	g, ok := s.pagina(w, r, &d.StaffPage, "Sociale kaart")
	if !ok {
		return
	}
	if err := s.vulKaartBeheer(r, d, g.Code); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d.Maanden = strconv.Itoa(d.VerouderdNa)
	s.staff.Render(w, r, http.StatusOK, "kaartbeheer", d)
}

func (s *server) vulKaartBeheer(r *http.Request, d *kaartBeheerData, gm string) error {
	ctx := r.Context()
	var err error
	if d.VerouderdNa, err = s.net.VerouderdNaMaanden(ctx, gm); err != nil {
		return err
	}
	d.Standaard, d.Max = netwerk.StandaardVerouderdNaMaanden, netwerk.MaxVerouderdNaMaanden
	if d.Werkdagen, err = s.net.AntwoordWerkdagen(ctx, gm); err != nil {
		return err
	}
	d.MaxWerkdagen = netwerk.MaxAntwoordWerkdagen
	open, err := s.net.Voorstellen(ctx, gm, "", true)
	if err != nil {
		return err
	}
	d.OpenVoorstellen = len(open)
	if d.WerkdagenIn == "" && d.Werkdagen > 0 {
		d.WerkdagenIn = strconv.Itoa(d.Werkdagen)
	}
	d.MagInstellen = auth.Mag(web.ActorUit(ctx), gm, auth.GemeenteInstellen)
	vandaag := s.net.Vandaag()
	partners, err := s.net.Partners().VanGemeente(ctx, gm)
	if err != nil {
		return err
	}
	ds, err := s.net.DienstenIn(ctx, gm)
	if err != nil {
		return err
	}
	metDienst := map[string]bool{}
	d.Rijen = d.Rijen[:0]
	for _, dn := range ds {
		i := slices.IndexFunc(partners, func(o partner.Organisatie) bool { return o.ID == dn.PartnerID })
		if i < 0 {
			continue // a partner that was merged away has no services left; nothing else can get here
		}
		metDienst[dn.PartnerID] = true
		l, _ := partners[i].Lid(gm)
		rij := kaartRij{Dienst: dn, Partner: partners[i], Verouderd: netwerk.Verouderd(dn.GecontroleerdOp, vandaag, d.VerouderdNa),
			OpKaart: dn.Status.OpKaart() && l.GeldigOp(vandaag)}
		if rij.Verouderd {
			d.Verouderd++
		}
		d.Rijen = append(d.Rijen, rij)
	}
	// Stale first (oldest check first), then by partner and name.
	slices.SortStableFunc(d.Rijen, func(a, b kaartRij) int {
		if a.Verouderd != b.Verouderd {
			if a.Verouderd {
				return -1
			}
			return 1
		}
		if a.Verouderd {
			return a.GecontroleerdOp.Compare(b.GecontroleerdOp)
		}
		return strings.Compare(strings.ToLower(a.Partner.Naam), strings.ToLower(b.Partner.Naam))
	})
	d.Partners = d.Partners[:0]
	for _, o := range partners {
		if l, _ := o.Lid(gm); !metDienst[o.ID] && l.GeldigOp(vandaag) {
			d.Partners = append(d.Partners, o)
		}
	}
	return nil
}

// kaartInstellingen stores after how many months an entry shows as stale.
func (s *server) kaartInstellingen(w http.ResponseWriter, r *http.Request) {
	d := &kaartBeheerData{}
	g, ok := s.pagina(w, r, &d.StaffPage, "Sociale kaart")
	if !ok || !leesFormulier(w, r, s.kit) {
		return
	}
	d.Maanden = trim(r.PostForm.Get("maanden"))
	n, err := strconv.Atoi(d.Maanden)
	if err != nil {
		d.Add("maanden", "Vul een aantal maanden in met cijfers, bijvoorbeeld 12.")
	} else if err := s.net.ZetVerouderdNaMaanden(r.Context(), g.Code, n); err != nil {
		if !voegFoutenToe(&d.FieldErrors, err, "maanden") {
			s.kit.InternalError(w, r, err)
			return
		}
	} else {
		web.TerugNaar(w, r, "/beheer/"+g.Code+"/sociale-kaart", "instellingen")
		return
	}
	if err := s.vulKaartBeheer(r, d, g.Code); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d.Page.Fout = true
	s.staff.Render(w, r, http.StatusUnprocessableEntity, "kaartbeheer", d)
}

// verwijzingInstellingen stores within how many working days a receiver should answer a referral.
func (s *server) verwijzingInstellingen(w http.ResponseWriter, r *http.Request) {
	d := &kaartBeheerData{}
	g, ok := s.pagina(w, r, &d.StaffPage, "Sociale kaart")
	if !ok || !leesFormulier(w, r, s.kit) {
		return
	}
	d.WerkdagenIn = trim(r.PostForm.Get("werkdagen"))
	n, err := strconv.Atoi(d.WerkdagenIn)
	if err != nil {
		d.Add("werkdagen", "Vul een aantal werkdagen in met cijfers, bijvoorbeeld 5.")
	} else if err := s.net.ZetAntwoordWerkdagen(r.Context(), g.Code, n); err != nil {
		if !voegFoutenToe(&d.FieldErrors, err, "werkdagen") {
			s.kit.InternalError(w, r, err)
			return
		}
	} else {
		web.TerugNaar(w, r, "/beheer/"+g.Code+"/sociale-kaart", "instellingen")
		return
	}
	if err := s.vulKaartBeheer(r, d, g.Code); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d.Maanden = strconv.Itoa(d.VerouderdNa)
	d.Page.Fout = true
	s.staff.Render(w, r, http.StatusUnprocessableEntity, "kaartbeheer", d)
}
