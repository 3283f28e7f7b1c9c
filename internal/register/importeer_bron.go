package register

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"strings"
)

// The row sources of an import: CSV with a header (Indeling) and JSON (an array or JSON Lines), read
// one record at a time with the line each record starts on, for error messages.

// telLezer counts bytes and remembers where lines end, so a JSON value's offset gives its line.
type telLezer struct {
	r      io.Reader
	n      int64
	regels []int64 // offsets of '\n' not yet passed by regelBij
	voor   int     // newlines before regels[0]
}

func (t *telLezer) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	for i, c := range p[:n] {
		if c == '\n' {
			t.regels = append(t.regels, t.n+int64(i))
		}
	}
	t.n += int64(n)
	return n, err
}

// regelBij returns the 1-based line of offset; offsets must not decrease between calls.
func (t *telLezer) regelBij(off int64) int {
	k := 0
	for k < len(t.regels) && t.regels[k] < off {
		k++
	}
	t.voor += k
	t.regels = t.regels[k:]
	if cap(t.regels) > 1<<16 && len(t.regels) < 1<<10 {
		t.regels = append([]int64(nil), t.regels...)
	}
	return t.voor + 1
}

// bron yields records one at a time; raw is the row as read, for the file of rejected rows.
type bron interface {
	volgende() (rec *Record, raw []string, rawJSON []byte, err error) // io.EOF at the end
}

type csvBron struct {
	r   *csv.Reader
	ind *Indeling
}

func (b *csvBron) volgende() (*Record, []string, []byte, error) {
	rij, err := b.r.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, nil, nil, &RijFout{Regel: pe.StartLine, Reden: "geen geldige CSV: " + pe.Err.Error()}
		}
		return nil, nil, nil, err
	}
	regel, _ := b.r.FieldPos(0)
	rec, err := b.ind.ParseRij(regel, rij)
	return rec, rij, nil, err
}

type jsonBron struct {
	t     *telLezer
	dec   *json.Decoder
	array bool
	klaar bool
}

func nieuweJSONBron(r io.Reader) (*jsonBron, error) {
	t := &telLezer{r: r}
	br := bufio.NewReaderSize(t, 64<<10)
	dec := json.NewDecoder(br)
	b := &jsonBron{t: t, dec: dec}
	// Peek at the first non-space byte: '[' is an array, '{' JSON Lines.
	for {
		c, err := br.Peek(1)
		if err == io.EOF {
			b.klaar = true
			return b, nil
		}
		if err != nil {
			return nil, err
		}
		if c[0] == ' ' || c[0] == '\n' || c[0] == '\r' || c[0] == '\t' {
			br.ReadByte()
			continue
		}
		if c[0] == '[' {
			b.array = true
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
		}
		return b, nil
	}
}

func (b *jsonBron) volgende() (*Record, []string, []byte, error) {
	if b.klaar || (b.array && !b.dec.More()) {
		return nil, nil, nil, io.EOF
	}
	var raw json.RawMessage
	if err := b.dec.Decode(&raw); err != nil {
		if err == io.EOF {
			return nil, nil, nil, io.EOF
		}
		regel := b.t.regelBij(b.dec.InputOffset())
		// A syntax error leaves the decoder unusable: report it as fatal for this file.
		return nil, nil, nil, &fataleFout{&RijFout{Regel: regel, Reden: "geen geldige JSON: " + strings.TrimPrefix(err.Error(), "json: ")}}
	}
	eind := b.dec.InputOffset()
	begin := eind - int64(len(raw))
	regel := b.t.regelBij(begin)
	rec, err := ParseJSON(regel, raw)
	return rec, nil, raw, err
}

// fataleFout is a problem after which the rest of the file cannot be read.
type fataleFout struct{ *RijFout }

func (f *fataleFout) Unwrap() error { return f.RijFout }

// regelVan gives the line of a record for a validation error found after parsing.
func regelVan(b bron, rec *Record, raw []string) int {
	if c, ok := b.(*csvBron); ok {
		l, _ := c.r.FieldPos(0)
		return l
	}
	if j, ok := b.(*jsonBron); ok {
		return j.t.voor + 1
	}
	return 0
}
