package errs

import "strings"

// Field says that one field of an input is wrong and why: Path names the field (a form field's id, a
// JSON path such as "personen[1].geboortedatum", a CSV column) and Reason is the plain Dutch reason
// for the person who filled it in. It is the one shape of "this field is wrong because…" in Zeker;
// a list of them, Fields, is the error.
type Field struct {
	Path   string `json:"pad"`
	Reason string `json:"reden"`
}

// Fields is every wrong field of one input, in the order found. As an error it is of kind Invalid
// (errors.Is(err, errs.Invalid)); errors.As(err, &fs) gives the list back.
type Fields []Field

// Error lists the fields, "pad: reden; pad: reden".
func (fs Fields) Error() string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = f.Path + ": " + f.Reason
	}
	return strings.Join(parts, "; ")
}

// Is makes Fields an Invalid.
func (fs Fields) Is(target error) bool { return target == Invalid }

// Add appends the reason of path; an empty reason adds nothing.
func (fs *Fields) Add(path, reason string) {
	if reason != "" {
		*fs = append(*fs, Field{Path: path, Reason: reason})
	}
}

// Set gives path the reason when it has none yet (the first problem of a field is the one to show);
// an empty reason sets nothing.
func (fs *Fields) Set(path, reason string) {
	if reason != "" && !fs.Has(path) {
		*fs = append(*fs, Field{Path: path, Reason: reason})
	}
}

// Has reports whether path has a reason.
func (fs Fields) Has(path string) bool {
	for _, f := range fs {
		if f.Path == path {
			return true
		}
	}
	return false
}

// Reason returns the first reason of path, or "".
func (fs Fields) Reason(path string) string {
	for _, f := range fs {
		if f.Path == path {
			return f.Reason
		}
	}
	return ""
}

// Err returns fs as an error, or nil when it is empty (so a validator can end with return fs.Err()).
func (fs Fields) Err() error {
	if len(fs) == 0 {
		return nil
	}
	return fs
}

// FieldError returns the error of one wrong field.
func FieldError(path, reason string) error { return Fields{{Path: path, Reason: reason}} }
