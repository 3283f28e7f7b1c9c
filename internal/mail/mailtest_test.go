package mail_test

import (
	"bufio"
	"net"
	"strings"
	"sync"
	"testing"
)

// smtpServer is a tiny SMTP server for tests: enough of RFC 5321 for net/smtp (EHLO, MAIL, RCPT, DATA,
// RSET, NOOP, QUIT), optionally offering AUTH or refusing every message with a temporary error.
type smtpServer struct {
	ln         net.Listener
	auth       bool // offer AUTH PLAIN (without STARTTLS)
	weiger     bool // answer 451 to MAIL FROM
	mu         sync.Mutex
	berichten  []ontvangen
	authGezien bool
	wg         sync.WaitGroup
}

type ontvangen struct {
	van, aan, data string
}

func nieuweSMTPServer(t *testing.T) *smtpServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &smtpServer{ln: ln}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s.wg.Add(1)
			go func() { defer s.wg.Done(); s.sessie(c) }()
		}
	}()
	t.Cleanup(func() { ln.Close(); s.wg.Wait() })
	return s
}

func (s *smtpServer) adres() string { return s.ln.Addr().String() }

func (s *smtpServer) ontvangen() []ontvangen {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]ontvangen(nil), s.berichten...)
}

func (s *smtpServer) sessie(c net.Conn) {
	defer c.Close()
	r := bufio.NewReader(c)
	w := func(l string) { c.Write([]byte(l + "\r\n")) }
	w("220 test ESMTP")
	var cur ontvangen
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		line = strings.TrimRight(line, "\r\n")
		cmd := strings.ToUpper(line)
		switch {
		case strings.HasPrefix(cmd, "EHLO"), strings.HasPrefix(cmd, "HELO"):
			if s.auth {
				w("250-test")
				w("250 AUTH PLAIN")
			} else {
				w("250 test")
			}
		case strings.HasPrefix(cmd, "AUTH"):
			s.mu.Lock()
			s.authGezien = true
			s.mu.Unlock()
			w("235 ok")
		case strings.HasPrefix(cmd, "MAIL FROM:"):
			if s.weiger {
				w("451 4.3.0 probeer later")
				continue
			}
			cur = ontvangen{van: strings.Trim(line[len("MAIL FROM:"):], "<> ")}
			w("250 ok")
		case strings.HasPrefix(cmd, "RCPT TO:"):
			cur.aan = strings.Trim(line[len("RCPT TO:"):], "<> ")
			w("250 ok")
		case cmd == "DATA":
			w("354 go")
			var b strings.Builder
			for {
				l, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if l == ".\r\n" {
					break
				}
				b.WriteString(l)
			}
			cur.data = b.String()
			s.mu.Lock()
			s.berichten = append(s.berichten, cur)
			s.mu.Unlock()
			w("250 queued")
		case cmd == "RSET", cmd == "NOOP":
			w("250 ok")
		case cmd == "QUIT":
			w("221 bye")
			return
		default:
			w("502 unknown")
		}
	}
}
