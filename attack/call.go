package attack

import (
	"fmt"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/escrowlab/escrowlab/internal/seeded"
)

// Conversation is the ground truth of one session: who called whom, when,
// and what each said. The wiretap never sees it; Measure checks recovered
// plaintext against it.
type Conversation struct {
	Session        int
	At             time.Time
	Caller, Callee *Person
	Messages       []Message
}

// Message is one line of a conversation.
type Message struct {
	FromCaller bool
	Text       string
}

// Sender returns who said m in c.
func (c Conversation) Sender(m Message) *Person {
	if m.FromCaller {
		return c.Caller
	}
	return c.Callee
}

// Receiver returns who heard m in c.
func (c Conversation) Receiver(m Message) *Person {
	if m.FromCaller {
		return c.Callee
	}
	return c.Caller
}

// Involves reports whether p took part in c.
func (c Conversation) Involves(p *Person) bool { return c.Caller == p || c.Callee == p }

// Call holds a conversation under every deployed scheme: the two people's
// phones and apps really encrypt and decrypt each message, each receiver
// checks that it got what was sent, and the wiretap records each session.
// The session number and time come from the world's clock.
func (w *World) Call(caller, callee *Person, messages []Message) (Conversation, error) {
	c := Conversation{Session: int(w.held.Load()) + 1, At: w.clock, Caller: caller, Callee: callee, Messages: messages}
	caps, err := w.Carry(c)
	if err != nil {
		return c, err
	}
	for _, cp := range caps {
		w.Tap.record(cp)
	}
	w.sent = append(w.sent, c)
	return c, nil
}

// Carry holds conversation c, already numbered and dated, under every
// scheme, and returns what the wiretap records of it without keeping
// either: a capture of millions of calls writes each to disk instead.
// Carry may run in several goroutines at once, for different sessions.
func (w *World) Carry(c Conversation) ([]Capture, error) {
	if c.Caller == nil || c.Callee == nil || c.Caller == c.Callee {
		return nil, fmt.Errorf("attack: session %d: a call needs two different people", c.Session)
	}
	caps := make([]Capture, 0, len(w.schemes))
	for _, d := range w.schemes {
		rec, err := d.scheme.Call(&c, seeded.New(w.seed, "scheme", string(d.info.ID), "session", strconv.Itoa(c.Session)))
		if err != nil {
			return nil, fmt.Errorf("attack: session %d under %s: %w", c.Session, d.info.ID, err)
		}
		caps = append(caps, Capture{Session: c.Session, At: c.At, Scheme: d.info.ID, Record: rec})
	}
	raise(&w.held, int64(c.Session))
	return caps, nil
}

// raise sets v to n if n is greater, safely under concurrent calls.
func raise(v *atomic.Int64, n int64) {
	for old := v.Load(); n > old; old = v.Load() {
		if v.CompareAndSwap(old, n) {
			return
		}
	}
}
