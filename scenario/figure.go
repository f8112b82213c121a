package scenario

import "time"

// Envelope is data sealed in layers, as the LEAF is: a lock, and what it
// encloses, which may include the next layer in.
type Envelope struct {
	Lock  string // what seals this layer: "sealed under the family key KF (the outer lock)"
	Items []EnvelopeItem
}

// EnvelopeItem is one thing inside a layer: a labelled field, or an inner
// layer.
type EnvelopeItem struct {
	Label string    // "unit ID"
	Text  string    // "0C2B0985: the return address, Alice's chip"
	Inner *Envelope // set instead of Label and Text for a layer inside
}

// Timeline is every call of a run on a calendar: the periods and moments
// that matter, and, row by row, which calls each party read.
type Timeline struct {
	Calls []TimelineCall // in the order made
	Spans []Span         // periods, such as an order in force
	Marks []TimeMark     // moments, such as a leak
	Rows  []TimelineRow  // who read which calls
}

// TimelineCall is one call: its number, when it was made and who called
// whom.
type TimelineCall struct {
	Number int
	At     time.Time
	Label  string // "Alice to Bob"
}

// Span is a labelled period, such as the days an order is in force.
type Span struct {
	Label    string
	From, To time.Time
}

// TimeMark is a labelled moment, such as a leak.
type TimeMark struct {
	Label string
	At    time.Time
}

// TimelineRow is one party and the numbers of the calls it read, each
// checked against what was said.
type TimelineRow struct {
	Label string
	Read  []int
}

// Graph is who holds what: holders as nodes, each key handed over (or
// taken) as an edge, in the order it happened.
type Graph struct {
	Nodes []string
	Edges []Edge
}

// Edge is a key passing from one holder to another.
type Edge struct {
	From, To string
	Key      string // what passed: "KU1 of every chip"
	When     string // "22 Sep 1994", or "" for before the story starts
	Leak     bool   // taken, not given: the edge the story turns on
}
