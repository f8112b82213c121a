package scenario

import (
	"strconv"
	"time"

	"github.com/escrowlab/escrowlab/attack"
)

// Spec is a scenario written as data: the cast, the schemes, the background
// traffic, a timeline of events, and predictions to check. Scenario files
// (docs/scenario-format.md) parse into a Spec, and most built-in scenarios
// are Specs too; RunSpec runs one.
type Spec struct {
	ID         string
	Title      string
	Summary    string
	References []int
	Start      time.Time         // day 0, a date in the scenario's own era; zero means 1 March 1994
	Cast       []string          // named people, in order
	Schemes    []attack.SchemeID // the schemes shown and measured
	Traffic    Traffic
	Events     []Event // in time order
	Expect     []Expectation
}

// Traffic is the background calls that fill the archive.
type Traffic struct {
	People   int     // everyone in the world, the cast first; at least len(Cast)
	Sessions int     // background sessions, spread at random over the timeline
	Messages int     // messages per background session
	Days     int     // length of the timeline
	Seed     *uint64 // the author's seed, if any; --seed overrides it
}

// EventKind names what happens in an event.
type EventKind string

// The kinds of event a scenario may contain.
const (
	CallEvent    EventKind = "call"    // two people talk
	WarrantEvent EventKind = "warrant" // a court orders one chip's unit key released
	LeakEvent    EventKind = "leak"    // key material reaches an adversary
	SeizeEvent   EventKind = "seize"   // a phone is seized
	ForgeEvent   EventKind = "forge"   // someone forges a LEAF (Blaze 1994)
	NarrateEvent EventKind = "narrate" // the narrator speaks
)

// Event is one thing that happens on a given day. Which fields matter
// depends on Kind.
type Event struct {
	Day  int
	Kind EventKind
	Line int // where the event stands in its file, for messages; 0 for built-ins
	Col  int

	From, To  string        // call: caller and callee
	Say       []string      // call: the lines, alternating from the caller
	Person    string        // warrant, seize, forge, and leaks that concern one person
	Days      int           // warrant: how long it runs
	Leak      attack.LeakID // leak: what leaks
	Adversary string        // warrant, leak, seize: who receives the material
	Bits      int           // forge: the checksum width
	Text      string        // narrate
}

// Expectation is a prediction about what one adversary can read at the end
// of the run, checked against the measurement.
type Expectation struct {
	Adversary string          // who (default "intruder")
	Scheme    attack.SchemeID // under which scheme
	Opens     *Amount         // how many sessions it opens, if predicted
	Metadata  *Amount         // how many sessions' endpoints it identifies, if predicted
	Involving string          // only sessions with this person, if set
	Caller    string          // only sessions this person placed, if set
	Callee    string          // only sessions placed to this person, if set
	FromDay   int             // only sessions held on or after this day
	ToDay     int             // only sessions held before this day; 0 means the end
	Line, Col int             // where the prediction stands in its file
}

// Amount is a predicted count: all, none, some, an exact number, or a
// percentage.
type Amount struct {
	Kind  AmountKind
	Value int // the number, or the percentage
}

// AmountKind says how an Amount is meant.
type AmountKind int

// Amount kinds.
const (
	All AmountKind = iota
	None
	Some
	Exactly
	Percent
)

// Holds reports whether n of total satisfies the amount.
func (a Amount) Holds(n, total int) bool {
	switch a.Kind {
	case All:
		return n == total
	case None:
		return n == 0
	case Some:
		return n > 0 && n < total
	case Exactly:
		return n == a.Value
	case Percent:
		return total > 0 && percent(n, total) == a.Value
	}
	return false
}

// String writes the amount as a scenario file would.
func (a Amount) String() string {
	switch a.Kind {
	case All:
		return "all"
	case None:
		return "none"
	case Some:
		return "some"
	case Percent:
		return strconv.Itoa(a.Value) + "%"
	}
	return strconv.Itoa(a.Value)
}
