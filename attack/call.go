package attack

import (
	"fmt"
	"time"

	"github.com/escrowlab/escrowlab/e2e"
	"github.com/escrowlab/escrowlab/escrow"
	"github.com/escrowlab/escrowlab/sim"
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
	cc, err := w.escrowCall(c, Clipper, func(p *Person) *escrow.Device { return p.Chip })
	if err != nil {
		return c, nil, nil, fmt.Errorf("session %d under %s: %w", c.Session, Clipper, err)
	}
	keys.Clipper = cc.SessionKey
	tc, err := w.escrowCall(c, Threshold, func(p *Person) *escrow.Device { return p.ThresholdChip })
	if err != nil {
		return c, nil, nil, fmt.Errorf("session %d under %s: %w", c.Session, Threshold, err)
	}
	keys.Threshold = tc.SessionKey
	if keys.SIM, err = w.simCall(c); err != nil {
		return c, nil, nil, fmt.Errorf("session %d under %s: %w", c.Session, SIM, err)
	}
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

// escrowCall holds c on the chips chip picks, under scheme (clipper or
// threshold: the chips differ only in how their unit keys were escrowed).
func (w *World) escrowCall(c Conversation, scheme Scheme, chip func(*Person) *escrow.Device) (*ClipperCall, error) {
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
		t, err := chip(from).Encrypt(w.src, call.SessionKey, []byte(m.Text))
		if err != nil {
			return nil, err
		}
		got, err := chip(to).Decrypt(call.SessionKey, t)
		if err != nil {
			return nil, fmt.Errorf("%s's phone: %w", to.Name, err)
		}
		if string(got) != m.Text {
			return nil, fmt.Errorf("%s's phone decrypted %q, but %q was sent", to.Name, got, m.Text)
		}
		call.Transmissions = append(call.Transmissions, t)
	}
	capture := &ClipperCapture{Exchange: call.Exchange, Transmissions: call.Transmissions}
	w.Tap.record(Capture{Session: c.Session, At: c.At, Scheme: scheme, Clipper: capture})
	return call, nil
}

// simCall holds c over the mobile network: the operator challenges each
// party's SIM, each sends its messages on its own radio leg under its Kc,
// and the network passes them on (decrypting and re-encrypting, as GSM
// does) to the other party, whose phone checks what arrived.
func (w *World) simCall(c Conversation) ([2]sim.Kc, error) {
	var kcs [2]sim.Kc
	capture := &SIMCapture{}
	parties := [2]*Person{c.Caller, c.Callee}
	for i, p := range parties {
		r, sres, kc, err := w.Operator.Challenge(w.src, p.SIM.IMSI())
		if err != nil {
			return kcs, err
		}
		if got, phoneKc := p.SIM.Respond(r); got != sres || phoneKc != kc {
			return kcs, fmt.Errorf("%s's SIM and the network disagree", p.Name)
		}
		capture.Legs[i], kcs[i] = SIMLeg{RAND: r, SRES: sres}, kc
	}
	var seq [2]uint64
	for _, m := range c.Messages {
		from := 0
		if !m.FromCaller {
			from = 1
		}
		sealed := sim.Seal(kcs[from], seq[from], []byte(m.Text))
		seq[from]++
		// The network opens the uplink and re-seals for the other leg.
		_, plain, err := sim.Open(kcs[from], sealed)
		if err != nil {
			return kcs, fmt.Errorf("the network: %w", err)
		}
		_, got, err := sim.Open(kcs[1-from], sim.Seal(kcs[1-from], 0, plain))
		if err != nil || string(got) != m.Text {
			return kcs, fmt.Errorf("%s's phone did not get what was sent: %v", parties[1-from].Name, err)
		}
		capture.Messages = append(capture.Messages, SIMMessage{Leg: from, Sealed: sealed})
	}
	w.Tap.record(Capture{Session: c.Session, At: c.At, Scheme: SIM, SIM: capture})
	return kcs, nil
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
