package sim

import (
	"slices"
	"time"
)

// A Switch is the operator's core network. Radio encryption ends at the
// base station, so every call passes through the switch in plaintext, and
// the switch keeps a record of every call for billing. Carriers must also
// build in a lawful-intercept function (in the United States since CALEA,
// 1994) that copies a named subscriber's calls to an agency: a [Tap].
//
// The same function serves whoever controls it. In Athens in 2004-05
// rogue software switched on an intercept function its owner had never
// activated; in 2024 intruders were found inside US carriers' intercept
// systems. A Tap with no subscriber copies everyone.
type Switch struct {
	records []CallRecord
	index   map[int]int // call number -> position in records
	taps    []*Tap
}

// CallRecord is what the switch logs of one call: who called whom, and
// when. It holds no content.
type CallRecord struct {
	Call     int // the call's number
	At       time.Time
	From, To string // the two subscribers' IMSIs
}

// A Tap copies the content of calls to whoever installed it: the calls of
// one subscriber, or of every subscriber, while the tap is active.
type Tap struct {
	Subscriber string    // the IMSI tapped; "" taps every subscriber
	From       time.Time // the tap copies calls from this moment
	Until      time.Time // and until this moment; zero for no end
	Lawful     bool      // installed under a warrant, as opposed to by an intruder

	copies map[int][]string // what it copied, by call
}

// Install adds t to the switch; it copies calls from then on.
func (s *Switch) Install(t *Tap) {
	if t.copies == nil {
		t.copies = make(map[int][]string)
	}
	s.taps = append(s.taps, t)
}

// Connect logs a call from one subscriber to another.
func (s *Switch) Connect(call int, at time.Time, from, to string) {
	if s.index == nil {
		s.index = make(map[int]int)
	}
	s.index[call] = len(s.records)
	s.records = append(s.records, CallRecord{Call: call, At: at, From: from, To: to})
}

// Relay passes one message of a call, in plaintext, from one party to the
// other, and gives a copy to every tap active at that moment on either
// party's line.
func (s *Switch) Relay(call int, at time.Time, from, to, plaintext string) {
	for _, t := range s.taps {
		if t.active(at) && (t.Subscriber == "" || t.Subscriber == from || t.Subscriber == to) {
			t.copies[call] = append(t.copies[call], plaintext)
		}
	}
}

// active reports whether t copies calls at time at.
func (t *Tap) active(at time.Time) bool {
	return !at.Before(t.From) && (t.Until.IsZero() || at.Before(t.Until))
}

// Copied returns what t copied of call, and whether it copied anything.
func (t *Tap) Copied(call int) ([]string, bool) {
	texts, ok := t.copies[call]
	return slices.Clone(texts), ok
}

// Records returns the switch's call records, oldest first.
func (s *Switch) Records() []CallRecord { return slices.Clone(s.records) }

// Record returns the record of call, and whether there is one.
func (s *Switch) Record(call int) (CallRecord, bool) {
	i, ok := s.index[call]
	if !ok {
		return CallRecord{}, false
	}
	return s.records[i], true
}

// Targets returns the subscribers under lawful intercept at time at: the
// list of whom the authorities are tapping, which the intercept system
// must hold, and which an intruder inside it learns.
func (s *Switch) Targets(at time.Time) []string {
	var out []string
	for _, t := range s.taps {
		if t.Lawful && t.active(at) && t.Subscriber != "" && !slices.Contains(out, t.Subscriber) {
			out = append(out, t.Subscriber)
		}
	}
	return out
}
