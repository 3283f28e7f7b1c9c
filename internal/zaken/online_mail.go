package zaken

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/brief"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/mail"
)

// SoortOntvangen is the kind of the confirmation mailed to a resident who gave an e-mail address with
// the online request (docs/mail.md).
const SoortOntvangen = "zaken.ontvangen"

// bevestiging is the confirmation of an online request, for the address the resident gave. It says
// what the confirmation page says (the moment of sending, the legal day of the first conversation,
// the zaak's number to mention on the phone) and nothing else: not the name, not the question, not
// the crisis — mail leaves the installation's control (docs/mail.md, the privacy rule).
func bevestiging(gemeente, aan string, id int64, gestart time.Time, zone *time.Location, dl Deadline) mail.Bericht {
	var b strings.Builder
	b.WriteString("Beste inwoner,\n\n")
	t := gestart.In(zone)
	fmt.Fprintf(&b, "Wij hebben uw vraag om hulp bij geldzaken ontvangen op %s om %s uur.\n\n",
		brief.DatumNL(datum.Van(t, zone)), t.Format("15:04"))
	b.WriteString("Wat gebeurt er nu?\n")
	b.WriteString("Een medewerker van de gemeente belt of mailt u om een afspraak te maken.\n")
	fmt.Fprintf(&b, "U heeft een eerste gesprek uiterlijk op %s. Dat staat in de wet.\n", brief.DatumNL(dl.Datum))
	b.WriteString("Hoort u niets vóór die datum? Neem dan contact op met de gemeente.\n\n")
	b.WriteString("Uw nummer bij de gemeente is " + strconv.FormatInt(id, 10) + ". Noem dit nummer als u belt.\n\n")
	b.WriteString("Dit bericht is automatisch verstuurd. U kunt er niet op antwoorden.\n\nMet vriendelijke groet,\nDe gemeente\n")
	return mail.Bericht{Gemeente: gemeente, Soort: SoortOntvangen, Aan: aan,
		Onderwerp: "Uw hulpvraag over geldzaken is ontvangen", Tekst: b.String()}
}
