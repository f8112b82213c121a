package report

import (
	"encoding/hex"
	"strconv"
	"strings"
)

// Elision limits for [Hex].
const (
	hexFull = 16 // longest value shown in full, in bytes
	hexHead = 6  // bytes shown before the ellipsis
	hexTail = 4  // bytes shown after it
)

// Hex formats b as lowercase hex in groups of two bytes (four digits)
// separated by spaces, such as "0099 8877 6655". An odd trailing byte forms
// its own two-digit group. Values longer than 16 bytes are elided in the
// middle, keeping the first 6 and last 4 bytes and adding the length:
// "a1b2 c3d4 e5f6 … 0102 0304 (48 bytes)". An empty value is "(empty)".
func Hex(b []byte) string {
	if len(b) == 0 {
		return "(empty)"
	}
	if len(b) <= hexFull {
		return hexGroups(b)
	}
	return hexGroups(b[:hexHead]) + " … " + hexGroups(b[len(b)-hexTail:]) +
		" (" + strconv.Itoa(len(b)) + " bytes)"
}

// hexGroups writes b as hex in space-separated groups of four digits.
func hexGroups(b []byte) string {
	digits := hex.EncodeToString(b)
	var s strings.Builder
	for i := 0; i < len(digits); i += 4 {
		if i > 0 {
			s.WriteByte(' ')
		}
		s.WriteString(digits[i:min(i+4, len(digits))])
	}
	return s.String()
}
