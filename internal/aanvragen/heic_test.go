package aanvragen

import (
	"errors"
	"testing"
)

func TestHEIC(t *testing.T) {
	cases := []struct {
		naam   string
		inhoud string
		heic   bool
	}{
		{"iPhone HEIC", "\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", true},
		{"HEIF heix", "\x00\x00\x00\x18ftypheix\x00\x00\x00\x00mif1heix", true},
		{"HEIF image by compatible brand", "\x00\x00\x00\x18ftypxxxx\x00\x00\x00\x00abcdmif1", true},
		{"HEIF sequence", "\x00\x00\x00\x14ftypmsf1\x00\x00\x00\x00", true},
		{"MP4 video", "\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isommp41", false},
		{"brand past the box size", "\x00\x00\x00\x10ftypisom\x00\x00\x00\x00heic", false},
		{"box size too small", "\x00\x00\x00\x08ftypheic\x00\x00\x00\x00", false},
		{"too short", "\x00\x00\x00\x18ftypheic", false},
		{"no ftyp", "\x00\x00\x00\x18moovheic\x00\x00\x00\x00mif1", false},
		{"JPEG", "\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01", false},
	}
	for _, c := range cases {
		t.Run(c.naam, func(t *testing.T) {
			if got := IsHEIC([]byte(c.inhoud)); got != c.heic {
				t.Fatalf("IsHEIC = %v, want %v", got, c.heic)
			}
			b := Bestand{Naam: "foto.jpg", Inhoud: []byte(c.inhoud)}
			err := ControleerBestand(&b)
			if c.heic != errors.Is(err, ErrBestandHEIC) {
				t.Fatalf("ControleerBestand = %v, HEIC %v", err, c.heic)
			}
			if c.heic && !errors.Is(err, ErrBestandSoort) {
				t.Fatalf("a HEIC refusal is a refusal of the type too: %v", err)
			}
		})
	}
}
