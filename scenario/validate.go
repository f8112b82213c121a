package scenario

import (
	"fmt"
	"slices"
	"strings"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/internal/ids"
)

// Defaults for a scenario file's traffic.
const (
	defaultMessages = 2
	defaultDays     = 90
)

// check fills in defaults and checks what needs the whole file: the cast,
// the names used, the events in time, and the predictions.
func (p *parser) check() {
	p.defaults()
	p.checkCast()
	p.checkNames()
	receivers := p.checkEvents()
	p.checkPredictions(receivers)
}

// defaults fills in the schemes and traffic the file leaves out.
func (p *parser) defaults() {
	s, t := p.spec, &p.spec.Traffic
	if len(s.Schemes) == 0 {
		s.Schemes = attack.SchemeIDs()
	}
	if t.Messages == 0 {
		t.Messages = defaultMessages
	}
	if t.Days == 0 {
		t.Days = defaultDays
	}
	if t.People == 0 {
		t.People = min(max(len(s.Cast), 2), attack.MaxPeople)
	}
}

// checkCast checks that the cast names 2 to attack.MaxPeople people, each
// once, and that traffic.people counts them all. A missing cast is
// reported where the keys are read.
func (p *parser) checkCast() {
	s := p.spec
	if p.castAt == nil {
		return
	}
	seen := map[string]bool{}
	for _, name := range s.Cast {
		if seen[name] {
			p.errorf(p.castAt, "cast: %q appears twice; names must be unique", name)
		}
		seen[name] = true
	}
	if n := len(s.Cast); n < 2 || n > attack.MaxPeople {
		p.errorf(p.castAt, "cast: name 2 to %d people, found %d", attack.MaxPeople, n)
	} else if s.Traffic.People < n {
		p.errorf(p.castAt, "traffic.people is %d but the cast names %d people; people counts everyone, the cast included", s.Traffic.People, n)
	}
}

// checkNames checks that every person named in an event or a prediction
// filter is in the cast.
func (p *parser) checkNames() {
	s := p.spec
	for _, r := range p.people {
		if !slices.Contains(s.Cast, r.name) {
			p.errorf(r.at, "%s: %q is not in the cast (%s)", r.what, r.name, strings.Join(s.Cast, ", "))
		}
	}
}

// checkEvents checks that events come in day order, within the timeline,
// and that a session-key leak can find a session; it returns the
// adversaries the events give something to.
func (p *parser) checkEvents() (receivers map[string]bool) {
	s := p.spec
	receivers = map[string]bool{}
	last, called := 0, false
	for _, e := range s.Events {
		if e.Adversary != "" {
			receivers[e.Adversary] = true
		}
		if e.Day < 0 { // no day: reported already
			continue
		}
		if e.Day > s.Traffic.Days {
			p.errorAt(e.Line, e.Col, "this %s is on day %d, after the last day (traffic.days is %d%s)", e.Kind, e.Day, s.Traffic.Days, defaulted(p.daysAt == nil))
		}
		if e.Day < last {
			p.errorAt(e.Line, e.Col, "events out of order: this %s is on day %d, after an event on day %d; list events by day", e.Kind, e.Day, last)
		}
		if e.Kind == LeakEvent && e.Leak == attack.SessionKeyLeak && !called && (e.Day == 0 || s.Traffic.Sessions == 0) {
			p.errorAt(e.Line, e.Col, "leak session-key takes the keys of the latest session, but no session can have been held by then: put a call before it%s", sessionsHint(s.Traffic.Sessions))
		}
		called = called || e.Kind == CallEvent
		last = max(last, e.Day)
	}
	return receivers
}

func defaulted(yes bool) string {
	if yes {
		return " by default"
	}
	return ""
}

func sessionsHint(sessions int) string {
	if sessions == 0 {
		return " (there are no background calls: traffic.sessions is 0)"
	}
	return " (background calls come after day 0's events)"
}

// checkPredictions checks that each prediction is about an adversary some
// event gives something to, about a scheme the file shows, and within the
// timeline.
func (p *parser) checkPredictions(receivers map[string]bool) {
	s := p.spec
	for _, r := range p.adversaryRefs {
		switch {
		case receivers[r.name]:
		case r.named:
			p.errorf(r.at, "expect.by: no event gives anything to %q; %s", r.name, adversaryHint(receivers))
		default:
			p.errorf(r.at, "expectation: without \"by\" it is about %q, but no event gives %q anything; %s", r.name, r.name, byHint(receivers))
		}
	}
	for _, r := range p.schemeRefs {
		if p.schemesAt != nil && !slices.Contains(s.Schemes, r.scheme) {
			p.errorf(r.at, "expect.scheme: %s is not among the schemes this file lists (%s)", r.scheme, ids.Join(s.Schemes))
		}
	}
	for _, x := range s.Expect {
		if x.ToDay > s.Traffic.Days || x.FromDay > s.Traffic.Days {
			p.errorAt(x.Line, x.Col, "expectation: its days lie beyond the last day (traffic.days is %d%s)", s.Traffic.Days, defaulted(p.daysAt == nil))
		}
	}
}

// adversaryHint lists the adversaries in the file.
func adversaryHint(receivers map[string]bool) string {
	if len(receivers) == 0 {
		return "no event in this file leaks, warrants or seizes anything"
	}
	return "adversaries in this file: " + strings.Join(sortedKeys(receivers), ", ")
}

// byHint suggests naming an adversary of the file with by, or an event
// that gives the default intruder the wiretap archive alone.
func byHint(receivers map[string]bool) string {
	const bare = "an event leak: none gives the intruder the wiretap archive alone"
	if len(receivers) == 0 {
		return "no event in this file leaks, warrants or seizes anything; " + bare
	}
	return fmt.Sprintf("add by: with one of %s, or %s", strings.Join(sortedKeys(receivers), ", "), bare)
}

func sortedKeys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
