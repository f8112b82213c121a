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
// the names used, the order of events, and the adversaries predicted about.
func (p *parser) check() {
	s := p.spec
	t := &s.Traffic
	if len(s.Schemes) == 0 {
		s.Schemes = attack.SchemeIDs()
	}
	if t.Messages == 0 {
		t.Messages = defaultMessages
	}
	if t.Days == 0 {
		t.Days = defaultDays
	}
	seen := map[string]bool{}
	for _, name := range s.Cast {
		if seen[name] {
			p.errorf(p.castAt, "cast: %q appears twice; names must be unique", name)
		}
		seen[name] = true
	}
	if len(s.Cast) == 0 {
		p.errorf(p.castAt, "cast: name at least one person")
	}
	if t.People == 0 {
		t.People = max(len(s.Cast), 2)
	}
	if t.People < len(s.Cast) {
		p.errorf(p.castAt, "traffic.people is %d but the cast names %d people; people counts everyone, the cast included", t.People, len(s.Cast))
	}
	for _, r := range p.people {
		if !seen[r.name] {
			p.errorf(r.at, "%s: %q is not in the cast (%s)", r.what, r.name, strings.Join(s.Cast, ", "))
		}
	}
	receivers := map[string]bool{}
	last := 0
	for _, e := range s.Events {
		if e.Day > t.Days {
			p.errorf(p.daysAt, "event on line %d happens on day %d, after the last day (traffic.days is %d)", e.Line, e.Day, t.Days)
		}
		if e.Adversary != "" {
			receivers[e.Adversary] = true
		}
		if e.Day < 0 {
			continue
		}
		if e.Day < last {
			p.errorAt(e.Line, e.Col, "events out of order: this %s is on day %d, after an event on day %d; list events by day", e.Kind, e.Day, last)
		}
		last = max(last, e.Day)
	}
	for _, r := range p.adversaryRefs {
		if !receivers[r.name] {
			p.errorf(r.at, "%s: no event gives anything to %q; %s", r.what, r.name, adversaryHint(receivers))
		}
	}
	for _, r := range p.schemeRefs {
		if p.schemesAt != nil && !slices.Contains(s.Schemes, r.scheme) {
			p.errorf(r.at, "expect.scheme: %s is not among the schemes this file lists (%s)", r.scheme, ids.Join(s.Schemes))
		}
	}
	for _, x := range s.Expect {
		if x.ToDay > t.Days || x.FromDay > t.Days {
			p.errorAt(x.Line, x.Col, "expectation: its days lie beyond the last day (traffic.days is %d)", t.Days)
		}
	}
}

func adversaryHint(receivers map[string]bool) string {
	if len(receivers) == 0 {
		return "no event in this file leaks, warrants or seizes anything"
	}
	var names []string
	for n := range receivers {
		names = append(names, n)
	}
	slices.Sort(names)
	return fmt.Sprintf("adversaries in this file: %s", strings.Join(names, ", "))
}
