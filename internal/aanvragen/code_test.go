package aanvragen

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestCodeRondreis(t *testing.T) {
	for range 50 {
		c, err := NieuweCode()
		if err != nil {
			t.Fatal(err)
		}
		raw, err := ParseCode(c)
		if err != nil || len(raw) != CodeBytes {
			t.Fatalf("%s: %v", c, err)
		}
		// As a resident types it: lower case, spaces, O for 0 and l for 1.
		getypt := strings.ToLower(strings.ReplaceAll(c, "-", " "))
		getypt = strings.ReplaceAll(strings.ReplaceAll(getypt, "0", "o"), "1", "l")
		raw2, err := ParseCode(getypt)
		if err != nil || !bytes.Equal(raw, raw2) {
			t.Fatalf("typed %q: %v", getypt, err)
		}
	}
	for _, bad := range []string{"", "ABC", strings.Repeat("A", 27), strings.Repeat("U", 26), strings.Repeat("A", 25) + "Z", strings.Repeat("é", 26)} {
		if _, err := ParseCode(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestSoortVanInhoud(t *testing.T) {
	for in, want := range map[string]string{"%PDF-1.7": MimePDF, "\xFF\xD8\xFF\xE1": MimeJPEG, "\x89PNG\r\n\x1a\n": MimePNG,
		"MZ\x90": "", "<html>": "", "PK\x03\x04": "", "%PDF": ""} {
		if got := SoortVanInhoud([]byte(in)); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
	b := Bestand{Naam: "../../etc/passwd.pdf\x00.exe", Inhoud: []byte("\x89PNG\r\n\x1a\nxx")}
	if err := ControleerBestand(&b); err != nil || b.Naam != "passwd.pdf.png" || b.Mime != MimePNG {
		t.Errorf("%+v %v", b, err)
	}
}

func FuzzParseCode(f *testing.F) {
	c, _ := NieuweCode()
	f.Add(c)
	f.Add("abcd efgh")
	f.Add(strings.Repeat("Z", 26))
	f.Fuzz(func(t *testing.T, s string) {
		raw, err := ParseCode(s)
		if err != nil {
			return
		}
		if len(raw) != CodeBytes {
			t.Fatalf("%q gave %d bytes", s, len(raw))
		}
		// A code that parses has one canonical spelling that parses to the same bytes.
		kanon := groepen(crockford.EncodeToString(raw), 4)
		raw2, err := ParseCode(kanon)
		if err != nil || !bytes.Equal(raw, raw2) {
			t.Fatalf("%q → %q does not round-trip", s, kanon)
		}
	})
}

func FuzzControleerBestand(f *testing.F) {
	f.Add("a.pdf", []byte("%PDF-1.4 x"))
	f.Add("b.jpg", []byte("\xFF\xD8\xFF\xE0"))
	f.Add("c.exe", []byte("MZ\x90\x00"))
	f.Add("IMG_0001.HEIC", []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"))
	f.Add("d.heif", []byte("\x00\x00\x00\x1cftypmp42\x00\x00\x00\x00isommp41msf1"))
	f.Add("e.mp4", []byte("\x00\x00\x00\x14ftypisom\x00\x00\x00\x00mp41"))
	f.Fuzz(func(t *testing.T, naam string, inhoud []byte) {
		b := Bestand{Naam: naam, Inhoud: inhoud}
		err := ControleerBestand(&b)
		heic := IsHEIC(inhoud)
		if heic && (len(inhoud) < 16 || string(inhoud[4:8]) != "ftyp" || SoortVanInhoud(inhoud) != "") {
			t.Fatalf("HEIC by %q", inhoud[:min(16, len(inhoud))])
		}
		if heic && len(inhoud) <= MaxBestand && !errors.Is(err, ErrBestandHEIC) {
			t.Fatalf("HEIC content gave %v, not the HEIC message", err)
		}
		if errors.Is(err, ErrBestandHEIC) && !heic {
			t.Fatalf("HEIC message for %q", inhoud[:min(16, len(inhoud))])
		}
		if err != nil {
			return
		}
		if b.Mime != SoortVanInhoud(inhoud) || b.Mime == "" {
			t.Fatalf("accepted %q as %q", inhoud[:min(8, len(inhoud))], b.Mime)
		}
		if strings.ContainsAny(b.Naam, "/\\\x00") || !strings.HasSuffix(b.Naam, extensie[b.Mime]) || len(b.Naam) > MaxBestandsnaam+8 {
			t.Fatalf("name %q", b.Naam)
		}
	})
}
