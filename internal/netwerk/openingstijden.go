package netwerk

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/errs"
)

// Openingstijden are the weekly opening hours of a service, or of a service at a location: time slots
// per weekday, local time in Europe/Amsterdam. They are written (in forms, in the CSV import and in the
// database) as one line:
//
//	ma 09:00-12:00, 13:00-17:00; wo 13:00-16:00; ma-vr 09:00-10:00
//
// Days are ma di wo do vr za zo (or written in full, maandag…), a range of days ma-vr, several days
// ma,wo; then one or more slots from-to, separated by commas; entries are separated by ";" or a line
// break. String writes the normalised form: one entry per day, in weekday order, slots sorted.
type Openingstijden []Tijdvak

// Tijdvak is one slot on one weekday.
type Tijdvak struct {
	Dag      int // 1 Monday … 7 Sunday
	Van, Tot int // minutes after midnight, Van < Tot
}

var dagCodes = [...]string{"", "ma", "di", "wo", "do", "vr", "za", "zo"}
var dagNamen = [...]string{"", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"}

// HSDSDag is the RFC 5545 day of HSDS schedule.byday.
var hsdsDagen = [...]string{"", "MO", "TU", "WE", "TH", "FR", "SA", "SU"}

// DagCode is the short Dutch code of weekday d (1 Monday): "ma".
func DagCode(d int) string { return dagCodes[d] }

// DagNaam is the Dutch name of weekday d: "maandag".
func DagNaam(d int) string { return dagNamen[d] }

// HSDSDag is the RFC 5545 code of weekday d: "MO".
func HSDSDag(d int) string { return hsdsDagen[d] }

// MaxOpeningstijden limits the slots of one line (seven days, a few slots a day).
const MaxOpeningstijden = 50

func leesDag(s string) (int, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for d := 1; d <= 7; d++ {
		if s == dagCodes[d] || s == dagNamen[d] {
			return d, true
		}
	}
	return 0, false
}

func leesTijd(s string) (int, bool) {
	s = strings.TrimSpace(s)
	u, m, ok := strings.Cut(s, ":")
	if !ok {
		u, m, ok = strings.Cut(s, ".")
	}
	if !ok || len(u) < 1 || len(u) > 2 || len(m) != 2 {
		return 0, false
	}
	h, err1 := strconv.Atoi(u)
	mi, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || u[0] == '+' || u[0] == '-' || m[0] == '+' || m[0] == '-' || h < 0 || mi < 0 || mi > 59 || h > 24 || (h == 24 && mi > 0) {
		return 0, false
	}
	return h*60 + mi, true
}

func tijdTekst(m int) string { return fmt.Sprintf("%02d:%02d", m/60, m%60) }

// Tijd writes minutes after midnight as "09:30".
func Tijd(m int) string { return tijdTekst(m) }

// ParseOpeningstijden reads the notation of Openingstijden; "" is no opening hours. An error (kind
// errs.Invalid) names the part it could not read and why.
func ParseOpeningstijden(s string) (Openingstijden, error) {
	fout := func(deel, reden string) error {
		return fmt.Errorf("openingstijden ‘%s’: %s Schrijf bijvoorbeeld: ma 09:00-12:00; wo 13:00-17:00: %w", deel, reden, errs.Invalid)
	}
	if r := tekstFout(s, MaxTekst, true); r != "" {
		return nil, fmt.Errorf("openingstijden: %s: %w", r, errs.Invalid)
	}
	var uit Openingstijden
	for _, entry := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '\n' || r == '\r' }) {
		entry = strings.TrimSpace(entry)
		if entry == "" {
			continue
		}
		// The days end at the first digit: "ma-vr 09:00-12:00", "ma, wo 9:00-12:00".
		i := strings.IndexFunc(entry, func(r rune) bool { return r >= '0' && r <= '9' })
		if i <= 0 {
			return nil, fout(entry, "Begin met de dag of dagen en zet daarna de tijden.")
		}
		dagDeel, tijdDeel := strings.TrimSpace(entry[:i]), entry[i:]
		var dagen []int
		for _, d := range strings.Split(dagDeel, ",") {
			d = strings.TrimSpace(d)
			if d == "" {
				continue
			}
			if a, b, ok := strings.Cut(d, "-"); ok {
				da, oka := leesDag(a)
				db, okb := leesDag(b)
				if !oka || !okb || db < da {
					return nil, fout(entry, "‘"+d+"’ is geen reeks dagen zoals ma-vr.")
				}
				for x := da; x <= db; x++ {
					dagen = append(dagen, x)
				}
				continue
			}
			x, ok := leesDag(d)
			if !ok {
				return nil, fout(entry, "‘"+d+"’ is geen dag. Gebruik ma, di, wo, do, vr, za of zo.")
			}
			dagen = append(dagen, x)
		}
		if len(dagen) == 0 {
			return nil, fout(entry, "Begin met de dag of dagen en zet daarna de tijden.")
		}
		for _, vak := range strings.Split(tijdDeel, ",") {
			vak = strings.TrimSpace(vak)
			a, b, ok := strings.Cut(vak, "-")
			van, okv := leesTijd(a)
			tot, okt := leesTijd(b)
			if !ok || !okv || !okt {
				return nil, fout(entry, "‘"+vak+"’ is geen tijd van-tot zoals 09:00-12:00.")
			}
			if tot <= van {
				return nil, fout(entry, "In ‘"+vak+"’ ligt het einde niet na het begin.")
			}
			for _, d := range dagen {
				uit = append(uit, Tijdvak{Dag: d, Van: van, Tot: tot})
			}
		}
		if len(uit) > MaxOpeningstijden {
			return nil, fout(entry, fmt.Sprintf("Dit zijn meer dan %d tijden.", MaxOpeningstijden))
		}
	}
	slices.SortFunc(uit, func(a, b Tijdvak) int {
		if a.Dag != b.Dag {
			return a.Dag - b.Dag
		}
		return a.Van - b.Van
	})
	for i := 1; i < len(uit); i++ {
		if uit[i].Dag == uit[i-1].Dag && uit[i].Van < uit[i-1].Tot {
			return nil, fout(dagNamen[uit[i].Dag], "Twee tijden op "+dagNamen[uit[i].Dag]+" overlappen.")
		}
	}
	return uit, nil
}

// String writes the normalised notation: "ma 09:00-12:00, 13:00-17:00; wo 13:00-16:00".
func (o Openingstijden) String() string {
	var b strings.Builder
	for i, t := range o {
		switch {
		case i == 0:
		case o[i-1].Dag == t.Dag:
			b.WriteString(", ")
		default:
			b.WriteString("; ")
		}
		if i == 0 || o[i-1].Dag != t.Dag {
			b.WriteString(dagCodes[t.Dag] + " ")
		}
		b.WriteString(tijdTekst(t.Van) + "-" + tijdTekst(t.Tot))
	}
	return b.String()
}

// Dag is the slots of one weekday, for a page.
type Dag struct {
	Dag    int
	Tijden []string // "09:00–12:00"
}

// PerDag groups the slots by weekday, in order.
func (o Openingstijden) PerDag() []Dag {
	var uit []Dag
	for i, t := range o {
		if i == 0 || o[i-1].Dag != t.Dag {
			uit = append(uit, Dag{Dag: t.Dag})
		}
		d := &uit[len(uit)-1]
		d.Tijden = append(d.Tijden, tijdTekst(t.Van)+"–"+tijdTekst(t.Tot))
	}
	return uit
}
