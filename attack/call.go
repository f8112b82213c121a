package attack

import (
	"fmt"
	"time"
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
	c := Conversation{Session: len(w.sent) + 1, At: w.clock, Caller: caller, Callee: callee, Messages: messages}
	if caller == nil || callee == nil || caller == callee {
		return c, fmt.Errorf("attack: session %d: a call needs two different people", c.Session)
	}
	for _, d := range w.schemes {
		rec, err := d.scheme.Call(&c)
		if err != nil {
			return c, fmt.Errorf("attack: session %d under %s: %w", c.Session, d.info.ID, err)
		}
		w.Tap.record(Capture{Session: c.Session, At: c.At, Scheme: d.info.ID, Record: rec})
	}
	w.sent = append(w.sent, c)
	return c, nil
}
