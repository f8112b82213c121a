package attack

import (
	"crypto/ecdh"
	"fmt"
	"io"

	"github.com/escrowlab/escrowlab/e2e"
)

// E2EStaticID is end-to-end encryption without forward secrecy: each
// session key is sent wrapped to the recipient's long-term key, as classic
// PGP did.
const E2EStaticID SchemeID = "e2e-static"

func init() {
	RegisterScheme(SchemeInfo{
		ID: E2EStaticID, Title: "end-to-end with static keys", Order: 40,
		Description: "end-to-end encryption without forward secrecy, as PGP: each call's key wrapped to the recipient's long-term key",
		Keys: []KeyInfo{
			{"static key", "the recipient's app, for years", "every call ever made to that user", "a letterbox key that opens every letter ever posted to you"},
		},
		New: newStaticE2E,
	})
}

// StaticE2E is a PGP-like app deployed in one world: a long-term key pair
// in each person's app, and the keys of every session.
type StaticE2E struct {
	keys     map[*Person]*e2e.StaticKey
	sessions *sessionStore[e2e.Keys]
}

// StaticRecord is an e2e-static session on the wire: the session key
// wrapped to the callee's long-term key, then the sealed messages.
type StaticRecord struct {
	Wrapped []byte
	Sealed  [][]byte
}

// seizedStatic is a long-term key taken from a seized phone.
type seizedStatic struct{ key *ecdh.PrivateKey }

func newStaticE2E(env Env) (Scheme, error) {
	return &StaticE2E{keys: map[*Person]*e2e.StaticKey{}, sessions: newSessionStore[e2e.Keys](env.Keep)}, nil
}

// Enrol makes p's long-term key pair.
func (s *StaticE2E) Enrol(p *Person, rand io.Reader) error {
	k, err := e2e.NewStaticKey(rand)
	if err != nil {
		return err
	}
	s.keys[p] = k
	return nil
}

// Call wraps a fresh session key to the callee's long-term key, then
// carries the conversation.
func (s *StaticE2E) Call(c *Conversation, rand io.Reader) (Record, error) {
	rec := &StaticRecord{}
	wrapped, caller, err := e2e.StartStatic(rand, s.keys[c.Callee].Public())
	if err != nil {
		return nil, err
	}
	callee, err := e2e.AcceptStatic(s.keys[c.Callee], wrapped)
	if err != nil {
		return nil, err
	}
	rec.Wrapped = wrapped
	if rec.Sealed, err = converse(c, caller, callee); err != nil {
		return nil, err
	}
	s.sessions.put(c.Session, caller.Keys())
	return rec, nil
}

// Lose gives away a seized phone's long-term key, which unwraps every
// session key ever sent to its owner, or one session's keys.
func (s *StaticE2E) Lose(id LeakID, t Target) ([]any, error) {
	switch id {
	case DeviceSeizure:
		return []any{seizedStatic{s.keys[t.Person].PrivateKey()}}, nil
	case SessionKeyLeak:
		k, ok := s.sessions.get(t.Session)
		if !ok {
			return nil, fmt.Errorf("no session %d", t.Session)
		}
		return []any{e2eSessions{t.Session: k}}, nil
	}
	return nil, nil
}

// Opener prepares an adversary's attempts: each seized long-term key
// against the wrapped session key, and leaked session keys.
func (s *StaticE2E) Opener(h Holdings) (Opener, error) {
	var o staticOpener
	for _, it := range h.Items(E2EStaticID) {
		switch x := it.(type) {
		case seizedStatic:
			o.seized = append(o.seized, x.key)
		case e2eSessions:
			o.sessions = mergeMaps(o.sessions, x)
		}
	}
	return o, nil
}

type staticOpener struct {
	seized   []*ecdh.PrivateKey
	sessions e2eSessions
}

// Open tries the leaked session key, then each seized key. The wrapped
// key names no one, so the adversary learns no one's identity from it.
func (o staticOpener) Open(c Capture) Opening {
	rec, ok := c.Record.(*StaticRecord)
	if !ok {
		return Opening{}
	}
	var candidates []e2e.Keys
	if k, ok := o.sessions[c.Session]; ok {
		candidates = append(candidates, k)
	}
	for _, priv := range o.seized {
		if k, err := e2e.UnwrapStatic(priv, rec.Wrapped); err == nil {
			candidates = append(candidates, k)
		}
	}
	for _, k := range candidates {
		if texts := openSealed(rec.Sealed, k); texts != nil {
			return Opening{Texts: texts}
		}
	}
	return Opening{}
}
