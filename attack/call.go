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
// two people really encrypt and decrypt each message, each receiver checks
// that it got what was sent, and the wiretap records each session. The
// session number and time come from the world's clock. It returns the
// Clipper call and the forward-secret session for narration.
func (w *World) Call(caller, callee *Person, messages []Message) (Conversation, *ClipperCall, *E2ECapture, error) {
	c := Conversation{Session: len(w.sent) + 1, At: w.clock, Caller: caller, Callee: callee, Messages: messages}
	if caller == nil || callee == nil || caller == callee {
		return c, nil, nil, fmt.Errorf("session %d: a call needs two different people", c.Session)
	}
	keys := SessionKeys{E2E: make(map[Scheme]e2e.Keys)}
	cc, err := w.clipperCall(c)
	if err != nil {
		return c, nil, nil, fmt.Errorf("session %d under %s: %w", c.Session, Clipper, err)
	}
	keys.Clipper = cc.SessionKey
	var fs *E2ECapture
	for _, scheme := range []Scheme{E2EStatic, E2EForwardSecret, E2EEscrowed} {
		capture, k, err := w.e2eCall(c, scheme)
		if err != nil {
			return c, nil, nil, fmt.Errorf("session %d under %s: %w", c.Session, scheme, err)
		}
		keys.E2E[scheme] = k
		if scheme == E2EForwardSecret {
			fs = capture
		}
	}
	w.sent = append(w.sent, c)
	w.secrets[c.Session] = keys
	return c, cc, fs, nil
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
	if ksCallee != call.SessionKey {
		return nil, fmt.Errorf("the phones derived different session keys")
	}
	for _, m := range c.Messages {
		from, to := c.Caller, c.Callee
		if !m.FromCaller {
			from, to = c.Callee, c.Caller
		}
		t, err := from.Chip.Encrypt(w.src, call.SessionKey, []byte(m.Text))
		if err != nil {
			return nil, err
		}
		got, err := to.Chip.Decrypt(call.SessionKey, t)
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

// e2eCall holds c in the messaging app under one end-to-end scheme and
// returns what the wire carried and the session's keys.
func (w *World) e2eCall(c Conversation, scheme Scheme) (*E2ECapture, e2e.Keys, error) {
	capture := &E2ECapture{}
	var caller, callee *e2e.Session
	var err error
	switch scheme {
	case E2EStatic:
		if capture.Wrapped, caller, err = e2e.StartStatic(w.src, c.Callee.Static.Public()); err != nil {
			return nil, e2e.Keys{}, err
		}
		if callee, err = e2e.AcceptStatic(c.Callee.Static, capture.Wrapped); err != nil {
			return nil, e2e.Keys{}, err
		}
	default:
		hs, hello, err := e2e.Initiate(w.src, c.Caller.Identity, c.Callee.Identity.Public())
		if err != nil {
			return nil, e2e.Keys{}, err
		}
		var reply []byte
		if callee, reply, err = e2e.Respond(w.src, c.Callee.Identity, c.Caller.Identity.Public(), hello); err != nil {
			return nil, e2e.Keys{}, err
		}
		if caller, err = hs.Finish(reply); err != nil {
			return nil, e2e.Keys{}, err
		}
		capture.Hello, capture.Reply = hello, reply
		if scheme == E2EEscrowed {
			if capture.Escrow, err = caller.EscrowTo(w.Authority.Public()); err != nil {
				return nil, e2e.Keys{}, err
			}
		}
	}
	for _, m := range c.Messages {
		from, to, name := caller, callee, c.Callee.Name
		if !m.FromCaller {
			from, to, name = callee, caller, c.Caller.Name
		}
		sealed := from.Seal([]byte(m.Text))
		got, err := to.Open(sealed)
		if err != nil {
			return nil, e2e.Keys{}, fmt.Errorf("%s's app: %w", name, err)
		}
		if string(got) != m.Text {
			return nil, e2e.Keys{}, fmt.Errorf("%s's app opened %q, but %q was sent", name, got, m.Text)
		}
		capture.Sealed = append(capture.Sealed, sealed)
	}
	w.Tap.record(Capture{Session: c.Session, At: c.At, Scheme: scheme, E2E: capture})
	return capture, caller.Keys(), nil
}
