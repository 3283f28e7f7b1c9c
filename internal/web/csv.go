package web

import (
	"encoding/csv"
	"net/http"
)

// CSV is a download in CSV: the headers of an attachment, and cells made safe for spreadsheets.
type CSV struct {
	w *csv.Writer
}

// NieuweCSV starts a CSV download named bestand (a name built from checked values only).
func NieuweCSV(w http.ResponseWriter, bestand string) *CSV {
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="`+bestand+`"`)
	h.Set("Cache-Control", "no-store")
	return &CSV{w: csv.NewWriter(w)}
}

// Rij writes one row. Pass free text (names, villages) through CSVVeilig; numbers as they are, so a
// negative number stays a number.
func (c *CSV) Rij(cellen ...string) { c.w.Write(cellen) }

// Writer is the underlying writer, for rows written by a domain package.
func (c *CSV) Writer() *csv.Writer { return c.w }

// Klaar flushes the rows and reports a write error (the headers are sent by then; the log says why a
// file is short).
func (c *CSV) Klaar() error {
	c.w.Flush()
	return c.w.Error()
}

// CSVVeilig keeps a cell from being read as a formula by a spreadsheet (=, +, -, @, tab, CR).
func CSVVeilig(s string) string {
	if s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r') {
		return "'" + s
	}
	return s
}
