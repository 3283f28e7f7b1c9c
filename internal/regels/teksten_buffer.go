package regels

import "unsafe"

// tekstBuffer is where the texts of one trace are written: a byte array that is only ever written
// after what was already written (n), so that a text once returned by tekst never changes. It does
// what strings.Builder did for the woorder, with two differences that matter in the hot path:
// writing stores only an int (n), never a pointer, so it costs no GC write barrier while a
// collection runs; and a number is formatted straight into the array, without a copy.
type tekstBuffer struct {
	b []byte // len(b) is the capacity; b[:n] is written
	n int
}

// ruimte makes sure that at least k more bytes fit. When they do not, a new array is started with
// what was written so far (the texts returned earlier keep the old array, which is never written
// again).
func (t *tekstBuffer) ruimte(k int) {
	if len(t.b)-t.n >= k {
		return
	}
	nieuw := make([]byte, max(2*len(t.b), t.n+k, woordenBuffer))
	copy(nieuw, t.b[:t.n])
	t.b = nieuw
}

// nieuw starts a fresh array of size k (nothing written yet).
func (t *tekstBuffer) nieuw(k int) {
	t.b = make([]byte, k)
	t.n = 0
}

func (t *tekstBuffer) schrijf(s string) {
	if len(t.b)-t.n < len(s) {
		t.ruimte(len(s))
	}
	t.n += copy(t.b[t.n:], s)
}

func (t *tekstBuffer) schrijfByte(c byte) {
	if t.n == len(t.b) {
		t.ruimte(1)
	}
	t.b[t.n] = c
	t.n++
}

// staart returns the room after what was written, with at least k bytes, to append a number to;
// gebruikt then counts what was appended.
func (t *tekstBuffer) staart(k int) []byte {
	t.ruimte(k)
	return t.b[t.n:t.n:len(t.b)]
}

func (t *tekstBuffer) gebruikt(p []byte) {
	if len(p) > 0 && (len(t.b)-t.n < len(p) || unsafe.SliceData(p) != &t.b[t.n]) {
		// appended elsewhere (did not fit): copy it in
		t.ruimte(len(p))
		copy(t.b[t.n:], p)
	}
	t.n += len(p)
}

// tekst returns what was written since start. The bytes are never written again (see ruimte), so
// the string may share them, as strings.Builder.String does.
func (t *tekstBuffer) tekst(start int) string {
	if t.n <= start {
		return ""
	}
	return unsafe.String(&t.b[start], t.n-start)
}
