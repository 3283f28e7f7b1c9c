package signalenweb

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/signalen/opslag"
	"github.com/zeker-platform/zeker/internal/web"
)

// uploadData is the page on which staff deliver a CSV file of signals for a partner that cannot use
// the API. The file has the same fields as the API; the batch rule of package signalen applies: the
// valid rows are stored together in one transaction, the rows with errors are refused with their line
// and reason and nothing of them is stored; a row already delivered (same partner and kenmerk) is not
// stored twice, so the corrected file can simply be delivered again.
type uploadData struct {
	web.StaffPage
	web.FieldErrors
	Menu    sigMenu
	Actie   string
	Partner string // the chosen partner's id
	// Partners are the partners whose membership of the gemeente is valid today: the file is delivered
	// for one of them, and its signals are that partner's (feedback, "already received").
	Partners      []partner.Organisatie
	Controleren   bool
	Kolommen      []string
	Verplicht     []string
	PartnerTypen  []signalen.PartnerType
	Crisissoorten []signalen.CrisisSoort
	MaxRegels     string
	MaxGrootte    string
	Resultaat     *uploadResultaat
}

// uploadResultaat is what happened to a delivered file.
type uploadResultaat struct {
	AlleenControle      bool
	Aantal              int
	Goed                int // rows without errors (stored, or would be)
	Opgeslagen          int
	AlOntvangen         int
	Afgewezen           int
	NieuweZaken         int
	AutomatischGesloten int
	NietGekoppeld       []int // line numbers
	Fouten              []regelFout
	InSamenvatting      int // how many errors the summary at the top lists
}

// regelFout is one problem of one row of the file, by its line number in the file.
type regelFout struct {
	Regel int
	ID    string
	Veld  string
	Reden string
}

const maxSamenvatting = 20

// MaxBestand is the largest signal file the upload accepts: 50,000 rows of about 200 bytes with room
// to spare. Other forms keep the server's small body limit (Config.MaxBody).
const MaxBestand = 32 << 20

func (s *server) nieuwUploadData(r *http.Request, d *uploadData, gm string) error {
	var err error
	if d.Partners, err = s.partners.LedenOp(r.Context(), gm, s.partners.Vandaag()); err != nil {
		return err
	}
	d.Menu = menuVoor(r.Context(), gm, "bestand")
	d.Actie = d.Menu.Basis + "/bestand"
	d.Kolommen = slices.Clone(signalen.CSVKolommen)
	d.Verplicht = slices.Clone(signalen.CSVKolommen[:5])
	d.PartnerTypen = signalen.PartnerTypes()
	d.Crisissoorten = signalen.CrisisSoorten()
	d.MaxRegels = getal64(signalen.MaxBatch)
	d.MaxGrootte = grootte(max(s.kit.Config().MaxBody, MaxBestand))
	return nil
}

// signalenBestand shows the upload form.
func (s *server) signalenBestand(w http.ResponseWriter, r *http.Request) {
	d := &uploadData{}
	gm, ok := s.signalenPagina(w, r, &d.StaffPage, "Signalen uit een bestand aanleveren")
	if !ok {
		return
	}
	if err := s.nieuwUploadData(r, d, gm); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d.Partner = r.URL.Query().Get("partner")
	s.pages.Render(w, r, http.StatusOK, "signalen_upload", d)
}

// signalenBestandPost reads the file, checks every row and stores the valid rows under the batch rule
// (or only checks, when asked). Intake is audited by the store with the actor of the request.
func (s *server) signalenBestandPost(w http.ResponseWriter, r *http.Request) {
	d := &uploadData{}
	gm, ok := s.signalenPagina(w, r, &d.StaffPage, "Signalen uit een bestand aanleveren")
	if !ok {
		return
	}
	if err := s.nieuwUploadData(r, d, gm); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	toon := func(status int) {
		d.Fout = len(d.Fouten) > 0
		s.pages.Render(w, r, status, "signalen_upload", d)
	}
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			d.Add("bestand", "Het bestand is te groot. Lever hoogstens "+d.MaxGrootte+" per keer aan en splits een groter bestand.")
			toon(http.StatusRequestEntityTooLarge)
			return
		}
		s.kit.StaffError(w, r, http.StatusBadRequest, "We konden het formulier niet lezen. Probeer het opnieuw.")
		return
	}
	defer r.MultipartForm.RemoveAll()
	d.Partner = strings.TrimSpace(r.PostForm.Get("partner"))
	d.Controleren = r.PostForm.Get("controleren") == "1"
	if !slices.ContainsFunc(d.Partners, func(o partner.Organisatie) bool { return o.ID == d.Partner }) {
		d.Add("partner", "Kies de signaalpartner die de signalen stuurt. Staat hij er niet bij? Dan is hij geen lid van de gemeente: vraag de beheerder hem lid te maken.")
	}
	var data []byte
	f, _, err := r.FormFile("bestand")
	switch {
	case errors.Is(err, http.ErrMissingFile):
		d.Add("bestand", "Kies een CSV-bestand met signalen.")
	case err != nil:
		d.Add("bestand", "We konden het bestand niet lezen. Probeer het opnieuw.")
	default:
		data, err = io.ReadAll(f)
		f.Close()
		if err != nil {
			d.Add("bestand", "We konden het bestand niet lezen. Probeer het opnieuw.")
		} else if len(bytes.TrimSpace(data)) == 0 {
			d.Add("bestand", "Het bestand is leeg.")
		}
	}
	if len(d.Fouten) > 0 {
		toon(http.StatusUnprocessableEntity)
		return
	}
	lev, err := signalen.LeesCSV(bytes.NewReader(data))
	if err != nil {
		d.Add("bestand", zin(strings.TrimPrefix(err.Error(), "signalen: ")))
		toon(http.StatusUnprocessableEntity)
		return
	}
	regels := regelnummers(data)
	regel := func(i int) int {
		if i >= 0 && i < len(regels) {
			return regels[i]
		}
		return i + 2 // header on line 1, one record per line
	}
	res := &uploadResultaat{AlleenControle: d.Controleren, Aantal: lev.Aantal}
	fouten := slices.Clone(lev.Fouten)
	st := s.store
	if d.Controleren {
		// Checking reads the residents' data without storing it: still a processing, so it is logged.
		if err := s.kit.Audit().Schrijf(r.Context(), audit.Verwerking{Gemeente: gm, Verwerkingsactiviteit: "signalen.ontvangen",
			Operatie: "signalen.bestand.controleren", Actie: audit.Lezen, Object: "partner/" + d.Partner, Aantal: max(lev.Aantal, 1)}); err != nil {
			s.kit.InternalError(w, r, fmt.Errorf("signalen: audit: %w", err))
			return
		}
		b := signalen.BeoordeelBatch(lev.Signalen, st.Vandaag())
		for _, f := range b.Fouten {
			f.Index = lev.Indexen[f.Index]
			fouten = append(fouten, f)
		}
		res.Goed = len(b.Geldig)
		res.Afgewezen = b.Afgewezen + len(lev.Fouten)
	} else {
		z, err := s.zoekerVoor(r, gm)
		if err != nil {
			s.kit.Log().ErrorContext(r.Context(), "signalen: inwonersregister", "gemeente", gm, "fout", err)
			d.Add("bestand", "Het inwonersregister is nu niet bereikbaar. Er is niets opgeslagen. Probeer het later opnieuw.")
			toon(http.StatusServiceUnavailable)
			return
		}
		o, err := st.Ontvang(r.Context(), opslag.Levering{Gemeente: gm, PartnerID: d.Partner, Signalen: lev.Signalen, Indexen: lev.Indexen}, z)
		if err != nil {
			s.kit.InternalError(w, r, fmt.Errorf("signalen: bestand ontvangen: %w", err))
			return
		}
		fouten = append(fouten, o.Fouten...)
		res.Opgeslagen, res.AlOntvangen, res.Afgewezen = o.Opgeslagen, o.AlOntvangen, o.Afgewezen+len(lev.Fouten)
		res.NieuweZaken, res.AutomatischGesloten = o.NieuweZaken, o.AutomatischGesloten
		res.Goed = o.Opgeslagen + o.AlOntvangen
		for _, i := range o.NietGekoppeld {
			res.NietGekoppeld = append(res.NietGekoppeld, regel(i))
		}
		s.kit.Log().InfoContext(r.Context(), "signalen: bestand ontvangen", "gemeente", gm, "aantal", lev.Aantal,
			"opgeslagen", o.Opgeslagen, "al_ontvangen", o.AlOntvangen, "afgewezen", res.Afgewezen)
	}
	slices.SortStableFunc(fouten, func(a, b signalen.Fout) int { return a.Index - b.Index })
	gebruikt := map[string]int{}
	for _, f := range fouten {
		n := regel(f.Index)
		id := fmt.Sprintf("regel-%d-%s", n, strings.ReplaceAll(f.Path, ".", "-"))
		if k := gebruikt[id]; k > 0 {
			gebruikt[id]++
			id = fmt.Sprintf("%s-%d", id, k+1) // two problems with one field of one row
		} else {
			gebruikt[id] = 1
		}
		res.Fouten = append(res.Fouten, regelFout{Regel: n, ID: id, Veld: f.Path, Reden: f.Reason})
	}
	res.InSamenvatting = min(len(res.Fouten), maxSamenvatting)
	for _, f := range res.Fouten[:res.InSamenvatting] {
		d.Fouten = append(d.Fouten, web.FieldError{ID: f.ID, Bericht: fmt.Sprintf("Regel %d, %s: %s", f.Regel, f.Veld, f.Reden)})
	}
	d.Resultaat = res
	status := http.StatusOK
	if res.Goed == 0 && res.Afgewezen > 0 {
		status = http.StatusUnprocessableEntity // nothing in the file could be used
	}
	toon(status)
}

// zoekerVoor returns the resident register of gm, or an empty one (signals stay unmatched).
func (s *server) zoekerVoor(r *http.Request, gm string) (signalen.Zoeker, error) {
	if zf := s.zoeker; zf != nil {
		z, err := zf(r.Context(), gm)
		if err != nil || z != nil {
			return z, err
		}
	}
	return signalen.NieuweIndex(), nil
}

// regelnummers returns, per data row of a signal file (0-based, as signalen.LeesCSV counts them), the
// line of the file it starts on: empty lines and quoted line breaks make that differ from index + 2.
// It reads the file the way LeesCSV does and stops at the first error (LeesCSV then refuses the file).
func regelnummers(data []byte) []int {
	if bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
		data = data[3:]
	}
	kop, _, _ := bytes.Cut(data[:min(len(data), 4096)], []byte("\n"))
	cr := csv.NewReader(bytes.NewReader(data))
	if bytes.Count(kop, []byte(";")) > bytes.Count(kop, []byte(",")) {
		cr.Comma = ';'
	}
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	if _, err := cr.Read(); err != nil {
		return nil
	}
	var out []int
	for len(out) <= signalen.MaxBatch {
		if _, err := cr.Read(); err != nil {
			break
		}
		line, _ := cr.FieldPos(0)
		out = append(out, line)
	}
	return out
}

// grootte writes a number of bytes in words: "64 kB", "32 MB".
func grootte(n int64) string {
	switch {
	case n >= 1<<20:
		return getal64(n>>20) + " MB"
	case n >= 1<<10:
		return getal64(n>>10) + " kB"
	}
	return getal64(n) + " bytes"
}

// partnerOpties are the choices of the upload's partner field: first an empty one, so nobody delivers
// for the wrong partner by not looking.
func partnerOpties(ps []partner.Organisatie, gekozen string) []web.Optie {
	out := []web.Optie{{Waarde: "", Label: "Kies een signaalpartner", Gekozen: gekozen == ""}}
	for _, p := range ps {
		l := p.Naam
		if p.KvK != "" {
			l += " (KvK " + p.KvK + ")"
		}
		out = append(out, web.Optie{Waarde: p.ID, Label: l, Gekozen: p.ID == gekozen})
	}
	return out
}
