package web

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/klauspost/compress/gzip"
)

// Compression of responses. A phone on a slow line waits mostly for bytes: the result page is about
// 40 KB of HTML that gzip makes five to seven times smaller. Text responses (HTML, CSS, JavaScript,
// JSON, CSV, SVG, plain text) are gzipped for clients that accept it; responses that are compressed
// already (images, a Content-Encoding set by the handler, as the static files do from their copy
// gzipped at start-up) and small ones (under minGzip bytes, where gzip's header costs more than it
// saves) go out as they are. Every compressible response says Vary: Accept-Encoding, so a cache keeps
// both forms apart.
//
// gzip at level 1 (BestSpeed) from github.com/klauspost/compress, whose gzip package has the standard
// library's API: on the 35 KB result page it takes 55 µs where compress/gzip takes 170 µs at the same
// level (and 430 µs at its default), for a slightly smaller result (7.6 KB); zstd, which the same
// module offers, was no smaller and slower (docs/check.md has the figures). Writers are pooled,
// because a flate writer costs hundreds of kilobytes to make.

// minGzip is the smallest body that is compressed.
const minGzip = 1024

var gzipPool = sync.Pool{New: func() any {
	zw, _ := gzip.NewWriterLevel(io.Discard, gzip.BestSpeed)
	return zw
}}

// comprimeerbaar reports whether a Content-Type is text that gzip makes smaller.
func comprimeerbaar(soort string) bool {
	if i := strings.IndexByte(soort, ';'); i >= 0 {
		soort = soort[:i]
	}
	soort = strings.TrimSpace(strings.ToLower(soort))
	switch {
	case strings.HasPrefix(soort, "text/"):
		return true
	case soort == "application/json", soort == "application/problem+json", soort == "application/javascript",
		soort == "application/xml", soort == "image/svg+xml", soort == "application/yaml", soort == "application/x-yaml",
		strings.HasSuffix(soort, "+json"), strings.HasSuffix(soort, "+xml"):
		return true
	}
	return false
}

// accepteertGzip reports whether the request's Accept-Encoding allows gzip (RFC 9110 12.5.3: "gzip" or
// "*" with a q-value above 0; "x-gzip" is the same coding).
func accepteertGzip(r *http.Request) bool {
	gz, ster := -1.0, -1.0
	for _, ae := range r.Header.Values("Accept-Encoding") {
		for deel := range strings.SplitSeq(ae, ",") {
			naam, params, _ := strings.Cut(deel, ";")
			naam = strings.ToLower(strings.TrimSpace(naam))
			q := 1.0
			if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
				f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
				if err != nil {
					continue
				}
				q = f
			}
			switch naam {
			case "gzip", "x-gzip":
				gz = max(gz, q)
			case "*":
				ster = max(ster, q)
			}
		}
	}
	if gz >= 0 {
		return gz > 0
	}
	return ster > 0
}

// comprimeer gzips the responses of next that are worth it.
func comprimeer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			next.ServeHTTP(w, r)
			return
		}
		cw := &gzipSchrijver{ResponseWriter: w, accepteert: accepteertGzip(r)}
		next.ServeHTTP(cw, r)
		cw.sluit()
	})
}

// gzipSchrijver holds back the header and the first minGzip bytes of a response until it knows
// whether to compress.
type gzipSchrijver struct {
	http.ResponseWriter
	accepteert bool
	status     int
	wacht      []byte // the first bytes, while undecided
	besloten   bool
	zw         *gzip.Writer // set when compressing
}

func (c *gzipSchrijver) WriteHeader(code int) {
	if c.besloten || c.status != 0 {
		if c.besloten {
			c.ResponseWriter.WriteHeader(code)
		}
		return
	}
	if code >= 100 && code < 200 {
		c.ResponseWriter.WriteHeader(code) // informational: pass on, the real status follows
		return
	}
	c.status = code
	if !c.magComprimeren() {
		c.beslis(false)
	}
}

// magComprimeren reports whether the response, as far as its header tells, can be compressed.
func (c *gzipSchrijver) magComprimeren() bool {
	h := c.Header()
	switch {
	case c.status == http.StatusNoContent, c.status == http.StatusNotModified, c.status == http.StatusPartialContent:
		return false
	case h.Get("Content-Encoding") != "", h.Get("Content-Range") != "":
		return false
	}
	if n, err := strconv.Atoi(h.Get("Content-Length")); err == nil && n < minGzip {
		return false
	}
	soort := h.Get("Content-Type")
	return soort == "" || comprimeerbaar(soort)
}

func (c *gzipSchrijver) Write(p []byte) (int, error) {
	if !c.besloten {
		if c.status == 0 {
			c.status = http.StatusOK
			if !c.magComprimeren() {
				c.beslis(false)
			}
		}
	}
	if c.besloten {
		if c.zw != nil {
			return c.zw.Write(p)
		}
		return c.ResponseWriter.Write(p)
	}
	if c.accepteert && len(c.wacht)+len(p) < minGzip {
		c.wacht = append(c.wacht, p...)
		return len(p), nil
	}
	c.beslisMet(p)
	if c.zw != nil {
		if _, err := c.zw.Write(c.wacht); err != nil {
			return 0, err
		}
		c.wacht = nil
		return c.zw.Write(p)
	}
	if len(c.wacht) > 0 {
		if _, err := c.ResponseWriter.Write(c.wacht); err != nil {
			return 0, err
		}
		c.wacht = nil
	}
	return c.ResponseWriter.Write(p)
}

// beslisMet decides with the first bytes of the body at hand (to sniff a missing Content-Type).
func (c *gzipSchrijver) beslisMet(p []byte) {
	h := c.Header()
	if h.Get("Content-Type") == "" {
		kop := c.wacht
		if len(kop) == 0 {
			kop = p
		}
		h.Set("Content-Type", http.DetectContentType(kop))
	}
	c.beslis(c.magComprimeren())
}

// beslis writes the header, compressing or not.
func (c *gzipSchrijver) beslis(gz bool) {
	c.besloten = true
	h := c.Header()
	if gz || (h.Get("Content-Encoding") == "" && comprimeerbaar(h.Get("Content-Type"))) {
		h.Add("Vary", "Accept-Encoding")
	}
	if gz && c.accepteert {
		h.Del("Content-Length")
		h.Set("Content-Encoding", "gzip")
		// A strong ETag names the bytes; the gzipped bytes are other bytes.
		if e := h.Get("ETag"); e != "" && !strings.HasPrefix(e, "W/") {
			h.Set("ETag", strings.TrimSuffix(e, `"`)+`-gz"`)
		}
		zw := gzipPool.Get().(*gzip.Writer)
		zw.Reset(c.ResponseWriter)
		c.zw = zw
	}
	if c.status == 0 {
		c.status = http.StatusOK
	}
	c.ResponseWriter.WriteHeader(c.status)
}

// sluit finishes the response: a small body goes out as it is, a gzip stream is closed.
func (c *gzipSchrijver) sluit() {
	if !c.besloten {
		if c.status == 0 && len(c.wacht) == 0 {
			return // the handler wrote nothing: the server sends its own 200
		}
		if c.status == 0 {
			c.status = http.StatusOK
		}
		if c.Header().Get("Content-Type") == "" && len(c.wacht) > 0 {
			c.Header().Set("Content-Type", http.DetectContentType(c.wacht))
		}
		c.beslis(false)
		if len(c.wacht) > 0 {
			c.ResponseWriter.Write(c.wacht)
		}
		return
	}
	if c.zw != nil {
		c.zw.Close()
		c.zw.Reset(io.Discard)
		gzipPool.Put(c.zw)
		c.zw = nil
	}
}

// Flush sends what is written so far; a streamed response (a CSV export) is compressed when it may be.
func (c *gzipSchrijver) Flush() {
	if !c.besloten {
		if c.status == 0 {
			c.status = http.StatusOK
		}
		if len(c.wacht) > 0 {
			c.beslisMet(c.wacht)
		} else {
			c.beslis(c.magComprimeren() && c.Header().Get("Content-Type") != "")
		}
		if c.zw != nil {
			c.zw.Write(c.wacht)
		} else if len(c.wacht) > 0 {
			c.ResponseWriter.Write(c.wacht)
		}
		c.wacht = nil
	}
	if c.zw != nil {
		c.zw.Flush()
	}
	http.NewResponseController(c.ResponseWriter).Flush()
}

// Hijack hands the connection over (nothing of ours uses it; it keeps the writer transparent).
func (c *gzipSchrijver) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	return http.NewResponseController(c.ResponseWriter).Hijack()
}

func (c *gzipSchrijver) Unwrap() http.ResponseWriter { return c.ResponseWriter }
