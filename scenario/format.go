package scenario

import (
	"encoding/hex"
	"strings"
	"time"

	"github.com/escrowlab/escrowlab/internal/human"
)

// count writes a whole number with thousands separators: 65,536.
func count[T ~int | ~uint64](n T) string { return human.Count(n) }

// seconds writes a span of time as a reader expects it: 37.2 ms, 1.2
// million years.
func seconds(s float64) string { return human.Seconds(s) }

// duration writes d as seconds does.
func duration(d time.Duration) string { return seconds(d.Seconds()) }

// rate writes tries per second, rounded to three significant figures.
func rate(r float64) string { return human.Rate(r, "tries/s") }

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
