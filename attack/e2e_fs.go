package attack

import (
	"fmt"
	"io"

	"github.com/escrowlab/escrowlab/e2e"
	"github.com/escrowlab/escrowlab/internal/plural"
)

// E2EForwardSecretID is end-to-end encryption with forward secrecy: an
// ephemeral, signed key exchange per session, whose secrets are wiped
// when it ends.
const E2EForwardSecretID SchemeID = "e2e-fs"

func init() {
	RegisterScheme(SchemeInfo{
		ID: E2EForwardSecretID, Title: "end-to-end with forward secrecy", Order: 50,
		Description: "end-to-end encryption with forward secrecy: fresh keys for every call, erased when it ends",
		Keys: []KeyInfo{
			{"identity key", "each person's app", "nothing: it only signs, to prove who is talking", "a signature, not a key"},
			{"ephemeral keys", "the two apps, for one call, then erased", "that call's keys, while it lasts", "a key melted down after the call"},
		},
		New: func(env Env) (Scheme, error) { return newForwardSecret(env), nil },
		Restore: func(dir []byte, people []*Person) (Reading, error) {
			ids, err := restoreIdentities(dir, people)
			return &ForwardSecret{ids: ids}, err
		},
		Lesson: forwardSecretLesson,
	})
}

// forwardSecretLesson reads a matrix for forward secrecy: a seized phone
// opens no past call, and no leak but a call's own keys opens any.
func forwardSecretLesson(m *Matrix) string {
	seized, ok := m.Cell(DeviceSeizure, E2EForwardSecretID)
	if !ok {
		return ""
	}
	worst := 0
	for _, c := range m.Cells {
		if c.Scheme == E2EForwardSecretID && c.Leak != SessionKeyLeak {
			worst = max(worst, c.Opened)
		}
	}
	rest := "no leak but a call's own keys opened any call"
	if worst > 0 {
		rest = fmt.Sprintf("leaks other than a call's own keys opened at most %s", plural.Count(worst, "call"))
	}
	return fmt.Sprintf("Forward secrecy contains the damage: seizing %s's phone opened %s with forward secrecy, and %s.", m.Target.Person.Name, plural.Count(seized.Opened, "call"), rest)
}

// ForwardSecret is a forward-secret messaging app deployed in one world:
// an identity key in each person's app, and the keys of every session, as
// the two apps knew them while it lasted.
type ForwardSecret struct {
	ids      identities
	sessions *sessionStore[e2e.Keys]
}

func newForwardSecret(env Env) *ForwardSecret {
	return &ForwardSecret{ids: newIdentities(), sessions: newSessionStore[e2e.Keys](env.Keep)}
}

// Identity returns p's identity key in this app, or nil.
func (f *ForwardSecret) Identity(p *Person) *e2e.Identity { return f.ids.keys[p] }

// Enrol makes p's identity key, which only ever signs.
func (f *ForwardSecret) Enrol(p *Person, rand io.Reader) error { return f.ids.enrol(p, rand) }

// Call runs the ephemeral handshake, then the conversation.
func (f *ForwardSecret) Call(c *Conversation, rand io.Reader) (Record, error) {
	rec, caller, callee, err := f.ids.handshake(rand, c)
	if err != nil {
		return nil, err
	}
	if rec.Sealed, err = converse(c, caller, callee); err != nil {
		return nil, err
	}
	f.sessions.put(c.Session, caller.Keys())
	return rec, nil
}

// Lose gives away a seized phone's identity key, or one session's keys.
func (f *ForwardSecret) Lose(id LeakID, t Target) ([]any, error) {
	return f.ids.lose(id, t, f.sessions.get)
}

// Opener prepares an adversary's attempts against recorded sessions.
func (f *ForwardSecret) Opener(h Holdings) (Opener, error) {
	return fsOpener{newHandshakeOpener(h, E2EForwardSecretID, f.ids.owners)}, nil
}

type fsOpener struct{ *handshakeOpener }

func (o fsOpener) Open(c Capture) Opening {
	rec, ok := c.Record.(*HandshakeRecord)
	if !ok {
		return Opening{}
	}
	return o.open(c.Session, rec, nil)
}

// Directory lists each identity key and its owner.
func (f *ForwardSecret) Directory() ([]byte, error) { return f.ids.directory(), nil }

// AppendRecord writes a forward-secret call: its handshake and messages.
func (f *ForwardSecret) AppendRecord(dst []byte, r Record) ([]byte, error) {
	rec, ok := r.(*HandshakeRecord)
	if !ok {
		return nil, fmt.Errorf("a %T is not an %s record", r, E2EForwardSecretID)
	}
	if err := checkHandshake(rec); err != nil {
		return nil, err
	}
	return appendHandshake(dst, rec), nil
}

// ParseRecord reads a forward-secret call.
func (f *ForwardSecret) ParseRecord(b []byte) (Record, error) { return parseHandshake(b) }

// KeyParts writes a seized identity key or leaked session keys.
func (f *ForwardSecret) KeyParts(item any) ([]KeyPart, error) { return f.ids.keyParts(item) }

// ParseItem reads a seized identity key or leaked session keys.
func (f *ForwardSecret) ParseItem(kind string, body []byte) (any, error) {
	return f.ids.parseItem(kind, body)
}
