package attack

import (
	"io"
	"time"
)

// Scheme is one way of protecting calls, deployed in one World: its
// infrastructure, each person's equipment, and what it puts on the wire.
// Each scheme is one type in one file, registered with [RegisterScheme];
// docs/extending.md builds one step by step.
//
// A scheme keeps what its endpoints knew (each session's keys) so that it
// can say what a leak of them gives away; nothing else in the world sees
// its keys.
type Scheme interface {
	// Enrol equips person p (a chip, a SIM card, an app's keys), drawing
	// every secret from rand, a stream of p's own.
	Enrol(p *Person, rand io.Reader) error

	// Call carries conversation c between two enrolled people: both ends
	// really encrypt and decrypt each message and check that what arrived
	// is what was said. It returns what a wiretap on the network records.
	// Every key, nonce and challenge of the call comes from rand, the
	// call's own stream. Call may run in several goroutines at once, for
	// different sessions: what it keeps of a session (only for sessions
	// Env.Keep names) it keeps under a lock.
	Call(c *Conversation, rand io.Reader) (Record, error)

	// Lose returns what this scheme hands an adversary when leak id
	// happens to target t: key material, or an access capability that
	// takes effect from the moment of the leak. It returns nil if the leak
	// concerns nothing of this scheme. Lose is called once per leak event.
	Lose(id LeakID, t Target) ([]any, error)

	// Opener prepares what an adversary holding h can do against this
	// scheme's recorded sessions. h holds every scheme's items; a scheme
	// uses only its own.
	Opener(h Holdings) (Opener, error)

	// Codec and Reading take the scheme to disk and back: its records,
	// its public directory and its key material (attack/codec.go).
	Codec
	Reading
}

// Opener tries recorded sessions of one scheme with what one adversary
// holds. Like an age Identity, it uses only what it was given.
type Opener interface {
	// Open tries one captured session. It never fails: what it cannot
	// open, it leaves sealed.
	Open(c Capture) Opening
}

// BatchOpener is an Opener that opens many captured sessions at once
// faster than one by one, as a decrypt processor opens the LEAFs of many
// calls with one batch of Skipjack operations. An archive's reader uses it
// when a scheme's Opener has it.
type BatchOpener interface {
	Opener
	// OpenBatch returns what Open returns for each capture, in order.
	OpenBatch(cs []Capture) []Opening
}

// Opening is what an adversary got out of one recorded session, content
// and metadata apart.
type Opening struct {
	// Texts are the session's messages in the order sent, if the session
	// opened; nil if it stayed sealed. Measure checks them against what was
	// said.
	Texts []string
	// Who are the people the adversary identified as taking part, whether
	// or not it read a word.
	Who []*Person
}

// Record is what one scheme put on the wire for one session. Each scheme
// defines its own record type.
type Record any

// Env is what a scheme is deployed with.
type Env struct {
	// Rand is the scheme's own stream, derived from the seed and the
	// scheme's id: it draws nothing that another scheme draws.
	Rand io.Reader
	// Start is when the world's clock starts.
	Start time.Time
	// ChecksumBits is the width of the LEAF checksum for schemes built on
	// escrowed chips; 0 means escrow.DefaultChecksumBits.
	ChecksumBits int
	// Keep reports whether to keep a session's secrets (its keys, as the
	// two ends knew them) for a later leak of that session's keys. It is
	// never nil. Schemes keep nothing else per session.
	Keep func(session int) bool
}
