package attack

import (
	"bytes"
	"context"
	"errors"
	"math"
	"testing"
	"time"

	"github.com/escrowlab/escrowlab/escrow"
)

func TestForgeryFoolsLawEnforcement(t *testing.T) {
	for _, bits := range []int{8, 12, 16} {
		f, err := NewForger(ForgeConfig{Bits: bits, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		r, err := f.Run(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if r.Tries == 0 || string(r.Forged) == string(r.Genuine) {
			t.Fatalf("bits=%d: %d tries, forged equals genuine: %v", bits, r.Tries, string(r.Forged) == string(r.Genuine))
		}
		if !r.ReceiverOK {
			t.Errorf("bits=%d: honest receiver read %q, want %q", bits, r.ReceiverRead, r.Message)
		}
		if !r.GenuineRead {
			t.Errorf("bits=%d: control failed: the processor could not read the genuine call", bits)
		}
		if !r.LEFooled {
			t.Errorf("bits=%d: the processor recovered the message from a forged LEAF", bits)
		}
	}
}

// TestForgeryReplays runs the same seeds with 1, 2 and 4 workers, and one
// per core: the tries and the LEAFs must be the same, trial after trial.
func TestForgeryReplays(t *testing.T) {
	for _, bits := range []int{8, 12, 16} {
		for _, seed := range []uint64{1, 2} {
			var first []Forgery
			for _, workers := range []int{1, 2, 4, 0} {
				f, err := NewForger(ForgeConfig{Bits: bits, Workers: workers, Seed: seed})
				if err != nil {
					t.Fatal(err)
				}
				fs, err := f.Trials(context.Background(), 3)
				if err != nil {
					t.Fatal(err)
				}
				if first == nil {
					first = fs
					continue
				}
				for i := range fs {
					if fs[i].Tries != first[i].Tries || !bytes.Equal(fs[i].Forged, first[i].Forged) || !bytes.Equal(fs[i].Genuine, first[i].Genuine) {
						t.Fatalf("bits=%d seed=%d trial %d: %d workers found %d tries (LEAF %s), one worker %d (LEAF %s)",
							bits, seed, i, f.Workers(), fs[i].Tries, fs[i].Forged, first[i].Tries, first[i].Forged)
					}
				}
			}
		}
	}
}

// TestSearchFindsFirst checks the count itself: the LEAF found is candidate
// tries-1, the chip accepts it, and it refuses every candidate before it.
// The batched search must also agree with one Check per candidate.
func TestSearchFindsFirst(t *testing.T) {
	ks, iv := escrow.SessionKey{1, 9, 9, 4}, escrow.IV{6, 2, 4}
	for _, bits := range []int{8, 10, 12} {
		for _, oneAtATime := range []bool{false, true} {
			f, err := NewForger(ForgeConfig{Bits: bits, Workers: 3, Seed: uint64(bits)})
			if err != nil {
				t.Fatal(err)
			}
			f.oneAtATime = oneAtATime
			// A twin forger draws the same candidate key.
			twin, err := NewForger(ForgeConfig{Bits: bits, Seed: uint64(bits)})
			if err != nil {
				t.Fatal(err)
			}
			cands, err := twin.newCandidates()
			if err != nil {
				t.Fatal(err)
			}
			leaf, tries, err := f.search(context.Background(), ks, iv)
			if err != nil {
				t.Fatal(err)
			}
			check, err := f.clipper.Chip(f.forger).LEAFChecker(ks, iv)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(leaf, cands.leaf(tries-1)) || !check.Check(leaf) {
				t.Fatalf("bits=%d: found %s after %d tries; candidate %d is %s", bits, leaf, tries, tries-1, cands.leaf(tries-1))
			}
			for i := range tries - 1 {
				if check.Check(cands.leaf(i)) {
					t.Fatalf("bits=%d, one at a time %v: candidate %d passes, but the search reported %d tries", bits, oneAtATime, i, tries)
				}
			}
		}
	}
}

// A random LEAF passes a w-bit checksum with probability p = 2^-w, so the
// tries are geometric: mean 1/p, standard deviation sqrt(1-p)/p. The mean
// over many trials must lie within 4 standard errors of 1/p. Counting the
// batches that losing workers had started (the old search's bias, about
// 120 tries at 8 bits) or stopping early would land far outside.
func TestForgeryMeanTries(t *testing.T) {
	for _, tc := range []struct {
		bits, trials int
		seed         uint64
	}{{8, 2000, 7}, {12, 1000, 8}} {
		f, err := NewForger(ForgeConfig{Bits: tc.bits, Workers: 2, Seed: tc.seed})
		if err != nil {
			t.Fatal(err)
		}
		fs, err := f.Trials(context.Background(), tc.trials)
		if err != nil {
			t.Fatal(err)
		}
		tries := make([]uint64, len(fs))
		for i, r := range fs {
			tries[i] = r.Tries
			if !r.LEFooled || !r.ReceiverOK {
				t.Fatalf("bits=%d trial %d: fooled=%v receiverOK=%v", tc.bits, i, r.LEFooled, r.ReceiverOK)
			}
		}
		want := ExpectedTries(tc.bits)
		se := math.Sqrt(1-1/want) * want / math.Sqrt(float64(len(fs)))
		st := Summarize(tries)
		if math.Abs(st.Mean-want) > 4*se {
			t.Errorf("bits=%d: mean tries %.1f over %d trials, want %.0f ± %.1f (4 standard errors)", tc.bits, st.Mean, len(fs), want, 4*se)
		}
		if st.Min < 1 || float64(st.Max) < 4*want {
			t.Errorf("bits=%d: tries range %d..%d is not spread like a geometric search", tc.bits, st.Min, st.Max)
		}
	}
}

func TestForgeryInterrupted(t *testing.T) {
	f, err := NewForger(ForgeConfig{Bits: 32, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	r, err := f.Run(ctx)
	if !errors.Is(err, ErrInterrupted) {
		t.Fatalf("error = %v, want ErrInterrupted", err)
	}
	if r.Tries == 0 || r.Forged != nil {
		t.Fatalf("interrupted run: %d tries, forged %x", r.Tries, r.Forged)
	}
}

func TestForgeConfigRejected(t *testing.T) {
	for _, bits := range []int{0, 7, 33} {
		if _, err := NewForger(ForgeConfig{Bits: bits}); err == nil {
			t.Errorf("bits=%d accepted", bits)
		}
	}
}

func TestSummarize(t *testing.T) {
	st := Summarize([]uint64{4, 1, 3, 2})
	if st.Mean != 2.5 || st.Median != 2.5 || st.Min != 1 || st.Max != 4 {
		t.Fatalf("Summarize = %+v", st)
	}
	if st := Summarize([]uint64{5, 1, 9}); st.Median != 5 {
		t.Fatalf("odd median = %v", st.Median)
	}
	if st := Summarize(nil); st != (TryStats{}) {
		t.Fatalf("Summarize(nil) = %+v", st)
	}
}

func TestProjectSeconds(t *testing.T) {
	if got := ProjectSeconds(16, 65536); got != 1 {
		t.Fatalf("ProjectSeconds(16, 65536/s) = %v, want 1", got)
	}
	if got := ProjectSeconds(64, 1e6); got < 1.8e13 || got > 1.9e13 {
		t.Fatalf("ProjectSeconds(64, 1e6/s) = %v, want about 1.8e13", got)
	}
	if got := ProjectSeconds(16, 0); got != 0 {
		t.Fatalf("ProjectSeconds with no rate = %v", got)
	}
}

func TestSweep(t *testing.T) {
	var seen []int
	pts, err := Sweep(context.Background(), ForgeConfig{Seed: 2}, 8, 10, 3, func(p SweepPoint) { seen = append(seen, p.Bits) })
	if err != nil {
		t.Fatal(err)
	}
	if len(pts) != 3 || len(seen) != 3 || pts[2].Bits != 10 || len(pts[0].Forgeries) != 3 {
		t.Fatalf("sweep points %+v, callbacks %v", len(pts), seen)
	}
}

func TestMeasureRate(t *testing.T) {
	rate, err := MeasureRate(context.Background(), ForgeConfig{Bits: 32, Seed: 1}, 50*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	if rate <= 0 {
		t.Fatalf("rate %v tries/s", rate)
	}
	// Measuring first changes nothing about the forgery that follows.
	run := func() Forgery {
		f, err := NewForger(ForgeConfig{Bits: 10, Seed: 5})
		if err != nil {
			t.Fatal(err)
		}
		r, err := f.Run(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	before := run()
	if _, err := MeasureRate(context.Background(), ForgeConfig{Bits: 10, Seed: 5}, time.Millisecond); err != nil {
		t.Fatal(err)
	}
	if after := run(); after.Tries != before.Tries || !bytes.Equal(after.Forged, before.Forged) {
		t.Fatalf("after measuring, %d tries; before, %d", after.Tries, before.Tries)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := MeasureRate(ctx, ForgeConfig{Bits: 32, Seed: 1}, time.Second); !errors.Is(err, ErrInterrupted) {
		t.Fatalf("cancelled: error %v, want ErrInterrupted", err)
	}
}
