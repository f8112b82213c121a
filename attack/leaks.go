package attack

import (
	"crypto/ecdh"
	"crypto/ed25519"
	"fmt"

	"github.com/escrowlab/escrowlab/escrow"
)

// LeakID names a kind of leak. The ids are stable: they appear in output
// and in JSON.
type LeakID string

// The leaks the exposure matrix measures.
const (
	// NoLeak: a passive eavesdropper with nothing but the wiretap archive.
	NoLeak LeakID = "none"
	// FamilyKeyLeak: Clipper's family key KF alone.
	FamilyKeyLeak LeakID = "family-key"
	// Agent1DB: the first escrow agent's database (Clipper's KU1
	// components; the threshold scheme's first shares).
	Agent1DB LeakID = "agent1-db"
	// Agent2DB: the second escrow agent's database.
	Agent2DB LeakID = "agent2-db"
	// QuorumDBs: just enough agents' databases to rebuild unit keys (both
	// of Clipper's two; ThresholdK of the threshold scheme's ThresholdN),
	// with the family key.
	QuorumDBs LeakID = "quorum-dbs"
	// EscrowDBs: every escrow agent's database and the family key.
	EscrowDBs LeakID = "escrow-dbs"
	// UnitKeyLeak: one chip's unit key (with KF), kept by an officer after a
	// warrant expired.
	UnitKeyLeak LeakID = "unit-key"
	// DeviceSeizure: one user's device and every long-term secret it will
	// give up. A Clipper chip gives up none; an E2E app gives up its
	// identity key and its static key.
	DeviceSeizure LeakID = "device-seizure"
	// SIMDB: the SIM manufacturer's database of every card's Ki.
	SIMDB LeakID = "sim-db"
	// AuthorityKeyLeak: the e2e-escrowed authority's private key.
	AuthorityKeyLeak LeakID = "authority-key"
	// SessionKeyLeak: the keys of one session, under every scheme.
	SessionKeyLeak LeakID = "session-key"
)

// Leaks lists every leak in display order.
var Leaks = []LeakID{NoLeak, FamilyKeyLeak, Agent1DB, Agent2DB, QuorumDBs, EscrowDBs, UnitKeyLeak, DeviceSeizure, SIMDB, AuthorityKeyLeak, SessionKeyLeak}

// ParseLeak returns the leak with the given id.
func ParseLeak(id string) (LeakID, error) { return parseID(Leaks, "leak", id) }

// Target says whose secrets the leaks that concern one person or one session
// give away.
type Target struct {
	Person  *Person // for unit-key and device-seizure
	Session int     // for session-key
}

// LeakOf returns the material leak id hands an adversary in this world.
func (w *World) LeakOf(id LeakID, target Target) (Leak, error) {
	kf := w.Family.Key()
	switch id {
	case NoLeak:
		return Leak{}, nil
	case FamilyKeyLeak:
		return Leak{FamilyKey: &kf}, nil
	case Agent1DB:
		return w.agentDBs(nil, []int{0}, []int{0}), nil
	case Agent2DB:
		return w.agentDBs(nil, []int{1}, []int{1}), nil
	case QuorumDBs:
		return w.agentDBs(&kf, []int{0, 1}, firstN(ThresholdK)), nil
	case EscrowDBs:
		return w.agentDBs(&kf, []int{0, 1}, firstN(ThresholdN)), nil
	case SIMDB:
		return Leak{SIMDB: w.SIMMaker.Database()}, nil
	case AuthorityKeyLeak:
		return Leak{AuthorityKey: w.Authority.PrivateKey()}, nil
	case SessionKeyLeak:
		keys, ok := w.secrets[target.Session]
		if !ok {
			return Leak{}, fmt.Errorf("session-key leak: no session %d", target.Session)
		}
		return Leak{Sessions: map[int]SessionKeys{target.Session: keys}}, nil
	}
	p := target.Person
	if p == nil {
		return Leak{}, fmt.Errorf("%s leak needs a target person", id)
	}
	switch id {
	case UnitKeyLeak:
		// The officer kept the unit keys of the person's chips.
		keys := map[escrow.UnitID]escrow.UnitKey{}
		cid, tid := p.Chip.UnitID(), p.ThresholdChip.UnitID()
		keys[cid] = escrow.CombineComponents(w.Agents[0].Database()[cid], w.Agents[1].Database()[cid])
		shares := map[int]escrow.KeyComponent{}
		for i, a := range w.ThresholdAgents {
			shares[i] = a.Database()[tid]
		}
		ku, err := escrow.CombineShares(shares)
		if err != nil {
			return Leak{}, err
		}
		keys[tid] = ku
		return Leak{FamilyKey: &kf, UnitKeys: keys}, nil
	case DeviceSeizure:
		// The chips and the SIM in the phone give up nothing: none can read
		// out its key. The apps give up their long-term keys.
		return Leak{Identities: []ed25519.PrivateKey{p.Identity.PrivateKey()}, StaticKeys: []*ecdh.PrivateKey{p.Static.PrivateKey()}}, nil
	}
	return Leak{}, fmt.Errorf("unknown leak %q", id)
}

// agentDBs is a leak of escrow agents' databases: Clipper's agents
// numbered in clipper and the threshold scheme's numbered in threshold
// (from 0), with the family key if kf is not nil.
func (w *World) agentDBs(kf *escrow.FamilyKey, clipper, threshold []int) Leak {
	l := Leak{FamilyKey: kf, ThresholdDBs: map[int]map[escrow.UnitID]escrow.KeyComponent{}}
	for _, i := range clipper {
		l.Databases[i] = w.Agents[i].Database()
	}
	for _, i := range threshold {
		l.ThresholdDBs[i] = w.ThresholdAgents[i].Database()
	}
	return l
}

// firstN returns 0, 1, ..., n-1.
func firstN(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}
