package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"
)

// Static files. Every file under static/ is read once from the embedded folder, hashed and, when it
// is text, gzipped once (at the highest level: it is done once per process, not per request). A file
// is served under two names:
//
//   - /static/css/zeker.3f9a1c2b7d.css, with the first 10 hex digits of its SHA-256: this name changes
//     whenever the content changes, so a browser may keep it a year without asking again
//     (CacheOnveranderlijk). base.html links every file this way through the template function
//     "static".
//   - /static/css/zeker.css, the plain name, for links from outside; cached briefly (CacheKort).

const (
	// CacheOnveranderlijk is the Cache-Control of a fingerprinted static file.
	CacheOnveranderlijk = "public, max-age=31536000, immutable"
	// CacheKort is the Cache-Control of a static file under its plain name and of /favicon.ico.
	CacheKort = "public, max-age=300"
)

// statischBestand is one embedded static file, ready to serve.
type statischBestand struct {
	pad      string // under static/, e.g. css/zeker.css
	hashPad  string // css/zeker.3f9a1c2b7d.css
	soort    string // Content-Type
	data, gz []byte // gz is nil when gzip does not make the file smaller or the type is compressed already
	etag     string
}

// statisch is the table of static files, by plain and by fingerprinted path.
type statisch struct {
	bestanden map[string]*statischBestand
}

// statischeBestanden reads the embedded static folder once. The folder is part of the binary, so the
// table is the same for every kit in the process.
var statischeBestanden = sync.OnceValues(func() (*statisch, error) { return laadStatisch(staticFS, "static") })

// bestandSoorten are the types of the files we ship; an unknown extension is an error at start-up, so
// no file goes out as application/octet-stream by accident.
var bestandSoorten = map[string]string{
	".css":  "text/css; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".svg":  "image/svg+xml",
	".ico":  "image/x-icon",
	".png":  "image/png",
	".txt":  "text/plain; charset=utf-8",
	".json": "application/json",
}

func laadStatisch(fsys fs.FS, dir string) (*statisch, error) {
	s := &statisch{bestanden: map[string]*statischBestand{}}
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(p, dir+"/")
		ext := path.Ext(rel)
		soort, ok := bestandSoorten[ext]
		if !ok {
			return fmt.Errorf("web: statisch bestand %s: onbekende extensie %q", rel, ext)
		}
		som := sha256.Sum256(data)
		h := hex.EncodeToString(som[:])[:10]
		b := &statischBestand{pad: rel, hashPad: strings.TrimSuffix(rel, ext) + "." + h + ext, soort: soort, data: data, etag: `"` + h + `"`}
		if comprimeerbaar(soort) {
			var buf bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
			zw.Write(data)
			if err := zw.Close(); err != nil {
				return err
			}
			if buf.Len() < len(data) {
				b.gz = buf.Bytes()
			}
		}
		s.bestanden[rel] = b
		s.bestanden[b.hashPad] = b
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// StatischPad returns the fingerprinted URL of a static file (name under static/, e.g.
// "css/zeker.css"); an unknown name is an error, so a template with a wrong name fails at start-up.
func StatischPad(naam string) (string, error) {
	s, err := statischeBestanden()
	if err != nil {
		return "", err
	}
	b, ok := s.bestanden[naam]
	if !ok || b.pad != naam {
		return "", fmt.Errorf("web: geen statisch bestand %q", naam)
	}
	return "/static/" + b.hashPad, nil
}

// static serves the embedded static files: a fingerprinted name for a year, the plain name briefly,
// gzipped from memory when the client accepts it.
func (k *Kit) static() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s, err := statischeBestanden()
		if err != nil {
			k.log.Error("statische bestanden", "fout", err)
			k.ResidentError(w, r, http.StatusInternalServerError, "fout.intern")
			return
		}
		naam := strings.TrimPrefix(r.URL.Path, "/static/")
		b, ok := s.bestanden[naam]
		if !ok {
			k.NotFound(w, r)
			return
		}
		cache := CacheKort
		if naam == b.hashPad {
			cache = CacheOnveranderlijk
		}
		b.stuur(w, r, cache)
	}
}

// favicon answers /favicon.ico, which browsers ask for whatever the page links.
func (k *Kit) favicon(w http.ResponseWriter, r *http.Request) {
	s, err := statischeBestanden()
	if err != nil {
		k.NotFound(w, r)
		return
	}
	s.bestanden["favicon.ico"].stuur(w, r, CacheKort)
}

func (b *statischBestand) stuur(w http.ResponseWriter, r *http.Request, cache string) {
	h := w.Header()
	h.Set("Cache-Control", cache)
	h.Set("Content-Type", b.soort)
	data, etag := b.data, b.etag
	if b.gz != nil {
		h.Add("Vary", "Accept-Encoding")
		if accepteertGzip(r) {
			h.Set("Content-Encoding", "gzip")
			data, etag = b.gz, `"`+strings.Trim(b.etag, `"`)+`-gz"`
		}
	}
	h.Set("ETag", etag)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
}
