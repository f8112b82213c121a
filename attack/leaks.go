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
	// Agent1DB: the first escrow agent's database of KU1 components.
	Agent1DB LeakID = "agent1-db"
	// Agent2DB: the second escrow agent's database of KU2 components.
	Agent2DB LeakID = "agent2-db"
	// EscrowDBs: both agents' databases and the family key.
	EscrowDBs LeakID = "escrow-dbs"
	// UnitKeyLeak: one chip's unit key (with KF), kept by an officer after a
	// warrant expired.
	UnitKeyLeak LeakID = "unit-key"
	// DeviceSeizure: one user's device and every long-term secret it will
	// give up. A Clipper chip gives up none; an E2E app gives up its
	// identity key and its static key.
	DeviceSeizure LeakID = "device-seizure"
	// AuthorityKeyLeak: the e2e-escrowed authority's private key.
	AuthorityKeyLeak LeakID = "authority-key"
	// SessionKeyLeak: the keys of one session, under every scheme.
	SessionKeyLeak LeakID = "session-key"
)

// Leaks lists every leak in display order.
var Leaks = []LeakID{NoLeak, FamilyKeyLeak, Agent1DB, Agent2DB, EscrowDBs, UnitKeyLeak, DeviceSeizure, AuthorityKeyLeak, SessionKeyLeak}

// ParseLeak returns the leak with the given id.
func ParseLeak(id string) (LeakID, error) {
	for _, l := range Leaks {
		if string(l) == id {
			return l, nil
		}
	}
	return "", fmt.Errorf("unknown leak %q (want one of %s)", id, joinIDs(Leaks))
}

// Target says whose secrets the leaks that concern one person or one session
// give away.
type Target struct {
	Person  *Person // for unit-key and device-seizure
	Session int     // for session-key
}

// LeakOf returns the material leak id hands an adversary in this world.
func (w *World) LeakOf(id LeakID, target Target) (Leak, error) {
	kf := w.Family.Key()
	db := func(i int) map[escrow.UnitID]escrow.KeyComponent { return w.Agents[i].Database() }
	switch id {
	case NoLeak:
		return Leak{}, nil
	case FamilyKeyLeak:
		return Leak{FamilyKey: &kf}, nil
	case Agent1DB:
		return Leak{Databases: [2]map[escrow.UnitID]escrow.KeyComponent{db(0), nil}}, nil
	case Agent2DB:
		return Leak{Databases: [2]map[escrow.UnitID]escrow.KeyComponent{nil, db(1)}}, nil
	case EscrowDBs:
		return Leak{FamilyKey: &kf, Databases: [2]map[escrow.UnitID]escrow.KeyComponent{db(0), db(1)}}, nil
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
		id := p.Chip.UnitID()
		ku := escrow.CombineComponents(db(0)[id], db(1)[id])
		return Leak{FamilyKey: &kf, UnitKeys: map[escrow.UnitID]escrow.UnitKey{id: ku}}, nil
	case DeviceSeizure:
		// The Clipper chip in the phone gives up nothing: it has no way to
		// read out KU. The apps give up their long-term keys.
		return Leak{Identities: []ed25519.PrivateKey{p.Identity.PrivateKey()}, StaticKeys: []*ecdh.PrivateKey{p.Static.PrivateKey()}}, nil
	}
	return Leak{}, fmt.Errorf("unknown leak %q", id)
}
