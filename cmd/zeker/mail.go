package main

import (
	"log/slog"
	"strings"

	"github.com/zeker-platform/zeker/internal/mail"
)

// mailInstellingen reads --smtp and --basis-url (docs/mail.md, docs/operations.md). smtp "" keeps mail
// waiting in the outbox (a server without a mail server loses nothing: set --smtp later and it goes
// out); "log" is the sender of development, which sends nothing. Without a base URL notices go out
// without a link, with a warning at start.
func mailInstellingen(smtpURL, basisURL string, log *slog.Logger) (mail.Verzender, string, error) {
	var v mail.Verzender
	switch s := strings.TrimSpace(smtpURL); s {
	case "":
		log.Warn("geen mailserver (--smtp, ZEKER_SMTP): e-mails blijven in de outbox wachten tot er een is ingesteld")
	case "log":
		log.Warn("--smtp log: e-mails worden niet verstuurd, alleen gelogd (onderwerp en domein van de ontvanger)")
		v = mail.LogVerzender{Log: log}
	default:
		m, err := mail.ParseSMTP(s)
		if err != nil {
			return nil, "", usagef("--smtp: %v", err)
		}
		log.Info("uitgaande e-mail via de mailserver", "smtp", m.String())
		v = m
	}
	basis := ""
	if strings.TrimSpace(basisURL) != "" {
		var err error
		if basis, err = mail.ParseBasisURL(basisURL); err != nil {
			return nil, "", usagef("--basis-url: %v", err)
		}
	} else {
		log.Warn("geen --basis-url (ZEKER_BASIS_URL): e-mails gaan zonder link naar Zeker; zet het adres waarop medewerkers Zeker bereiken, bijvoorbeeld https://zeker.gemeente.nl")
	}
	return v, basis, nil
}
