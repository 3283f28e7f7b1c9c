package clamd_test

import (
	"bytes"
	"errors"
	"io"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/zeker-platform/zeker/internal/clamd"
	"github.com/zeker-platform/zeker/internal/clamd/clamdtest"
)

// eicar is the EICAR test string, split so that no scanner on this machine flags the source.
var eicar = []byte(`X5O!P%@AP[4\PZX54(P^)7CC)7}$` + `EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*`)

func TestScanOverTCPEnUnix(t *testing.T) {
	tcp := clamdtest.Start(t, "tcp", "")
	unix := clamdtest.Start(t, "unix", filepath.Join(t.TempDir(), "clamd.sock"))
	for _, adres := range []string{"tcp://" + tcp.Adres, tcp.Adres, "unix://" + unix.Adres, unix.Adres} {
		s, err := clamd.Nieuw(adres)
		if err != nil {
			t.Fatal(err)
		}
		// More than one chunk: the fake reassembles the stream and compares.
		schoon := bytes.Repeat([]byte("%PDF-1.4 schoon "), 10000)
		if v, err := s.Scan(t.Context(), schoon); err != nil || v != "" {
			t.Fatalf("%s: clean file: %q, %v", adres, v, err)
		}
		v, err := s.Scan(t.Context(), append([]byte("%PDF-1.4\n"), eicar...))
		if err != nil || v != "Eicar-Signature" {
			t.Fatalf("%s: eicar: %q, %v", adres, v, err)
		}
	}
	if got := tcp.Ontvangen(); len(got) != 4 || !bytes.Equal(got[0], bytes.Repeat([]byte("%PDF-1.4 schoon "), 10000)) {
		t.Errorf("the fake received %d streams", len(got))
	}
}

func TestOnbereikbaar(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	adres := l.Addr().String()
	l.Close() // nothing listens there now
	s, _ := clamd.Nieuw(adres)
	if _, err := s.Scan(t.Context(), []byte("x")); !errors.Is(err, clamd.ErrOnbereikbaar) {
		t.Fatalf("closed port: %v", err)
	}
	// A daemon that accepts and never answers: the timeout ends the scan.
	stil, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer stil.Close()
	go func() {
		for {
			c, err := stil.Accept()
			if err != nil {
				return
			}
			go func() { _, _ = io.Copy(io.Discard, c) }()
		}
	}()
	s, _ = clamd.Nieuw(stil.Addr().String())
	s.Timeout = 200 * time.Millisecond
	if _, err := s.Scan(t.Context(), []byte("x")); !errors.Is(err, clamd.ErrOnbereikbaar) {
		t.Fatalf("silent daemon: %v", err)
	}
}

func TestNieuwAdres(t *testing.T) {
	for _, fout := range []string{"", "clamd", "tcp://", "unix://"} {
		if _, err := clamd.Nieuw(fout); err == nil {
			t.Errorf("%q accepted", fout)
		}
	}
}

func TestParseAntwoord(t *testing.T) {
	for in, want := range map[string]string{"stream: OK\x00": "", "stream: OK\n": "", "stream: Eicar-Signature FOUND\x00": "Eicar-Signature",
		"stream: Win.Test.EICAR_HDB-1 FOUND": "Win.Test.EICAR_HDB-1"} {
		if got, err := clamd.ParseAntwoord(in); err != nil || got != want {
			t.Errorf("%q: %q, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "\x00", "INSTREAM size limit exceeded. ERROR\x00", "stream: FOUND", "stream:  FOUND", "stream: x ERROR", "PONG", "stream: OK\x00stream: OK", "stream: ok"} {
		if got, err := clamd.ParseAntwoord(in); err == nil {
			t.Errorf("%q accepted as %q", in, got)
		}
	}
}

func FuzzParseAntwoord(f *testing.F) {
	for _, s := range []string{"stream: OK\x00", "stream: Eicar-Signature FOUND\x00", "INSTREAM size limit exceeded. ERROR", "", "stream: \x00 FOUND"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := clamd.ParseAntwoord(s)
		if err != nil {
			if v != "" {
				t.Fatalf("%q: a name with an error", s)
			}
			return
		}
		// A clean answer or a name: never a name on a reply that did not say FOUND.
		if v != "" && !strings.Contains(s, " FOUND") {
			t.Fatalf("%q: name %q without FOUND", s, v)
		}
		if v == "" && !strings.HasPrefix(s, "stream: OK") {
			t.Fatalf("%q: clean without OK", s)
		}
		_ = utf8.ValidString(v)
	})
}
