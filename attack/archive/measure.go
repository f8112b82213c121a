package archive

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/internal/cast"
)

// MeasureCapture measures, on this machine and now, how many calls per
// second a capture of the given schemes among people carries on workers
// goroutines: it carries calls in a throwaway world for about budget and
// writes nothing. Decrypt's report compares its own rate with this one,
// measured in the same run, so that a shared, noisy machine cannot skew
// the comparison.
func MeasureCapture(ctx context.Context, schemes []attack.SchemeID, people, workers int, budget time.Duration) (float64, error) {
	cfg := CaptureConfig{People: people, Sessions: MaxSessions, Days: 30, Schemes: schemes, Workers: workers}
	if err := cfg.check(); err != nil {
		return 0, err
	}
	w, err := attack.NewWorld(attack.Config{People: cast.Names(people), Seed: 0, Start: cfg.Start, Schemes: schemes, Keep: func(int) bool { return false }})
	if err != nil {
		return 0, fmt.Errorf("archive: %w", err)
	}
	h, err := newHeader(w, cfg)
	if err != nil {
		return 0, err
	}
	ctx, cancel := context.WithTimeout(ctx, budget)
	defer cancel()
	window := make(chan struct{}, 8*cfg.Workers)
	jobs := make(chan attack.Conversation, cfg.Workers)
	go generate(ctx, w, cfg, window, jobs)
	var done atomic.Int64
	var failed atomic.Value
	start := time.Now()
	var wg sync.WaitGroup
	for range cfg.Workers {
		wg.Go(func() {
			for c := range jobs {
				if r := encode(w, h, c); r.err != nil {
					failed.Store(r.err)
				}
				done.Add(1)
				<-window
			}
		})
	}
	wg.Wait()
	if err, _ := failed.Load().(error); err != nil {
		return 0, err
	}
	return float64(done.Load()) / time.Since(start).Seconds(), nil
}
