package web

import (
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/zeker-platform/zeker/internal/text"
)

// Text from a browser is checked once, here, before any handler reads it: every key (text.Check) and
// value (text.CheckMultiline) of the query and of an urlencoded form body. PostgreSQL refuses a NUL in
// text and fails the whole transaction (a 500), SQLite stores it and breaks every reader after. A
// multipart body (an upload) is the handler's to read and check; the JSON API (Bearer) checks its own.

// tekstGecontroleerd wraps the handler of rt: it parses an urlencoded form (a body it cannot read gets
// 400, as the handlers did themselves) and answers bad text with rt.OngeldigeTekst or a 422 page that
// names the field: in the words of the field on staff pages, from the catalogue on resident pages.
func (k *Kit) tekstGecontroleerd(rt Route) http.HandlerFunc {
	resident := rt.Access == Open
	return func(w http.ResponseWriter, r *http.Request) {
		if err := leesFormulier(r); err != nil {
			if resident {
				k.ResidentError(w, r, http.StatusBadRequest, "fout.formulier")
				return
			}
			k.StaffError(w, r, http.StatusBadRequest, "We konden het formulier niet lezen. Het is misschien te groot. Probeer het opnieuw.")
			return
		}
		veld, err := ongeldigeTekst(r.URL.Query())
		if err == nil && r.PostForm != nil {
			veld, err = ongeldigeTekst(r.PostForm)
		}
		switch {
		case err == nil:
			rt.Handler(w, r)
		case rt.OngeldigeTekst != nil:
			rt.OngeldigeTekst(w, r)
		case resident:
			l := k.talen.Taal(taalVan(r), false)
			d := &foutData{Bericht: l.T("fout.tekst"), Terug: "/?lang=" + l.Code}
			k.VulPagina(&d.Page, l, l.T("fout.tekst.titel"), "/")
			k.eigen.Render(w, r, http.StatusUnprocessableEntity, "fout", d)
		default:
			k.StaffError(w, r, http.StatusUnprocessableEntity, TekstFout(veld, err))
		}
	}
}

// leesFormulier parses the body of a POST, PUT or PATCH when it is urlencoded (and the query with it).
func leesFormulier(r *http.Request) error {
	if r.Method != http.MethodPost && r.Method != http.MethodPut && r.Method != http.MethodPatch {
		return nil
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "application/x-www-form-urlencoded" {
		return nil
	}
	return r.ParseForm()
}

// ongeldigeTekst returns the first field (in the order of the keys) whose key or value is refused, with
// the reason. An unreadable key is named "" (TekstFout does not repeat it).
func ongeldigeTekst(v url.Values) (string, error) {
	keys := make([]string, 0, len(v))
	for key := range v {
		keys = append(keys, key)
	}
	slices.Sort(keys)
	for _, key := range keys {
		if err := text.Check(key); err != nil {
			return "", err
		}
		for _, w := range v[key] {
			if err := text.CheckMultiline(w); err != nil {
				return key, err
			}
		}
	}
	return "", nil
}

// TekstFout is the staff message for text that internal/text refused in the field named veld (the key
// of a form field; "" when the name itself was unreadable): which field, why, and what to do.
func TekstFout(veld string, err error) string {
	naam := "een veld van het formulier"
	if veld != "" {
		naam = "het veld ‘" + strings.NewReplacer("_", " ", "-", " ").Replace(veld) + "’"
	}
	return "De tekst in " + naam + " kunnen we niet opslaan. " + text.Reason(err) + " Ga terug, pas de tekst aan en probeer het opnieuw."
}

// taalVan is the lang parameter of the query or of a parsed form.
func taalVan(r *http.Request) string {
	if l := r.URL.Query().Get("lang"); l != "" {
		return l
	}
	return r.PostForm.Get("lang")
}
