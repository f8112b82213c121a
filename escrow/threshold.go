package escrow

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/escrowlab/escrowlab/escrow/shamir"
)

// ErrThresholdSetup reports a threshold facility asked for without a family,
// with k or n out of range (then [shamir.ErrThreshold] matches too), or with
// a nil or repeated escrow agent.
var ErrThresholdSetup = errors.New("bad threshold facility")

// ThresholdFacility programs chips whose unit keys are split k-of-n among n
// escrow agents with Shamir's secret sharing (package shamir) instead of
// Clipper's 2-of-2 xor. Any k agents' components rebuild a unit key; fewer
// reveal nothing about it. The chips are ordinary [Device]s of the family.
//
// It is the worked example of a proposed fix that fails: more agents do not
// remove the single point of failure, they move it. Whoever steals any k of
// the agents' databases holds every chip's unit key, just as whoever stole
// Clipper's two did.
type ThresholdFacility struct {
	family *Family
	k      int
	agents []*EscrowAgent
	made   map[UnitID]bool
}

// NewThresholdFacility returns a facility that makes chips of family f and
// splits each unit key k-of-n among agents, n = len(agents): agents[i]
// receives the share at x = i+1. It requires 2 <= k <= n <= 255 and distinct
// non-nil agents.
func NewThresholdFacility(f *Family, k int, agents []*EscrowAgent) (*ThresholdFacility, error) {
	n := len(agents)
	if f == nil {
		return nil, fmt.Errorf("escrow: threshold facility without a family: %w", ErrThresholdSetup)
	}
	if k < 2 || n < k || n > shamir.MaxShares {
		return nil, fmt.Errorf("escrow: %d-of-%d (want 2 <= k <= n <= %d): %w: %w", k, n, shamir.MaxShares, ErrThresholdSetup, shamir.ErrThreshold)
	}
	for i, a := range agents {
		if a == nil {
			return nil, fmt.Errorf("escrow: agent %d is nil: %w", i, ErrThresholdSetup)
		}
		if j := slices.Index(agents, a); j != i {
			return nil, fmt.Errorf("escrow: agents %d and %d are the same agent %q: %w", j, i, a.Name(), ErrThresholdSetup)
		}
	}
	return &ThresholdFacility{family: f, k: k, agents: slices.Clone(agents), made: make(map[UnitID]bool)}, nil
}

// K returns the threshold: how many agents' components rebuild a unit key.
func (t *ThresholdFacility) K() int { return t.k }

// Agents returns the facility's escrow agents in share order: the agent at
// index i holds the shares at x = i+1. The slice is a copy.
func (t *ThresholdFacility) Agents() []*EscrowAgent { return slices.Clone(t.agents) }

// Manufacture makes one chip. It draws from rand a unit ID not yet used by
// this facility and a unit key KU, programs KU into the chip, splits KU
// k-of-n and deposits share i with agents[i] as that agent's component.
func (t *ThresholdFacility) Manufacture(rand io.Reader) (*Device, error) {
	if rand == nil {
		return nil, fmt.Errorf("escrow: manufacturing chip: nil random source: %w", ErrMalformed)
	}
	var buf [4 + KeySize]byte
	var id UnitID
	for {
		if _, err := io.ReadFull(rand, buf[:]); err != nil {
			return nil, fmt.Errorf("escrow: manufacturing chip: %w", err)
		}
		id = UnitID(binary.BigEndian.Uint32(buf[:4]))
		if !t.made[id] {
			break
		}
	}
	var ku UnitKey
	copy(ku[:], buf[4:])
	shares, err := shamir.Split(rand, ku[:], len(t.agents), t.k)
	if err != nil {
		return nil, fmt.Errorf("escrow: manufacturing chip %s: %w", id, err)
	}
	d, err := programDevice(t.family, id, ku)
	if err != nil {
		return nil, err
	}
	t.made[id] = true
	for i, a := range t.agents {
		a.deposit(id, KeyComponent(shares[i].Y))
	}
	return d, nil
}

// CombineShares rebuilds a unit key from the components released by some of
// a threshold facility's agents: components[i] is the component of agent
// index i (0-based, so x = i+1). With fewer than k components it returns a
// wrong key, silently, as the mathematics does: nothing in a share says what
// k was. An empty map or an index outside 0 to 254 is reported with
// [shamir.ErrShares].
func CombineShares(components map[int]KeyComponent) (UnitKey, error) {
	var ku UnitKey
	shares := make([]shamir.Share, 0, len(components))
	for _, i := range slices.Sorted(maps.Keys(components)) {
		if i < 0 || i >= shamir.MaxShares {
			return ku, fmt.Errorf("escrow: agent index %d (want 0 to %d): %w", i, shamir.MaxShares-1, shamir.ErrShares)
		}
		c := components[i]
		shares = append(shares, shamir.Share{X: byte(i + 1), Y: c[:]})
	}
	secret, err := shamir.Combine(shares)
	if err != nil {
		return ku, fmt.Errorf("escrow: combining shares: %w", err)
	}
	copy(ku[:], secret)
	return ku, nil
}
