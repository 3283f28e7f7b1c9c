// Package clamdtest is a small fake clamd for tests: it speaks INSTREAM (zINSTREAM\0, chunks after a
// 4-byte big-endian length, a zero chunk) and answers "stream: Eicar-Signature FOUND" when the stream
// holds the EICAR test string, else "stream: OK".
package clamdtest

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"io"
	"net"
	"sync"
	"testing"
)

// Server is a running fake clamd.
type Server struct {
	Adres string // host:port, or the socket's path
	mu    sync.Mutex
	recv  [][]byte
}

// Ontvangen returns the streams received, in order.
func (s *Server) Ontvangen() [][]byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([][]byte(nil), s.recv...)
}

// Start listens on netwerk ("tcp" on 127.0.0.1, or "unix" on pad) until the test ends.
func Start(t testing.TB, netwerk, pad string) *Server {
	t.Helper()
	adres := "127.0.0.1:0"
	if netwerk == "unix" {
		adres = pad
	}
	l, err := net.Listen(netwerk, adres)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	s := &Server{Adres: l.Addr().String()}
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go s.dien(c)
		}
	}()
	return s
}

func (s *Server) dien(c net.Conn) {
	defer c.Close()
	r := bufio.NewReader(c)
	cmd, err := r.ReadString(0)
	if err != nil || cmd != "zINSTREAM\x00" {
		_, _ = c.Write([]byte("UNKNOWN COMMAND\x00"))
		return
	}
	var stroom bytes.Buffer
	for {
		var n [4]byte
		if _, err := io.ReadFull(r, n[:]); err != nil {
			return
		}
		k := binary.BigEndian.Uint32(n[:])
		if k == 0 {
			break
		}
		if k > 1<<20 || stroom.Len()+int(k) > 25<<20 {
			_, _ = c.Write([]byte("INSTREAM size limit exceeded. ERROR\x00"))
			return
		}
		if _, err := io.CopyN(&stroom, r, int64(k)); err != nil {
			return
		}
	}
	s.mu.Lock()
	s.recv = append(s.recv, stroom.Bytes())
	s.mu.Unlock()
	antwoord := "stream: OK\x00"
	if bytes.Contains(stroom.Bytes(), []byte("EICAR-STANDARD-ANTIVIRUS-TEST-FILE")) {
		antwoord = "stream: Eicar-Signature FOUND\x00"
	}
	_, _ = c.Write([]byte(antwoord))
}
