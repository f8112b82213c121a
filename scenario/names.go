package scenario

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/escrowlab/escrowlab/attack"
)

// schemeName names a scheme for readers, as it reads mid-sentence:
// "Clipper (key escrow)", "end-to-end with forward secrecy". Ids such as
// e2e-fs are for the command line and the legends that define them.
func schemeName(id attack.SchemeID) string {
	if s, err := attack.LookupScheme(string(id)); err == nil {
		return s.Title
	}
	return string(id)
}

// schemeNames names several schemes in a list: "A, B and C".
func schemeNames(schemes []attack.SchemeID) string {
	names := make([]string, len(schemes))
	for i, id := range schemes {
		names[i] = schemeName(id)
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// capitalized returns s with its first letter in upper case, to begin a
// sentence or a table cell.
func capitalized(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
