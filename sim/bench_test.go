package sim_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/escrowlab/escrowlab/sim"
)

func BenchmarkDerive(b *testing.B) {
	ki := sim.Ki{1, 2, 3}
	rnd := sim.RAND{4, 5, 6}
	b.ReportAllocs()
	for b.Loop() {
		sim.Derive(ki, rnd)
	}
}

func BenchmarkSeal1K(b *testing.B) {
	msg := bytes.Repeat([]byte{'x'}, 1024)
	b.SetBytes(int64(len(msg)))
	b.ReportAllocs()
	var seq uint64
	for b.Loop() {
		sim.Seal(testKc, seq, msg)
		seq++
	}
}

func BenchmarkOpen1K(b *testing.B) {
	sealed := sim.Seal(testKc, 0, bytes.Repeat([]byte{'x'}, 1024))
	b.SetBytes(1024)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := sim.Open(testKc, sealed); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIdentify10K measures the thief's search of a 10,000-key database
// for one intercepted challenge.
func BenchmarkIdentify10K(b *testing.B) {
	r := seeded(90)
	m := sim.NewManufacturer("Gemalto")
	for i := range 10000 {
		if _, err := m.MakeSIM(r, fmt.Sprintf("%015d", i)); err != nil {
			b.Fatal(err)
		}
	}
	db := m.Database()
	rnd := sim.RAND{7}
	sres, _ := sim.Derive(db[fmt.Sprintf("%015d", 5000)], rnd)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, ok := sim.Identify(db, rnd, sres); !ok {
			b.Fatal("not identified")
		}
	}
}
