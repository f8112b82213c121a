package attack

import (
	"crypto/ed25519"
	"crypto/sha512"
	"encoding/hex"
	"fmt"
	"io"
	"slices"

	"golang.org/x/crypto/curve25519"

	"github.com/escrowlab/escrowlab/e2e"
)

// Helpers for the end-to-end schemes (e2e-static, e2e-fs, e2e-escrowed):
// the handshake, the messages, and what an adversary tries against them.

// HandshakeRecord is a forward-secret end-to-end session on the wire: the
// signed ephemeral handshake, then the sealed messages in the order sent.
type HandshakeRecord struct {
	Hello, Reply []byte
	Sealed       [][]byte
}

// e2eSessions are leaked session keys of an end-to-end scheme, by session.
type e2eSessions map[int]e2e.Keys

// seizedIdentity is an identity key taken from a seized phone.
type seizedIdentity struct{ key ed25519.PrivateKey }

// identities is the Ed25519 identity key of each person's app, and the
// owner of each public key.
type identities struct {
	keys   map[*Person]*e2e.Identity
	owners map[string]*Person // by hex public key
}

func newIdentities() identities {
	return identities{keys: map[*Person]*e2e.Identity{}, owners: map[string]*Person{}}
}

// enrol makes p's identity key.
func (ids identities) enrol(p *Person, rand io.Reader) error {
	id, err := e2e.NewIdentity(rand)
	if err != nil {
		return err
	}
	ids.keys[p], ids.owners[hexKey(id.Public())] = id, p
	return nil
}

// hexKey names an identity key in the owners map.
func hexKey(k ed25519.PublicKey) string { return hex.EncodeToString(k) }

// handshake runs the signed ephemeral handshake between c's two apps and
// returns the record so far and both ends' sessions.
func (ids identities) handshake(rand io.Reader, c *Conversation) (*HandshakeRecord, *e2e.Session, *e2e.Session, error) {
	a, b := ids.keys[c.Caller], ids.keys[c.Callee]
	hs, hello, err := e2e.Initiate(rand, a, b.Public())
	if err != nil {
		return nil, nil, nil, err
	}
	callee, reply, err := e2e.Respond(rand, b, a.Public(), hello)
	if err != nil {
		return nil, nil, nil, err
	}
	caller, err := hs.Finish(reply)
	if err != nil {
		return nil, nil, nil, err
	}
	return &HandshakeRecord{Hello: hello, Reply: reply}, caller, callee, nil
}

// lose is what a forward-secret app gives away: a seized phone's identity
// key, or one session's keys.
func (ids identities) lose(id LeakID, t Target, keysOf func(session int) (e2e.Keys, bool)) ([]any, error) {
	switch id {
	case DeviceSeizure:
		return []any{seizedIdentity{ids.keys[t.Person].PrivateKey()}}, nil
	case SessionKeyLeak:
		k, ok := keysOf(t.Session)
		if !ok {
			return nil, fmt.Errorf("no session %d", t.Session)
		}
		return []any{e2eSessions{t.Session: k}}, nil
	}
	return nil, nil
}

// converse has c's two apps exchange c's messages over sessions caller and
// callee, each receiver checking what arrived, and returns the sealed
// messages as they crossed the wire.
func converse(c *Conversation, caller, callee *e2e.Session) ([][]byte, error) {
	var sealed [][]byte
	for _, m := range c.Messages {
		from, to := caller, callee
		if !m.FromCaller {
			from, to = callee, caller
		}
		s := from.Seal([]byte(m.Text))
		got, err := to.Open(s)
		if err != nil {
			return nil, fmt.Errorf("%s's app: %w", c.Receiver(m).Name, err)
		}
		if string(got) != m.Text {
			return nil, fmt.Errorf("%s's app opened %q, but %q was sent", c.Receiver(m).Name, got, m.Text)
		}
		sealed = append(sealed, s)
	}
	return sealed, nil
}

// openSealed opens each sealed message with whichever direction's key
// fits, or returns nil if any message fails.
func openSealed(sealed [][]byte, keys e2e.Keys) []string {
	texts := make([]string, 0, len(sealed))
	for _, s := range sealed {
		_, p, err := e2e.OpenMessage(keys.InitiatorToResponder, s)
		if err != nil {
			if _, p, err = e2e.OpenMessage(keys.ResponderToInitiator, s); err != nil {
				return nil
			}
		}
		texts = append(texts, string(p))
	}
	return texts
}

// handshakeOpener tries forward-secret sessions with leaked session keys
// and seized identity keys.
type handshakeOpener struct {
	owners   map[string]*Person
	seized   []ed25519.PrivateKey
	sessions e2eSessions
}

func newHandshakeOpener(h Holdings, scheme SchemeID, owners map[string]*Person) *handshakeOpener {
	o := &handshakeOpener{owners: owners}
	for _, it := range h.Items(scheme) {
		switch x := it.(type) {
		case seizedIdentity:
			o.seized = append(o.seized, x.key)
		case e2eSessions:
			o.sessions = mergeMaps(o.sessions, x)
		}
	}
	return o
}

// open tries every key the adversary can derive for rec: a leaked session
// key, and every seized secret as a Diffie-Hellman secret against the
// handshake's ephemeral keys. The last never works under forward secrecy,
// since the ephemeral secrets were wiped, but it is really tried. The
// handshake's signatures tell whose identity keys took part, among those
// the adversary holds.
func (o *handshakeOpener) open(session int, rec *HandshakeRecord, extra []e2e.Keys) Opening {
	var out Opening
	var known []ed25519.PublicKey
	for _, k := range o.seized {
		known = append(known, k.Public().(ed25519.PublicKey))
	}
	if i, r, ok := e2e.Participants(rec.Hello, rec.Reply, known); ok {
		out.Who = []*Person{o.owners[hexKey(i)], o.owners[hexKey(r)]}
	}
	candidates := slices.Clone(extra)
	if k, ok := o.sessions[session]; ok {
		candidates = append(candidates, k)
	}
	candidates = append(candidates, o.ephemeralGuesses(rec)...)
	for _, k := range candidates {
		if out.Texts = openSealed(rec.Sealed, k); out.Texts != nil {
			break
		}
	}
	return out
}

// ephemeralGuesses derives session keys from each seized identity's seed,
// and the X25519 scalar derived from it the standard way, used as if it
// were an ephemeral secret of the handshake.
func (o *handshakeOpener) ephemeralGuesses(rec *HandshakeRecord) []e2e.Keys {
	ei, er, err := e2e.Ephemerals(rec.Hello, rec.Reply)
	if err != nil {
		return nil
	}
	var out []e2e.Keys
	for _, id := range o.seized {
		seed := id.Seed()
		h := sha512.Sum512(seed)
		for _, secret := range [][]byte{seed, h[:32]} {
			for _, eph := range [][32]byte{ei, er} {
				shared, err := curve25519.X25519(secret, eph[:])
				if err != nil {
					continue
				}
				if k, err := e2e.DeriveKeys(shared, rec.Hello, rec.Reply); err == nil {
					out = append(out, k)
				}
			}
		}
	}
	return out
}
