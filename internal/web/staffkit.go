package web

import (
	"html/template"
	"time"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/jobs"
)

// What every staff page shares beyond the layout: the time zone, the names of roles and background
// jobs, and the template functions for them.

// Amsterdam is the time zone of the pages; times are stored in UTC.
var Amsterdam = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		return time.FixedZone("CET", 3600)
	}
	return loc
}()

// Tijd writes a moment as "02-01-2006 15:04" in Amsterdam time; "—" for the zero time.
func Tijd(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.In(Amsterdam).Format("02-01-2006 15:04")
}

// RolNaam names a role in the words of the field.
func RolNaam(r auth.Rol) string { return rolNamen[r] }

var rolNamen = map[auth.Rol]string{
	auth.Beheerder:          "Beheerder",
	auth.Beleidsmedewerker:  "Beleidsmedewerker",
	auth.Consulent:          "Consulent",
	auth.Intermediair:       "Intermediair",
	auth.Schuldhulpverlener: "Schuldhulpverlener",
	auth.Regisseur:          "Regisseur (klantregisseur)",
	auth.Teamleider:         "Teamleider schuldhulp",
}

// TaakNaam names a background-job kind in the words of the field (as its part registered it, see
// Part.Taken); an unknown kind shows as is.
func (k *Kit) TaakNaam(kind string) string {
	k.mu.RLock()
	defer k.mu.RUnlock()
	if n, ok := k.taakNaam[kind]; ok {
		return n
	}
	return kind
}

// TaakStatus names the status of a background job.
func TaakStatus(st jobs.Status) string {
	if n, ok := map[jobs.Status]string{jobs.Queued: "Wacht", jobs.Running: "Bezig", jobs.Done: "Klaar",
		jobs.Failed: "Mislukt", jobs.Cancelled: "Geannuleerd"}[st]; ok {
		return n
	}
	return string(st)
}

// staffFuncs are the template functions of every staff page.
var staffFuncs = template.FuncMap{
	"tijd":       Tijd,
	"rolNaam":    RolNaam,
	"taakStatus": TaakStatus,
}
