package scenario

import (
	"fmt"
	"slices"

	"github.com/escrowlab/escrowlab/attack"
)

// servedWarrant is a warrant served in a scenario, and what it gave the
// agency under each scheme.
type servedWarrant struct {
	attack.Warrant
	held attack.Holdings
}

// warrant has a court authorise the interception of one person's
// communications for e.Days days, and serves the order under every scheme
// with a lawful-access path, each in its own way.
func (r *specRun) warrant(e Event) error {
	w := r.w
	docket := fmt.Sprintf("%02d-MJ-%04d", w.Now().Year()%100, len(r.warrants)+1)
	wt := attack.NewWarrant(w.Person(e.Person), e.Adversary, "court (illustrative)", docket, w.Now(), e.Days)
	held, served, err := w.Serve(wt)
	if err != nil {
		return err
	}
	r.give(e.Adversary, held)
	r.warrants = append(r.warrants, servedWarrant{wt, held})
	vals := []Value{text("in force", fmt.Sprintf("%s to %s, %d days, docket %s", wt.Begins.Format(dateFormat), wt.LastDay().Format(dateFormat), e.Days, docket))}
	for _, s := range served {
		if slices.Contains(r.spec.Schemes, s.Scheme) {
			vals = append(vals, text(capitalized(schemeName(s.Scheme)), s.How))
		}
	}
	for _, id := range r.spec.Schemes {
		if !slices.ContainsFunc(served, func(s attack.Service) bool { return s.Scheme == id }) {
			vals = append(vals, text(capitalized(schemeName(id)), "no lawful-access path: the order yields nothing"))
		}
	}
	r.b.step(Step{
		Actor: e.Adversary, Action: fmt.Sprintf("obtains a %d-day court order to intercept %s's communications (Day %d), and serves it under every scheme", e.Days, e.Person, e.Day),
		Values:  vals,
		Outcome: Outcome{Done, "served; what each scheme hands over is measured below, inside and outside the order's dates"},
	})
	return nil
}

// warrantTables compares, for each warrant, what it opened under each
// scheme: the target's sessions while it was in force, the target's
// sessions outside its dates, and everyone else's.
func (r *specRun) warrantTables() error {
	for _, wt := range r.warrants {
		a, err := attack.NewAttacker(r.w, wt.held)
		if err != nil {
			return err
		}
		t := &Table{
			Caption: fmt.Sprintf("What docket %s, for %s from %s to %s, opened", wt.Docket, wt.Target.Name, wt.Begins.Format(dateFormat), wt.LastDay().Format(dateFormat)),
			Header:  []string{"Scheme", wt.Target.Name + "'s, in force", wt.Target.Name + "'s, outside", "Everyone else's"},
		}
		for _, s := range r.spec.Schemes {
			t.Rows = append(t.Rows, append([]Cell{Text(capitalized(schemeName(s)))}, warrantRow(a, r.w, s, wt.Warrant)...))
		}
		r.b.step(Step{Actor: wt.Agency, Action: "tries every recorded call with what the order gave it", Table: t,
			Note: "Key escrow hands over a key that ignores the order's dates; a tap or a hidden device ends when the provider ends it; forward secrecy gives a warrant nothing to decrypt."})
	}
	return nil
}

// warrantRow measures what a opened under scheme s, inside and outside
// warrant w's dates and for everyone else.
func warrantRow(a *attack.Attacker, w *attack.World, s attack.SchemeID, wt attack.Warrant) []Cell {
	e := attack.Measure(a, w.Tap.Captures(s), w.Sent(), wt.Begins)
	opened := map[int]bool{}
	for _, rec := range e.Recovered {
		opened[rec.Conversation.Session] = true
	}
	var n, total [3]int
	for _, c := range w.Sent() {
		k := 2
		if c.Involves(wt.Target) {
			k = 1
			if wt.Covers(c.At) {
				k = 0
			}
		}
		total[k]++
		if opened[c.Session] {
			n[k]++
		}
	}
	return []Cell{Ratio(n[0], total[0]), Ratio(n[1], total[1]), Ratio(n[2], total[2])}
}
