package attack

import (
	"fmt"
	"time"

	"github.com/escrowlab/escrowlab/e2e"
	"github.com/escrowlab/escrowlab/escrow"
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

// ClipperCall is everything that happened in one Clipper call, for a
// narrator to show: the key exchange, the session key both phones derived,
// and each message's transmission.
type ClipperCall struct {
	Exchange      [2][32]byte
	SessionKey    escrow.SessionKey
	Transmissions []*escrow.Transmission
}

// Call holds a conversation under every scheme: the phones and apps of its
// two people really encrypt and decrypt each message, the receiver checks
// that it got what was sent, and the wiretap records each session. It sets
// c's session number and time from the world's clock.
func (w *World) Call(caller, callee *Person, messages []Message) (Conversation, *ClipperCall, *E2ECapture, error) {
	c := Conversation{Session: len(w.sent) + 1, At: w.clock, Caller: caller, Callee: callee, Messages: messages}
	if caller == nil || callee == nil || caller == callee {
		return c, nil, nil, fmt.Errorf("session %d: a call needs two different people", c.Session)
	}
	cc, err := w.clipperCall(c)
	if err != nil {
		return c, nil, nil, fmt.Errorf("session %d under clipper: %w", c.Session, err)
	}
	ec, err := w.e2eCall(c)
	if err != nil {
		return c, nil, nil, fmt.Errorf("session %d under e2e: %w", c.Session, err)
	}
	w.sent = append(w.sent, c)
	return c, cc, ec, nil
}

func (w *World) clipperCall(c Conversation) (*ClipperCall, error) {
	a, err := escrow.NewKeyExchange(w.src)
	if err != nil {
		return nil, err
	}
	b, err := escrow.NewKeyExchange(w.src)
	if err != nil {
		return nil, err
	}
	call := &ClipperCall{Exchange: [2][32]byte{a.Public(), b.Public()}}
	if call.SessionKey, err = a.SessionKey(b.Public()); err != nil {
		return nil, err
	}
	ksCallee, err := b.SessionKey(a.Public())
	if err != nil {
		return nil, err
	}
	for _, m := range c.Messages {
		from, to, ks := c.Caller, c.Callee, call.SessionKey
		if !m.FromCaller {
			from, to, ks = c.Callee, c.Caller, ksCallee
		}
		t, err := from.Chip.Encrypt(w.src, ks, []byte(m.Text))
		if err != nil {
			return nil, err
		}
		got, err := to.Chip.Decrypt(ks, t)
		if err != nil {
			return nil, fmt.Errorf("%s's phone: %w", to.Name, err)
		}
		if string(got) != m.Text {
			return nil, fmt.Errorf("%s's phone decrypted %q, but %q was sent", to.Name, got, m.Text)
		}
		call.Transmissions = append(call.Transmissions, t)
	}
	capture := &ClipperCapture{Exchange: call.Exchange, Transmissions: call.Transmissions}
	w.Tap.record(Capture{Session: c.Session, At: c.At, Scheme: Clipper, Clipper: capture})
	return call, nil
}

func (w *World) e2eCall(c Conversation) (*E2ECapture, error) {
	hs, hello, err := e2e.Initiate(w.src, c.Caller.Identity, c.Callee.Identity.Public())
	if err != nil {
		return nil, err
	}
	calleeSession, reply, err := e2e.Respond(w.src, c.Callee.Identity, c.Caller.Identity.Public(), hello)
	if err != nil {
		return nil, err
	}
	callerSession, err := hs.Finish(reply)
	if err != nil {
		return nil, err
	}
	capture := &E2ECapture{Hello: hello, Reply: reply}
	for _, m := range c.Messages {
		from, to, name := callerSession, calleeSession, c.Callee.Name
		if !m.FromCaller {
			from, to, name = calleeSession, callerSession, c.Caller.Name
		}
		sealed := from.Seal([]byte(m.Text))
		got, err := to.Open(sealed)
		if err != nil {
			return nil, fmt.Errorf("%s's app: %w", name, err)
		}
		if string(got) != m.Text {
			return nil, fmt.Errorf("%s's app opened %q, but %q was sent", name, got, m.Text)
		}
		capture.Sealed = append(capture.Sealed, sealed)
	}
	w.Tap.record(Capture{Session: c.Session, At: c.At, Scheme: E2EForwardSecret, E2E: capture})
	return capture, nil
}
