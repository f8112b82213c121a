package attack

import (
	"maps"

	"github.com/escrowlab/escrowlab/escrow"
	"github.com/escrowlab/escrowlab/sim"
)

// Merge returns the material of l and o together: what an adversary holds
// after two leaks. Neither is changed.
func (l Leak) Merge(o Leak) Leak {
	m := Leak{
		FamilyKey:    l.FamilyKey,
		AuthorityKey: l.AuthorityKey,
		UnitKeys:     maps.Clone(l.UnitKeys),
		Sessions:     maps.Clone(l.Sessions),
		Identities:   append(append(l.Identities[:0:0], l.Identities...), o.Identities...),
		StaticKeys:   append(append(l.StaticKeys[:0:0], l.StaticKeys...), o.StaticKeys...),
	}
	if o.FamilyKey != nil {
		m.FamilyKey = o.FamilyKey
	}
	if o.AuthorityKey != nil {
		m.AuthorityKey = o.AuthorityKey
	}
	m.ThresholdDBs = maps.Clone(l.ThresholdDBs)
	if o.ThresholdDBs != nil {
		if m.ThresholdDBs == nil {
			m.ThresholdDBs = map[int]map[escrow.UnitID]escrow.KeyComponent{}
		}
		maps.Copy(m.ThresholdDBs, o.ThresholdDBs)
	}
	m.SIMDB = maps.Clone(l.SIMDB)
	if o.SIMDB != nil {
		if m.SIMDB == nil {
			m.SIMDB = map[string]sim.Ki{}
		}
		maps.Copy(m.SIMDB, o.SIMDB)
	}
	for i := range m.Databases {
		m.Databases[i] = maps.Clone(l.Databases[i])
		if o.Databases[i] != nil {
			if m.Databases[i] == nil {
				m.Databases[i] = make(map[escrow.UnitID]escrow.KeyComponent)
			}
			maps.Copy(m.Databases[i], o.Databases[i])
		}
	}
	if o.UnitKeys != nil {
		if m.UnitKeys == nil {
			m.UnitKeys = make(map[escrow.UnitID]escrow.UnitKey)
		}
		maps.Copy(m.UnitKeys, o.UnitKeys)
	}
	if o.Sessions != nil {
		if m.Sessions == nil {
			m.Sessions = make(map[int]SessionKeys)
		}
		maps.Copy(m.Sessions, o.Sessions)
	}
	return m
}
