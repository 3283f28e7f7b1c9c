package netwerkweb

import (
	"testing"
	"time"
)

// FuzzLeesMoment: the day and time of a warm hand-over, as typed, give a moment or an error, never a
// panic; a moment read is that day at that time in Europe/Amsterdam.
func FuzzLeesMoment(f *testing.F) {
	for _, s := range [][2]string{{"20-1-2026", "10:30"}, {"2026-01-20", "9.15"}, {"31-2-2026", "10:00"}, {"", ""}, {"1-1-2026", "25:00"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, dag, tijd string) {
		m, err := leesMoment(dag, tijd)
		if err != nil {
			return
		}
		if m.Location().String() != "Europe/Amsterdam" || m.Second() != 0 {
			t.Fatalf("%q %q: %v", dag, tijd, m)
		}
		if _, err := time.Parse("15:04", m.Format("15:04")); err != nil {
			t.Fatal(err)
		}
	})
}

func TestLeesMoment(t *testing.T) {
	m, err := leesMoment("20-1-2026", "10.30")
	if err != nil || m.UTC().Format(time.RFC3339) != "2026-01-20T09:30:00Z" {
		t.Errorf("%v %v", m, err)
	}
	for _, fout := range [][2]string{{"31-2-2026", "10:00"}, {"20-1-2026", "25:00"}, {"morgen", "10:00"}, {"20-1-2026", ""}} {
		if _, err := leesMoment(fout[0], fout[1]); err == nil {
			t.Errorf("%q %q: no error", fout[0], fout[1])
		}
	}
}
