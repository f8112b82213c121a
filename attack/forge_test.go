package attack

import (
	"context"
	"errors"
	"testing"
	"time"
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

// With an 8-bit checksum a random LEAF passes with probability 1/256, so
// the mean over many trials must be near 256. A search that accepted too
// easily, or checked more bits, would land far away.
func TestForgeryMeanTries(t *testing.T) {
	f, err := NewForger(ForgeConfig{Bits: 8, Workers: 1, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	fs, err := f.Trials(context.Background(), 400)
	if err != nil {
		t.Fatal(err)
	}
	var tries []uint64
	for _, r := range fs {
		tries = append(tries, r.Tries)
		if !r.LEFooled || !r.ReceiverOK {
			t.Fatalf("trial: fooled=%v receiverOK=%v", r.LEFooled, r.ReceiverOK)
		}
	}
	st := Summarize(tries)
	if st.Mean < 210 || st.Mean > 305 {
		t.Fatalf("mean tries %.1f over %d trials; want about 256", st.Mean, len(fs))
	}
	if st.Min < 1 || st.Max < 512 {
		t.Fatalf("tries range %d..%d is not spread like a geometric search", st.Min, st.Max)
	}
}

func TestForgeryReplays(t *testing.T) {
	run := func() uint64 {
		f, err := NewForger(ForgeConfig{Bits: 12, Workers: 1, Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		r, err := f.Run(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return r.Tries
	}
	if a, b := run(), run(); a != b {
		t.Fatalf("one worker, same seed: %d then %d tries", a, b)
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
