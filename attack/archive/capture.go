package archive

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/internal/cast"
	"github.com/escrowlab/escrowlab/internal/keyfile"
	"github.com/escrowlab/escrowlab/internal/outpath"
	"github.com/escrowlab/escrowlab/internal/seeded"
	"github.com/escrowlab/escrowlab/internal/tapfile"
)

// The files a capture writes into its directory.
const (
	ArchiveFile = "wiretap.ewt"
	TruthFile   = "truth.tsv"
	KeysDir     = "keys"
	IndexFile   = "LEAKS.txt" // in KeysDir: which files each leak gives away
)

// Limits of a capture.
const (
	MaxSessions = 10_000_000
	MaxPeople   = 2_000
	MaxDays     = 36_500
)

// DefaultStart is when a capture's calls begin unless told otherwise:
// the week Clipper's rules were published.
var DefaultStart = time.Date(1994, time.March, 7, 9, 0, 0, 0, time.UTC)

// CaptureConfig says what to capture.
type CaptureConfig struct {
	People   int               // 2 to MaxPeople
	Sessions int               // calls, 1 to MaxSessions
	Days     int               // the calls spread over this many days, 1 to MaxDays
	Schemes  []attack.SchemeID // nil: every registered scheme
	Seed     uint64
	Start    time.Time     // zero: DefaultStart
	Workers  int           // goroutines carrying calls; 0: every core
	Progress *atomic.Int64 // if set, counts the calls written
}

// CaptureReport is what a capture wrote.
type CaptureReport struct {
	Dir      string
	Header   Header
	Seed     uint64        // the seed that replays the capture, byte for byte
	Bytes    int64         // the archive's size
	Keys     []KeyFile     // every key file, in the order written
	Elapsed  time.Duration // carrying and writing the calls
	Workers  int
	PerCall  float64 // archive bytes per call
	CallRate float64 // calls carried per second
}

// check validates cfg before anything runs.
func (cfg *CaptureConfig) check() error {
	switch {
	case cfg.People < 2 || cfg.People > MaxPeople:
		return fmt.Errorf("archive: %d people; want 2 to %d", cfg.People, MaxPeople)
	case cfg.Sessions < 1 || cfg.Sessions > MaxSessions:
		return fmt.Errorf("archive: %d calls; want 1 to %d", cfg.Sessions, MaxSessions)
	case cfg.Days < 1 || cfg.Days > MaxDays:
		return fmt.Errorf("archive: %d days; want 1 to %d", cfg.Days, MaxDays)
	}
	for _, id := range cfg.Schemes {
		if _, err := attack.LookupScheme(string(id)); err != nil {
			return fmt.Errorf("archive: %w", err)
		}
	}
	if cfg.Start.IsZero() {
		cfg.Start = DefaultStart
	}
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	return nil
}

// Capture builds a world from cfg, holds cfg.Sessions calls in it on every
// core, and writes into dir (which must exist) the wiretap archive, the
// ground truth and the key files. Each file is written atomically: a
// capture stopped by ctx leaves none of them. The same configuration
// gives the same files, byte for byte, whatever the number of workers.
func Capture(ctx context.Context, cfg CaptureConfig, dir string) (*CaptureReport, error) {
	if err := cfg.check(); err != nil {
		return nil, err
	}
	if err := checkTargets(dir); err != nil {
		return nil, err
	}
	w, err := attack.NewWorld(attack.Config{People: cast.Names(cfg.People), Seed: cfg.Seed, Start: cfg.Start, Schemes: cfg.Schemes,
		Keep: func(session int) bool { return session == keptSession }})
	if err != nil {
		return nil, fmt.Errorf("archive: %w", err)
	}
	h, err := newHeader(w, cfg)
	if err != nil {
		return nil, err
	}
	if head, _ := json.Marshal(h); len(head) > tapfile.MaxBody {
		return nil, fmt.Errorf("archive: %d people under %d schemes make a header of %d bytes, more than an archive record holds (%d): capture fewer people or schemes", cfg.People, len(h.Schemes), len(head), tapfile.MaxBody)
	}
	rep := &CaptureReport{Dir: dir, Header: h, Seed: cfg.Seed, Workers: cfg.Workers}
	st := &staging{}
	defer st.cleanup()
	start := time.Now()
	if rep.Bytes, err = writeCalls(ctx, w, cfg, h, dir, st); err != nil {
		return nil, err
	}
	rep.Elapsed = time.Since(start)
	rep.PerCall = float64(rep.Bytes) / float64(cfg.Sessions)
	rep.CallRate = float64(cfg.Sessions) / rep.Elapsed.Seconds()
	if rep.Keys, err = writeKeys(ctx, w, h, dir, st); err != nil {
		return nil, err
	}
	if ctx.Err() != nil {
		return nil, fmt.Errorf("archive: %w", attack.ErrInterrupted)
	}
	if err := st.commit(); err != nil {
		return nil, err
	}
	if err := removeStale(dir, h.Archive, rep.Keys); err != nil {
		return nil, err
	}
	return rep, nil
}

// keptSession is the call whose keys a capture keeps, for the key file of
// a session-key leak; schemes keep no other call's secrets.
const keptSession = 1

// newHeader describes the archive of w: an id derived from the seed and
// everything else the capture was asked for (so that two different
// captures with one seed never share an id, and never accept each other's
// key files), revealing nothing of the seed; the people; and each scheme's
// directory.
func newHeader(w *attack.World, cfg CaptureConfig) (Header, error) {
	id := make([]byte, 16)
	what := fmt.Sprintf("people=%d sessions=%d days=%d start=%s schemes=%v", cfg.People, cfg.Sessions, cfg.Days, cfg.Start.Format(time.RFC3339), w.SchemeIDs())
	_, _ = seeded.New(cfg.Seed, "archive", "id", what).Read(id)
	h := Header{Format: Format, Version: Version, Archive: hex.EncodeToString(id), Start: cfg.Start, Sessions: cfg.Sessions}
	for _, p := range w.People {
		h.People = append(h.People, p.Name)
	}
	for _, sid := range w.SchemeIDs() {
		s, _ := w.Scheme(sid)
		dir, err := s.Directory()
		if err != nil {
			return h, fmt.Errorf("archive: %s directory: %w", sid, err)
		}
		h.Schemes = append(h.Schemes, SchemeHeader{ID: sid, Directory: string(dir)})
	}
	return h, nil
}

// removeStale removes, from the keys folder's scheme folders, the key
// files of another archive that a capture with --force into an old
// capture's directory left behind: a student must never be handed a key
// file that does not belong to the archive beside it. Other files stay.
func removeStale(dir, archive string, written []KeyFile) error {
	keep := map[string]bool{}
	for _, k := range written {
		keep[filepath.Join(dir, filepath.FromSlash(k.Path))] = true
	}
	keys := filepath.Join(dir, KeysDir)
	for _, id := range attack.SchemeIDs() {
		files, _ := os.ReadDir(filepath.Join(keys, string(id)))
		for _, f := range files {
			path := filepath.Join(keys, string(id), f.Name())
			if !keep[path] && f.Type().IsRegular() && otherArchive(path, archive) {
				if err := os.Remove(path); err != nil {
					return writeError(path, err)
				}
			}
		}
	}
	return nil
}

// otherArchive reports whether path is an escrowlab key file of an archive
// other than archive.
func otherArchive(path, archive string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	kf, err := keyfile.Parse(f) // refuses more than keyfile.MaxSize
	return err == nil && kf.Archive != archive
}

// checkTargets checks, before anything is computed, that a capture into
// dir replaces only regular files: the archive, the ground truth, the
// keys folder's index, and anything already in the keys folder's scheme
// folders must be regular files or links to them, or not exist.
func checkTargets(dir string) error {
	keys := filepath.Join(dir, KeysDir)
	folders := []string{keys}
	for _, id := range attack.SchemeIDs() {
		folders = append(folders, filepath.Join(keys, string(id)))
	}
	for _, path := range folders {
		if fi, err := os.Stat(path); err == nil && !fi.IsDir() {
			return writeError(path, errors.New("it is a file; capture keeps key files in a folder of that name"))
		}
	}
	for _, path := range []string{filepath.Join(dir, ArchiveFile), filepath.Join(dir, TruthFile), filepath.Join(keys, IndexFile)} {
		if _, err := outpath.Target(path); err != nil {
			return writeError(path, err)
		}
	}
	return filepath.WalkDir(keys, func(path string, d fs.DirEntry, err error) error {
		switch {
		case errors.Is(err, fs.ErrNotExist) && path == keys:
			return nil
		case err != nil:
			return writeError(path, err)
		case d.IsDir() && filepath.Dir(filepath.Dir(path)) != keys:
			return nil // keys, and a scheme's folder in it
		}
		if _, err := outpath.Target(path); err != nil {
			return writeError(path, err)
		}
		return nil
	})
}
