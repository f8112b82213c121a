package scenario

import (
	"encoding/hex"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/escrowlab/escrowlab/internal/plural"
)

// count writes a whole number with thousands separators: 65,536.
func count[T ~int | ~uint64](n T) string {
	s := strconv.FormatUint(uint64(n), 10)
	if n < 0 {
		s = strconv.FormatInt(int64(n), 10)
	}
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// seconds writes a span of time in the unit a reader expects: 37.2 ms,
// 4.1 s, 3.5 hours, 120 years, 1.2 million years; never in exponent
// notation, which a law student should not have to decode.
func seconds(s float64) string {
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
	return count(uint64(math.Round(n/unit))) + " " + name
}

// duration writes d as seconds does.
func duration(d time.Duration) string { return seconds(d.Seconds()) }

// rate writes tries per second, rounded to three significant figures.
func rate(r float64) string {
	if r <= 0 {
		return "n/a"
	}
	p := math.Pow(10, math.Floor(math.Log10(r))-2)
	return count(uint64(math.Round(r/p)*p)) + " tries/s"
}

// hexGroups writes b as hex in groups of four digits, as the renderers
// show values: "f2cf 2b38 8eba".
func hexGroups(b []byte) string {
	d := hex.EncodeToString(b)
	var g []string
	for i := 0; i < len(d); i += 4 {
		g = append(g, d[i:min(i+4, len(d))])
	}
	return strings.Join(g, " ")
}
