package attack

import (
	"context"
	"runtime"
	"slices"
	"testing"
)

// BenchmarkForge16 measures whole 16-bit forgeries with every core: the
// time an instructor waits for act 6 of the tour. It reports the median
// too: the tries, and so the times, are spread like a geometric law.
func BenchmarkForge16(b *testing.B) {
	f, err := NewForger(ForgeConfig{Bits: 16, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	var fs []Forgery
	for b.Loop() {
		r, err := f.Run(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		fs = append(fs, r)
	}
	st := Stats(fs)
	b.ReportMetric(st.Tries.Mean, "tries/op")
	b.ReportMetric(medianSeconds(fs)*1e3, "median-ms")
}

// BenchmarkSearchRate compares the search rate of one worker with one per
// core, in tries per second, with the 16-bit checksum of the real LEAF.
// reference-one-core checks one candidate per call of the chip's Check, as
// the search did before CheckBatch: the baseline for the batched rate.
func BenchmarkSearchRate(b *testing.B) {
	for _, bc := range []struct {
		name       string
		workers    int
		oneAtATime bool
	}{
		{"reference-one-core", 1, true},
		{"one-core", 1, false},
		{"all-cores", runtime.GOMAXPROCS(0), false},
	} {
		b.Run(bc.name, func(b *testing.B) {
			f, err := NewForger(ForgeConfig{Bits: 16, Workers: bc.workers, Seed: 1})
			if err != nil {
				b.Fatal(err)
			}
			f.oneAtATime = bc.oneAtATime
			var fs []Forgery
			for b.Loop() {
				r, err := f.Run(context.Background())
				if err != nil {
					b.Fatal(err)
				}
				fs = append(fs, r)
			}
			b.ReportMetric(Rate(fs), "tries/s")
		})
	}
}

// medianSeconds is the median search time of fs.
func medianSeconds(fs []Forgery) float64 {
	if len(fs) == 0 {
		return 0
	}
	s := make([]float64, len(fs))
	for i, f := range fs {
		s[i] = f.Elapsed.Seconds()
	}
	slices.Sort(s)
	return s[len(s)/2]
}
