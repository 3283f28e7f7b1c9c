package zakenweb

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/termijn"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// instellingenData is the settings form: per step the legal term beside the gemeente's own with its
// source and which applies, the allowed refusal grounds, and the retention per end status.
type instellingenData struct {
	web.StaffPage
	web.FieldErrors
	Basis     string
	Versie    int
	Termijnen []termijnVeld
	Gronden   []grondVeld
	Bewaren   []bewaarVeld
	// the waiting list
	Capaciteit, VoorrangBron string
	VoorrangKinderen         bool
	// the terugvalgarantie
	TerugvalMaanden, TerugvalBron string
	// the Jongeren Perspectief Fonds (zaken_jongeren.go)
	Jongerenfonds     bool
	JongerenfondsBron string
	Leeftijdsgrens    string
}

type termijnVeld struct {
	Sleutel, Naam     string
	Wettelijk, Uitleg string
	Aantal, Bron      string
	Eenheden          []web.Optie
}

type grondVeld struct {
	Waarde, Naam   string
	Aan, Verplicht bool
}

type bewaarVeld struct {
	Sleutel, Naam, Maanden string
}

var stappen = []struct{ sleutel, naam string }{
	{"eerste-gesprek", "Eerste gesprek"},
	{"crisis", "Eerste gesprek bij een bedreigende situatie"},
	{"besluit", "Besluit na het eerste gesprek (termijn uit de verordening)"},
}

func (s *server) instellingen(w http.ResponseWriter, r *http.Request) {
	in, err := s.zaken.Instellingen(r.Context(), r.PathValue("gemeente"))
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	s.toonInstellingen(w, r, http.StatusOK, &instellingenData{}, in, nil)
}

// toonInstellingen renders the form from in; form, after an error, holds what was typed.
func (s *server) toonInstellingen(w http.ResponseWriter, r *http.Request, status int, d *instellingenData, in zaken.Instellingen, form map[string]string) {
	gm, ok := s.pagina(w, r, &d.StaffPage, "Instellingen zaken")
	if !ok {
		return
	}
	d.Basis, d.Versie = basis(gm), in.Versie
	toep := in.Toepassingen()
	lokaal := []zaken.LokaleTermijn{in.EersteGesprek, in.Crisis, in.Besluit}
	for i, st := range stappen {
		v := termijnVeld{Sleutel: st.sleutel, Naam: st.naam, Wettelijk: toep[i].Wettelijk.String() + " (" + toep[i].Artikel + ")", Uitleg: toep[i].Uitleg,
			Bron: lokaal[i].Bron}
		eenheid := string(lokaal[i].Termijn.Eenheid)
		if lokaal[i].Termijn.Aantal > 0 {
			v.Aantal = strconv.Itoa(lokaal[i].Termijn.Aantal)
		}
		if form != nil {
			v.Aantal, v.Bron, eenheid = form[st.sleutel+"-aantal"], form[st.sleutel+"-bron"], form[st.sleutel+"-eenheid"]
		}
		e := [][2]string{{"", "Geen eigen termijn"}}
		for _, x := range termijn.Eenheden() {
			e = append(e, [2]string{string(x), string(x)})
		}
		v.Eenheden = opties(e, eenheid)
		d.Termijnen = append(d.Termijnen, v)
	}
	for _, g := range zaken.Weigeringsgronden() {
		aan := in.MagWeigeren(g)
		if form != nil {
			aan = form["grond-"+string(g)] == "1" || g.Verplicht()
		}
		d.Gronden = append(d.Gronden, grondVeld{Waarde: string(g), Naam: g.Naam(), Aan: aan, Verplicht: g.Verplicht()})
	}
	for _, st := range zaken.EindStatussen() {
		v := bewaarVeld{Sleutel: "bewaar-" + string(st), Naam: st.Naam()}
		if m := in.Bewaren[st]; m > 0 {
			v.Maanden = strconv.Itoa(m)
		}
		if form != nil {
			v.Maanden = form[v.Sleutel]
		}
		d.Bewaren = append(d.Bewaren, v)
	}
	if c := in.Wachtlijst.IntakeCapaciteit; c > 0 {
		d.Capaciteit = strconv.Itoa(c)
	}
	d.VoorrangKinderen, d.VoorrangBron = in.Wachtlijst.VoorrangKinderen, in.Wachtlijst.VoorrangBron
	if m := in.Terugval.Maanden; m > 0 {
		d.TerugvalMaanden = strconv.Itoa(m)
	}
	d.TerugvalBron = in.Terugval.Bron
	vulJongerenInstelling(d, in, form)
	if form != nil {
		d.Capaciteit, d.VoorrangKinderen, d.VoorrangBron = form["intake-capaciteit"], form["voorrang-kinderen"] == "1", form["voorrang-bron"]
		d.TerugvalMaanden, d.TerugvalBron = form["terugval-maanden"], form["terugval-bron"]
	}
	d.Fout = len(d.Fouten) > 0
	s.pages.Render(w, r, status, "zaken_instellingen", d)
}

func (s *server) instellingenPost(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.kit.StaffError(w, r, http.StatusBadRequest, "We konden het formulier niet lezen. Probeer het opnieuw.")
		return
	}
	gm := r.PathValue("gemeente")
	d := &instellingenData{}
	form := map[string]string{}
	for k := range r.PostForm {
		form[k] = strings.TrimSpace(r.PostForm.Get(k))
	}
	in := zaken.Instellingen{Bewaren: map[zaken.Status]int{}}
	in.Versie, _ = strconv.Atoi(form["versie"])
	doelen := []*zaken.LokaleTermijn{&in.EersteGesprek, &in.Crisis, &in.Besluit}
	for i, st := range stappen {
		aantal, eenheid, bron := form[st.sleutel+"-aantal"], form[st.sleutel+"-eenheid"], form[st.sleutel+"-bron"]
		if eenheid == "" && aantal == "" {
			if bron != "" {
				d.Add(st.sleutel+"-aantal", st.naam+": vul een termijn in bij deze bron, of maak de bron leeg.")
			}
			continue
		}
		n, err := strconv.Atoi(aantal)
		switch {
		case err != nil || n < 1 || n > termijn.MaxAantal:
			d.Add(st.sleutel+"-aantal", st.naam+": vul een aantal van 1 tot en met "+strconv.Itoa(termijn.MaxAantal)+" in.")
		case !termijn.Eenheid(eenheid).Geldig():
			d.Add(st.sleutel+"-eenheid", st.naam+": kies werkdagen, dagen of weken.")
		case bron == "":
			d.Add(st.sleutel+"-bron", st.naam+": noem de bron van de termijn (plan, verordening of beleidsregel).")
		case len([]rune(bron)) > 1000:
			d.Add(st.sleutel+"-bron", st.naam+": de bron is te lang (hoogstens 1.000 tekens).")
		default:
			*doelen[i] = zaken.LokaleTermijn{Termijn: termijn.Termijn{Aantal: n, Eenheid: termijn.Eenheid(eenheid)}, Bron: bron}
		}
	}
	for _, g := range zaken.Weigeringsgronden() {
		if form["grond-"+string(g)] == "1" || g.Verplicht() {
			in.Weigeringsgronden = append(in.Weigeringsgronden, g)
		}
	}
	for _, st := range zaken.EindStatussen() {
		k := "bewaar-" + string(st)
		if form[k] == "" {
			continue
		}
		m, err := strconv.Atoi(form[k])
		if err != nil || m < 1 || m > zaken.MaxBewaarMaanden {
			d.Add(k, st.Naam()+": vul een aantal maanden van 1 tot en met "+strconv.Itoa(zaken.MaxBewaarMaanden)+" in, of laat het leeg.")
			continue
		}
		in.Bewaren[st] = m
	}
	if c := form["intake-capaciteit"]; c != "" {
		n, err := strconv.Atoi(c)
		if err != nil || n < 0 || n > zaken.MaxCapaciteit {
			d.Add("intake-capaciteit", "Intakecapaciteit: vul een aantal gesprekken per week in van 0 tot en met "+strconv.Itoa(zaken.MaxCapaciteit)+", of laat het leeg.")
		}
		in.Wachtlijst.IntakeCapaciteit = n
	}
	in.Wachtlijst.VoorrangKinderen, in.Wachtlijst.VoorrangBron = form["voorrang-kinderen"] == "1", form["voorrang-bron"]
	if m := form["terugval-maanden"]; m != "" {
		n, err := strconv.Atoi(m)
		if err != nil || n < 0 || n > zaken.MaxTerugvalMaanden {
			d.Add("terugval-maanden", "Terugvalperiode: vul een aantal maanden in van 0 tot en met "+strconv.Itoa(zaken.MaxTerugvalMaanden)+", of laat het leeg.")
		}
		in.Terugval.Maanden = n
	}
	in.Terugval.Bron = form["terugval-bron"]
	leesJongerenInstelling(d, &in, form)
	if in.Terugval.Maanden > 0 && in.Terugval.Bron == "" {
		d.Add("terugval-bron", "Terugvalperiode: noem de bron (plan of beleidsregel) van de terugvalgarantie.")
	}
	switch {
	case in.Wachtlijst.VoorrangKinderen && in.Wachtlijst.VoorrangBron == "":
		d.Add("voorrang-bron", "Voorrangsregel: noem de bron (plan of beleidsregel) van de voorrang voor gezinnen met kinderen.")
	case len([]rune(in.Wachtlijst.VoorrangBron)) > 1000:
		d.Add("voorrang-bron", "Voorrangsregel: de bron is te lang (hoogstens 1.000 tekens).")
	}
	if len(d.Fouten) == 0 {
		err := s.zaken.ZetInstellingen(r.Context(), gm, in)
		switch {
		case err == nil:
			web.TerugNaar(w, r, basis(gm)+"/instellingen", "instellingen")
			return
		case errors.Is(err, zaken.ErrVerouderd):
			d.Add("versie-kop", "Iemand anders heeft de instellingen intussen gewijzigd. Hieronder staan de nieuwste; doe je wijziging zo nodig opnieuw.")
			nieuw, lerr := s.zaken.Instellingen(r.Context(), gm)
			if lerr != nil {
				s.kit.InternalError(w, r, lerr)
				return
			}
			s.toonInstellingen(w, r, http.StatusConflict, d, nieuw, nil)
			return
		case errors.Is(err, zaken.ErrOngeldig):
			d.Add("versie-kop", strings.TrimPrefix(err.Error(), zaken.ErrOngeldig.Error()+": "))
		default:
			s.kit.Error(w, r, err, "")
			return
		}
	}
	s.toonInstellingen(w, r, http.StatusUnprocessableEntity, d, in, form)
}
