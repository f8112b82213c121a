package attack

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Key files hold their material as small CSV tables a spreadsheet opens:
// a header line naming the columns, then one row per entry, each value in
// hexadecimal or decimal. These helpers write and read such tables for
// every scheme's KeyParts and ParseItem.

// csvTable writes a header and rows, the rows sorted so that the same
// material always gives the same file.
func csvTable(header string, rows [][]string) []byte {
	lines := make([]string, len(rows))
	for i, r := range rows {
		lines[i] = strings.Join(r, ",")
	}
	slices.Sort(lines)
	var b bytes.Buffer
	b.WriteString(header + "\n")
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
	return b.Bytes()
}

// parseCSV reads a table written by csvTable with the given header,
// calling row for each line's fields. Blank lines are skipped. Errors
// name the line.
func parseCSV(body []byte, header string, row func(fields []string) error) error {
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(nil, 1<<16)
	if !sc.Scan() || strings.TrimSpace(sc.Text()) != header {
		return fmt.Errorf("the first line should read %q", header)
	}
	want := strings.Count(header, ",") + 1
	for n := 2; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		fields := strings.Split(line, ",")
		if len(fields) != want {
			return fmt.Errorf("line %d has %d fields, want %d", n, len(fields), want)
		}
		if err := row(fields); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
	}
	if sc.Err() != nil {
		return fmt.Errorf("a line is too long")
	}
	return nil
}

// hexField decodes a hexadecimal field of exactly size bytes into dst.
func hexField(dst []byte, field, what string) error {
	b, err := hex.DecodeString(strings.TrimSpace(field))
	if err != nil || len(b) != len(dst) {
		return fmt.Errorf("%s %q is not %d bytes of hexadecimal", what, field, len(dst))
	}
	copy(dst, b)
	return nil
}

// hexOf writes b in lower-case hexadecimal.
func hexOf(b []byte) string { return hex.EncodeToString(b) }

// maxPeople bounds a directory read from an archive.
const maxPeople = 1 << 20

// ownerTable writes a directory: each key that names someone (a unit ID,
// a public key, a phone number), written by key, and its owner's name.
func ownerTable[K comparable](header string, owners map[K]*Person, key func(K) string) []byte {
	rows := make([][]string, 0, len(owners))
	for k, p := range owners {
		rows = append(rows, []string{key(k), p.Name})
	}
	return csvTable(header, rows)
}

// parseOwners reads a directory written by ownerTable, each key read by
// parse and each owner named from people.
func parseOwners[K comparable](body []byte, header string, people []*Person, parse func(string) (K, error)) (map[K]*Person, error) {
	byName := make(map[string]*Person, len(people))
	for _, p := range people {
		byName[p.Name] = p
	}
	owners := map[K]*Person{}
	err := parseCSV(body, header, func(f []string) error {
		k, err := parse(f[0])
		if err != nil {
			return err
		}
		if byName[f[1]] == nil || len(owners) >= maxPeople {
			return fmt.Errorf("owner %q is not among the archive's people", f[1])
		}
		owners[k] = byName[f[1]]
		return nil
	})
	return owners, err
}

// sessionField writes a session number so that rows sort in session
// order.
func sessionField(n int) string { return fmt.Sprintf("%010d", n) }

// parseSession reads a session number written by sessionField.
func parseSession(field string) (int, error) {
	n, err := strconv.Atoi(field)
	if err != nil || n < 1 {
		return 0, fmt.Errorf("session %q is not a positive number", field)
	}
	return n, nil
}

// keyRow writes a table of one key, in one column.
func keyRow(header string, key []byte) []byte { return csvTable(header, [][]string{{hexOf(key)}}) }

// parseKeyRow reads a table written by keyRow: exactly one key of size
// bytes, called what in errors.
func parseKeyRow(body []byte, header, what string, size int) ([]byte, error) {
	var key []byte
	err := parseCSV(body, header, func(f []string) error {
		if key != nil {
			return fmt.Errorf("a second %s, where the file holds one", what)
		}
		key = make([]byte, size)
		return hexField(key, f[0], what)
	})
	if err == nil && key == nil {
		err = fmt.Errorf("no %s", what)
	}
	return key, err
}
