package netwerk

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// checkInvoer is what every parser promises of what it accepts: every problem has a place and a
// reason; what it read without a problem is text a page may show and opening hours in order.
func checkInvoer(t *testing.T, in []invoer, f ImportFouten) {
	t.Helper()
	for _, x := range f {
		if x.Plek == "" || x.Reden == "" {
			t.Errorf("a problem without place or reason: %+v", x)
		}
	}
	if len(in) > MaxImportDiensten {
		t.Errorf("%d services read, limit %d", len(in), MaxImportDiensten)
	}
	for _, i := range in {
		if i.Plek == "" {
			t.Errorf("a service without its place: %+v", i)
		}
		for _, o := range [][]Tijdvak{i.Dienst.Openingstijden} {
			for k, v := range o {
				if v.Dag < 1 || v.Dag > 7 || v.Van >= v.Tot || v.Tot > 24*60 || (k > 0 && o[k-1].Dag == v.Dag && o[k-1].Tot > v.Van) {
					t.Errorf("opening hours out of order: %+v", o)
				}
			}
		}
		for _, b := range i.Dienst.Behoeften {
			if BehoefteNaam(b) == "" {
				t.Errorf("need %q outside the vocabulary accepted", b)
			}
		}
		// The checks of the next stage take whatever was read: invalid text is named there, not here.
		if f := i.Dienst.Normaliseer().Valideer(); !utf8.ValidString(i.Dienst.Naam) && !f.Has("naam") {
			t.Errorf("invalid UTF-8 in a name passes the check: %q", i.Dienst.Naam)
		}
		for _, l := range i.Locaties {
			l.Locatie.Normaliseer().Valideer()
		}
	}
}

// FuzzLeesCSV feeds any bytes to the CSV parser of the import: it never panics, and what it returns
// keeps the promises of checkInvoer.
func FuzzLeesCSV(f *testing.F) {
	f.Add("organisatie;dienst;behoeften;openingstijden\nA;B;voedsel|taal;ma-vr 09:00-12:00\n")
	f.Add("organisatie,dienst,min_leeftijd,regelingen,status,gecontroleerd_op\nA,B,x,kindpakket=,misschien,2026-13-01\nA,B,,,,\n")
	f.Add("\xef\xbb\xbforganisatie,dienst,locatie,straat,plaats\n\"A\",\"B\nC\",L,S,P\n,,,\n")
	f.Add("organisatie,dienst,bron\n'=A,'+31 B,x\n")
	f.Fuzz(func(t *testing.T, data string) {
		in, fouten := LeesCSV(strings.NewReader(data))
		checkInvoer(t, in, fouten)
	})
}

// FuzzLeesJSON feeds any bytes to the JSON parser of the import.
func FuzzLeesJSON(f *testing.F) {
	f.Add(`{"services":[{"id":"","name":"A","status":"active","assured_date":"2026-01-01","bron":"x","organization":{"name":"O","description":""},` +
		`"schedules":[{"freq":"WEEKLY","byday":"MO,TU","opens_at":"09:00","closes_at":"12:00"}],` +
		`"attributes":[{"taxonomy_term":{"code":"voedsel","name":"","taxonomy":"zeker-behoeften"}}],` +
		`"service_at_locations":[{"id":"x","location":{"id":"","location_type":"physical","name":"L","bron":"b","addresses":[{"address_1":"Straat 1","city":"P","country":"NL","address_type":"physical"}]}}]}]}`)
	f.Add(`{"services":[{"name":1}]}`)
	f.Add(`{"services":[{"organization":null,"schedules":[{"freq":"MONTHLY","byday":"1MO"}]}]} trailing`)
	f.Fuzz(func(t *testing.T, data string) {
		in, fouten := LeesJSON(strings.NewReader(data))
		checkInvoer(t, in, fouten)
	})
}

// FuzzOpeningstijden: the notation never panics, and what it accepts writes back to itself.
func FuzzOpeningstijden(f *testing.F) {
	for _, s := range []string{"ma 09:00-12:00", "ma-vr 9:00-12:00, 13:00-17:00; za 10.00-12.00", "zo 00:00-24:00\nwo,do 08:30-09:00", "ma 9-12", "vr-ma 1:00-2:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		o, err := ParseOpeningstijden(s)
		if err != nil {
			return
		}
		again, err := ParseOpeningstijden(o.String())
		if err != nil || again.String() != o.String() {
			t.Errorf("%q → %q → %q %v", s, o.String(), again.String(), err)
		}
	})
}
