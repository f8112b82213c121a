// Package plural writes counts with the noun form that goes with them, so
// that output never says "1 sessions" or "2 session". Every count escrowlab
// prints with a noun goes through it.
package plural

import (
	"strconv"
	"strings"
)

// irregular lists the nouns whose plural no rule below forms.
var irregular = map[string]string{
	"person": "people",
}

// Noun returns singular in the form that goes with n: the singular for 1
// and -1, the plural otherwise ("0 sessions", "1 session", "2 sessions").
func Noun[T ~int | ~int64 | ~uint64](n T, singular string) string {
	if n == 1 || n < 0 && int64(n) == -1 {
		return singular
	}
	return Of(singular)
}

// Count writes n with thousands separators, then the noun in the form that
// goes with n: "1 session", "65,536 tries".
func Count[T ~int | ~int64 | ~uint64](n T, singular string) string {
	return Thousands(n) + " " + Noun(n, singular)
}

// Of returns the plural of an English noun: "session" gives "sessions",
// "try" gives "tries", "person" gives "people". The last word of a phrase
// is the one made plural: "background call" gives "background calls".
func Of(singular string) string {
	head, last := "", singular
	if i := strings.LastIndexByte(singular, ' '); i >= 0 {
		head, last = singular[:i+1], singular[i+1:]
	}
	if p, ok := irregular[last]; ok {
		return head + p
	}
	switch {
	case strings.HasSuffix(last, "y") && len(last) > 1 && !strings.ContainsRune("aeiou", rune(last[len(last)-2])):
		return head + last[:len(last)-1] + "ies"
	case strings.HasSuffix(last, "s"), strings.HasSuffix(last, "x"), strings.HasSuffix(last, "ch"), strings.HasSuffix(last, "sh"):
		return head + last + "es"
	}
	return head + last + "s"
}

// Thousands writes a whole number with commas between groups of three
// digits: 65,536 and -1,000.
func Thousands[T ~int | ~int64 | ~uint64](n T) string {
	var s string
	if n < 0 {
		s = strconv.FormatInt(int64(n), 10)
	} else {
		s = strconv.FormatUint(uint64(n), 10)
	}
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
