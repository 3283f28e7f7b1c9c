// Package clamd scans uploaded files with a ClamAV daemon (clamd) over its INSTREAM protocol, on TCP
// or a unix socket, for an installation that runs one. It knows nothing of applications: the caller
// decides what an infected file or an unreachable daemon means (internal/aanvragen refuses the upload in
// both cases, never accepting a file it could not scan).
package clamd

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"time"
)

// ErrOnbereikbaar: the daemon could not be reached or did not answer as clamd does; the file was not
// scanned.
var ErrOnbereikbaar = errors.New("clamd: virusscanner niet bereikbaar")

// chunk is the size of one INSTREAM chunk; clamd's StreamMaxLength bounds the whole stream (25 MB by
// default), more than aanvragen.MaxBestand.
const chunk = 64 << 10

// maxAntwoord bounds the reply read from the daemon.
const maxAntwoord = 4096

// Scanner talks to one clamd.
type Scanner struct {
	netwerk, adres string
	// Timeout bounds one scan: connecting, sending and the reply.
	Timeout time.Duration
}

// Nieuw returns a Scanner for adres: "tcp://host:poort", "unix:///pad/clamd.sock", a path starting with
// "/" (a unix socket) or "host:poort" (TCP).
func Nieuw(adres string) (*Scanner, error) {
	adres = strings.TrimSpace(adres)
	s := &Scanner{Timeout: 30 * time.Second}
	switch {
	case strings.HasPrefix(adres, "tcp://"):
		s.netwerk, s.adres = "tcp", strings.TrimPrefix(adres, "tcp://")
	case strings.HasPrefix(adres, "unix://"):
		s.netwerk, s.adres = "unix", strings.TrimPrefix(adres, "unix://")
	case strings.HasPrefix(adres, "/"):
		s.netwerk, s.adres = "unix", adres
	default:
		s.netwerk, s.adres = "tcp", adres
	}
	if s.netwerk == "tcp" {
		if _, _, err := net.SplitHostPort(s.adres); err != nil {
			return nil, fmt.Errorf("clamd: adres %q: schrijf host:poort (bijvoorbeeld 127.0.0.1:3310) of het pad van de socket", adres)
		}
	}
	if s.adres == "" {
		return nil, fmt.Errorf("clamd: adres %q is leeg", adres)
	}
	return s, nil
}

// String is the address, for the log.
func (s *Scanner) String() string { return s.netwerk + "://" + s.adres }

// Scan sends inhoud to clamd and returns the name of the virus it found, "" when the file is clean. An
// error (wrapping ErrOnbereikbaar) means the file was not scanned.
func (s *Scanner) Scan(ctx context.Context, inhoud []byte) (string, error) {
	if s.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, s.Timeout)
		defer cancel()
	}
	var d net.Dialer
	c, err := d.DialContext(ctx, s.netwerk, s.adres)
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrOnbereikbaar, err)
	}
	defer c.Close()
	if dl, ok := ctx.Deadline(); ok {
		_ = c.SetDeadline(dl)
	}
	if err := stuur(c, inhoud); err != nil {
		return "", fmt.Errorf("%w: %v", ErrOnbereikbaar, err)
	}
	b, err := io.ReadAll(io.LimitReader(c, maxAntwoord))
	if err != nil && len(b) == 0 {
		return "", fmt.Errorf("%w: %v", ErrOnbereikbaar, err)
	}
	virus, err := ParseAntwoord(string(b))
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrOnbereikbaar, err)
	}
	return virus, nil
}

// stuur writes the INSTREAM command: "zINSTREAM\0", chunks each after its length as 4 bytes big-endian,
// and a chunk of length zero.
func stuur(w io.Writer, inhoud []byte) error {
	if _, err := w.Write([]byte("zINSTREAM\x00")); err != nil {
		return err
	}
	var n [4]byte
	for len(inhoud) > 0 {
		k := min(len(inhoud), chunk)
		binary.BigEndian.PutUint32(n[:], uint32(k))
		if _, err := w.Write(n[:]); err != nil {
			return err
		}
		if _, err := w.Write(inhoud[:k]); err != nil {
			return err
		}
		inhoud = inhoud[k:]
	}
	binary.BigEndian.PutUint32(n[:], 0)
	_, err := w.Write(n[:])
	return err
}

// ParseAntwoord reads clamd's reply to INSTREAM: "stream: OK" (clean: ""), "stream: <naam> FOUND" (the
// virus's name), each ended by \0 or a newline. Anything else — "… ERROR" (for instance "INSTREAM size
// limit exceeded. ERROR"), an empty or unknown reply — is an error: the file was not scanned.
func ParseAntwoord(s string) (string, error) {
	s = strings.TrimRight(s, "\x00\r\n")
	if strings.ContainsAny(s, "\x00\n") {
		return "", fmt.Errorf("onverwacht antwoord van clamd: meer dan één regel")
	}
	rest, ok := strings.CutPrefix(s, "stream: ")
	if !ok {
		if strings.HasSuffix(s, "ERROR") {
			return "", fmt.Errorf("clamd meldt een fout: %.200q", s)
		}
		return "", fmt.Errorf("onverwacht antwoord van clamd: %.200q", s)
	}
	switch {
	case rest == "OK":
		return "", nil
	case strings.HasSuffix(rest, " FOUND"):
		naam := strings.TrimSpace(strings.TrimSuffix(rest, " FOUND"))
		if naam == "" {
			return "", fmt.Errorf("onverwacht antwoord van clamd: %.200q", s)
		}
		return naam, nil
	case strings.HasSuffix(rest, " ERROR"):
		return "", fmt.Errorf("clamd meldt een fout: %.200q", s)
	}
	return "", fmt.Errorf("onverwacht antwoord van clamd: %.200q", s)
}
