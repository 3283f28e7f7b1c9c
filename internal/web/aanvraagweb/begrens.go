package aanvraagweb

import (
	"net/http"
	"sync"
	"time"
)

// The per-address limit of the public code forms (status, upload, letter), beside the per-application
// limit of internal/aanvragen (MaxPogingen wrong codes per reference): one address that tries many
// references, or floods the forms, is answered 429 with a plain message. In memory, per instance.
const (
	AdresVenster   = 15 * time.Minute
	AdresPosts     = 60 // posts to the code forms per client address per window
	AdresFoutCodes = 10 // wrong codes or unknown references per client address per window
	adresSleutels  = 10000
)

// begrenzer counts events per key in a sliding window.
type begrenzer struct {
	mu      sync.Mutex
	max     int
	venster time.Duration
	per     map[string][]time.Time
}

func nieuweBegrenzer(max int, venster time.Duration) *begrenzer {
	return &begrenzer{max: max, venster: venster, per: map[string][]time.Time{}}
}

// binnen returns the events of key still in the window at nu (b.mu held).
func (b *begrenzer) binnen(key string, nu time.Time) []time.Time {
	grens := nu.Add(-b.venster)
	ts := b.per[key]
	i := 0
	for i < len(ts) && !ts[i].After(grens) {
		i++
	}
	return ts[i:]
}

// vol reports whether key has reached the limit at nu, without counting.
func (b *begrenzer) vol(key string, nu time.Time) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.binnen(key, nu)) >= b.max
}

// mag reports whether key may do one more event at nu, and counts it when it may. When very many
// addresses are counted at once, new ones are refused until the window passes (memory stays bounded).
func (b *begrenzer) mag(key string, nu time.Time) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	ts := b.binnen(key, nu)
	if len(ts) == 0 && len(b.per) >= adresSleutels {
		for k := range b.per {
			if len(b.binnen(k, nu)) == 0 {
				delete(b.per, k)
			}
		}
		if len(b.per) >= adresSleutels {
			return false
		}
	}
	if len(ts) >= b.max {
		b.per[key] = ts
		return false
	}
	b.per[key] = append(ts, nu)
	return true
}

// perAdres wraps a code form: refused with 429 when the client address sent too many posts or too many
// wrong codes in the window.
func (s *server) perAdres(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ip, nu := s.kit.ClientIP(r), s.kit.Nu()
		if s.foutAdres.vol(ip, nu) || !s.postsAdres.mag(ip, nu) {
			w.Header().Set("Retry-After", "900")
			s.kit.ResidentError(w, r, http.StatusTooManyRequests, "aanvraag.fout.adres")
			return
		}
		h(w, r)
	}
}
