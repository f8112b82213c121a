package attack

import (
	"crypto/ecdh"
	"crypto/ed25519"
	"crypto/sha512"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"

	"golang.org/x/crypto/curve25519"

	"github.com/escrowlab/escrowlab/e2e"
	"github.com/escrowlab/escrowlab/escrow"
	"github.com/escrowlab/escrowlab/sim"
)

// ErrSealed reports that the leaked material did not open a session.
var ErrSealed = errors.New("attack: session stays sealed")

// Leak is the key material that has reached an adversary. The zero Leak is
// an eavesdropper with nothing but the wiretap archive.
type Leak struct {
	FamilyKey    *escrow.FamilyKey                             // KF, if it leaked
	Databases    [2]map[escrow.UnitID]escrow.KeyComponent      // each Clipper escrow agent's database, if it leaked
	ThresholdDBs map[int]map[escrow.UnitID]escrow.KeyComponent // threshold agents' databases, by agent number from 0
	SIMDB        map[string]sim.Ki                             // the SIM manufacturer's Ki database, by IMSI
	UnitKeys     map[escrow.UnitID]escrow.UnitKey              // unit keys kept from earlier warrants
	Identities   []ed25519.PrivateKey                          // E2E identity keys from seized devices
	StaticKeys   []*ecdh.PrivateKey                            // e2e-static long-term keys from seized devices
	AuthorityKey *ecdh.PrivateKey                              // the e2e-escrowed authority's key
	Sessions     map[int]SessionKeys                           // the keys of individual sessions, by session number
}

// Attacker tries to open captured sessions with one Leak and nothing else.
type Attacker struct {
	leak  Leak
	procs map[Scheme]*escrow.DecryptProcessor // its own decrypt processors (clipper, threshold), if it has KF
}

// NewAttacker prepares an attacker holding leak. checksumBits is the width
// of the LEAF checksum, part of the public LEAF format.
func NewAttacker(leak Leak, checksumBits int) (*Attacker, error) {
	a := &Attacker{leak: leak}
	if leak.FamilyKey == nil {
		return a, nil
	}
	family, err := escrow.NewFamily(*leak.FamilyKey, checksumBits)
	if err != nil {
		return nil, err
	}
	clipper, threshold := escrow.NewDecryptProcessor(family), escrow.NewDecryptProcessor(family)
	a.procs = map[Scheme]*escrow.DecryptProcessor{Clipper: clipper, Threshold: threshold}
	for id, ku := range leak.UnitKeys {
		clipper.AddUnitKey(id, ku)
		threshold.AddUnitKey(id, ku)
	}
	// Rebuild KU for every unit in either leaked Clipper database. Where
	// only one leaked, the missing component counts as zero and the single
	// component is tried as if it were the key: it fails, and Measure shows
	// that it did.
	db1, db2 := leak.Databases[0], leak.Databases[1]
	for _, db := range leak.Databases {
		for id := range db {
			if _, kept := leak.UnitKeys[id]; !kept {
				clipper.AddUnitKey(id, escrow.CombineComponents(db1[id], db2[id]))
			}
		}
	}
	// Likewise combine whatever threshold shares leaked: with fewer than
	// ThresholdK the interpolation yields a wrong key, as it must.
	shares := map[escrow.UnitID]map[int]escrow.KeyComponent{}
	for agent, db := range leak.ThresholdDBs {
		for id, c := range db {
			if shares[id] == nil {
				shares[id] = map[int]escrow.KeyComponent{}
			}
			shares[id][agent] = c
		}
	}
	for id, s := range shares {
		if _, kept := leak.UnitKeys[id]; kept {
			continue
		}
		ku, err := escrow.CombineShares(s)
		if err != nil {
			return nil, err
		}
		threshold.AddUnitKey(id, ku)
	}
	return a, nil
}

// Open tries to recover every message of a captured session. It returns
// the messages in the order sent, or an error wrapping ErrSealed.
func (a *Attacker) Open(c Capture) ([]string, error) {
	switch {
	case c.Clipper != nil:
		return a.openClipper(c)
	case c.SIM != nil:
		return a.openSIM(c)
	case c.E2E != nil:
		return a.openE2E(c)
	}
	return nil, fmt.Errorf("session %d: empty capture: %w", c.Session, ErrSealed)
}

// openClipper uses a leaked session key if it has this session's; else it
// reads each LEAF's unit ID with KF and, for a unit whose key it holds,
// unwraps the session key and decrypts the whole call with it.
func (a *Attacker) openClipper(c Capture) ([]string, error) {
	ts := c.Clipper.Transmissions
	if k, ok := a.leak.Sessions[c.Session]; ok {
		ks := k.Clipper
		if c.Scheme == Threshold {
			ks = k.Threshold
		}
		if texts, err := decryptAll(ts, ks); err == nil {
			return texts, nil
		}
	}
	proc := a.procs[c.Scheme]
	if proc == nil {
		return nil, fmt.Errorf("no family key to open the LEAFs: %w", ErrSealed)
	}
	for _, t := range ts {
		leaf, err := proc.ReadLEAF(t.LEAF)
		if err != nil || !proc.HasUnitKey(leaf.UnitID) {
			continue
		}
		ks, err := proc.SessionKey(leaf.UnitID, t.LEAF)
		if err != nil {
			continue
		}
		if texts, err := decryptAll(ts, ks); err == nil {
			return texts, nil
		}
	}
	return nil, fmt.Errorf("no unit key that opens this call: %w", ErrSealed)
}

// openSIM uses a leaked session's keys, or derives each radio leg's Kc
// from the stolen Ki database: the challenge RAND is on the air, and the
// SRES beside it tells whose Ki to use.
func (a *Attacker) openSIM(c Capture) ([]string, error) {
	var kcs [2]sim.Kc
	switch k, ok := a.leak.Sessions[c.Session]; {
	case ok:
		kcs = k.SIM
	case a.leak.SIMDB != nil:
		for i, leg := range c.SIM.Legs {
			_, ki, found := sim.Identify(a.leak.SIMDB, leg.RAND, leg.SRES)
			if !found {
				return nil, fmt.Errorf("no stolen Ki answers leg %d's challenge: %w", i, ErrSealed)
			}
			_, kcs[i] = sim.Derive(ki, leg.RAND)
		}
	default:
		return nil, fmt.Errorf("no SIM keys: %w", ErrSealed)
	}
	texts := make([]string, 0, len(c.SIM.Messages))
	for _, m := range c.SIM.Messages {
		_, p, err := sim.Open(kcs[m.Leg], m.Sealed)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", err, ErrSealed)
		}
		texts = append(texts, string(p))
	}
	return texts, nil
}

func decryptAll(ts []*escrow.Transmission, ks escrow.SessionKey) ([]string, error) {
	texts := make([]string, 0, len(ts))
	for _, t := range ts {
		p, err := escrow.DecryptTraffic(ks, t.IV, t.Ciphertext)
		if err != nil {
			return nil, err
		}
		texts = append(texts, string(p))
	}
	return texts, nil
}

// openE2E tries every key the leak can yield for this session: a leaked
// session key, the escrow field under the authority key, the wrapped key
// under each static key, and every secret on every seized device as a
// Diffie-Hellman secret against the handshake's ephemeral keys. Under
// forward secrecy the last never works: the ephemeral secrets were wiped.
func (a *Attacker) openE2E(c Capture) ([]string, error) {
	for _, keys := range a.candidateKeys(c) {
		if texts, err := openAll(c.E2E.Sealed, keys); err == nil {
			return texts, nil
		}
	}
	return nil, fmt.Errorf("no leaked key opens this session: %w", ErrSealed)
}

// candidateKeys lists the session keys the leak can derive for c.
func (a *Attacker) candidateKeys(c Capture) []e2e.Keys {
	var out []e2e.Keys
	if k, ok := a.leak.Sessions[c.Session]; ok {
		out = append(out, k.E2E[c.Scheme])
	}
	if c.E2E.Escrow != nil && a.leak.AuthorityKey != nil {
		if k, err := e2e.OpenEscrow(a.leak.AuthorityKey, c.E2E.Escrow); err == nil {
			out = append(out, k)
		}
	}
	if c.E2E.Wrapped != nil {
		for _, sk := range a.leak.StaticKeys {
			if k, err := e2e.UnwrapStatic(sk, c.E2E.Wrapped); err == nil {
				out = append(out, k)
			}
		}
	}
	ei, er, err := e2e.Ephemerals(c.E2E.Hello, c.E2E.Reply)
	if err != nil {
		return out
	}
	for _, secret := range a.seizedSecrets() {
		for _, eph := range [][32]byte{ei, er} {
			shared, err := curve25519.X25519(secret, eph[:])
			if err != nil {
				continue
			}
			if k, err := e2e.DeriveKeys(shared, c.E2E.Hello, c.E2E.Reply); err == nil {
				out = append(out, k)
			}
		}
	}
	return out
}

// seizedSecrets lists every 32-byte secret the seized devices offer: each
// identity's seed and the X25519 scalar derived from it the standard way,
// and each static key.
func (a *Attacker) seizedSecrets() [][]byte {
	var out [][]byte
	for _, id := range a.leak.Identities {
		seed := id.Seed()
		h := sha512.Sum512(seed)
		out = append(out, seed, h[:32])
	}
	for _, sk := range a.leak.StaticKeys {
		out = append(out, sk.Bytes())
	}
	return out
}

// openAll opens each sealed message with whichever direction's key fits.
func openAll(sealed [][]byte, keys e2e.Keys) ([]string, error) {
	texts := make([]string, 0, len(sealed))
	for _, s := range sealed {
		_, p, err := e2e.OpenMessage(keys.InitiatorToResponder, s)
		if err != nil {
			if _, p, err = e2e.OpenMessage(keys.ResponderToInitiator, s); err != nil {
				return nil, err
			}
		}
		texts = append(texts, string(p))
	}
	return texts, nil
}

// Endpoints tries to learn who took part in a captured session without
// reading it: under Clipper and threshold escrow, the unit IDs in its
// LEAFs, if the attacker holds the family key; under SIM, the subscribers
// whose stolen Ki reproduces each leg's response; under E2E, the signers
// of the handshake, among the identity keys the attacker holds. It returns
// the identifiers found, sorted: "unit 95A5053F", "IMSI 001010000000001",
// identities as hex.
func (a *Attacker) Endpoints(c Capture) []string {
	var ids []string
	switch {
	case c.Clipper != nil && a.procs != nil:
		for _, t := range c.Clipper.Transmissions {
			if leaf, err := a.procs[c.Scheme].ReadLEAF(t.LEAF); err == nil {
				ids = append(ids, unitEndpoint(leaf.UnitID))
			}
		}
	case c.SIM != nil && a.leak.SIMDB != nil:
		for _, leg := range c.SIM.Legs {
			if imsi, _, ok := sim.Identify(a.leak.SIMDB, leg.RAND, leg.SRES); ok {
				ids = append(ids, simEndpoint(imsi))
			}
		}
	case c.E2E != nil && len(a.leak.Identities) > 0:
		var known []ed25519.PublicKey
		for _, id := range a.leak.Identities {
			known = append(known, id.Public().(ed25519.PublicKey))
		}
		if i, r, ok := e2e.Participants(c.E2E.Hello, c.E2E.Reply, known); ok {
			ids = append(ids, hex.EncodeToString(i), hex.EncodeToString(r))
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

func unitEndpoint(id escrow.UnitID) string { return "unit " + id.String() }

func simEndpoint(imsi string) string { return "IMSI " + imsi }
