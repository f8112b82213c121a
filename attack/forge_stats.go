package attack

import (
	"context"
	"math"
	"slices"
	"time"
)

// TryStats summarises the tries of several forgeries.
type TryStats struct {
	Mean, Median, StdDev float64
	Min, Max             uint64
}

// Summarize computes TryStats over tries; the zero TryStats for none.
func Summarize(tries []uint64) TryStats {
	if len(tries) == 0 {
		return TryStats{}
	}
	s := slices.Clone(tries)
	slices.Sort(s)
	var st TryStats
	st.Min, st.Max = s[0], s[len(s)-1]
	for _, t := range s {
		st.Mean += float64(t)
	}
	st.Mean /= float64(len(s))
	if n := len(s); n%2 == 1 {
		st.Median = float64(s[n/2])
	} else {
		st.Median = (float64(s[n/2-1]) + float64(s[n/2])) / 2
	}
	for _, t := range s {
		d := float64(t) - st.Mean
		st.StdDev += d * d
	}
	st.StdDev = math.Sqrt(st.StdDev / float64(len(s)))
	return st
}

// ForgeryStats sums up finished forgeries.
type ForgeryStats struct {
	Trials      int      // forgeries counted
	Tries       TryStats // over their tries
	MeanSeconds float64  // mean search time
	Rate        float64  // tries per second over all of them
	Fooled      int      // forgeries the decrypt processor could not read
	Accepted    int      // forgeries the honest receiver read exactly
}

// Stats sums up the finished forgeries among fs.
func Stats(fs []Forgery) ForgeryStats {
	done := Finished(fs)
	s := ForgeryStats{Trials: len(done), Rate: Rate(done)}
	tries := make([]uint64, len(done))
	for i, f := range done {
		tries[i] = f.Tries
		s.MeanSeconds += f.Elapsed.Seconds()
		if f.LEFooled {
			s.Fooled++
		}
		if f.ReceiverOK {
			s.Accepted++
		}
	}
	if len(done) > 0 {
		s.MeanSeconds /= float64(len(done))
	}
	s.Tries = Summarize(tries)
	return s
}

// ExpectedTries is the mean number of random candidates needed to pass a
// checksum of bits bits: 2^bits, since each passes with probability 2^-bits.
func ExpectedTries(bits int) float64 { return math.Ldexp(1, bits) }

// Rate returns the tries per second measured over forgeries.
func Rate(fs []Forgery) float64 {
	var tries uint64
	var elapsed time.Duration
	for _, f := range fs {
		tries += f.Tries
		elapsed += f.Elapsed
	}
	if elapsed <= 0 {
		return 0
	}
	return float64(tries) / elapsed.Seconds()
}

// ProjectSeconds estimates the mean seconds to forge a LEAF with a
// checksum of bits bits at rate tries per second. It is a projection, not
// a measurement; 0 if rate is not positive.
func ProjectSeconds(bits int, rate float64) float64 {
	if rate <= 0 {
		return 0
	}
	return ExpectedTries(bits) / rate
}

// SweepPoint is the forgeries measured at one checksum width.
type SweepPoint struct {
	Bits      int
	Forgeries []Forgery
}

// Sweep runs trials forgeries at each checksum width from lo to hi and
// calls done after each width. If ctx ends, it returns the widths finished
// so far, with the partial width's completed forgeries, and the error.
func Sweep(ctx context.Context, cfg ForgeConfig, lo, hi, trials int, done func(SweepPoint)) ([]SweepPoint, error) {
	var out []SweepPoint
	for bits := lo; bits <= hi; bits++ {
		c := cfg
		c.Bits, c.Seed = bits, cfg.Seed+uint64(bits)
		f, err := NewForger(c)
		if err != nil {
			return out, err
		}
		fs, err := f.Trials(ctx, trials)
		p := SweepPoint{Bits: bits, Forgeries: fs}
		if len(fs) > 0 {
			out = append(out, p)
		}
		if err != nil {
			return out, err
		}
		if done != nil {
			done(p)
		}
	}
	return out, nil
}

// Trials runs n forgeries one after another. If ctx ends, it returns the
// forgeries made so far, the last one unfinished (Forged is nil) if it had
// tried anything, and the error.
func (f *Forger) Trials(ctx context.Context, n int) ([]Forgery, error) {
	var out []Forgery
	for range n {
		r, err := f.Run(ctx)
		if err != nil {
			if r.Tries > 0 {
				out = append(out, r)
			}
			return out, err
		}
		out = append(out, r)
	}
	return out, nil
}

// Finished returns the forgeries that found a LEAF.
func Finished(fs []Forgery) []Forgery {
	var out []Forgery
	for _, f := range fs {
		if f.Forged != nil {
			out = append(out, f)
		}
	}
	return out
}
