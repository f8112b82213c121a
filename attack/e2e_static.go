package attack

import (
	"crypto/ecdh"
	"fmt"
	"io"
	"slices"

	"github.com/escrowlab/escrowlab/e2e"
	"github.com/escrowlab/escrowlab/internal/plural"
	"github.com/escrowlab/escrowlab/internal/wire"
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
		New: newStaticE2E, Restore: restoreStaticE2E, Lesson: staticLesson,
	})
}

// StaticE2E is a PGP-like app deployed in one world: a long-term key pair
// in each person's app, the owner of each public key, and the keys of
// every session. Restored from an archive, it has only the owners.
type StaticE2E struct {
	keys     map[*Person]*e2e.StaticKey
	owners   map[string]*Person // by hex public key
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
	return &StaticE2E{keys: map[*Person]*e2e.StaticKey{}, owners: map[string]*Person{}, sessions: newSessionStore[e2e.Keys](env.Keep)}, nil
}

// Enrol makes p's long-term key pair.
func (s *StaticE2E) Enrol(p *Person, rand io.Reader) error {
	k, err := e2e.NewStaticKey(rand)
	if err != nil {
		return err
	}
	s.keys[p], s.owners[hexOf(k.Public().Bytes())] = k, p
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

// Directory lists each static public key and its owner, as a key server
// would: a table headed static_key,owner.
func (s *StaticE2E) Directory() ([]byte, error) {
	return ownerTable("static_key,owner", s.owners, func(k string) string { return k }), nil
}

// restoreStaticE2E rebuilds, from its directory, an app that holds no
// secret: the owner of each static public key.
func restoreStaticE2E(dir []byte, people []*Person) (Reading, error) {
	owners, err := parseOwners(dir, "static_key,owner", people, func(f string) (string, error) {
		return parsePublicKey(f, "static key", x25519Size)
	})
	if err != nil {
		return nil, fmt.Errorf("directory: %w", err)
	}
	return &StaticE2E{owners: owners}, nil
}

// AppendRecord writes an e2e-static call: the wrapped session key (an
// HPKE encapsulated key, the encrypted session key and its tag), then how
// many sealed messages, and each one sized by a prefix.
func (s *StaticE2E) AppendRecord(dst []byte, r Record) ([]byte, error) {
	rec, ok := r.(*StaticRecord)
	if !ok {
		return nil, fmt.Errorf("a %T is not an %s record", r, E2EStaticID)
	}
	if len(rec.Wrapped) != e2e.StaticWrappedSize {
		return nil, fmt.Errorf("a wrapped key of %d bytes, want %d", len(rec.Wrapped), e2e.StaticWrappedSize)
	}
	if err := checkSealed(rec.Sealed); err != nil {
		return nil, err
	}
	return appendSealed(append(dst, rec.Wrapped...), rec.Sealed), nil
}

// ParseRecord reads an e2e-static call.
func (s *StaticE2E) ParseRecord(b []byte) (Record, error) {
	r := wire.NewReader(b)
	rec := &StaticRecord{Wrapped: slices.Clone(r.Fixed(e2e.StaticWrappedSize))}
	rec.Sealed = readSealed(r)
	if err := r.Done(); err != nil {
		return nil, err
	}
	return rec, nil
}

// KeyParts writes a seized static private key, whose owner is the person
// whose phone it was, or leaked session keys. Its kinds, and the header of
// each one's table:
//
//	static-key     static_private_key: one X25519 private key
//	session-keys   session,initiator_to_responder,responder_to_initiator
func (s *StaticE2E) KeyParts(item any) ([]KeyPart, error) {
	switch x := item.(type) {
	case seizedStatic:
		if x.key == nil {
			return nil, fmt.Errorf("a seized static key with no key in it")
		}
		owner := ""
		if p := s.owners[hexOf(x.key.PublicKey().Bytes())]; p != nil {
			owner = p.Name
		}
		return []KeyPart{{Kind: "static-key", Owner: owner, Body: keyRow("static_private_key", x.key.Bytes())}}, nil
	case e2eSessions:
		return []KeyPart{{Kind: "session-keys", Body: e2eSessionTable(x)}}, nil
	}
	return nil, fmt.Errorf("a %T: %w", item, ErrNotKeyMaterial)
}

// ParseItem reads a seized static key or leaked session keys.
func (s *StaticE2E) ParseItem(kind string, body []byte) (any, error) {
	switch kind {
	case "static-key":
		k, err := parseX25519(body, "static_private_key", "static private key")
		if err != nil {
			return nil, err
		}
		return seizedStatic{k}, nil
	case "session-keys":
		return parseE2ESessions(body)
	}
	return nil, fmt.Errorf("%q: %w", kind, ErrUnknownKind)
}

// staticLesson reads a matrix for static keys: a seized phone opens every
// call ever made to its owner.
func staticLesson(m *Matrix) string {
	seized, ok := m.Cell(DeviceSeizure, E2EStaticID)
	if !ok {
		return ""
	}
	p := m.Target.Person.Name
	if seized.Opened == 0 {
		return fmt.Sprintf("Without forward secrecy a seized phone opens every call ever made to its owner; no call was made to %s in this archive, so seizing %s's phone opened none with static keys.", p, p)
	}
	return fmt.Sprintf("Without forward secrecy one seized phone opens the past: seizing %s's phone opened %s with static keys, those made to %s.", p, plural.Count(seized.Opened, "call"), p)
}
