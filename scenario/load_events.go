package scenario

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/escrow"
	"github.com/escrowlab/escrowlab/internal/ids"
)

// eventKinds are the keys naming what an event does.
var eventKinds = []string{"call", "warrant", "leak", "seize", "forge", "narrate"}

// Default adversaries: who receives a leak, and who holds warrants and
// seized phones.
const (
	defaultIntruder = "intruder"
	defaultPolice   = "police"
)

func (p *parser) event(n *yaml.Node) {
	e := Event{Line: n.Line, Col: n.Column}
	var body *yaml.Node
	reported := len(p.errs)
	ok := p.fields(n, "event", append([]string{"day"}, eventKinds...), func(key string, v *yaml.Node) {
		if key == "day" {
			e.Day = p.number(v, "day", 0, 3650)
			return
		}
		if body != nil {
			p.errorf(v, "event: %q and %q in one event; write one event for each", string(e.Kind), key)
			return
		}
		e.Kind, body = EventKind(key), v
	})
	if !ok {
		return
	}
	if !hasKey(n, "day") {
		p.errorf(n, "event: missing \"day\": say on which day it happens, such as day: 10")
		e.Day = -1 // reported; kept out of the order check
	}
	if body == nil {
		if len(p.errs) == reported { // an unknown key already said what is wrong
			p.errorf(n, "event: say what happens with one of %s", strings.Join(eventKinds, ", "))
		}
		return
	}
	switch e.Kind {
	case CallEvent:
		p.call(body, &e)
	case WarrantEvent:
		p.warrant(body, &e)
	case LeakEvent:
		p.leak(body, &e)
	case SeizeEvent:
		p.seize(body, &e)
	case ForgeEvent:
		p.forge(body, &e)
	case NarrateEvent:
		e.Text = p.text(body, "narrate")
	}
	p.spec.Events = append(p.spec.Events, e)
}

// call reads "call: {from: NAME, to: NAME, say: [LINES]}".
func (p *parser) call(n *yaml.Node, e *Event) {
	p.fields(n, "call", []string{"from", "to", "say"}, func(key string, v *yaml.Node) {
		switch key {
		case "from":
			e.From = p.person(v, "call.from")
		case "to":
			e.To = p.person(v, "call.to")
		case "say":
			if e.Say = p.texts(v, "call.say"); v.Kind == yaml.SequenceNode && len(e.Say) == 0 {
				p.errorf(v, "call.say: an empty list; write what is said, such as say: [\"Meet at six.\", \"Fine.\"]")
			}
		}
	})
	p.require(n, "call", "from", "to", "say")
	if e.From != "" && e.From == e.To {
		p.errorf(n, "call: %s cannot call themselves", e.From)
	}
}

// warrant reads "warrant: {for: NAME, days: N, by: WHO}".
func (p *parser) warrant(n *yaml.Node, e *Event) {
	e.Days, e.Adversary = 30, defaultPolice
	p.fields(n, "warrant", []string{"for", "days", "by"}, func(key string, v *yaml.Node) {
		switch key {
		case "for":
			e.Person = p.person(v, "warrant.for")
		case "days":
			e.Days = p.number(v, "warrant.days", 1, 3650)
		case "by":
			e.Adversary = p.text(v, "warrant.by")
		}
	})
	p.require(n, "warrant", "for")
}

// seize reads "seize: {person: NAME, by: WHO}".
func (p *parser) seize(n *yaml.Node, e *Event) {
	e.Adversary = defaultPolice
	p.fields(n, "seize", []string{"person", "by"}, func(key string, v *yaml.Node) {
		switch key {
		case "person":
			e.Person = p.person(v, "seize.person")
		case "by":
			e.Adversary = p.text(v, "seize.by")
		}
	})
	p.require(n, "seize", "person")
}

// forge reads "forge: {by: NAME, bits: N}".
func (p *parser) forge(n *yaml.Node, e *Event) {
	e.Bits = escrow.DefaultChecksumBits
	p.fields(n, "forge", []string{"by", "bits"}, func(key string, v *yaml.Node) {
		switch key {
		case "by":
			e.Person = p.text(v, "forge.by")
		case "bits":
			e.Bits = p.number(v, "forge.bits", escrow.MinChecksumBits, 24)
		}
	})
	p.require(n, "forge", "by")
}

// leak reads "leak: ID" or "leak: {what: ID, person: NAME, to: WHO}".
func (p *parser) leak(n *yaml.Node, e *Event) {
	e.Adversary = defaultIntruder
	what := n
	if n.Kind == yaml.MappingNode {
		what = nil
		p.fields(n, "leak", []string{"what", "person", "to"}, func(key string, v *yaml.Node) {
			switch key {
			case "what":
				what = v
			case "person":
				e.Person = p.person(v, "leak.person")
			case "to":
				e.Adversary = p.text(v, "leak.to")
			}
		})
		if what == nil {
			p.errorf(n, "leak: missing \"what\": one of %s", leakIDs())
			return
		}
	}
	info, err := attack.LookupLeak(what.Value)
	if what.Kind != yaml.ScalarNode || err != nil {
		p.errorf(what, "leak: unknown leak %s; want one of %s", found(what), leakIDs())
		return
	}
	e.Leak = info.ID
	if info.Needs == attack.NeedsPerson && e.Person == "" {
		p.errorf(what, "leak %s concerns one person: write leak: {what: %s, person: NAME}", info.ID, info.ID)
	}
}

func leakIDs() string { return ids.Join(attack.LeakIDs()) }

// person reads a name that must be in the cast; the check itself happens
// once the whole file is read, since the cast may come later.
func (p *parser) person(n *yaml.Node, what string) string {
	name := p.text(n, what)
	if name != "" {
		p.people = append(p.people, personRef{name, n, what})
	}
	return name
}

// personRef is a use of a person's name, checked against the cast.
type personRef struct {
	name string
	at   *yaml.Node
	what string
}

// require reports required keys missing from a mapping.
func (p *parser) require(n *yaml.Node, what string, keys ...string) {
	if n.Kind != yaml.MappingNode {
		return
	}
	for _, k := range keys {
		if !hasKey(n, k) {
			p.errorf(n, "%s: missing %q", what, k)
		}
	}
}

func (p *parser) expectation(n *yaml.Node) {
	x := Expectation{Adversary: defaultIntruder, Line: n.Line, Col: n.Column}
	byAt, schemeAt := n, n
	ok := p.fields(n, "expectation", []string{"by", "scheme", "opens", "metadata", "involving", "caller", "callee", "from", "to"}, func(key string, v *yaml.Node) {
		switch key {
		case "by":
			x.Adversary, byAt = p.text(v, "expect.by"), v
		case "scheme":
			schemeAt = v
			id, err := attack.ParseScheme(v.Value)
			if v.Kind != yaml.ScalarNode || err != nil {
				p.errorf(v, "expect.scheme: unknown scheme %s; want one of %s", found(v), ids.Join(attack.SchemeIDs()))
			}
			x.Scheme = id
		case "opens":
			x.Opens = p.amount(v, "expect.opens")
		case "metadata":
			x.Metadata = p.amount(v, "expect.metadata")
		case "involving":
			x.Involving = p.person(v, "expect.involving")
		case "caller":
			x.Caller = p.person(v, "expect.caller")
		case "callee":
			x.Callee = p.person(v, "expect.callee")
		case "from":
			x.FromDay = p.number(v, "expect.from", 0, 3650)
		case "to":
			x.ToDay = p.number(v, "expect.to", 1, 3650)
		}
	})
	if !ok {
		return
	}
	p.require(n, "expectation", "scheme")
	if x.Adversary != "" {
		p.adversaryRefs = append(p.adversaryRefs, adversaryRef{x.Adversary, byAt, byAt != n})
	}
	if x.Scheme != "" {
		p.schemeRefs = append(p.schemeRefs, schemeRef{x.Scheme, schemeAt})
	}
	if !hasKey(n, "opens") && !hasKey(n, "metadata") {
		p.errorf(n, "expectation: predict something: opens, metadata, or both")
	}
	if x.ToDay != 0 && x.ToDay <= x.FromDay {
		p.errorf(n, "expectation: to (day %d) must come after from (day %d)", x.ToDay, x.FromDay)
	}
	p.spec.Expect = append(p.spec.Expect, x)
}

// amount reads all, none, some, a whole number, or a percentage "N%".
func (p *parser) amount(n *yaml.Node, what string) *Amount {
	const want = "all, none, some, a whole number, or a percentage such as 50%"
	if n.Kind != yaml.ScalarNode {
		p.errorf(n, "%s: want %s, found %s", what, want, found(n))
		return nil
	}
	switch v := n.Value; {
	case v == "all":
		return &Amount{Kind: All}
	case v == "none":
		return &Amount{Kind: None}
	case v == "some":
		return &Amount{Kind: Some}
	case strings.HasSuffix(v, "%"):
		if pc, err := strconv.Atoi(strings.TrimSuffix(v, "%")); err == nil && pc >= 0 && pc <= 100 {
			return &Amount{Kind: Percent, Value: pc}
		}
	default:
		if k, err := strconv.Atoi(v); err == nil && k >= 0 {
			return &Amount{Kind: Exactly, Value: k}
		}
	}
	p.errorf(n, "%s: want %s, found %s", what, want, found(n))
	return nil
}
