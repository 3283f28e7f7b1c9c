package mail

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/hex"
	"errors"
	"fmt"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/smtp"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// SMTP sends through a mail server (submission). Made by ParseSMTP from a URL such as
// smtp://gebruiker:wachtwoord@mail.voorbeeld.nl:587?from=noreply@voorbeeld.nl. With smtp:// it starts
// TLS (STARTTLS) whenever the server offers it; smtps:// speaks TLS from the first byte (port 465). A
// user name and password are sent (AUTH PLAIN) only over TLS: a server that offers no STARTTLS gets no
// password, and the message is not sent.
type SMTP struct {
	Host, Poort string
	Gebruiker   string
	wachtwoord  string
	Van         string // the From address
	Impliciet   bool   // smtps://
	// TLS is the TLS configuration (nil: the system's roots, ServerName Host). Tests set their own.
	TLS     *tls.Config
	Timeout time.Duration // per message; 0: 30 seconds
}

// ParseSMTP reads the --smtp setting. The reasons name what is wrong and never repeat the password.
func ParseSMTP(s string) (*SMTP, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, errors.New("leeg; geef smtp://gebruiker:wachtwoord@host:poort?from=adres")
	}
	if strings.ContainsAny(s, "\r\n\x00") {
		return nil, errors.New("bevat een regeleinde")
	}
	u, err := url.Parse(s)
	if err != nil {
		return nil, errors.New("geen geldige URL; schrijf smtp://gebruiker:wachtwoord@host:poort?from=adres")
	}
	m := &SMTP{}
	switch u.Scheme {
	case "smtp":
		m.Poort = "587"
	case "smtps":
		m.Poort, m.Impliciet = "465", true
	default:
		return nil, fmt.Errorf("schema %q: kies smtp:// (met STARTTLS) of smtps://", u.Scheme)
	}
	if u.Opaque != "" || (u.Path != "" && u.Path != "/") || u.Fragment != "" {
		return nil, errors.New("na host:poort komt alleen ?from=adres")
	}
	m.Host = u.Hostname()
	if m.Host == "" {
		return nil, errors.New("de host ontbreekt")
	}
	if p := u.Port(); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 65535 {
			return nil, fmt.Errorf("poort %q: kies 1 tot en met 65535", p)
		}
		m.Poort = p
	}
	if u.User != nil {
		m.Gebruiker = u.User.Username()
		m.wachtwoord, _ = u.User.Password()
		if m.Gebruiker == "" {
			return nil, errors.New("een wachtwoord zonder gebruikersnaam")
		}
	}
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return nil, errors.New("de opties na ? zijn onleesbaar")
	}
	for k := range q {
		if k != "from" {
			return nil, fmt.Errorf("onbekende optie %q (alleen from)", k)
		}
	}
	if len(q["from"]) != 1 {
		return nil, errors.New("geef één afzender: ?from=noreply@voorbeeld.nl")
	}
	m.Van = q.Get("from")
	if r := GeldigAdres(m.Van); r != "" {
		return nil, fmt.Errorf("from: %s", r)
	}
	return m, nil
}

// String is the setting without its password.
func (m *SMTP) String() string {
	s := "smtp"
	if m.Impliciet {
		s = "smtps"
	}
	s += "://"
	if m.Gebruiker != "" {
		s += url.User(m.Gebruiker).String() + ":***@"
	}
	return s + net.JoinHostPort(m.Host, m.Poort) + "?from=" + m.Van
}

// ErrAuthZonderTLS is returned when a password would have to cross the network unencrypted.
var ErrAuthZonderTLS = errors.New("mail: de server biedt geen STARTTLS; het wachtwoord wordt niet onversleuteld verstuurd")

// Verzend delivers b through the server.
func (m *SMTP) Verzend(ctx context.Context, b Bericht) error {
	if f := b.Valideer(); f != nil {
		return f
	}
	timeout := m.Timeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cfg := m.TLS
	if cfg == nil {
		cfg = &tls.Config{ServerName: m.Host, MinVersion: tls.VersionTLS12}
	}
	d := &net.Dialer{}
	var conn net.Conn
	var err error
	adres := net.JoinHostPort(m.Host, m.Poort)
	if m.Impliciet {
		conn, err = (&tls.Dialer{NetDialer: d, Config: cfg}).DialContext(ctx, "tcp", adres)
	} else {
		conn, err = d.DialContext(ctx, "tcp", adres)
	}
	if err != nil {
		return fmt.Errorf("mail: verbinden met %s: %w", adres, err)
	}
	defer conn.Close()
	if dl, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(dl)
	}
	c, err := smtp.NewClient(conn, m.Host)
	if err != nil {
		return fmt.Errorf("mail: %s: %w", adres, err)
	}
	defer c.Close()
	if err := c.Hello(heloNaam(m.Van)); err != nil {
		return fmt.Errorf("mail: EHLO: %w", err)
	}
	versleuteld := m.Impliciet
	if !versleuteld {
		if ok, _ := c.Extension("STARTTLS"); ok {
			if err := c.StartTLS(cfg); err != nil {
				return fmt.Errorf("mail: STARTTLS: %w", err)
			}
			versleuteld = true
		}
	}
	if m.Gebruiker != "" {
		if !versleuteld {
			return ErrAuthZonderTLS
		}
		if err := c.Auth(smtp.PlainAuth("", m.Gebruiker, m.wachtwoord, m.Host)); err != nil {
			return fmt.Errorf("mail: inloggen bij de server: %w", err)
		}
	}
	if err := c.Mail(m.Van); err != nil {
		return fmt.Errorf("mail: MAIL FROM: %w", err)
	}
	if err := c.Rcpt(b.Aan); err != nil {
		return fmt.Errorf("mail: RCPT TO: %w", err)
	}
	w, err := c.Data()
	if err != nil {
		return fmt.Errorf("mail: DATA: %w", err)
	}
	if _, err := w.Write(Opmaak(m.Van, b, time.Now())); err != nil {
		return fmt.Errorf("mail: DATA: %w", err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("mail: DATA: %w", err)
	}
	_ = c.Quit()
	return nil
}

// heloNaam is the name this client greets with: the sender's domain.
func heloNaam(van string) string {
	if d := Domein(van); d != "" {
		return d
	}
	return "localhost"
}

// Opmaak is b as an RFC 5322 message from van: UTF-8 plain text, quoted-printable, the subject
// encoded as RFC 2047 words when it is not ASCII. Lines end in CRLF.
func Opmaak(van string, b Bericht, nu time.Time) []byte {
	var id [12]byte
	_, _ = rand.Read(id[:])
	var buf bytes.Buffer
	kop := func(k, v string) { buf.WriteString(k + ": " + v + "\r\n") }
	kop("From", van)
	kop("To", b.Aan)
	kop("Subject", mime.QEncoding.Encode("utf-8", b.Onderwerp))
	kop("Date", nu.Format(time.RFC1123Z))
	kop("Message-ID", "<"+hex.EncodeToString(id[:])+"@"+heloNaam(van)+">")
	kop("MIME-Version", "1.0")
	kop("Content-Type", "text/plain; charset=utf-8")
	kop("Content-Transfer-Encoding", "quoted-printable")
	kop("Auto-Submitted", "auto-generated")
	buf.WriteString("\r\n")
	qp := quotedprintable.NewWriter(&buf)
	tekst := strings.ReplaceAll(strings.ReplaceAll(b.Tekst, "\r\n", "\n"), "\n", "\r\n")
	_, _ = qp.Write([]byte(tekst))
	_ = qp.Close()
	buf.WriteString("\r\n")
	return buf.Bytes()
}
