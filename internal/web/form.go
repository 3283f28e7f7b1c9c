package web

import (
	"net/http"
	"strconv"
)

// FieldError is one form error: the id of the field and the message, for the error summary.
type FieldError struct{ ID, Bericht string }

// FieldErrors collects form errors for the summary (Fouten) and per field (FoutBij). Page data embeds
// it; the templates read .Fouten and .FoutBij.
type FieldErrors struct {
	Fouten  []FieldError
	FoutBij map[string]string
}

// Add adds the error message of field id.
func (v *FieldErrors) Add(id, bericht string) {
	if v.FoutBij == nil {
		v.FoutBij = map[string]string{}
	}
	v.Fouten = append(v.Fouten, FieldError{id, bericht})
	v.FoutBij[id] = bericht
}

// Optie is one choice of a select or radio group.
type Optie struct {
	Waarde, Label string
	Gekozen       bool
}

// PathID reads a positive numeric path value.
func PathID(r *http.Request, name string) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	return id, err == nil && id > 0
}

// TerugNaar redirects after a POST (303), with an optional confirmation key (?klaar=…).
func TerugNaar(w http.ResponseWriter, r *http.Request, pad, klaar string) {
	if klaar != "" {
		pad += "?klaar=" + klaar
	}
	http.Redirect(w, r, pad, http.StatusSeeOther)
}
