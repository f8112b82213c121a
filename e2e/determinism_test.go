package e2e_test

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/escrowlab/escrowlab/e2e"
)

// wire returns every byte a seeded run puts on the wire, by part.
func wire(t *testing.T, seed uint64) map[string][]byte {
	t.Helper()
	c := handshake(t, seed)
	return map[string][]byte{
		"alice identity": c.alicePub,
		"bob identity":   c.bobPub,
		"hello":          c.hello,
		"reply":          c.reply,
		"alice message":  c.aliceS.Seal([]byte("same text")),
		"bob message":    c.bobS.Seal([]byte("same text")),
	}
}

func TestDeterminism(t *testing.T) {
	a, b, other := wire(t, 30), wire(t, 30), wire(t, 31)
	for part := range a {
		if !bytes.Equal(a[part], b[part]) {
			t.Errorf("%s: same seed gave different bytes", part)
		}
		if bytes.Equal(a[part], other[part]) {
			t.Errorf("%s: different seeds gave the same bytes", part)
		}
	}
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// TestRandomnessBudget checks each operation takes exactly its 32 bytes
// from the caller's reader and Seal/Open take none.
func TestRandomnessBudget(t *testing.T) {
	r := &countingReader{r: seeded(32)}
	step := func(name string, want int, f func() error) {
		t.Helper()
		before := r.n
		if err := f(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got := r.n - before; got != want {
			t.Errorf("%s read %d random bytes, want %d", name, got, want)
		}
	}
	var (
		alice, bob   *e2e.Identity
		h            *e2e.Handshake
		hello, reply []byte
		as, bs       *e2e.Session
	)
	step("NewIdentity", 32, func() (err error) { alice, err = e2e.NewIdentity(r); return })
	step("NewIdentity", 32, func() (err error) { bob, err = e2e.NewIdentity(r); return })
	step("Initiate", 32, func() (err error) { h, hello, err = e2e.Initiate(r, alice, bob.Public()); return })
	step("Respond", 32, func() (err error) { bs, reply, err = e2e.Respond(r, bob, alice.Public(), hello); return })
	step("Finish", 0, func() (err error) { as, err = h.Finish(reply); return })
	step("Seal and Open", 0, func() error {
		got, err := bs.Open(as.Seal([]byte("x")))
		if err == nil && string(got) != "x" {
			err = fmt.Errorf("got %q", got)
		}
		return err
	})
}
