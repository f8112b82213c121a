package attack

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/escrowlab/escrowlab/internal/ids"
)

// SchemeID names a scheme. Ids are stable: they appear in output, in JSON
// and in scenario files.
type SchemeID string

// SchemeInfo describes a scheme to the registry: how to show it and how to
// deploy it in a world.
type SchemeInfo struct {
	ID          SchemeID
	Title       string // a short name for readers that reads well mid-sentence: "Clipper (key escrow)", "end-to-end with forward secrecy"
	Description string // one line in plain words, used in legends
	// Caveat says, in one clause, where the model departs from the real
	// system, for narration to state wherever the scheme appears; empty if
	// it does not.
	Caveat string
	// Keys are the keys and secrets the scheme uses, in plain words, for
	// a reader's key chart.
	Keys  []KeyInfo
	Order int // where it stands in tables: lower first
	// New deploys the scheme in a world: its infrastructure (a family key,
	// escrow agents, an operator...), before anyone is enrolled.
	New func(env Env) (Scheme, error)
	// Restore rebuilds the scheme from the directory its Codec wrote into
	// an archive, naming owners from people: a Reading that holds no
	// secret, for decrypting an archive with key files alone.
	Restore func(directory []byte, people []*Person) (Reading, error)
	// Lesson, if set, reads a measured matrix for this scheme: a short
	// paragraph in plain words drawn from its cells, or "" if the cells
	// it needs were not measured. Handouts print it under the matrix.
	Lesson func(m *Matrix) string
}

// KeyInfo describes one key or secret for a reader: who holds it, what
// it opens, and an everyday comparison.
type KeyInfo struct {
	Name   string // "family key KF"
	Holder string // who holds it
	Opens  string // what it opens
	Like   string // an everyday comparison
}

// LeakID names a kind of leak. Ids are stable: they appear in output, in
// JSON and in scenario files.
type LeakID string

// Needs says what a leak concerns besides the systems themselves.
type Needs int

// What a leak may need to be named.
const (
	NeedsNothing Needs = iota // the leak concerns whole systems
	NeedsPerson               // one person's keys or devices ({person} in Words)
	NeedsSession              // one session's keys ({session} in Words)
)

// LeakInfo declares a kind of leak. Each scheme says, in its Lose method,
// what it hands an adversary when this leak happens.
type LeakInfo struct {
	ID LeakID
	// Words says what the adversary receives, as a short phrase for prose
	// and legends: "every escrow database and the family key". In it,
	// {person} stands for the target person's name and {session} for the
	// target session's number.
	Words string
	Needs Needs
	// Like names a leak whose rules apply to schemes that have none for
	// this one: a quorum of escrow databases is, for a scheme with only
	// two agents, every database.
	Like LeakID
	// Access marks a capability rather than key material: from the moment
	// of the leak the holder reads what passes, and nothing recorded
	// earlier.
	Access bool
	Order  int // where it stands in tables: lower first
}

// Describe says what the leak hands the adversary for target t.
func (l LeakInfo) Describe(t Target) string {
	s := l.Words
	if t.Person != nil {
		s = strings.ReplaceAll(s, "{person}", t.Person.Name)
	}
	return strings.ReplaceAll(s, "{session}", fmt.Sprint(t.Session))
}

var registry struct {
	sync.Mutex
	schemes []SchemeInfo
	leaks   []LeakInfo
}

// RegisterScheme makes a scheme available to every world, the matrix,
// scenario files and the command line. Schemes register themselves from
// an init function in their own file. It panics if the id is empty or
// taken, or a required field is missing, as database/sql.Register does.
// Readers tell schemes apart by their titles, so a title already taken
// gets the id added, "threshold escrow (mine)": a copied scheme works
// before it is given a title of its own.
func RegisterScheme(s SchemeInfo) {
	registry.Lock()
	defer registry.Unlock()
	if s.ID == "" || s.New == nil || s.Restore == nil || s.Title == "" || s.Description == "" {
		panic(fmt.Sprintf("attack: RegisterScheme %q: id, title, description, New and Restore are required", s.ID))
	}
	if slices.ContainsFunc(registry.schemes, func(o SchemeInfo) bool { return o.ID == s.ID }) {
		panic(fmt.Sprintf("attack: RegisterScheme called twice for %q", s.ID))
	}
	if slices.ContainsFunc(registry.schemes, func(o SchemeInfo) bool { return o.Title == s.Title }) {
		s.Title = fmt.Sprintf("%s (%s)", s.Title, s.ID)
	}
	registry.schemes = append(registry.schemes, s)
	slices.SortStableFunc(registry.schemes, func(a, b SchemeInfo) int {
		return cmp.Or(cmp.Compare(a.Order, b.Order), cmp.Compare(a.ID, b.ID))
	})
}

// RegisterLeak declares a kind of leak, next to the schemes it affects. It
// panics if the id is empty or taken, or the words are missing.
func RegisterLeak(l LeakInfo) {
	registry.Lock()
	defer registry.Unlock()
	if l.ID == "" || l.Words == "" {
		panic(fmt.Sprintf("attack: RegisterLeak %q: id and words are required", l.ID))
	}
	if slices.ContainsFunc(registry.leaks, func(o LeakInfo) bool { return o.ID == l.ID }) {
		panic(fmt.Sprintf("attack: RegisterLeak called twice for %q", l.ID))
	}
	registry.leaks = append(registry.leaks, l)
	slices.SortStableFunc(registry.leaks, func(a, b LeakInfo) int {
		return cmp.Or(cmp.Compare(a.Order, b.Order), cmp.Compare(a.ID, b.ID))
	})
}

// Schemes returns every registered scheme, in display order.
func Schemes() []SchemeInfo {
	registry.Lock()
	defer registry.Unlock()
	return slices.Clone(registry.schemes)
}

// Leaks returns every declared leak, in display order.
func Leaks() []LeakInfo {
	registry.Lock()
	defer registry.Unlock()
	return slices.Clone(registry.leaks)
}

// SchemeIDs returns the ids of every registered scheme, in display order.
func SchemeIDs() []SchemeID {
	var out []SchemeID
	for _, s := range Schemes() {
		out = append(out, s.ID)
	}
	return out
}

// LeakIDs returns the ids of every declared leak, in display order.
func LeakIDs() []LeakID {
	var out []LeakID
	for _, l := range Leaks() {
		out = append(out, l.ID)
	}
	return out
}

// LookupScheme returns the registered scheme with the given id, or an
// error that lists the ids.
func LookupScheme(id string) (SchemeInfo, error) {
	for _, s := range Schemes() {
		if string(s.ID) == id {
			return s, nil
		}
	}
	return SchemeInfo{}, fmt.Errorf("unknown scheme %q (want one of %s)", id, ids.Join(SchemeIDs()))
}

// LookupLeak returns the declared leak with the given id, or an error
// that lists the ids.
func LookupLeak(id string) (LeakInfo, error) {
	for _, l := range Leaks() {
		if string(l.ID) == id {
			return l, nil
		}
	}
	return LeakInfo{}, fmt.Errorf("unknown leak %q (want one of %s)", id, ids.Join(LeakIDs()))
}

// ParseScheme returns the id of the registered scheme called id.
func ParseScheme(id string) (SchemeID, error) {
	s, err := LookupScheme(id)
	return s.ID, err
}

// ParseLeak returns the id of the declared leak called id.
func ParseLeak(id string) (LeakID, error) {
	l, err := LookupLeak(id)
	return l.ID, err
}
