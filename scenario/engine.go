package scenario

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/internal/cast"
	"github.com/escrowlab/escrowlab/internal/human"
	"github.com/escrowlab/escrowlab/internal/plural"
	"github.com/escrowlab/escrowlab/internal/seeded"
)

// DefaultStart is day 0 of a scenario that gives no start of its own.
var defaultStart = time.Date(1994, time.March, 1, 0, 0, 0, 0, time.UTC)

// adversary is someone who collects key material over the story.
type adversary struct {
	name  string
	held  attack.Holdings
	first time.Time // when it first received anything, or when it was first named
}

// specRun is the state of one run of a Spec.
type specRun struct {
	ctx      context.Context
	progress *atomic.Int64  // counts sessions held, if set
	tries    *atomic.Uint64 // receives the forgeries' tries, if set
	spec     *Spec
	seed     uint64
	start    time.Time // day 0, at midnight: events happen as their day begins
	b        *builder
	w        *attack.World
	rng      *rand.Rand
	advs     []*adversary
	warrants []servedWarrant
	marks    []TimeMark // when each leak or seizure happened, for the timeline
}

// RunSpec runs a scenario written as data with opts.Seed and returns its
// transcript. Predictions that fail are reported in the transcript, and
// counted in Transcript.Failed; they are not errors. If ctx ends before
// the timeline is played out, RunSpec returns the transcript so far, with
// an error wrapping attack.ErrInterrupted.
func RunSpec(ctx context.Context, spec *Spec, opts Options) (*Transcript, error) {
	r := &specRun{ctx: ctx, progress: opts.Progress, tries: opts.ForgeTries, spec: spec, seed: opts.Seed, b: newBuilder(spec.ID, spec.Title, opts.Seed), start: spec.Start}
	if r.start.IsZero() {
		r.start = defaultStart
	}
	names := slices.Clone(spec.Cast)
	for _, n := range cast.Names(spec.Traffic.People + len(spec.Cast)) {
		if len(names) < spec.Traffic.People && !slices.Contains(spec.Cast, n) {
			names = append(names, n)
		}
	}
	w, err := attack.NewWorld(attack.Config{People: names, Seed: opts.Seed, Start: r.start})
	if err != nil {
		return nil, fmt.Errorf("scenario %s: %w", spec.ID, err)
	}
	r.w, r.rng = w, rand.New(seeded.New(opts.Seed, "scenario", "timeline"))
	r.intro()
	r.b.t.Schemes = r.shown()
	r.b.t.Keys = keyChart(r.b.t.Schemes)
	if err := r.timeline(); errors.Is(err, attack.ErrInterrupted) {
		r.b.closing("Interrupted: the run stopped on " + r.w.Now().Format(dateFormat) + ", before every event was played; the archive was not measured.")
		return r.b.finish(), fmt.Errorf("scenario %s: %w", spec.ID, err)
	} else if err != nil {
		return nil, fmt.Errorf("scenario %s: %w", spec.ID, err)
	}
	if err := r.readings(); err != nil {
		return nil, fmt.Errorf("scenario %s: %w", spec.ID, err)
	}
	r.checks()
	if err := r.predictions(); err != nil {
		return nil, fmt.Errorf("scenario %s: %w", spec.ID, err)
	}
	return r.b.finish(), nil
}

func (r *specRun) intro() {
	s := r.spec
	if s.Summary != "" {
		r.b.intro(s.Summary, s.References...)
	} else {
		r.b.cite(s.References)
	}
	t := s.Traffic
	r.b.intro(fmt.Sprintf("%s over %s, with %s of %s each; shown here under %s. Every count below is measured in this run; the seed is %d.", plural.Count(t.People, "person"), plural.Count(t.Days, "day"), plural.Count(t.Sessions, "background call"), plural.Count(t.Messages, "message"), schemeNames(s.Schemes), r.seed))
	note := "A teaching model, not a product."
	if c := r.caveats(); c != "" {
		note = "A teaching model, not a product: " + c + " (docs/how-it-works.md)."
	}
	r.b.intro(note)
}

// shown lists the schemes the scenario shows: those it names, and Clipper
// if someone forges a LEAF.
func (r *specRun) shown() []attack.SchemeID {
	schemes := slices.Clone(r.spec.Schemes)
	if slices.ContainsFunc(r.spec.Events, func(e Event) bool { return e.Kind == ForgeEvent }) && !slices.Contains(schemes, attack.ClipperID) {
		schemes = append(schemes, attack.ClipperID)
	}
	return schemes
}

// caveats joins the caveats of the schemes the scenario shows, each once.
func (r *specRun) caveats() string {
	var out []string
	for _, id := range r.shown() {
		if s, err := attack.LookupScheme(string(id)); err == nil && s.Caveat != "" && !slices.Contains(out, s.Caveat) {
			out = append(out, s.Caveat)
		}
	}
	return strings.Join(out, "; ")
}

// item is one thing on the timeline: an event, or a background call.
type item struct {
	at    time.Time
	event *Event
}

// timeline places background calls at random times, then plays them and
// the events in time order.
func (r *specRun) timeline() error {
	s := r.spec
	var items []item
	for i := range s.Events {
		items = append(items, item{at: r.day(s.Events[i].Day), event: &s.Events[i]})
	}
	for range s.Traffic.Sessions {
		items = append(items, item{at: r.start.Add(time.Duration(r.rng.Int64N(int64(s.Traffic.Days) * int64(24*time.Hour))))})
	}
	// Stable: events keep file order on one day, and come before
	// background calls at the same instant.
	slices.SortStableFunc(items, func(a, b item) int { return a.at.Compare(b.at) })
	r.b.act("What happens", fmt.Sprintf("Day 0 is %s. Background calls fill the days between the events.", r.start.Format(dateFormat)))
	for _, it := range items {
		if r.ctx.Err() != nil {
			return fmt.Errorf("%d of %s made: %w", len(r.w.Sent()), plural.Count(Sessions(s), "call"), attack.ErrInterrupted)
		}
		r.w.Advance(it.at.Sub(r.w.Now()))
		if it.event == nil {
			if _, err := r.w.RandomCall(r.rng, s.Traffic.Messages); err != nil {
				return err
			}
			r.count()
			continue
		}
		if err := r.play(*it.event); err != nil {
			return fmt.Errorf("event on day %d: %w", it.event.Day, err)
		}
	}
	return nil
}

// count adds a session held to the progress counter, if there is one.
func (r *specRun) count() {
	if r.progress != nil {
		r.progress.Add(1)
	}
}

// Sessions returns how many sessions a run of spec holds: its background
// calls and the calls among its events.
func Sessions(spec *Spec) int {
	n := spec.Traffic.Sessions
	for _, e := range spec.Events {
		if e.Kind == CallEvent {
			n++
		}
	}
	return n
}

// day returns the time of day d's events.
func (r *specRun) day(d int) time.Time { return r.start.AddDate(0, 0, d) }

// adversary returns the adversary called name, adding it if new.
func (r *specRun) adversary(name string) *adversary {
	for _, a := range r.advs {
		if a.name == name {
			return a
		}
	}
	a := &adversary{name: name, first: r.w.Now()}
	r.advs = append(r.advs, a)
	return a
}

// give hands what a leak or warrant yields to the adversary called name.
func (r *specRun) give(name string, h attack.Holdings) {
	a := r.adversary(name)
	a.held = a.held.Merge(h)
}

func (r *specRun) play(e Event) error {
	w := r.w
	when := fmt.Sprintf("Day %d", e.Day)
	switch e.Kind {
	case CallEvent:
		msgs := make([]attack.Message, len(e.Say))
		var vals []Value
		for i, line := range e.Say {
			msgs[i] = attack.Message{FromCaller: i%2 == 0, Text: line}
			who := e.From
			if i%2 == 1 {
				who = e.To
			}
			vals = append(vals, text(who, line))
		}
		c, err := w.Call(w.Person(e.From), w.Person(e.To), msgs)
		if err != nil {
			return err
		}
		r.count()
		r.b.step(Step{Actor: e.From, Action: fmt.Sprintf("calls %s (call %d, %s)", e.To, c.Session, when), Values: vals,
			Outcome: Outcome{Done, "each receiver read exactly what was said; the wiretap recorded the call under every scheme"}})
	case WarrantEvent:
		return r.warrant(e)
	case LeakEvent, SeizeEvent:
		target := attack.Target{Person: w.Person(e.Person), Session: r.latestSession()}
		id := e.Leak
		if e.Kind == SeizeEvent {
			id = attack.DeviceSeizure
		}
		info, err := attack.LookupLeak(string(id))
		if err != nil {
			return err
		}
		what := "receives " + info.Describe(target)
		if e.Kind == SeizeEvent {
			what = "takes " + e.Person + "'s phone and every long-term key in it"
		}
		if info.Needs == attack.NeedsSession && len(w.Sent()) == 0 {
			r.adversary(e.Adversary)
			r.b.step(Step{Actor: e.Adversary, Action: fmt.Sprintf("would receive one call's keys (%s), but no call has been made yet", when)})
			return nil
		}
		h, err := w.Leak(id, target)
		if err != nil {
			return err
		}
		r.give(e.Adversary, h)
		r.marks = append(r.marks, TimeMark{Label: e.Adversary + " gets keys", At: w.Now()})
		vals := []Value{text("leak id", string(id))}
		for _, x := range h {
			if rv, ok := x.Item.(attack.Revealer); ok && rv.Reveals() != "" {
				vals = append(vals, text("it also learns", rv.Reveals()))
			}
		}
		r.b.step(Step{Actor: e.Adversary, Action: fmt.Sprintf("%s (%s)", what, when),
			Values: vals, Outcome: Outcome{Exposed, "measured below, over the whole archive"}})
	case ForgeEvent:
		f, err := attack.NewForger(attack.ForgeConfig{Bits: e.Bits, Seed: r.seed + uint64(e.Line) + 1, Progress: r.tries})
		if err != nil {
			return err
		}
		res, err := f.Run(r.ctx)
		if errors.Is(err, attack.ErrInterrupted) {
			r.b.step(Step{Actor: e.Person, Action: fmt.Sprintf("(%s) was forging a LEAF with %s %d-bit checksum when the run stopped, after %s tries", when, article(e.Bits), e.Bits, human.Count(res.Tries))})
		}
		if err != nil {
			return err
		}
		for _, s := range forgeSteps(res, e.Bits, 0, e.Person)[1:] {
			r.b.step(s)
		}
	case NarrateEvent:
		r.b.step(Step{Actor: "Narrator", Action: fmt.Sprintf("(%s) %s", when, e.Text)})
	}
	return nil
}

// latestSession is the number of the most recent session, or 1.
func (r *specRun) latestSession() int { return max(len(r.w.Sent()), 1) }

// readings measures what each adversary can read of the whole archive.
func (r *specRun) readings() error {
	if len(r.advs) == 0 {
		return nil
	}
	r.b.act("What each adversary reads", "Measured at the end, over every call recorded, before and after the adversary got its keys.")
	if err := r.warrantTables(); err != nil {
		return err
	}
	var rows []TimelineRow
	for _, a := range r.advs {
		t := &Table{Header: []string{"Scheme", "Calls", "Opened", "Before", "After", "Who called whom"}}
		opened, before, after, total := 0, 0, 0, 0
		var exps []attack.Exposure
		var names []string
		for _, s := range r.spec.Schemes {
			e, err := r.measure(a, s, nil)
			if err != nil {
				return err
			}
			opened, before, after, total = opened+e.Opened, before+e.OpenedBefore, after+e.OpenedAfter, total+e.Total
			t.Rows = append(t.Rows, []Cell{Text(capitalized(schemeName(s))), Count(e.Total), Count(e.Opened), Count(e.OpenedBefore), Count(e.OpenedAfter), Count(e.Metadata)})
			exps, names = append(exps, e), append(names, schemeName(s))
			rows = append(rows, readRow(a.name+", "+schemeName(s), e))
		}
		if opened > 0 && len(r.w.Sent()) > 0 {
			ch := openedOverTime("What "+a.name+" opened, day by day", r.w.Sent(), r.start, TimeMark{Label: a.name + " got keys", At: a.first}, exps, names)
			r.b.t.Charts = append(r.b.t.Charts, ch)
		}
		out := Outcome{Sealed, "opened nothing"}
		if opened > 0 {
			out = Outcome{Exposed, fmt.Sprintf("opened %s in all, each checked against what was said", plural.Count(opened, "call"))}
		}
		holds := fmt.Sprintf("first keys on %s", a.first.Format(dateFormat))
		if len(a.held) == 0 {
			holds = "it received no keys"
		}
		r.b.step(Step{Actor: a.name, Action: fmt.Sprintf("tries every recorded call with what it holds (%s)", holds), Table: t, Outcome: out,
			Quiz: spreadQuestionAt("Of all the calls recorded under "+schemeNames(r.spec.Schemes)+", which can "+a.name+" open?", a.name+" got keys", opened, before, after, total)})
	}
	var spans []Span
	for _, wt := range r.warrants {
		spans = append(spans, Span{Label: fmt.Sprintf("order %s for %s in force", wt.Docket, wt.Target.Name), From: wt.Begins, To: wt.LastDay()})
	}
	if len(r.w.Sent()) > 0 {
		r.b.t.Charts = append([]Chart{*timeline("Every call, and who read it", r.w.Sent(), spans, r.marks, rows)}, r.b.t.Charts...)
	}
	return nil
}

// checks reports, for each scheme shown whose users can check for an
// extra party, how many sessions such a check would have revealed.
func (r *specRun) checks() {
	for _, id := range r.spec.Schemes {
		s, _ := r.w.Scheme(id)
		c, ok := s.(attack.Checker)
		if !ok {
			continue
		}
		sent := r.w.Sent()
		found := 0
		for _, conv := range sent {
			if c.Check(conv) {
				found++
			}
		}
		r.b.step(Step{
			Actor: "Users who compare safety numbers", Action: fmt.Sprintf("check every call under %s for a device that neither of them owns", schemeName(id)),
			Outcome: Outcome{Done, fmt.Sprintf("an extra device shows in %d of %s", found, plural.Count(len(sent), "call"))},
			Note:    "A ghost stays silent only if no one checks. Keeping it silent means making apps hide or falsify what they show their users, which the 2019 open letter warned would undermine the very check that lets users know whom they are talking to.",
			Cites:   cites(refOpenLetter2019, refEFFGhosts),
		})
	}
}

// measure runs adversary a over one scheme's archive, only over the
// sessions keep accepts if keep is not nil.
func (r *specRun) measure(a *adversary, s attack.SchemeID, keep func(attack.Conversation) bool) (attack.Exposure, error) {
	att, err := attack.NewAttacker(r.w, a.held)
	if err != nil {
		return attack.Exposure{}, err
	}
	caps := r.w.Tap.Captures(s)
	if keep != nil {
		ok := map[int]bool{}
		for _, c := range r.w.Sent() {
			ok[c.Session] = keep(c)
		}
		caps = slices.DeleteFunc(caps, func(c attack.Capture) bool { return !ok[c.Session] })
	}
	return attack.Measure(att, caps, r.w.Sent(), a.first), nil
}

// predictions checks each expectation against a measurement.
func (r *specRun) predictions() error {
	if len(r.spec.Expect) == 0 {
		return nil
	}
	r.b.act("Predictions", "Each prediction in the scenario, checked against what was measured.")
	for _, x := range r.spec.Expect {
		a := r.adversary(x.Adversary)
		keep := func(c attack.Conversation) bool {
			if x.Involving != "" && c.Caller.Name != x.Involving && c.Callee.Name != x.Involving ||
				x.Caller != "" && c.Caller.Name != x.Caller || x.Callee != "" && c.Callee.Name != x.Callee {
				return false
			}
			return !c.At.Before(r.day(x.FromDay)) && (x.ToDay == 0 || c.At.Before(r.day(x.ToDay)))
		}
		e, err := r.measure(a, x.Scheme, keep)
		if err != nil {
			return err
		}
		ok := true
		var claims, got []string
		if x.Opens != nil {
			ok = ok && x.Opens.Holds(e.Opened, e.Total)
			claims = append(claims, "opens "+x.Opens.String())
			got = append(got, fmt.Sprintf("opened %d/%d", e.Opened, e.Total))
		}
		if x.Metadata != nil {
			ok = ok && x.Metadata.Holds(e.Metadata, e.Total)
			claims = append(claims, "names both callers in "+x.Metadata.String())
			got = append(got, fmt.Sprintf("identified %d/%d", e.Metadata, e.Total))
		}
		out := Outcome{Done, "holds: " + strings.Join(got, "; ")}
		if !ok {
			out = Outcome{Refused, "does not hold: " + strings.Join(got, "; ")}
			r.b.t.Failed++
		}
		r.b.step(Step{Actor: x.Adversary, Action: fmt.Sprintf("%s of the calls under %s%s", strings.Join(claims, " and "), schemeName(x.Scheme), window(x)), Outcome: out})
	}
	return nil
}

// window describes an expectation's filter in words.
func window(x Expectation) string {
	s := ""
	if x.Involving != "" {
		s += " involving " + x.Involving
	}
	if x.Caller != "" {
		s += " placed by " + x.Caller
	}
	if x.Callee != "" {
		s += " placed to " + x.Callee
	}
	switch {
	case x.FromDay > 0 && x.ToDay > 0:
		s += fmt.Sprintf(" held from day %d to day %d", x.FromDay, x.ToDay)
	case x.FromDay > 0:
		s += fmt.Sprintf(" held from day %d on", x.FromDay)
	case x.ToDay > 0:
		s += fmt.Sprintf(" held before day %d", x.ToDay)
	}
	return s
}
