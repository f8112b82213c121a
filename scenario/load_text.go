package scenario

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// checkText finds what makes src unreadable as YAML text before YAML is
// parsed, with its place: a NUL byte (a binary file), bytes that are not
// UTF-8, or control characters, which YAML forbids but reports without a
// line.
func checkText(name string, src []byte) FileErrors {
	if i := bytes.IndexByte(src, 0); i >= 0 {
		line, col := position(src, i)
		return FileErrors{{File: name, Line: line, Col: col, Msg: "not a text file (a NUL byte): a scenario file is YAML text (UTF-8)"}}
	}
	if !utf8.Valid(src) {
		i := invalidUTF8(src)
		line, col := position(src, i)
		return FileErrors{{File: name, Line: line, Col: col, Msg: fmt.Sprintf("byte 0x%02x is not UTF-8: save the file as UTF-8 text", src[i])}}
	}
	var errs FileErrors
	for n, text := range strings.Split(string(src), "\n") {
		for col, r := range []rune(text) {
			if !printable(r) {
				errs = append(errs, &PosError{File: name, Line: n + 1, Col: col + 1, Msg: fmt.Sprintf("control character %U: YAML does not allow it; delete it (it may have come from copying and pasting)", r)})
				break // one per line is enough to find it
			}
		}
	}
	return errs
}

// printable reports whether YAML allows r in a document (YAML 1.2, 5.1).
func printable(r rune) bool {
	switch {
	case r == '\t', r == '\n', r == '\r', r == 0x85:
		return true
	case r >= 0x20 && r <= 0x7e, r >= 0xa0 && r <= 0xd7ff, r >= 0xe000 && r <= 0xfffd, r >= 0x10000 && r <= 0x10ffff:
		return true
	}
	return false
}

// invalidUTF8 returns the offset of the first byte of src that is not
// part of a UTF-8 sequence.
func invalidUTF8(src []byte) int {
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(src)
}

// position returns the line and column, counted from 1 in characters, of
// the byte at offset i of src.
func position(src []byte, i int) (line, col int) {
	before := src[:i]
	start := bytes.LastIndexByte(before, '\n') + 1
	return bytes.Count(before, []byte("\n")) + 1, utf8.RuneCount(before[start:]) + 1
}

// yamlLine finds the line number in a YAML syntax error.
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError turns a YAML syntax error into FileErrors. Tabs in the
// indentation are the commonest cause, and YAML reports them on the wrong
// line or as "a character that cannot start any token", so each one is
// reported where it is.
func yamlError(name string, src []byte, err error) FileErrors {
	if tabs := indentTabs(name, src); len(tabs) > 0 {
		return tabs
	}
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	return FileErrors{{File: name, Line: line, Msg: "invalid YAML (check the indentation): " + msg}}
}

// indentTabs reports every line indented with a tab.
func indentTabs(name string, src []byte) FileErrors {
	var errs FileErrors
	for n, text := range strings.Split(string(src), "\n") {
		indent := text[:len(text)-len(strings.TrimLeft(text, " \t"))]
		if i := strings.IndexByte(indent, '\t'); i >= 0 {
			errs = append(errs, &PosError{File: name, Line: n + 1, Col: i + 1, Msg: "a tab in the indentation: YAML forbids tabs for indentation; indent with spaces"})
		}
	}
	return errs
}

// secondDocument reports a second YAML document: one file, one scenario.
// d has decoded the first.
func secondDocument(name string, d *yaml.Decoder) FileErrors {
	var next yaml.Node
	err := d.Decode(&next)
	switch {
	case err == nil:
		return FileErrors{{File: name, Line: next.Line, Col: next.Column, Msg: "a second YAML document starts here (---): a scenario file holds one scenario; delete this line and what follows, or move it to a file of its own"}}
	case errors.Is(err, io.EOF):
		return nil
	}
	line := 0
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
	}
	return FileErrors{{File: name, Line: line, Msg: "a second YAML document follows the first (after ---): a scenario file holds one scenario"}}
}
