package aanvragen

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// Opslag keeps the content of documents: in the database (DatabaseOpslag, the default) or in a directory
// of the installation (MapOpslag, `zeker serveer --documenten-map`, for large installs). The row of a
// document says where its content is (column opslag) and holds its SHA-256 (column hash), which is
// checked on every read.
type Opslag interface {
	// Soort is the value of the row's opslag column: "" for the database, "map" for a directory.
	Soort() string
	// Schrijf keeps inhoud for gemeente. It returns the name of the file ("" in the database) and what
	// goes into the row's inhoud column (the content itself in the database, empty for a directory).
	// A file is complete when Schrijf returns: never half-written.
	Schrijf(gemeente string, inhoud []byte) (bestand string, kolom []byte, err error)
	// Lees returns the content of a document of gemeente from its file, or from kolom in the database.
	// A missing or unreadable file is ErrDocumentWeg.
	Lees(gemeente, bestand string, kolom []byte) ([]byte, error)
	// Verwijder removes the file of a document (nothing in the database: the row goes). A file that is
	// already gone is no error.
	Verwijder(gemeente, bestand string) error
}

// ErrDocumentWeg: the content of a stored document is missing or does not match its hash (a file removed
// or damaged outside Zeker, a directory not mounted). The case worker gets a clear message, never a 500.
var ErrDocumentWeg = errors.New("aanvragen: het bestand van dit document ontbreekt of is beschadigd")

// OpslagMap is the value of the opslag column of a document kept in a directory.
const OpslagMap = "map"

// inhoudHash is the hex SHA-256 of a document's content.
func inhoudHash(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// DatabaseOpslag keeps the content in the row (column inhoud), in the same transaction as the row.
type DatabaseOpslag struct{}

// Soort is "".
func (DatabaseOpslag) Soort() string { return "" }

// Schrijf puts the content into the row.
func (DatabaseOpslag) Schrijf(_ string, inhoud []byte) (string, []byte, error) {
	return "", inhoud, nil
}

// Lees returns the row's content.
func (DatabaseOpslag) Lees(_, _ string, kolom []byte) ([]byte, error) { return kolom, nil }

// Verwijder does nothing: deleting the row deletes the content.
func (DatabaseOpslag) Verwijder(_, _ string) error { return nil }

// MapOpslag keeps every document in a file of its own: Map/<gemeente>/<32 random hex digits>. The name
// is never derived from what the resident sent. Directories are 0700 and files 0600; a file is written
// to a temporary file in the same directory, synced, and renamed into place (and the directory synced),
// so after a crash there is either the whole file or none (a leftover temporary file, which Opruimen
// removes).
type MapOpslag struct {
	Map string
}

var (
	gemeenteMapRe = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)
	bestandRe     = regexp.MustCompile(`^[0-9a-f]{32}$`)
)

// NieuweMapOpslag checks dir (absolute, an existing directory or one that can be made with 0700) and
// returns its storage.
func NieuweMapOpslag(dir string) (*MapOpslag, error) {
	if dir == "" || !filepath.IsAbs(dir) {
		return nil, fmt.Errorf("aanvragen: documentenmap %q: geef een absoluut pad", dir)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("aanvragen: documentenmap: %w", err)
	}
	fi, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("aanvragen: documentenmap: %w", err)
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("aanvragen: documentenmap %q is geen map", dir)
	}
	// A test write shows at start-up, not at the first upload, that the directory is not writable.
	f, err := os.CreateTemp(dir, ".proef-*")
	if err != nil {
		return nil, fmt.Errorf("aanvragen: documentenmap %q is niet beschrijfbaar: %w", dir, err)
	}
	f.Close()
	os.Remove(f.Name())
	return &MapOpslag{Map: filepath.Clean(dir)}, nil
}

// Soort is "map".
func (m *MapOpslag) Soort() string { return OpslagMap }

func (m *MapOpslag) gemeenteMap(gemeente string) (string, error) {
	if !gemeenteMapRe.MatchString(gemeente) {
		return "", fmt.Errorf("aanvragen: gemeente %q kan geen mapnaam zijn", gemeente)
	}
	return filepath.Join(m.Map, gemeente), nil
}

func (m *MapOpslag) pad(gemeente, bestand string) (string, error) {
	dir, err := m.gemeenteMap(gemeente)
	if err != nil {
		return "", err
	}
	if !bestandRe.MatchString(bestand) {
		return "", fmt.Errorf("%w: onbekende bestandsnaam", ErrDocumentWeg)
	}
	return filepath.Join(dir, bestand), nil
}

// Schrijf writes inhoud to a new file with a random name: temporary file, fsync, rename, fsync of the
// directory.
func (m *MapOpslag) Schrijf(gemeente string, inhoud []byte) (string, []byte, error) {
	dir, err := m.gemeenteMap(gemeente)
	if err != nil {
		return "", nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", nil, fmt.Errorf("aanvragen: documentenmap: %w", err)
	}
	var id [16]byte
	if _, err := rand.Read(id[:]); err != nil {
		return "", nil, fmt.Errorf("aanvragen: bestandsnaam: %w", err)
	}
	naam := hex.EncodeToString(id[:])
	tmp, err := os.CreateTemp(dir, ".tmp-*") // 0600
	if err != nil {
		return "", nil, fmt.Errorf("aanvragen: documentenmap: %w", err)
	}
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(inhoud); err != nil {
		return "", nil, fmt.Errorf("aanvragen: document schrijven: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		return "", nil, fmt.Errorf("aanvragen: document schrijven: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return "", nil, fmt.Errorf("aanvragen: document schrijven: %w", err)
	}
	if err := os.Rename(tmp.Name(), filepath.Join(dir, naam)); err != nil {
		return "", nil, fmt.Errorf("aanvragen: document schrijven: %w", err)
	}
	ok = true
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return naam, nil, nil
}

// Lees reads the file of a document.
func (m *MapOpslag) Lees(gemeente, bestand string, _ []byte) ([]byte, error) {
	p, err := m.pad(gemeente, bestand)
	if err != nil {
		return nil, err
	}
	b, err := os.ReadFile(p)
	if err != nil {
		return nil, fmt.Errorf("%w (%v)", ErrDocumentWeg, err)
	}
	return b, nil
}

// Verwijder removes the file of a document.
func (m *MapOpslag) Verwijder(gemeente, bestand string) error {
	p, err := m.pad(gemeente, bestand)
	if err != nil {
		return err
	}
	if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("aanvragen: document verwijderen: %w", err)
	}
	return nil
}

// Opruimen removes from the gemeente's directory the files older than ouder that bekend does not know: a
// temporary file left by a crash during Schrijf, or a file whose transaction was rolled back or whose row
// retention deleted while the file could not be removed. It returns how many it removed.
func (m *MapOpslag) Opruimen(gemeente string, bekend func(bestand string) bool, voor time.Time) (int, error) {
	dir, err := m.gemeenteMap(gemeente)
	if err != nil {
		return 0, err
	}
	es, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("aanvragen: documentenmap: %w", err)
	}
	n := 0
	for _, e := range es {
		if e.IsDir() {
			continue
		}
		naam := e.Name()
		if !strings.HasPrefix(naam, ".tmp-") && !bestandRe.MatchString(naam) {
			continue // not ours
		}
		if bestandRe.MatchString(naam) && bekend(naam) {
			continue
		}
		fi, err := e.Info()
		if err != nil || !fi.ModTime().Before(voor) {
			continue
		}
		if err := os.Remove(filepath.Join(dir, naam)); err == nil {
			n++
		}
	}
	return n, nil
}
