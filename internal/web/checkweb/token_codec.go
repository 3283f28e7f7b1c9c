package checkweb

import (
	"encoding/binary"
	"errors"
	"math/bits"
)

// The answers in a token are written in a compact binary form: the token is decrypted and read on every
// page of the check, and encoding/json took about a tenth of the result page's server time. The form
// is private to this server (it is sealed with AES-GCM, so only this code writes it) and versioned by
// the token's associated data (token.go): fields in the order of Antwoorden, integers as varints,
// strings and lists with their length first, optional values with a presence byte.
// TestAntwoordenCodecElkVeld fails when a field of Antwoorden is not carried.

// maxLijst bounds every list in a token; the check itself allows far fewer (children, income lines).
const maxLijst = 64

var errCodec = errors.New("web: antwoorden: onleesbaar")

type schrijver struct{ b []byte }

func (w *schrijver) int(v int64) { w.b = binary.AppendVarint(w.b, v) }
func (w *schrijver) len(n int)   { w.b = binary.AppendUvarint(w.b, uint64(n)) }
func (w *schrijver) str(s string) {
	w.len(len(s))
	w.b = append(w.b, s...)
}
func (w *schrijver) bool(v bool) {
	if v {
		w.b = append(w.b, 1)
	} else {
		w.b = append(w.b, 0)
	}
}
func (w *schrijver) strs(s []string) {
	w.len(len(s))
	for _, x := range s {
		w.str(x)
	}
}
func (w *schrijver) ink(i *Ink) {
	w.bool(i.Onbekend)
	w.len(len(i.Regels))
	for _, r := range i.Regels {
		w.str(r.Soort)
		w.int(r.Cent)
	}
}

// optioneel writes the presence byte of a pointer and reports whether a value follows.
func (w *schrijver) optioneel(aanwezig bool) bool { w.bool(aanwezig); return aanwezig }

// appendBinary appends the binary form of a to b.
func (a *Antwoorden) appendBinary(b []byte) []byte {
	w := schrijver{b}
	w.int(int64(a.Versie))
	w.int(a.Gemaakt)
	w.str(a.Gemeente)
	w.bool(a.Ander)
	w.str(a.Huidig)
	w.strs(a.Pad)
	w.strs(a.Klaar)
	w.bool(a.Partner)
	w.int(int64(a.Kinderen))
	w.int(int64(a.Medebewoners))
	w.str(a.GebAanvrager)
	w.str(a.GebPartner)
	w.len(len(a.LeeftijdKind))
	for _, k := range a.LeeftijdKind {
		w.int(int64(k))
	}
	w.ink(&a.InkAanvrager)
	w.ink(&a.InkPartner)
	if w.optioneel(a.Vermogen != nil) {
		w.int(*a.Vermogen)
	}
	w.strs(a.Ontvangt)
	if w.optioneel(a.LaagJaren != nil) {
		w.int(int64(*a.LaagJaren))
	}
	if w.optioneel(a.Student != nil) {
		w.bool(*a.Student)
	}
	if w.optioneel(a.Schuld != nil) {
		w.bool(*a.Schuld)
	}
	w.str(a.Wonen)
	if w.optioneel(a.Huur != nil) {
		w.int(*a.Huur)
	}
	w.bool(a.Bruto)
	w.int(int64(a.Gevraagd))
	if w.optioneel(a.Zorgpremie != nil) {
		w.int(*a.Zorgpremie)
	}
	return w.b
}

type lezer struct {
	b   []byte
	err error
}

// uvarintLen is the length of the shortest varint encoding of x; the reader accepts only that one,
// so every token has exactly one form.
func uvarintLen(x uint64) int { return max(1, (bits.Len64(x)+6)/7) }

func (r *lezer) int() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 || n != uvarintLen(uint64(v)<<1^uint64(v>>63)) {
		r.err = errCodec
		r.b = nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

// klein reads an int that must fit an int of the check (counts, ages, years).
func (r *lezer) klein() int {
	v := r.int()
	if v < -1<<31 || v > 1<<31-1 {
		r.err = errCodec
		return 0
	}
	return int(v)
}

func (r *lezer) len() int {
	v, n := binary.Uvarint(r.b)
	if n <= 0 || n != uvarintLen(v) || v > uint64(len(r.b)) {
		r.err = errCodec
		r.b = nil
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

func (r *lezer) lijst() int {
	n := r.len()
	if n > maxLijst {
		r.err = errCodec
		r.b = nil
		return 0
	}
	return n
}

func (r *lezer) str() string {
	n := r.len()
	if n > len(r.b) {
		r.err = errCodec
		r.b = nil
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *lezer) bool() bool {
	if len(r.b) == 0 || r.b[0] > 1 {
		r.err = errCodec
		r.b = nil
		return false
	}
	v := r.b[0] == 1
	r.b = r.b[1:]
	return v
}

func (r *lezer) strs() []string {
	n := r.lijst()
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = r.str()
	}
	return out
}

func (r *lezer) ink(i *Ink) {
	i.Onbekend = r.bool()
	if n := r.lijst(); n > 0 {
		i.Regels = make([]InkRegel, n)
		for j := range i.Regels {
			i.Regels[j] = InkRegel{Soort: r.str(), Cent: r.int()}
		}
	}
}

// The versions of the binary form (token.go): each adds fields at the end.
const (
	vormV2 = 2 // ends after Huur (associated data tokenAADv2)
	vormV3 = 3 // adds Bruto and Gevraagd (tokenAADv3)
	vormV4 = 4 // adds Zorgpremie (tokenAAD)
)

// unmarshalBinary reads the binary form of version vorm into a; a must be zero. Fields a version
// does not carry stay zero.
func (a *Antwoorden) unmarshalBinary(b []byte, vorm int) error {
	r := &lezer{b: b}
	a.Versie = r.klein()
	a.Gemaakt = r.int()
	a.Gemeente = r.str()
	a.Ander = r.bool()
	a.Huidig = r.str()
	a.Pad = r.strs()
	a.Klaar = r.strs()
	a.Partner = r.bool()
	a.Kinderen = r.klein()
	a.Medebewoners = r.klein()
	a.GebAanvrager = r.str()
	a.GebPartner = r.str()
	if n := r.lijst(); n > 0 {
		a.LeeftijdKind = make([]int, n)
		for i := range a.LeeftijdKind {
			a.LeeftijdKind[i] = r.klein()
		}
	}
	r.ink(&a.InkAanvrager)
	r.ink(&a.InkPartner)
	if r.bool() {
		v := r.int()
		a.Vermogen = &v
	}
	a.Ontvangt = r.strs()
	if r.bool() {
		v := r.klein()
		a.LaagJaren = &v
	}
	if r.bool() {
		v := r.bool()
		a.Student = &v
	}
	if r.bool() {
		v := r.bool()
		a.Schuld = &v
	}
	a.Wonen = r.str()
	if r.bool() {
		v := r.int()
		a.Huur = &v
	}
	if vorm >= vormV3 {
		a.Bruto = r.bool()
		g := r.int()
		if g < 0 || g > 255 {
			return errCodec
		}
		a.Gevraagd = uint8(g)
	}
	if vorm >= vormV4 && r.bool() {
		v := r.int()
		a.Zorgpremie = &v
	}
	if r.err != nil {
		return r.err
	}
	if len(r.b) != 0 {
		return errCodec
	}
	return nil
}
