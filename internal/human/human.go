// Package human writes numbers as people read them: whole numbers with
// thousands separators, spans of time in the unit a reader expects, rates
// to three significant figures and sizes in bytes. Every renderer and
// every narration uses it, so that a number reads the same everywhere.
package human

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/escrowlab/escrowlab/internal/plural"
)

// Count writes a whole number with thousands separators: 65,536.
func Count[T ~int | ~uint64](n T) string {
	s := strconv.FormatUint(uint64(n), 10)
	if n < 0 {
		s = strconv.FormatInt(int64(n), 10)
	}
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// Seconds writes a span of time in the unit a reader expects: 37.2 ms,
// 4.1 s, 3.5 hours, 120 years, 1.2 million years; never in exponent
// notation, which a law student should not have to decode.
func Seconds(s float64) string {
	const (
		minute = 60
		hour   = 60 * minute
		day    = 24 * hour
		year   = 365.25 * day
	)
	switch {
	case s < 1e-3:
		return fmt.Sprintf("%.0f µs", s*1e6)
	case s < 1:
		return fmt.Sprintf("%.1f ms", s*1e3)
	case s < minute:
		return fmt.Sprintf("%.1f s", s)
	case s < hour:
		return fmt.Sprintf("%.1f minutes", s/minute)
	case s < day:
		return fmt.Sprintf("%.1f hours", s/hour)
	case s < year:
		return fmt.Sprintf("%.1f days", s/day)
	case math.Round(s/year) < 1e6:
		return plural.Count(uint64(math.Round(s/year)), "year")
	}
	return large(s/year) + " years"
}

// large writes a number of a million or more in words: 1.2 million, 45
// billion, 3.2 trillion, and beyond that a count of trillions.
func large(n float64) string {
	unit, name := 1e6, "million"
	switch {
	case n >= 1e12:
		unit, name = 1e12, "trillion"
	case n >= 1e9:
		unit, name = 1e9, "billion"
	}
	if v := n / unit; v < 9.95 {
		return fmt.Sprintf("%.1f %s", v, name)
	}
	return Count(uint64(math.Round(n/unit))) + " " + name
}

// Rate writes a rate to three significant figures with its unit, such as
// "1,300,000 tries/s", "74.3 calls/s" or "0.14 MB/s", or "n/a" for none.
func Rate(r float64, unit string) string {
	if r <= 0 || math.IsInf(r, 0) || math.IsNaN(r) {
		return "n/a"
	}
	exp := int(math.Floor(math.Log10(r))) - 2
	p := math.Pow(10, float64(exp))
	v := math.Round(r/p) * p
	if exp >= 0 {
		return Count(uint64(v)) + " " + unit
	}
	s := strconv.FormatFloat(v, 'f', -exp, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s + " " + unit
}

// Bytes writes a size in bytes, kilobytes, megabytes or gigabytes (powers
// of 1,000, as disks are sold): 412 bytes, 41.2 kB, 3.4 MB, 1.2 GB.
func Bytes(n float64) string {
	// Each unit starts where the one below would round to 1,000 of it.
	switch {
	case n >= 999.95e6:
		return fmt.Sprintf("%.1f GB", n/1e9)
	case n >= 999.95e3:
		return fmt.Sprintf("%.1f MB", n/1e6)
	case n >= 999.5:
		return fmt.Sprintf("%.1f kB", n/1e3)
	}
	return plural.Count(int(math.Round(n)), "byte")
}
