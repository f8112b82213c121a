package sim_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/escrowlab/escrowlab/sim"
)

// call is one connection as a passive wiretap records it, plus what the
// subscriber really said, which only the test knows.
type call struct {
	imsi   string // the truth, hidden from the eavesdropper
	rand   sim.RAND
	sres   sim.SRES
	sealed [][]byte
	said   [][]byte
}

// network is a manufacturer, an operator loaded with its key file, its
// subscribers' SIMs, and a wiretap of one call per subscriber.
type network struct {
	maker *sim.Manufacturer
	op    *sim.Operator
	sims  []*sim.SIM
	tap   []call
}

// newNetwork makes n subscribers under maker's name and records a call of
// msgs messages from each of them.
func newNetwork(t testing.TB, r io.Reader, maker string, n, msgs int) *network {
	t.Helper()
	nw := &network{maker: sim.NewManufacturer(maker)}
	for i := range n {
		nw.sims = append(nw.sims, makeSIM(t, nw.maker, r, fmt.Sprintf("2341500000%05d", i)))
	}
	nw.op = sim.NewOperator("Vodafone", nw.maker.Database())
	for _, s := range nw.sims {
		rnd, wantSRES, _ := challenge(t, nw.op, r, s.IMSI())
		sres, kc := s.Respond(rnd)
		if sres != wantSRES {
			t.Fatalf("%s: operator rejected its own SIM", s.IMSI())
		}
		c := call{imsi: s.IMSI(), rand: rnd, sres: sres}
		for seq := range msgs {
			msg := fmt.Appendf(nil, "%s says %d", s.IMSI(), seq)
			c.said = append(c.said, msg)
			c.sealed = append(c.sealed, sim.Seal(kc, uint64(seq), msg))
		}
		nw.tap = append(nw.tap, c)
	}
	return nw
}

// readWith opens every message of c under kc and reports how many decrypted
// to exactly what was said. Any other failure than ErrAuthentication fails t.
func readWith(t *testing.T, kc sim.Kc, c call) int {
	t.Helper()
	read := 0
	for i, sealed := range c.sealed {
		seq, pt, err := sim.Open(kc, sealed)
		switch {
		case errors.Is(err, sim.ErrAuthentication):
		case err != nil:
			t.Fatalf("%s message %d: %v", c.imsi, i, err)
		case seq == uint64(i) && bytes.Equal(pt, c.said[i]):
			read++
		default:
			t.Fatalf("%s message %d opened to seq %d, %q; sent seq %d, %q", c.imsi, i, seq, pt, i, c.said[i])
		}
	}
	return read
}

// TestHeist: with only the stolen key database and what was on the air, a
// passive eavesdropper identifies every caller and reads every message.
func TestHeist(t *testing.T) {
	const subscribers, msgs = 25, 4
	nw := newNetwork(t, seeded(30), "Gemalto", subscribers, msgs)
	stolen := nw.maker.Database()

	identified, read := 0, 0
	for _, c := range nw.tap {
		imsi, ki, ok := sim.Identify(stolen, c.rand, c.sres)
		if !ok {
			t.Errorf("call of %s: not identified", c.imsi)
			continue
		}
		if imsi != c.imsi {
			t.Errorf("call of %s: identified as %s", c.imsi, imsi)
			continue
		}
		identified++
		_, kc := sim.Derive(ki, c.rand)
		read += readWith(t, kc, c)
	}
	if identified != subscribers {
		t.Errorf("identified %d of %d callers", identified, subscribers)
	}
	if read != subscribers*msgs {
		t.Errorf("read %d of %d messages", read, subscribers*msgs)
	}
}

// TestOperatorReadsEverything: GSM encrypts only the radio link, so the
// operator, which holds the key file, reads every call too.
func TestOperatorReadsEverything(t *testing.T) {
	nw := newNetwork(t, seeded(31), "Gemalto", 5, 3)
	db := nw.maker.Database()
	for _, c := range nw.tap {
		_, kc := sim.Derive(db[c.imsi], c.rand)
		if got := readWith(t, kc, c); got != len(c.said) {
			t.Errorf("operator read %d of %d messages of %s", got, len(c.said), c.imsi)
		}
	}
}

// TestHeistNeedsTheDatabase: without the key database, or with another
// manufacturer's, the same wiretap yields nothing, even though the other
// database lists the same IMSIs and every one of its keys is tried.
func TestHeistNeedsTheDatabase(t *testing.T) {
	const subscribers, msgs = 10, 3
	nw := newNetwork(t, seeded(32), "Gemalto", subscribers, msgs)
	other := newNetwork(t, seeded(33), "Oberthur", subscribers, 0)

	for _, db := range []struct {
		name string
		keys map[string]sim.Ki
	}{
		{"none", nil},
		{"empty", map[string]sim.Ki{}},
		{"Oberthur", other.maker.Database()},
	} {
		t.Run(db.name, func(t *testing.T) {
			read := 0
			for _, c := range nw.tap {
				if imsi, _, ok := sim.Identify(db.keys, c.rand, c.sres); ok {
					t.Errorf("call of %s identified as %s", c.imsi, imsi)
				}
				for _, ki := range db.keys {
					_, kc := sim.Derive(ki, c.rand)
					read += readWith(t, kc, c)
				}
			}
			if read != 0 {
				t.Errorf("read %d messages without the right database", read)
			}
		})
	}
}

// TestIdentifyPicksSmallestIMSI: when several IMSIs match, Identify returns
// the lexicographically smallest, whatever the map order.
func TestIdentifyPicksSmallestIMSI(t *testing.T) {
	ki := sim.Ki{0xaa}
	other := sim.Ki{0xbb}
	rnd := sim.RAND{1}
	sres, _ := sim.Derive(ki, rnd)
	db := map[string]sim.Ki{"3": ki, "1": other, "2": ki, "20": ki, "4": ki}
	for range 50 {
		imsi, got, ok := sim.Identify(db, rnd, sres)
		if !ok || imsi != "2" || got != ki {
			t.Fatalf("Identify = %q, %x, %v; want \"2\", %x, true", imsi, got, ok, ki)
		}
	}
}

// TestIdentifySRESCollision finds two keys that give the same 32-bit SRES
// for one challenge, as happens by chance in a database of about 2^16 keys.
// Identify then names the wrong subscriber, and opening the traffic is what
// catches it: the two keys give different Kc.
func TestIdentifySRESCollision(t *testing.T) {
	if testing.Short() {
		t.Skip("searches about 2^16 keys")
	}
	r := seeded(34)
	rnd := sim.RAND{0x5e, 0x5}
	seen := make(map[sim.SRES]sim.Ki)
	var a, b sim.Ki
	found := false
	for range 1 << 20 {
		var ki sim.Ki
		if _, err := io.ReadFull(r, ki[:]); err != nil {
			t.Fatal(err)
		}
		sres, _ := sim.Derive(ki, rnd)
		if prev, ok := seen[sres]; ok && prev != ki {
			a, b, found = prev, ki, true
			break
		}
		seen[sres] = ki
	}
	if !found {
		t.Fatal("no SRES collision in 2^20 keys")
	}
	sresA, kcA := sim.Derive(a, rnd)
	sresB, kcB := sim.Derive(b, rnd)
	if sresA != sresB || kcA == kcB {
		t.Fatalf("keys %x and %x: SRES %x, %x; Kc %x, %x", a, b, sresA, sresB, kcA, kcB)
	}

	// The real caller is "victim"; an unrelated key under a smaller IMSI
	// reproduces the SRES by chance.
	db := map[string]sim.Ki{"bystander": a, "victim": b}
	sealed := sim.Seal(kcB, 0, []byte("hello"))
	imsi, ki, ok := sim.Identify(db, rnd, sresB)
	if !ok || imsi != "bystander" || ki != a {
		t.Fatalf("Identify = %q, %x, %v; want the smaller IMSI \"bystander\"", imsi, ki, ok)
	}
	_, kc := sim.Derive(ki, rnd)
	if _, _, err := sim.Open(kc, sealed); !errors.Is(err, sim.ErrAuthentication) {
		t.Errorf("traffic opened under the bystander's Kc: err = %v", err)
	}
	delete(db, imsi)
	imsi, ki, ok = sim.Identify(db, rnd, sresB)
	_, kc = sim.Derive(ki, rnd)
	if _, pt, err := sim.Open(kc, sealed); !ok || imsi != "victim" || err != nil || string(pt) != "hello" {
		t.Errorf("second candidate %q: plaintext %q, err %v; want victim, hello", imsi, pt, err)
	}
}
