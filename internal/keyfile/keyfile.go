// Package keyfile is the envelope of escrowlab's key files: a few lines
// of "name: value" saying what the file holds and which archive it belongs
// to, an empty line, then the key material as text a student can open (an
// escrow database is a CSV a spreadsheet reads). What the body means is up
// to the scheme that wrote it. docs/archive-format.md describes the format.
package keyfile

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// FirstLine opens every key file.
const FirstLine = "escrowlab key file"

// Version is the version of the envelope this package writes and reads.
const Version = "1"

// MaxSize is the largest key file read: an escrow database of a large
// world fits many times over, and a wrong file cannot exhaust memory.
const MaxSize = 64 << 20

// File is one key file: what it is and whose, then its body.
type File struct {
	Archive string // the id of the archive it belongs to
	Scheme  string // the scheme whose material it holds, such as "clipper"
	Kind    string // the scheme's name for this material, such as "agent-db"
	Leak    string // the leak that gives it away, such as "agent1-db"
	Note    string // one line for a reader: what the file is
	Body    []byte
}

// Errors Parse returns, wrapped with the detail.
var (
	ErrNotKeyFile = errors.New("not an escrowlab key file")
	ErrVersion    = errors.New("unsupported key file version")
	ErrMalformed  = errors.New("malformed key file")
)

// fields are the header lines, in the order written.
var fields = []string{"version", "archive", "scheme", "kind", "leak", "note"}

// Marshal writes f: the first line, the header, an empty line and the
// body.
func (f File) Marshal() []byte {
	var b bytes.Buffer
	b.WriteString(FirstLine + "\n")
	for i, v := range []string{Version, f.Archive, f.Scheme, f.Kind, f.Leak, f.Note} {
		if v != "" {
			fmt.Fprintf(&b, "%s: %s\n", fields[i], oneLine(v))
		}
	}
	b.WriteString("\n")
	b.Write(f.Body)
	return b.Bytes()
}

// oneLine keeps a header value on one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Parse reads a key file from r, refusing anything larger than MaxSize.
func Parse(r io.Reader) (File, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return File{}, err
	}
	if len(data) > MaxSize {
		return File{}, fmt.Errorf("%w: larger than %d MiB", ErrMalformed, MaxSize>>20)
	}
	return ParseBytes(data)
}

// ParseBytes reads a key file held in memory.
func ParseBytes(data []byte) (File, error) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 4096)
	if !sc.Scan() || strings.TrimRight(sc.Text(), "\r") != FirstLine {
		return File{}, fmt.Errorf("%w (its first line should read %q)", ErrNotKeyFile, FirstLine)
	}
	head := map[string]string{}
	used := len(sc.Bytes()) + 1
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		used += len(sc.Bytes()) + 1
		if line == "" {
			return fileOf(head, data[min(used, len(data)):])
		}
		name, value, ok := strings.Cut(line, ": ")
		if !ok || !isField(name) {
			return File{}, fmt.Errorf("%w: header line %q is not one of %s followed by \": \"", ErrMalformed, line, strings.Join(fields, ", "))
		}
		head[name] = value
	}
	if sc.Err() != nil {
		return File{}, fmt.Errorf("%w: a header line is too long", ErrMalformed)
	}
	return File{}, fmt.Errorf("%w: no empty line ends the header", ErrMalformed)
}

func isField(name string) bool {
	for _, f := range fields {
		if f == name {
			return true
		}
	}
	return false
}

// The forms of header values: an archive id, and the ids of schemes,
// kinds and leaks.
var (
	hexID = regexp.MustCompile(`^[0-9a-f]{1,64}$`)
	word  = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`)
)

// fileOf checks the header and builds the File.
func fileOf(head map[string]string, body []byte) (File, error) {
	if v := head["version"]; v != Version {
		return File{}, fmt.Errorf("%w %q; this escrowlab reads version %s", ErrVersion, v, Version)
	}
	f := File{Archive: head["archive"], Scheme: head["scheme"], Kind: head["kind"], Leak: head["leak"], Note: oneLine(head["note"]), Body: body}
	for _, name := range []string{"archive", "scheme", "kind"} {
		if head[name] == "" {
			return File{}, fmt.Errorf("%w: the header has no %s line", ErrMalformed, name)
		}
	}
	if !hexID.MatchString(f.Archive) {
		return File{}, fmt.Errorf("%w: archive %q is not a hexadecimal id", ErrMalformed, f.Archive)
	}
	for name, v := range map[string]string{"scheme": f.Scheme, "kind": f.Kind, "leak": f.Leak} {
		if v != "" && !word.MatchString(v) {
			return File{}, fmt.Errorf("%w: %s %q is not a lower-case id", ErrMalformed, name, v)
		}
	}
	return f, nil
}
