package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/text"
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

// AddFields adds the problems of a domain validation (errs.Fields) whose path is one of ids, in the
// order of ids (the form's order); with no ids, all of them in their own order. A part whose form ids
// differ from the domain's paths maps them itself.
func (v *FieldErrors) AddFields(fs errs.Fields, ids ...string) {
	if len(ids) == 0 {
		for _, f := range fs {
			v.Add(f.Path, f.Reason)
		}
		return
	}
	for _, id := range ids {
		if fs.Has(id) {
			v.Add(id, fs.Reason(id))
		}
	}
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

// VeiligTerug returns p when it is a path on this site that stays a path on this site however a browser
// reads it, and anders otherwise. Browsers follow the WHATWG URL standard: they drop tab, line feed and
// carriage return anywhere before parsing and treat a backslash as a slash, so a slash, a tab and
// "/host" is "//host": another site. Refused: anything that does not start with one slash, a second
// character slash or backslash, a backslash or control character anywhere, invalid UTF-8 — in p itself and in every
// percent-decoded form of it (%2F%2F, %5C, %09), since a later reader may decode once more — and
// whatever net/url reads with a scheme or a host.
func VeiligTerug(p, anders string) string {
	if !veiligPad(p) {
		return anders
	}
	return p
}

func veiligPad(p string) bool {
	cur := p
	for range 4 { // p and up to three decodings; deeper nesting is refused
		if len(cur) == 0 || cur[0] != '/' || (len(cur) > 1 && (cur[1] == '/' || cur[1] == '\\')) ||
			strings.ContainsRune(cur, '\\') || text.Check(cur) != nil {
			return false
		}
		dec, err := url.PathUnescape(cur)
		if err != nil {
			return false
		}
		if dec == cur {
			u, err := url.Parse(p)
			return err == nil && u.Scheme == "" && u.Host == "" && u.User == nil && u.Opaque == "" && strings.HasPrefix(u.Path, "/")
		}
		cur = dec
	}
	return false
}
