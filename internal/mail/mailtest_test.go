package mail_test

import (
	"bufio"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"net"
	"strings"
	"sync"
	"testing"
	"time"
)

// smtpServer is a tiny SMTP server for tests: enough of RFC 5321 for net/smtp (EHLO, MAIL, RCPT, DATA,
// RSET, NOOP, QUIT), optionally offering STARTTLS and AUTH, or refusing every message with a temporary error.
type smtpServer struct {
	ln         net.Listener
	auth       bool        // offer AUTH PLAIN
	tls        *tls.Config // offer STARTTLS with this configuration
	weiger     bool        // answer 451 to MAIL FROM
	impliciet  bool        // TLS from the first byte (smtps)
	mu         sync.Mutex
	berichten  []ontvangen
	authGezien bool
	authTLS    bool   // the AUTH came over TLS
	authRegel  string // the AUTH command line
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
	s.serveer(t)
	return s
}

func (s *smtpServer) serveer(t *testing.T) {
	ln := s.ln
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
}

// nieuweSMTPSServer is smtpServer speaking TLS from the first byte (smtps://, port 465).
func nieuweSMTPSServer(t *testing.T, cfg *tls.Config) *smtpServer {
	t.Helper()
	ln, err := tls.Listen("tcp", "127.0.0.1:0", cfg)
	if err != nil {
		t.Fatal(err)
	}
	s := &smtpServer{ln: ln, impliciet: true}
	s.serveer(t)
	return s
}

func (s *smtpServer) adres() string { return s.ln.Addr().String() }

func (s *smtpServer) ontvangen() []ontvangen {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]ontvangen(nil), s.berichten...)
}

func (s *smtpServer) sessie(c net.Conn) {
	defer func() { c.Close() }()
	r := bufio.NewReader(c)
	w := func(l string) { c.Write([]byte(l + "\r\n")) }
	versleuteld := s.impliciet
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
			var ext []string
			if s.tls != nil && !versleuteld {
				ext = append(ext, "STARTTLS")
			}
			if s.auth {
				ext = append(ext, "AUTH PLAIN")
			}
			if len(ext) == 0 {
				w("250 test")
				continue
			}
			w("250-test")
			for i, e := range ext {
				if i == len(ext)-1 {
					w("250 " + e)
				} else {
					w("250-" + e)
				}
			}
		case cmd == "STARTTLS" && s.tls != nil && !versleuteld:
			w("220 go ahead")
			tc := tls.Server(c, s.tls)
			if err := tc.Handshake(); err != nil {
				return
			}
			c, r, versleuteld = tc, bufio.NewReader(tc), true
		case strings.HasPrefix(cmd, "AUTH"):
			s.mu.Lock()
			s.authGezien, s.authTLS, s.authRegel = true, versleuteld, line
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

// testTLS returns a server configuration with a fresh self-signed certificate for 127.0.0.1 and a
// client configuration that trusts only it.
func testTLS(t *testing.T) (server, client *tls.Config) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IPAddresses: []net.IP{net.ParseIP("127.0.0.1")},
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}},
		&tls.Config{RootCAs: pool, ServerName: "127.0.0.1"}
}
