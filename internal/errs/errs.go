// Package errs holds the error kinds every layer of Zeker speaks: not found, conflict, constraint,
// invalid, forbidden and busy. A layer that knows what went wrong wraps one of them (fmt.Errorf("…: %w",
// errs.NotFound)); internal/store maps driver errors into them; the web kit maps them to a status page
// (web.Kit.Error) and the API to a status code. Nothing else needs to know where an error came from.
//
// The list is the same as in DESIGN.md; a new kind is added here and in both mappings at once.
//
// Input errors that name a field use one shape everywhere: Fields, a list of Field (a path and a plain
// Dutch reason), which is an Invalid. Domain validators return it, the web kit shows it
// (web.FieldErrors.AddFields), and a part maps a path to its form field where the two differ.
package errs

import "errors"

// The error kinds. Test with errors.Is; the original error stays in the chain for errors.As.
var (
	// NotFound: the thing asked for does not exist (or is not visible to the tenant that asks).
	NotFound = errors.New("niet gevonden")
	// Conflict: it exists already (a unique or primary-key violation, a second decision).
	Conflict = errors.New("bestaat al")
	// Constraint: a foreign key, check or not-null rule of the database refused the change.
	Constraint = errors.New("in strijd met een beperking")
	// Invalid: the input is wrong; the message says which field and why.
	Invalid = errors.New("ongeldige invoer")
	// Forbidden: the actor may not do this.
	Forbidden = errors.New("niet toegestaan")
	// Busy: the database is busy or the transaction lost a race; trying again may work.
	Busy = errors.New("bezet, probeer opnieuw")
)

// Kinds lists every kind, in the order of the list above.
func Kinds() []error { return []error{NotFound, Conflict, Constraint, Invalid, Forbidden, Busy} }

// KindOf returns the kind in err's chain, or nil when err has none (an unexpected error).
func KindOf(err error) error {
	if err == nil {
		return nil
	}
	for _, k := range Kinds() {
		if errors.Is(err, k) {
			return k
		}
	}
	return nil
}
