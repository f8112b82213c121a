package scenario

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/escrow"
)

// specStart is day 0 of every scenario's timeline.
var specStart = time.Date(1994, time.March, 1, 9, 0, 0, 0, time.UTC)

// adversary is someone who collects key material over the story.
type adversary struct {
	name  string
	leak  attack.Leak
	first time.Time // when it first received anything
}

// specRun is the state of one run of a Spec.
type specRun struct {
	spec  *Spec
	seed  uint64
	b     *builder
	w     *attack.World
	rng   *rand.Rand
	advs  []*adversary
	warns int // warrants issued so far, for case numbers
}

// RunSpec runs a scenario written as data with opts.Seed and returns its
// transcript. Predictions that fail are reported in the transcript, and
// counted in Transcript.Failed; they are not errors.
func RunSpec(spec *Spec, opts Options) (*Transcript, error) {
	r := &specRun{spec: spec, seed: opts.Seed, b: newBuilder(spec.ID, spec.Title, opts.Seed)}
	names := slices.Clone(spec.Cast)
	for _, n := range attack.Names(spec.Traffic.People + len(spec.Cast)) {
		if len(names) < spec.Traffic.People && !slices.Contains(spec.Cast, n) {
			names = append(names, n)
		}
	}
	src := newSource(opts.Seed)
	w, err := attack.NewWorld(src, attack.Config{People: names, Start: specStart})
	if err != nil {
		return nil, fmt.Errorf("scenario %s: %w", spec.ID, err)
	}
	r.w, r.rng = w, rand.New(src)
	r.intro()
	if err := r.timeline(); err != nil {
		return nil, fmt.Errorf("scenario %s: %w", spec.ID, err)
	}
	if err := r.readings(); err != nil {
		return nil, fmt.Errorf("scenario %s: %w", spec.ID, err)
	}
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
	r.b.intro(fmt.Sprintf("%d people over %d days, with %d background calls of %d messages each; shown here under %s. Every count below is measured in this run; the seed is %d.", t.People, t.Days, t.Sessions, t.Messages, attack.IDs(s.Schemes), r.seed))
	r.b.intro("A teaching model, not a product: escrowlab's LEAF is its own design, since the real one was classified (docs/how-it-works.md).")
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
		items = append(items, item{at: day(s.Events[i].Day), event: &s.Events[i]})
	}
	for range s.Traffic.Sessions {
		items = append(items, item{at: specStart.Add(time.Duration(r.rng.Int64N(int64(s.Traffic.Days) * int64(24*time.Hour))))})
	}
	// Stable: events keep file order on one day, and come before
	// background calls at the same instant.
	slices.SortStableFunc(items, func(a, b item) int { return a.at.Compare(b.at) })
	r.b.act("What happens", fmt.Sprintf("Day 0 is %s. Background calls fill the days between the events.", specStart.Format(dateFormat)))
	for _, it := range items {
		r.w.Advance(it.at.Sub(r.w.Now()))
		if it.event == nil {
			if _, err := r.w.RandomCall(r.rng, s.Traffic.Messages); err != nil {
				return err
			}
			continue
		}
		if err := r.play(*it.event); err != nil {
			return fmt.Errorf("event on day %d: %w", it.event.Day, err)
		}
	}
	return nil
}

// day returns the time of day d's events.
func day(d int) time.Time { return specStart.AddDate(0, 0, d) }

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

// give hands leaked material to the adversary called name.
func (r *specRun) give(name string, l attack.Leak) {
	a := r.adversary(name)
	a.leak = a.leak.Merge(l)
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
		c, _, _, err := w.Call(w.Person(e.From), w.Person(e.To), msgs)
		if err != nil {
			return err
		}
		r.b.step(Step{Actor: e.From, Action: fmt.Sprintf("calls %s (%s, session %d)", e.To, when, c.Session), Values: vals,
			Outcome: Outcome{Done, "each receiver read exactly what was said; the wiretap recorded the call under every scheme"}})
	case WarrantEvent:
		return r.warrant(e)
	case LeakEvent, SeizeEvent:
		id, what := e.Leak, "receives "+leakWords(e.Leak, e.Person)
		if e.Kind == SeizeEvent {
			id, what = attack.DeviceSeizure, "takes "+e.Person+"'s phone and every long-term key in it"
		}
		if id == attack.SessionKeyLeak && len(w.Sent()) == 0 {
			r.adversary(e.Adversary)
			r.b.step(Step{Actor: e.Adversary, Action: fmt.Sprintf("would receive one session's keys (%s), but no session has been held yet", when)})
			return nil
		}
		l, err := w.LeakOf(id, attack.Target{Person: w.Person(e.Person), Session: r.latestSession()})
		if err != nil {
			return err
		}
		r.give(e.Adversary, l)
		r.b.step(Step{Actor: e.Adversary, Action: fmt.Sprintf("%s (%s)", what, when),
			Values: []Value{text("leak id", string(id))}, Outcome: Outcome{Exposed, "measured below, over the whole archive"}})
	case ForgeEvent:
		f, err := attack.NewForger(attack.ForgeConfig{Bits: e.Bits, Seed: r.seed + uint64(e.Line) + 1})
		if err != nil {
			return err
		}
		res, err := f.Run(context.Background())
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

// warrant runs the 1994 procedure: both agents release their components
// for a valid warrant, and the holder rebuilds the unit key.
func (r *specRun) warrant(e Event) error {
	w := r.w
	p := w.Person(e.Person)
	r.warns++
	wt := escrow.Warrant{UnitID: p.Chip.UnitID(), Court: "U.S. District Court (illustrative)", CaseNumber: fmt.Sprintf("94-MJ-%04d", r.warns),
		Issued: w.Now(), Expires: w.Now().AddDate(0, 0, e.Days)}
	var halves [2]escrow.KeyComponent
	for i, a := range w.Agents {
		c, err := a.Release(wt, w.Now())
		if err != nil {
			return err
		}
		halves[i] = c
	}
	kf := w.Family.Key()
	r.give(e.Adversary, attack.Leak{FamilyKey: &kf, UnitKeys: map[escrow.UnitID]escrow.UnitKey{wt.UnitID: escrow.CombineComponents(halves[0], halves[1])}})
	r.b.step(Step{
		Actor: e.Adversary, Action: fmt.Sprintf("with a %d-day warrant for %s's chip: both escrow agents release their halves (Day %d)", e.Days, e.Person, e.Day),
		Values:  []Value{text("unit ID", wt.UnitID.String()), text("valid", wt.Issued.Format(dateFormat)+" to "+wt.Expires.Format(dateFormat))},
		Outcome: Outcome{Done, "released and logged; the rebuilt unit key has no expiry date"},
		Cites:   cites(refDenningSmid),
	})
	return nil
}

// readings measures what each adversary can read of the whole archive.
func (r *specRun) readings() error {
	if len(r.advs) == 0 {
		return nil
	}
	r.b.act("What each adversary reads", "Measured at the end, over every session recorded, before and after the adversary got its keys.")
	for _, a := range r.advs {
		t := &Table{Header: []string{"Scheme", "Sessions", "Opened", "Before", "After", "Who called whom"}}
		opened, before, after, total := 0, 0, 0, 0
		for _, s := range r.spec.Schemes {
			e, err := r.measure(a, s, nil)
			if err != nil {
				return err
			}
			opened, before, after, total = opened+e.Opened, before+e.OpenedBefore, after+e.OpenedAfter, total+e.Total
			t.Rows = append(t.Rows, []string{string(s), fmt.Sprint(e.Total), fmt.Sprint(e.Opened), fmt.Sprint(e.OpenedBefore), fmt.Sprint(e.OpenedAfter), fmt.Sprint(e.Metadata)})
		}
		if opened > 0 && len(r.w.Sent()) > 0 {
			var exps []attack.Exposure
			var names []string
			for _, s := range r.spec.Schemes {
				if e, err := r.measure(a, s, nil); err == nil && e.Opened > 0 {
					exps, names = append(exps, e), append(names, string(s))
				}
			}
			ch := openedOverTime("What "+a.name+" opened, by day", r.w.Sent(), specStart, a.first, exps, names)
			ch.Marks[0].Label = a.name + " gets keys"
			r.b.t.Charts = append(r.b.t.Charts, ch)
		}
		out := Outcome{Sealed, "opened nothing"}
		if opened > 0 {
			out = Outcome{Exposed, fmt.Sprintf("opened %d sessions in all, each checked against what was said", opened)}
		}
		r.b.step(Step{Actor: a.name, Action: fmt.Sprintf("tries every recorded session with what it holds (first keys on %s)", a.first.Format(dateFormat)), Table: t, Outcome: out,
			Quiz: spreadQuestion("Of all the sessions recorded under "+attack.IDs(r.spec.Schemes)+", which can "+a.name+" open?", opened, before, after, total)})
	}
	return nil
}

// measure runs adversary a over one scheme's archive, only over the
// sessions keep accepts if keep is not nil.
func (r *specRun) measure(a *adversary, s attack.Scheme, keep func(attack.Conversation) bool) (attack.Exposure, error) {
	att, err := attack.NewAttacker(a.leak, r.w.Family.ChecksumBits())
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
			return !c.At.Before(day(x.FromDay)) && (x.ToDay == 0 || c.At.Before(day(x.ToDay)))
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
		r.b.step(Step{Actor: x.Adversary, Action: fmt.Sprintf("%s of the %s sessions%s", strings.Join(claims, " and "), x.Scheme, window(x)), Outcome: out})
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
