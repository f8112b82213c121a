package escrow

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// Facility programs chips: it gives each a unit ID and a unit key, and
// deposits the two components of that key with the two escrow agents. (In
// 1994 this happened in a secure facility with both agents present.)
type Facility struct {
	family *Family
	agents [2]*EscrowAgent
	made   map[UnitID]bool
}

// NewFacility returns a facility that makes chips of family f and deposits
// components with agent1 (KU1) and agent2 (KU2).
func NewFacility(f *Family, agent1, agent2 *EscrowAgent) (*Facility, error) {
	if f == nil || agent1 == nil || agent2 == nil {
		return nil, errors.New("escrow: facility needs a family and two escrow agents")
	}
	if agent1 == agent2 {
		return nil, errors.New("escrow: the two key components must go to two different agents")
	}
	return &Facility{family: f, agents: [2]*EscrowAgent{agent1, agent2}, made: make(map[UnitID]bool)}, nil
}

// Manufacture makes one chip. It draws a fresh unit ID and two random
// components KU1 and KU2 from rand, programs KU = KU1 xor KU2 into the chip,
// and deposits KU1 with the first agent and KU2 with the second.
func (fac *Facility) Manufacture(rand io.Reader) (*Device, error) {
	var buf [4 + 2*KeySize]byte
	var id UnitID
	for {
		if _, err := io.ReadFull(rand, buf[:]); err != nil {
			return nil, fmt.Errorf("escrow: manufacturing chip: %w", err)
		}
		id = UnitID(binary.BigEndian.Uint32(buf[:4]))
		if !fac.made[id] {
			break
		}
	}
	var ku1, ku2 KeyComponent
	copy(ku1[:], buf[4:])
	copy(ku2[:], buf[4+KeySize:])
	ku := CombineComponents(ku1, ku2)
	d, err := programDevice(fac.family, id, ku)
	if err != nil {
		return nil, err
	}
	fac.made[id] = true
	fac.agents[0].deposit(id, ku1)
	fac.agents[1].deposit(id, ku2)
	return d, nil
}
