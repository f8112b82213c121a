package attack

import (
	"crypto/ecdh"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/escrowlab/escrowlab/e2e"
	"github.com/escrowlab/escrowlab/internal/wire"
)

// E2EEscrowedID is forward-secret end-to-end encryption plus a copy of
// every session's keys sealed to an authority: the "exceptional access"
// demanded in 2015.
const E2EEscrowedID SchemeID = "e2e-escrowed"

// AuthorityKeyLeak is the e2e-escrowed authority's private key.
const AuthorityKeyLeak LeakID = "authority-key"

func init() {
	RegisterScheme(SchemeInfo{
		ID: E2EEscrowedID, Title: "end-to-end with exceptional access", Order: 60,
		Description: "forward secrecy plus a copy of every call's keys for an authority, the exceptional access demanded in 2015",
		Caveat:      "end-to-end encryption with exceptional access models the 2015 demands, not any deployed system",
		Keys: []KeyInfo{
			{"authority key", "an authority that, under exceptional access, gets a copy of every call's key", "every call of every user, past and future", "a master key to every flat in the city"},
		},
		New: newEscrowedE2E, Lesson: escrowedLesson,
		Restore: func(dir []byte, people []*Person) (Reading, error) {
			ids, err := restoreIdentities(dir, people)
			return &EscrowedE2E{ids: ids}, err
		},
	})
	RegisterLeak(LeakInfo{ID: AuthorityKeyLeak, Words: "the authority's key", Order: 90})
}

// EscrowedE2E is a forward-secret messaging app with exceptional access,
// deployed in one world: the authority and its key pair, an identity key in
// each person's app, and the keys of every session. Restored from an
// archive, it has only the owners of the identity keys.
type EscrowedE2E struct {
	authority *e2e.Authority
	ids       identities
	sessions  *sessionStore[e2e.Keys]
}

// EscrowedRecord is an e2e-escrowed session on the wire: the handshake and
// messages of a forward-secret session, and the escrow field, the session's
// keys sealed to the authority.
type EscrowedRecord struct {
	HandshakeRecord
	Escrow []byte
}

// authorityKey is the authority's private key in an adversary's hands.
type authorityKey struct{ key *ecdh.PrivateKey }

// authorityName names the exceptional-access authority, the owner of its
// key.
const authorityName = "Exceptional-access authority"

func newEscrowedE2E(env Env) (Scheme, error) {
	a, err := e2e.NewAuthority(env.Rand)
	if err != nil {
		return nil, err
	}
	return &EscrowedE2E{authority: a, ids: newIdentities(), sessions: newSessionStore[e2e.Keys](env.Keep)}, nil
}

// Enrol makes p's identity key.
func (s *EscrowedE2E) Enrol(p *Person, rand io.Reader) error { return s.ids.enrol(p, rand) }

// Call runs the handshake and seals the session's keys to the authority,
// then carries the conversation.
func (s *EscrowedE2E) Call(c *Conversation, rand io.Reader) (Record, error) {
	hs, caller, callee, err := s.ids.handshake(rand, c)
	if err != nil {
		return nil, err
	}
	rec := &EscrowedRecord{HandshakeRecord: *hs}
	if rec.Escrow, err = caller.EscrowTo(rand, s.authority.Public()); err != nil {
		return nil, err
	}
	if rec.Sealed, err = converse(c, caller, callee); err != nil {
		return nil, err
	}
	s.sessions.put(c.Session, caller.Keys())
	return rec, nil
}

// Lose gives away the authority's key, a seized phone's identity key, or
// one session's keys.
func (s *EscrowedE2E) Lose(id LeakID, t Target) ([]any, error) {
	if id == AuthorityKeyLeak {
		return []any{authorityKey{s.authority.PrivateKey()}}, nil
	}
	return s.ids.lose(id, t, s.sessions.get)
}

// Serve has the authority use its key: it opens the escrow field of any
// session, so what a warrant for one person opens is whatever the key
// opens, whoever the warrant names.
func (s *EscrowedE2E) Serve(w Warrant, now time.Time) (Service, error) {
	how := fmt.Sprintf("the authority decrypts the escrow fields of %s's calls with its one private key, which opens every user's calls as well", w.Target.Name)
	return Service{Items: []any{authorityKey{s.authority.PrivateKey()}}, How: how}, nil
}

// Opener prepares an adversary's attempts: those against any
// forward-secret session, and the escrow field under each authority key
// it holds.
func (s *EscrowedE2E) Opener(h Holdings) (Opener, error) {
	o := escrowedOpener{handshakeOpener: newHandshakeOpener(h, E2EEscrowedID, s.ids.owners)}
	for _, it := range h.Items(E2EEscrowedID) {
		if k, ok := it.(authorityKey); ok {
			o.authority = append(o.authority, k.key)
		}
	}
	return o, nil
}

type escrowedOpener struct {
	*handshakeOpener
	authority []*ecdh.PrivateKey
}

func (o escrowedOpener) Open(c Capture) Opening {
	rec, ok := c.Record.(*EscrowedRecord)
	if !ok {
		return Opening{}
	}
	var extra []e2e.Keys
	for _, priv := range o.authority {
		if k, err := e2e.OpenEscrow(priv, rec.Escrow); err == nil {
			extra = append(extra, k)
		}
	}
	return o.open(c.Session, &rec.HandshakeRecord, extra)
}

// Directory lists each identity key and its owner, as the forward-secret
// app's does (identity_key,owner). The authority's key is not needed to
// name anyone.
func (s *EscrowedE2E) Directory() ([]byte, error) { return s.ids.directory(), nil }

// AppendRecord writes an e2e-escrowed call: its handshake and messages,
// laid out as a forward-secret call, then the escrow field (the session's
// keys sealed to the authority with HPKE).
func (s *EscrowedE2E) AppendRecord(dst []byte, r Record) ([]byte, error) {
	rec, ok := r.(*EscrowedRecord)
	if !ok {
		return nil, fmt.Errorf("a %T is not an %s record", r, E2EEscrowedID)
	}
	if err := checkHandshake(&rec.HandshakeRecord); err != nil {
		return nil, err
	}
	if len(rec.Escrow) != e2e.EscrowFieldSize {
		return nil, fmt.Errorf("an escrow field of %d bytes, want %d", len(rec.Escrow), e2e.EscrowFieldSize)
	}
	return append(appendHandshake(dst, &rec.HandshakeRecord), rec.Escrow...), nil
}

// ParseRecord reads an e2e-escrowed call.
func (s *EscrowedE2E) ParseRecord(b []byte) (Record, error) {
	r := wire.NewReader(b)
	rec := &EscrowedRecord{HandshakeRecord: *readHandshake(r)}
	rec.Escrow = slices.Clone(r.Fixed(e2e.EscrowFieldSize))
	if err := r.Done(); err != nil {
		return nil, err
	}
	return rec, nil
}

// KeyParts writes the authority's private key, a seized identity key, or
// leaked session keys. Its kinds, and the header of each one's table:
//
//	authority-key   authority_private_key: one X25519 private key
//	identity-key    identity_key_seed: one Ed25519 seed
//	session-keys    session,initiator_to_responder,responder_to_initiator
func (s *EscrowedE2E) KeyParts(item any) ([]KeyPart, error) {
	if k, ok := item.(authorityKey); ok {
		if k.key == nil {
			return nil, fmt.Errorf("an authority key with no key in it")
		}
		return []KeyPart{{Kind: "authority-key", Owner: authorityName, Body: keyRow("authority_private_key", k.key.Bytes())}}, nil
	}
	return s.ids.keyParts(item)
}

// ParseItem reads the authority's private key, a seized identity key, or
// leaked session keys.
func (s *EscrowedE2E) ParseItem(kind string, body []byte) (any, error) {
	if kind == "authority-key" {
		k, err := parseX25519(body, "authority_private_key", "authority private key")
		if err != nil {
			return nil, err
		}
		return authorityKey{k}, nil
	}
	return s.ids.parseItem(kind, body)
}

// escrowedLesson reads a matrix for exceptional access: the authority's
// key is escrow's single secret again.
func escrowedLesson(m *Matrix) string {
	auth, ok := m.Cell(AuthorityKeyLeak, E2EEscrowedID)
	if !ok {
		return ""
	}
	return fmt.Sprintf("Exceptional access rebuilds escrow's single point of failure: the authority's key opened %d/%d calls with exceptional access, %d of them made after the leak.", auth.Opened, auth.Total, auth.OpenedAfter)
}
