package archive

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/internal/human"
	"github.com/escrowlab/escrowlab/internal/plural"
	"github.com/escrowlab/escrowlab/internal/tapfile"
	"github.com/escrowlab/escrowlab/internal/wire"
)

// DecryptConfig says what to decrypt an archive with.
type DecryptConfig struct {
	Keys     []string      // key files: everything the adversary holds
	Truth    string        // the ground truth, or "" to count without checking
	Split    time.Time     // if set, opened calls are counted before and after it
	Workers  int           // 0: every core
	Progress *atomic.Int64 // if set, holds the offset just past the last archive record read
}

// SchemeResult is what an adversary got out of one scheme's calls.
type SchemeResult struct {
	Scheme     attack.SchemeID
	Seen       int // calls recorded under the scheme
	Opened     int // calls whose every message came out (as said, when checked against a ground truth)
	Wrong      int // calls that decrypted to something other than what was said
	Identified int // calls whose two ends the adversary named (correctly, when checked)
	Before     int // opened calls made before DecryptConfig.Split
	After      int // opened calls made at or after it
	Malformed  int // records whose checksum held but whose content did not parse
}

// DecryptReport is what a decryption found.
type DecryptReport struct {
	Archive     Header
	Keys        []string
	Checked     bool      // counts were checked against a ground truth
	Split       time.Time // DecryptConfig.Split
	Schemes     []SchemeResult
	Damage      []tapfile.Damage // damaged stretches skipped, in order (the first MaxDamageShown)
	Damaged     int              // how many
	Truncated   *tapfile.Damage  // set if the archive ends early: the counts are for what came before
	Interrupted bool             // stopped by its context: the counts are for what was read
	Bytes       int64            // archive bytes read
	Calls       int              // calls seen (records of every scheme for one call count once)
	Elapsed     time.Duration
	Workers     int
	End         *End // the end record, if it was read: how many captures the archive should hold
}

// MaxDamageShown bounds the damage a report lists one by one.
const MaxDamageShown = 20

// job is one capture record handed to a worker, with the ground truth of
// its call, if any.
type job struct {
	scheme  int
	session int
	at      time.Time
	body    []byte
	truth   *truth
}

// Decrypt reads the archive at path as a stream, with only the key files
// cfg names, opens every call it can under every scheme on every core,
// checks each against the ground truth if cfg gives one, and reports. A
// damaged record is skipped and counted; a truncated archive, or ctx
// ending, stops the reading and the report holds what came before.
func Decrypt(ctx context.Context, path string, cfg DecryptConfig) (*DecryptReport, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("archive: %w", err)
	}
	defer f.Close()
	counted := &countingReader{r: f}
	a, err := openArchive(counted, path)
	if err != nil {
		return nil, err
	}
	a.progress = cfg.Progress
	held, err := a.loadKeys(cfg.Keys)
	if err != nil {
		return nil, err
	}
	var tr *truthReader
	if cfg.Truth != "" {
		tf, err := os.Open(cfg.Truth)
		if err != nil {
			return nil, fmt.Errorf("archive: %w", err)
		}
		defer tf.Close()
		if tr, err = newTruthReader(tf, cfg.Truth, a.h.Archive); err != nil {
			return nil, err
		}
	}
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	rep := &DecryptReport{Archive: a.h, Keys: cfg.Keys, Checked: tr != nil, Split: cfg.Split, Workers: cfg.Workers}
	start := time.Now()
	if err := a.run(ctx, held, tr, cfg, rep); err != nil {
		return nil, err
	}
	rep.Elapsed, rep.Bytes = time.Since(start), counted.total
	return rep, nil
}

// run feeds the archive's records to the workers and gathers their
// counts into rep.
func (a *reading) run(ctx context.Context, held attack.Holdings, tr *truthReader, cfg DecryptConfig, rep *DecryptReport) error {
	openers := make([]attack.Opener, len(a.schemes))
	for i, s := range a.schemes {
		o, err := s.Opener(held)
		if err != nil {
			return fmt.Errorf("archive: preparing the %s attack: %w", a.h.Schemes[i].ID, err)
		}
		openers[i] = o
	}
	jobs := make(chan []job, 2*cfg.Workers)
	results := make([][]SchemeResult, cfg.Workers)
	var wg sync.WaitGroup
	for w := range cfg.Workers {
		results[w] = make([]SchemeResult, len(a.schemes))
		wg.Go(func() {
			for batch := range jobs {
				a.openBatch(batch, openers, cfg.Split, tr != nil, results[w])
			}
		})
	}
	err := a.feed(ctx, tr, jobs, rep)
	close(jobs)
	wg.Wait()
	for i, s := range a.h.Schemes {
		total := SchemeResult{Scheme: s.ID}
		for _, r := range results {
			total = total.add(r[i])
		}
		rep.Schemes = append(rep.Schemes, total)
	}
	return err
}

// add sums two results for one scheme.
func (r SchemeResult) add(o SchemeResult) SchemeResult {
	r.Seen += o.Seen
	r.Opened += o.Opened
	r.Wrong += o.Wrong
	r.Identified += o.Identified
	r.Before += o.Before
	r.After += o.After
	r.Malformed += o.Malformed
	return r
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r     io.Reader
	total int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.total += int64(n)
	return n, err
}

// batchSize is how many capture records feed hands a worker at once:
// enough for a scheme's batch opener to keep Skipjack's eight-block
// kernels busy and to make the channel's cost per record small, few
// enough that memory stays flat.
const batchSize = 64

// feed reads records until the end record, damage that ends the archive,
// or ctx ending, and sends the captures to the workers with their truth,
// batchSize at a time.
func (a *reading) feed(ctx context.Context, tr *truthReader, jobs chan<- []job, rep *DecryptReport) error {
	var t *truth
	last := 0
	seen := make([]bool, len(a.schemes)) // the schemes read for call last
	captures := 0                        // capture records read
	batch := make([]job, 0, batchSize)
	defer func() {
		if len(batch) > 0 {
			jobs <- batch
		}
	}()
	for {
		if ctx.Err() != nil {
			rep.Interrupted = true
			return nil
		}
		rec, err := a.r.Next()
		if a.progress != nil {
			a.progress.Store(a.r.Offset())
		}
		if err != nil {
			if err := a.damage(err, rep); err != nil {
				return err
			}
			if errors.Is(err, io.EOF) || rep.Truncated != nil {
				return nil
			}
			continue
		}
		switch rec.Kind {
		case tapfile.KindEnd:
			a.checkEnd(rec, captures, rep)
			return a.afterEnd(rep)
		case tapfile.KindCapture:
			captures++
		default:
			continue
		}
		j, why := a.job(rec)
		if why != "" {
			a.countMalformed(rep, rec, why)
			continue
		}
		// A capture writes each call's records together, in the order of
		// the calls: a record out of that order, or again, is not counted.
		switch {
		case j.session < last:
			a.countMalformed(rep, rec, fmt.Sprintf("call %d comes after call %d", j.session, last))
			continue
		case j.session == last && seen[j.scheme]:
			a.countMalformed(rep, rec, fmt.Sprintf("call %d under %s appears again", j.session, a.h.Schemes[j.scheme].ID))
			continue
		case j.session != last:
			rep.Calls, last = rep.Calls+1, j.session
			clear(seen)
			if t, err = nextTruth(tr, t, j.session); err != nil {
				return err
			}
			if tr != nil && (t == nil || t.session != j.session) {
				return fmt.Errorf("%s: call %d of the archive is missing: the ground truth was cut short or edited", tr.name, j.session)
			}
		}
		if t != nil && t.session == j.session && !j.at.Equal(t.at) {
			a.countMalformed(rep, rec, fmt.Sprintf("call %d is dated %s, but the ground truth says %s", j.session, j.at.Format(time.RFC3339), t.at.Format(time.RFC3339)))
			continue
		}
		seen[j.scheme] = true
		if t != nil && t.session == j.session {
			j.truth = t
		}
		if batch = append(batch, j); len(batch) == batchSize {
			jobs <- batch
			batch = make([]job, 0, batchSize)
		}
	}
}

// damage records a damaged stretch or a truncation; io.EOF passes.
func (a *reading) damage(err error, rep *DecryptReport) error {
	var d *tapfile.Damage
	switch {
	case errors.Is(err, io.EOF):
		return nil
	case !errors.As(err, &d):
		return fmt.Errorf("archive: reading: %w", err)
	case errors.Is(d, tapfile.ErrTruncated):
		rep.Truncated = d
	default:
		rep.Damaged++
		if len(rep.Damage) < MaxDamageShown {
			rep.Damage = append(rep.Damage, *d)
		}
	}
	return nil
}

// job reads a capture record's framing: the scheme, the call and when.
// The call must be one of those the header counts.
func (a *reading) job(rec tapfile.Record) (j job, why string) {
	r := wire.NewReader(rec.Body)
	idx := r.Fixed(1)
	session := r.Uint(math.MaxUint32)
	secs := r.Uint(uint64(MaxDays) * 86400)
	body := r.Rest()
	switch {
	case r.Err() != nil:
		return j, "its contents do not parse"
	case int(idx[0]) >= len(a.schemes):
		return j, fmt.Sprintf("scheme %d of an archive of %d", idx[0], len(a.schemes))
	case session < 1 || session > uint64(a.h.Sessions):
		return j, fmt.Sprintf("call %d of an archive of calls 1 to %d", session, a.h.Sessions)
	}
	return job{scheme: int(idx[0]), session: int(session), at: a.h.Start.Add(time.Duration(secs) * time.Second), body: body}, ""
}

// checkEnd reads the end record and, when nothing before it was damaged,
// counts it as damage if it disagrees with the archive: with the call
// records read before it, or with the records the header's calls and
// schemes make. Records removed or added, and renumbered with valid
// checksums, are found this way.
func (a *reading) checkEnd(rec tapfile.Record, captures int, rep *DecryptReport) {
	var end End
	if json.Unmarshal(rec.Body, &end) != nil {
		a.countMalformed(rep, rec, "the end record does not parse")
		return
	}
	rep.End = &end
	want := a.h.Sessions * len(a.schemes)
	switch {
	case rep.Damaged > 0:
		// The damage already reported accounts for what is missing.
	case end.Captures != captures:
		a.countMalformed(rep, rec, fmt.Sprintf("the end record counts %s call records, but %s came before it", human.Count(end.Captures), human.Count(captures)))
	case captures != want:
		a.countMalformed(rep, rec, fmt.Sprintf("the header's %s under %s make %s call records, but the archive holds %s", plural.Count(a.h.Sessions, "call"), plural.Count(len(a.schemes), "scheme"), human.Count(want), human.Count(captures)))
	}
}

// afterEnd reports anything that follows the end record, which nothing
// should: a record, or bytes that are none, count as one damaged stretch
// and are not read.
func (a *reading) afterEnd(rep *DecryptReport) error {
	rec, err := a.r.Next()
	switch {
	case errors.Is(err, io.EOF):
		return nil
	case err != nil:
		return a.damage(err, rep)
	}
	a.countMalformed(rep, rec, "it comes after the end record")
	return nil
}

// countMalformed counts a good record that cannot be counted as a call,
// for the reason given: its framing does not parse, or it is out of place.
func (a *reading) countMalformed(rep *DecryptReport, rec tapfile.Record, reason string) {
	rep.Damaged++
	if len(rep.Damage) < MaxDamageShown {
		rep.Damage = append(rep.Damage, tapfile.Damage{Record: rec.Number, Offset: rec.Offset, Err: fmt.Errorf("%w: %s", tapfile.ErrDamaged, reason)})
	}
}

// nextTruth advances the ground truth to session, keeping t if it is
// already there or beyond.
func nextTruth(tr *truthReader, t *truth, session int) (*truth, error) {
	for tr != nil && (t == nil || t.session < session) {
		next, err := tr.next()
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		t = next
	}
	return t, nil
}

// openBatch opens a batch of captures, each scheme's with its opener, all
// at once if the opener is an attack.BatchOpener, and counts them in r,
// one result per scheme.
func (a *reading) openBatch(batch []job, openers []attack.Opener, split time.Time, checked bool, r []SchemeResult) {
	var js []job
	var caps []attack.Capture
	for i, s := range a.schemes {
		js, caps = js[:0], caps[:0]
		for _, j := range batch {
			if j.scheme != i {
				continue
			}
			r[i].Seen++
			rec, err := s.ParseRecord(j.body)
			if err != nil {
				r[i].Malformed++
				continue
			}
			js = append(js, j)
			caps = append(caps, attack.Capture{Session: j.session, At: j.at, Scheme: a.h.Schemes[i].ID, Record: rec})
		}
		for k, got := range openAll(openers[i], caps) {
			count(js[k], got, a.h.Archive, split, checked, &r[i])
		}
	}
}

// openAll opens caps with o: at once if o is an attack.BatchOpener.
func openAll(o attack.Opener, caps []attack.Capture) []attack.Opening {
	if b, ok := o.(attack.BatchOpener); ok {
		return b.OpenBatch(caps)
	}
	out := make([]attack.Opening, len(caps))
	for i, c := range caps {
		out[i] = o.Open(c)
	}
	return out
}

// count counts in r what opening j got, checked against j's ground truth
// if checked.
func count(j job, got attack.Opening, archive string, split time.Time, checked bool, r *SchemeResult) {
	if len(got.Who) == 2 && got.Who[0] != got.Who[1] && (!checked || j.truth != nil && names(got.Who, j.truth)) {
		r.Identified++
	}
	if got.Texts == nil {
		return
	}
	if checked && (j.truth == nil || !j.truth.checks(archive, got.Texts)) {
		r.Wrong++
		return
	}
	r.Opened++
	if !split.IsZero() && j.at.Before(split) {
		r.Before++
	} else if !split.IsZero() {
		r.After++
	}
}

// names reports whether who are exactly the truth's caller and callee.
func names(who []*attack.Person, t *truth) bool {
	a, b := who[0].Name, who[1].Name
	return a == t.caller && b == t.callee || a == t.callee && b == t.caller
}
