package attack

import (
	"context"
	"runtime"
	"testing"
)

// BenchmarkForge16 measures whole 16-bit forgeries with every core: the
// time an instructor waits for act 6 of the tour.
func BenchmarkForge16(b *testing.B) {
	f, err := NewForger(ForgeConfig{Bits: 16, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	var tries uint64
	for b.Loop() {
		r, err := f.Run(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		tries += r.Tries
	}
	b.ReportMetric(float64(tries)/float64(b.N), "tries/op")
}

// BenchmarkSearchRate compares the search rate of one worker with one per
// core, in tries per second, with the 16-bit checksum of the real LEAF.
func BenchmarkSearchRate(b *testing.B) {
	for _, workers := range []int{1, runtime.GOMAXPROCS(0)} {
		b.Run(map[bool]string{true: "one-core", false: "all-cores"}[workers == 1], func(b *testing.B) {
			f, err := NewForger(ForgeConfig{Bits: 16, Workers: workers, Seed: 1})
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
			b.ReportMetric(Rate(fs), "tries/s")
		})
	}
}
