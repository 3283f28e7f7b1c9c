package register

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"errors"
	"github.com/zeker-platform/zeker/internal/errs"
)

// Schrijver writes records in an import format, one at a time.
type Schrijver interface {
	Schrijf(*Record) error
	Sluit() error // writes what is buffered and the closing part; does not close the underlying writer
}

// NieuweSchrijver returns a writer for formaat "csv" or "json" (a JSON array, one household per line).
func NieuweSchrijver(w io.Writer, formaat string) (Schrijver, error) {
	switch formaat {
	case "csv":
		c := csv.NewWriter(w)
		if err := c.Write(Kolommen); err != nil {
			return nil, err
		}
		return &csvSchrijver{w: c}, nil
	case "json":
		b := bufio.NewWriterSize(w, 64<<10)
		if _, err := b.WriteString("["); err != nil {
			return nil, err
		}
		return &jsonSchrijver{w: b}, nil
	}
	return nil, fmt.Errorf("register: onbekend formaat %q (csv of json)", formaat)
}

// FormaatVan tells the format from a file name: .json or .jsonl is json, anything else csv.
func FormaatVan(naam string) string {
	if strings.HasSuffix(naam, ".json") || strings.HasSuffix(naam, ".jsonl") {
		return "json"
	}
	return "csv"
}

type csvSchrijver struct{ w *csv.Writer }

func (s *csvSchrijver) Schrijf(r *Record) error { return s.w.Write(r.Rij()) }
func (s *csvSchrijver) Sluit() error {
	s.w.Flush()
	return s.w.Error()
}

type jsonSchrijver struct {
	w *bufio.Writer
	n int
}

func (s *jsonSchrijver) Schrijf(r *Record) error {
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	sep := ",\n"
	if s.n == 0 {
		sep = "\n"
	}
	s.n++
	s.w.WriteString(sep)
	_, err = s.w.Write(b)
	return err
}

func (s *jsonSchrijver) Sluit() error {
	s.w.WriteString("\n]\n")
	return s.w.Flush()
}

// Valideer checks the household at the reference date (package huishouden's rules) and that it
// belongs to gemeente (when not empty). The error is a *RijFout naming the column.
func (rec *Record) Valideer(regel int, datum time.Time, gemeente string) error {
	if gemeente != "" && rec.H.Gemeente != gemeente {
		return &RijFout{Regel: regel, Kolom: "gemeente", Reden: fmt.Sprintf("%q hoort niet bij deze import (%s)", rec.H.Gemeente, gemeente)}
	}
	err := rec.H.Valideer(datum)
	if err == nil {
		return nil
	}
	if fs := (errs.Fields{}); errors.As(err, &fs) && len(fs) > 0 {
		redenen := make([]string, len(fs))
		for i, f := range fs {
			redenen[i] = f.Reason
		}
		return &RijFout{Regel: regel, Kolom: kolomVanPad(rec, fs[0].Path), Reden: strings.Join(redenen, "; ")}
	}
	return &RijFout{Regel: regel, Reden: err.Error()}
}
