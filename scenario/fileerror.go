package scenario

import (
	"fmt"
	"strings"

	"github.com/escrowlab/escrowlab/internal/plural"
)

// PosError is one problem in a scenario file and where it is. Line and Col
// count from 1; they are 0 when the problem has no single place.
type PosError struct {
	File      string
	Line, Col int
	Msg       string
}

// Error formats the problem as file:line:column: message.
func (e *PosError) Error() string {
	switch {
	case e.Line == 0:
		return e.File + ": " + e.Msg
	case e.Col == 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// FileErrors is every problem found in one scenario file, in file order.
type FileErrors []*PosError

// MaxListed is how many problems FileErrors.Error lists; it counts the
// rest, since one slip, such as a wrong indentation, can cause hundreds.
const MaxListed = 20

// Error lists the problems, one per line, at most MaxListed of them, then
// how many more there are.
func (e FileErrors) Error() string {
	lines := make([]string, 0, min(len(e), MaxListed)+1)
	for _, p := range e[:min(len(e), MaxListed)] {
		lines = append(lines, p.Error())
	}
	if more := len(e) - MaxListed; more > 0 {
		lines = append(lines, fmt.Sprintf("and %d more %s (fix those above, then check again)", more, plural.Noun(more, "problem")))
	}
	return strings.Join(lines, "\n")
}
