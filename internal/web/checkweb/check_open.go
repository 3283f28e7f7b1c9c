package checkweb

import (
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/web"
)

// openingstijdenTekst words opening hours in language l through the catalogue: "donderdag 13:00 tot 16:00" in
// Dutch, "Thursday 13:00 to 16:00" in English; slots of one day share the day, days are separated by
// "; ". A slot outside the week or the day is left out (the partner register checks them on input).
func openingstijdenTekst(open []Tijdvak, l *web.Taal) string {
	var b strings.Builder
	vorige := 0
	for _, t := range open {
		if t.Dag < 1 || t.Dag > 7 || t.Van < 0 || t.Tot > 24*60 || t.Van >= t.Tot {
			continue
		}
		switch {
		case vorige == t.Dag:
			b.WriteString(", ")
		case vorige != 0:
			b.WriteString("; ")
		}
		if vorige != t.Dag {
			b.WriteString(l.T("dag." + strconv.Itoa(t.Dag)))
			b.WriteString(" ")
		}
		b.WriteString(l.T("open.tijdvak", "van", klokTijd(t.Van), "tot", klokTijd(t.Tot)))
		vorige = t.Dag
	}
	return b.String()
}

// klokTijd writes minutes after midnight as "09:30".
func klokTijd(m int) string {
	u, n := strconv.Itoa(m/60), strconv.Itoa(m%60)
	if len(u) < 2 {
		u = "0" + u
	}
	if len(n) < 2 {
		n = "0" + n
	}
	return u + ":" + n
}
