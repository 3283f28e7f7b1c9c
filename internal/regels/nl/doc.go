// Package nl holds the national parameters of Zeker's rules engine: the bijstandsnormen of the
// Participatiewet per leefvorm and age (art. 20–22), the kostendelersnorm (art. 22a), the
// vermogensgrenzen (art. 34), the statutory minimum wage and the AOW-leeftijd. Every value is dated
// (geldig_vanaf, geldig_tot) and carries its source; they live in the embedded data/parameters.yaml,
// taken from the project's reference file and checked against it to the cent by the tests.
//
// It also computes, from these values and the toeslagen's (data/toeslagen.yaml), the beslagvrije voet of
// art. 475da Rv (beslagvrijevoet.go; its own maxima in data/beslagvrijevoet.yaml).
//
// A date outside the data is an error (ErrBuitenPeriode), never a fallback to the nearest period.
// Amounts are geld.Bedrag (cents); rounding is named where it happens.
package nl
