package aanvragen

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"strings"
	"unicode"
)

// Limits of uploads.
const (
	MaxBestand      = 10 << 20 // one document: 10 MB (a phone photo of a payslip is 2–5 MB)
	MaxDocumenten   = 12       // documents per application
	MaxPerVerzoek   = 6        // files in one form
	MaxBestandsnaam = 120
)

// Soorten van bestanden die worden aangenomen, bepaald aan de inhoud (magic bytes).
const (
	MimePDF  = "application/pdf"
	MimeJPEG = "image/jpeg"
	MimePNG  = "image/png"
)

// Errors of an upload; each has its own message for the resident.
var (
	ErrBestandLeeg   = errors.New("aanvragen: het bestand is leeg")
	ErrBestandGroot  = errors.New("aanvragen: het bestand is te groot")
	ErrBestandSoort  = errors.New("aanvragen: dit soort bestand nemen wij niet aan")
	ErrTeVeelBestand = errors.New("aanvragen: te veel bestanden")
)

// SoortVanInhoud returns the type of a document by its first bytes: PDF, JPEG or PNG; "" for
// anything else (an .exe renamed to .pdf, HTML, a ZIP).
func SoortVanInhoud(b []byte) string {
	switch {
	case len(b) >= 5 && bytes.Equal(b[:5], []byte("%PDF-")):
		return MimePDF
	case len(b) >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF:
		return MimeJPEG
	case len(b) >= 8 && bytes.Equal(b[:8], []byte("\x89PNG\r\n\x1a\n")):
		return MimePNG
	}
	return ""
}

// Bestand is one uploaded document.
type Bestand struct {
	Naam   string // as the browser sent it; cleaned by ControleerBestand
	Soort  string // the document kind it answers (Soort of Nodig), "" when not said
	Inhoud []byte
	Mime   string // set by ControleerBestand from the content
}

// ControleerBestand checks one document: not empty, at most MaxBestand, PDF, JPEG or PNG by content.
// It sets Mime and a clean Naam (no path, no control characters, the right extension).
func ControleerBestand(b *Bestand) error {
	if len(b.Inhoud) == 0 {
		return ErrBestandLeeg
	}
	if len(b.Inhoud) > MaxBestand {
		return fmt.Errorf("%w: %d MB, het mag hoogstens %d MB zijn", ErrBestandGroot, (len(b.Inhoud)+(1<<20)-1)>>20, MaxBestand>>20)
	}
	b.Mime = SoortVanInhoud(b.Inhoud)
	if b.Mime == "" && IsHEIC(b.Inhoud) {
		return ErrBestandHEIC
	}
	if b.Mime == "" {
		return fmt.Errorf("%w: alleen PDF, JPG en PNG", ErrBestandSoort)
	}
	b.Naam = schoneNaam(b.Naam, b.Mime)
	return nil
}

var extensie = map[string]string{MimePDF: ".pdf", MimeJPEG: ".jpg", MimePNG: ".png"}

// schoneNaam keeps the base name, letters, digits and a few marks, at most MaxBestandsnaam, with the
// extension of the real type.
func schoneNaam(naam, mime string) string {
	naam = path.Base(strings.ReplaceAll(naam, "\\", "/"))
	naam = strings.TrimSuffix(naam, path.Ext(naam))
	var b strings.Builder
	for _, r := range naam {
		if b.Len() >= MaxBestandsnaam {
			break
		}
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		case r == ' ' || r == '-' || r == '_' || r == '.' || r == '(' || r == ')':
			b.WriteRune(r)
		}
	}
	s := strings.Trim(b.String(), " .")
	if s == "" {
		s = "document"
	}
	return s + extensie[mime]
}
