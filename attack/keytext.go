package attack

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"fmt"
	"slices"
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
