package attack

import (
	"crypto/ecdh"
	"crypto/ed25519"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/escrowlab/escrowlab/e2e"
	"github.com/escrowlab/escrowlab/internal/wire"
)

// E2EGhostID is forward-secret end-to-end encryption in which the provider
// runs the directory of each user's devices, and every session is copied
// to every device the directory lists. In 2018 two GCHQ officials proposed
// that providers answer warrants by silently adding a law-enforcement
// device: a "ghost" in the conversation.
const E2EGhostID SchemeID = "e2e-ghost"

// ProviderBreach is an intruder who gains the provider's power over the
// directory: from that day it adds a hidden device of its own to every
// user's account, and reads their new sessions. It opens nothing recorded
// before its day.
const ProviderBreach LeakID = "provider-breach"

func init() {
	RegisterScheme(SchemeInfo{
		ID: E2EGhostID, Title: "end-to-end with a ghost device", Order: 55,
		Description: "forward-secret end-to-end encryption whose provider lists each user's devices, where the 2018 ghost proposal would add a silent extra one",
		Caveat:      "the ghost device follows the 2018 proposal's description; a safety-number check finds it only if the users' apps show the keys they really use",
		Keys: []KeyInfo{
			{"device key", "each device the provider lists on an account", "a copy of every new call of that account", "a spare key the landlord hands to whoever is on the list"},
		},
		New: newGhost,
		Restore: func(dir []byte, people []*Person) (Reading, error) {
			ids, err := restoreIdentities(dir, people)
			return &Ghost{ids: ids}, err
		},
	})
	RegisterLeak(LeakInfo{ID: ProviderBreach, Words: "the provider's power to add hidden devices", Access: true, Order: 95})
}

// Ghost is a multi-device messaging app deployed in one world: an identity
// key and a device key in each person's app, the provider's directory with
// any hidden devices added to it, and, for each session, the keys and the
// device lists the two apps were given. Restored from an archive, it has
// only the owners of the identity keys.
type Ghost struct {
	ids     identities
	devices map[*Person]*e2e.DeviceKey // each person's own device
	ghosts  []ghostDevice              // devices the directory lists that no user owns
	rand    io.Reader                  // for the hidden devices a warrant or a breach adds
	calls   *sessionStore[ghostCall]   // nil when restored
}

// ghostCall is what the apps and the provider knew of one session: its
// keys, the devices listed for the caller and then the callee, and the two
// accounts the provider connected.
type ghostCall struct {
	keys  e2e.Keys
	shown [2][]*ecdh.PublicKey
	route [2]*Person
}

// ghostDevice is a hidden device the directory lists for one user, or for
// every user, while it is active.
type ghostDevice struct {
	key         *e2e.DeviceKey
	target      *Person   // nil: every user
	from, until time.Time // until zero: no end
}

// GhostRecord is an e2e-ghost session on the wire: a forward-secret
// session, and a copy of its keys sealed to each further device the
// directory listed for either party.
type GhostRecord struct {
	HandshakeRecord
	Copies [][]byte
}

// ghostKey is a hidden device's private key in an adversary's hands, and
// whose device it is: the agency of a warrant, or no one named for an
// intruder's.
type ghostKey struct {
	key   *ecdh.PrivateKey
	owner string
}

func newGhost(env Env) (Scheme, error) {
	return &Ghost{ids: newIdentities(), devices: map[*Person]*e2e.DeviceKey{}, rand: env.Rand, calls: newSessionStore[ghostCall](env.Keep)}, nil
}

// Enrol makes p's identity key and the key of p's one device.
func (g *Ghost) Enrol(p *Person, rand io.Reader) error {
	if err := g.ids.enrol(p, rand); err != nil {
		return err
	}
	d, err := e2e.NewDeviceKey(rand)
	g.devices[p] = d
	return err
}

// listed returns the devices the directory lists for p at time at: p's own
// device and every hidden device then active on p's account.
func (g *Ghost) listed(p *Person, at time.Time) []*ecdh.PublicKey {
	out := []*ecdh.PublicKey{g.devices[p].Public()}
	for _, gh := range g.ghosts {
		if (gh.target == nil || gh.target == p) && !at.Before(gh.from) && (gh.until.IsZero() || at.Before(gh.until)) {
			out = append(out, gh.key.Public())
		}
	}
	return out
}

// Call runs the handshake, seals the session's keys to every further
// device the directory lists for either party, and carries the
// conversation.
func (g *Ghost) Call(c *Conversation, rand io.Reader) (Record, error) {
	hs, caller, callee, err := g.ids.handshake(rand, c)
	if err != nil {
		return nil, err
	}
	rec := &GhostRecord{HandshakeRecord: *hs}
	shown := [2][]*ecdh.PublicKey{g.listed(c.Caller, c.At), g.listed(c.Callee, c.At)}
	for _, devices := range shown {
		for _, d := range devices[1:] {
			sealed, err := caller.SealToDevice(rand, d)
			if err != nil {
				return nil, err
			}
			rec.Copies = append(rec.Copies, sealed)
		}
	}
	if rec.Sealed, err = converse(c, caller, callee); err != nil {
		return nil, err
	}
	g.calls.put(c.Session, ghostCall{caller.Keys(), shown, [2]*Person{c.Caller, c.Callee}})
	return rec, nil
}

// Check reports whether the two users, comparing safety numbers after the
// session, would find a device neither of them owns: each number is
// computed from the devices the directory listed, and compared with the
// one computed from the devices the user really has.
func (g *Ghost) Check(c Conversation) bool {
	call, ok := g.calls.get(c.Session)
	if !ok {
		return false
	}
	shown := call.shown
	for i, p := range []*Person{c.Caller, c.Callee} {
		id := g.ids.keys[p].Public()
		if e2e.SafetyNumber(id, shown[i]) != e2e.SafetyNumber(id, []*ecdh.PublicKey{g.devices[p].Public()}) {
			return true
		}
	}
	return false
}

// Lose gives away a seized phone's identity key, one session's keys, or,
// in a breach of the provider, the power to add hidden devices: from now
// on the intruder's device is listed on every account.
func (g *Ghost) Lose(id LeakID, t Target) ([]any, error) {
	if id != ProviderBreach {
		return g.ids.lose(id, t, func(n int) (e2e.Keys, bool) { c, ok := g.calls.get(n); return c.keys, ok })
	}
	k, err := g.addGhost(nil, t.At, time.Time{})
	return []any{k}, err
}

// Serve has the provider do what the 2018 proposal asked: list a hidden
// device on the target's account while the warrant is in force, so that
// the target's contacts' apps copy each new session to it. The provider
// honours the warrant's end.
func (g *Ghost) Serve(w Warrant, now time.Time) (Service, error) {
	k, err := g.addGhost(w.Target, now, w.Ends)
	k.owner = w.Agency
	how := fmt.Sprintf("the provider silently lists a device of the agency's on %s's account until the end of %s; every new call with %s is copied to it", w.Target.Name, w.LastDay().Format("2 Jan 2006"), w.Target.Name)
	return Service{Items: []any{k}, How: how}, err
}

// addGhost lists a new hidden device on target's account (every account if
// target is nil) from from until until, and returns its key.
func (g *Ghost) addGhost(target *Person, from, until time.Time) (ghostKey, error) {
	d, err := e2e.NewDeviceKey(g.rand)
	if err != nil {
		return ghostKey{}, err
	}
	g.ghosts = append(g.ghosts, ghostDevice{key: d, target: target, from: from, until: until})
	return ghostKey{key: d.PrivateKey()}, nil
}

// Opener prepares an adversary's attempts: those against any forward-secret
// session, and the copy sealed to each hidden device whose key it holds.
func (g *Ghost) Opener(h Holdings) (Opener, error) {
	o := ghostOpener{handshakeOpener: newHandshakeOpener(h, E2EGhostID, g.ids.owners), calls: g.calls}
	for _, it := range h.Items(E2EGhostID) {
		if k, ok := it.(ghostKey); ok {
			o.ghosts = append(o.ghosts, k.key)
		}
	}
	if g.calls == nil && len(o.ghosts) > 0 {
		for k := range g.ids.owners {
			b, _ := hex.DecodeString(k)
			o.directory = append(o.directory, b)
		}
	}
	return o, nil
}

type ghostOpener struct {
	*handshakeOpener
	ghosts    []*ecdh.PrivateKey
	calls     *sessionStore[ghostCall] // the provider's records; nil when restored
	directory []ed25519.PublicKey      // every identity key, when restored
}

// Open tries the copies sealed to the adversary's hidden devices. A hidden
// device is delivered the conversation as any device is, so its holder
// also learns which two accounts the provider connected.
func (o ghostOpener) Open(c Capture) Opening {
	rec, ok := c.Record.(*GhostRecord)
	if !ok {
		return Opening{}
	}
	var extra []e2e.Keys
	for _, priv := range o.ghosts {
		for _, sealed := range rec.Copies {
			if k, err := e2e.OpenDeviceCopy(priv, sealed); err == nil {
				extra = append(extra, k)
			}
		}
	}
	out := o.open(c.Session, &rec.HandshakeRecord, extra)
	if len(extra) > 0 {
		if who := o.accounts(c.Session, &rec.HandshakeRecord); who != nil {
			out.Who = who
		}
	}
	return out
}

// accounts returns the two accounts the provider connected in a session,
// or nil. The deployed opener reads them from the provider's records,
// which no file carries. Restored from an archive, it finds them as the
// device's app would check them: by the handshake's signatures, against
// every identity key in the directory. That tries each pair of keys until
// one fits: quick for a class, slow for a directory of thousands.
func (o ghostOpener) accounts(session int, rec *HandshakeRecord) []*Person {
	if o.calls != nil {
		if call, ok := o.calls.get(session); ok {
			return call.route[:]
		}
		return nil
	}
	if i, r, ok := e2e.Participants(rec.Hello, rec.Reply, o.directory); ok {
		return []*Person{o.owners[hexKey(i)], o.owners[hexKey(r)]}
	}
	return nil
}

// Directory lists each identity key and its owner, as the forward-secret
// app's does (identity_key,owner). The devices' keys are not needed to
// name anyone.
func (g *Ghost) Directory() ([]byte, error) { return g.ids.directory(), nil }

// maxCopies bounds the copies of a ghost record read from an archive: one
// for each hidden device listed for either party.
const maxCopies = 1 << 10

// AppendRecord writes an e2e-ghost call: its handshake and messages, laid
// out as a forward-secret call, then how many copies of the session's keys
// were sealed to further devices, and each copy (HPKE, fixed size).
func (g *Ghost) AppendRecord(dst []byte, r Record) ([]byte, error) {
	rec, ok := r.(*GhostRecord)
	if !ok {
		return nil, fmt.Errorf("a %T is not an %s record", r, E2EGhostID)
	}
	if err := checkHandshake(&rec.HandshakeRecord); err != nil {
		return nil, err
	}
	if len(rec.Copies) > maxCopies {
		return nil, fmt.Errorf("%d device copies, more than the %d a record holds", len(rec.Copies), maxCopies)
	}
	dst = wire.AppendUint(appendHandshake(dst, &rec.HandshakeRecord), uint64(len(rec.Copies)))
	for _, c := range rec.Copies {
		if len(c) != e2e.DeviceCopySize {
			return nil, fmt.Errorf("a device copy of %d bytes, want %d", len(c), e2e.DeviceCopySize)
		}
		dst = append(dst, c...)
	}
	return dst, nil
}

// ParseRecord reads an e2e-ghost call.
func (g *Ghost) ParseRecord(b []byte) (Record, error) {
	r := wire.NewReader(b)
	rec := &GhostRecord{HandshakeRecord: *readHandshake(r)}
	for range r.Count(maxCopies, e2e.DeviceCopySize) {
		rec.Copies = append(rec.Copies, slices.Clone(r.Fixed(e2e.DeviceCopySize)))
	}
	if err := r.Done(); err != nil {
		return nil, err
	}
	return rec, nil
}

// KeyParts writes a hidden device's private key, which opens every copy
// sealed to that device, a seized identity key, or leaked session keys.
// Its kinds, and the header of each one's table:
//
//	device-key     device_private_key: one X25519 private key
//	identity-key   identity_key_seed: one Ed25519 seed
//	session-keys   session,initiator_to_responder,responder_to_initiator
func (g *Ghost) KeyParts(item any) ([]KeyPart, error) {
	if k, ok := item.(ghostKey); ok {
		if k.key == nil {
			return nil, fmt.Errorf("a hidden device's key with no key in it")
		}
		return []KeyPart{{Kind: "device-key", Owner: k.owner, Body: keyRow("device_private_key", k.key.Bytes())}}, nil
	}
	return g.ids.keyParts(item)
}

// ParseItem reads a hidden device's private key, a seized identity key,
// or leaked session keys.
func (g *Ghost) ParseItem(kind string, body []byte) (any, error) {
	if kind == "device-key" {
		k, err := parseX25519(body, "device_private_key", "device private key")
		if err != nil {
			return nil, err
		}
		return ghostKey{key: k}, nil
	}
	return g.ids.parseItem(kind, body)
}
