package scenario

import (
	"fmt"
	"strings"
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

// Error lists the problems, one per line.
func (e FileErrors) Error() string {
	lines := make([]string, len(e))
	for i, p := range e {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}
