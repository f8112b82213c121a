package archive

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"sync"
	"time"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/internal/outpath"
	"github.com/escrowlab/escrowlab/internal/seeded"
	"github.com/escrowlab/escrowlab/internal/tapfile"
	"github.com/escrowlab/escrowlab/internal/wire"
)

// carried is one call as the workers hand it to the writer: its archive
// records, one per scheme, and its line of ground truth.
type carried struct {
	session int
	records [][]byte
	truth   string
	err     error
}

// writeCalls carries every call and stages the archive and the ground
// truth in st, and returns the archive's size.
func writeCalls(ctx context.Context, w *attack.World, cfg CaptureConfig, h Header, dir string, st *staging) (int64, error) {
	archPath, truthPath := filepath.Join(dir, ArchiveFile), filepath.Join(dir, TruthFile)
	arch, err := st.create(archPath)
	if err != nil {
		return 0, err
	}
	defer arch.Close()
	tf, err := st.create(truthPath)
	if err != nil {
		return 0, err
	}
	defer tf.Close()
	aw, tw := tapfile.NewWriter(arch), bufio.NewWriterSize(tf, 1<<16)
	head, _ := json.Marshal(h)
	if err := aw.Write(tapfile.KindHeader, head); err != nil {
		return 0, writeError(archPath, err)
	}
	tw.WriteString(truthHead(h.Archive))
	err = carry(ctx, w, cfg, h, func(c carried) error {
		for _, r := range c.records {
			if err := aw.Write(tapfile.KindCapture, r); err != nil {
				return writeError(archPath, err)
			}
		}
		if _, err := tw.WriteString(c.truth); err != nil {
			return writeError(truthPath, err)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	end, _ := json.Marshal(End{Captures: aw.Records() - 1})
	if err := inTurn(func() error { return aw.Write(tapfile.KindEnd, end) }, aw.Flush); err != nil {
		return 0, writeError(archPath, err)
	}
	if err := tw.Flush(); err != nil {
		return 0, writeError(truthPath, err)
	}
	fi, err := arch.Stat()
	if err != nil {
		return 0, writeError(archPath, err)
	}
	if err := st.close(arch, archPath); err != nil {
		return 0, err
	}
	return fi.Size(), st.close(tf, truthPath)
}

// inTurn runs steps in order until one fails, and returns its error.
func inTurn(steps ...func() error) error {
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// writeError says what went wrong writing path, naming path, never a
// temporary file.
func writeError(path string, err error) error {
	return fmt.Errorf("archive: writing %s: %w", path, outpath.Pathless(err))
}

// carry holds every call of the capture on cfg.Workers goroutines and
// hands them to write in order. At most a few calls per worker are in
// flight, so memory does not grow with the number of calls.
func carry(ctx context.Context, w *attack.World, cfg CaptureConfig, h Header, write func(carried) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	window := make(chan struct{}, 8*cfg.Workers) // calls in flight
	jobs := make(chan attack.Conversation, cfg.Workers)
	results := make(chan carried, cfg.Workers)
	go generate(ctx, w, cfg, window, jobs)
	var wg sync.WaitGroup
	for range cfg.Workers {
		wg.Go(func() {
			for c := range jobs {
				results <- encode(w, h, c)
			}
		})
	}
	go func() { wg.Wait(); close(results) }()
	written, err := reorder(results, window, cfg, write)
	cancel()
	for range results { // let the workers finish
	}
	if err == nil && written < cfg.Sessions {
		err = fmt.Errorf("archive: %d of %d calls captured: %w", written, cfg.Sessions, attack.ErrInterrupted)
	}
	return err
}

// generate numbers, dates and chooses each call, in order, as the window
// allows, and closes jobs when done or when ctx ends.
func generate(ctx context.Context, w *attack.World, cfg CaptureConfig, window chan struct{}, jobs chan<- attack.Conversation) {
	defer close(jobs)
	rng := rand.New(seeded.New(cfg.Seed, "archive", "traffic"))
	span := time.Duration(cfg.Days) * 24 * time.Hour
	for n := 1; n <= cfg.Sessions; n++ {
		select {
		case window <- struct{}{}:
		case <-ctx.Done():
			return
		}
		c := attack.RandomConversation(rng, w.People, 2)
		c.Session = n
		c.At = cfg.Start.Add(time.Duration(float64(span) * float64(n-1) / float64(cfg.Sessions))).Truncate(time.Second)
		jobs <- c
	}
}

// encode carries c and writes its records and ground truth.
func encode(w *attack.World, h Header, c attack.Conversation) carried {
	out := carried{session: c.Session, truth: truthLine(h.Archive, c)}
	caps, err := w.Carry(c)
	if err != nil {
		out.err = err
		return out
	}
	for i, cp := range caps {
		s, _ := w.Scheme(cp.Scheme)
		b := append([]byte{byte(i)}, wire.AppendUint(nil, uint64(c.Session))...)
		b = wire.AppendUint(b, uint64(c.At.Sub(h.Start)/time.Second))
		if b, err = s.AppendRecord(b, cp.Record); err != nil {
			out.err = fmt.Errorf("archive: call %d under %s: %w", c.Session, cp.Scheme, err)
			return out
		}
		out.records = append(out.records, b)
	}
	return out
}

// reorder writes results in session order, freeing a place in the window
// for each call written, and returns how many it wrote.
func reorder(results <-chan carried, window <-chan struct{}, cfg CaptureConfig, write func(carried) error) (int, error) {
	pending := map[int]carried{}
	next := 1
	for r := range results {
		if r.err != nil {
			return next - 1, r.err
		}
		pending[r.session] = r
		for c, ok := pending[next]; ok; c, ok = pending[next] {
			if err := write(c); err != nil {
				return next - 1, err // write names the file
			}
			delete(pending, next)
			<-window
			if cfg.Progress != nil {
				cfg.Progress.Add(1)
			}
			next++
		}
	}
	return next - 1, nil
}
