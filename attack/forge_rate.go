package attack

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/escrowlab/escrowlab/escrow"
)

// MeasureRate searches for about d with the checksum width and workers of
// cfg and returns the tries per second it reached: the basis for saying how
// long a wide forgery will take before starting it. It uses a forger of
// its own, against a session key and IV of its own, so a Forger made from
// cfg afterwards finds exactly what it would have found anyway. If ctx ends
// first, MeasureRate returns an error wrapping ErrInterrupted.
func MeasureRate(ctx context.Context, cfg ForgeConfig, d time.Duration) (float64, error) {
	cfg.Progress = nil
	f, err := NewForger(cfg)
	if err != nil {
		return 0, err
	}
	sample, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	start := time.Now()
	_, tries, err := f.search(sample, escrow.SessionKey{}, escrow.IV{})
	elapsed := time.Since(start)
	switch {
	case ctx.Err() != nil:
		return 0, fmt.Errorf("measuring the search rate: %w", ErrInterrupted)
	case err != nil && !errors.Is(err, ErrInterrupted):
		return 0, err
	}
	return float64(tries) / elapsed.Seconds(), nil
}
