package e2e_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/escrowlab/escrowlab/e2e"
)

// wire returns every byte a seeded run puts on the wire, by part, in all
// three variants: the forward-secret handshake and messages, an e2e-static
// wrapped key, an e2e-escrowed escrow field and an e2e-ghost device copy.
func wire(t *testing.T, seed uint64) map[string][]byte {
	t.Helper()
	c := handshake(t, seed)
	r := c.rand
	static := newStaticKey(t, r)
	wrapped, caller, err := e2e.StartStatic(r, static.Public())
	if err != nil {
		t.Fatal(err)
	}
	auth := newAuthority(t, r)
	field := escrow(t, r, c.aliceS, auth)
	dev, err := e2e.NewDeviceKey(r)
	if err != nil {
		t.Fatal(err)
	}
	devCopy, err := c.aliceS.SealToDevice(r, dev.Public())
	if err != nil {
		t.Fatal(err)
	}
	return map[string][]byte{
		"alice identity": c.alicePub,
		"bob identity":   c.bobPub,
		"hello":          c.hello,
		"reply":          c.reply,
		"alice message":  c.aliceS.Seal([]byte("same text")),
		"bob message":    c.bobS.Seal([]byte("same text")),
		"static key":     static.Public().Bytes(),
		"wrapped key":    wrapped,
		"static message": caller.Seal([]byte("same text")),
		"authority key":  auth.Public().Bytes(),
		"escrow field":   field,
		"device key":     dev.Public().Bytes(),
		"device copy":    devCopy,
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

// TestVariantRandomnessBudget does the same for e2e-static, e2e-escrowed
// and e2e-ghost. Each HPKE wrap takes 32 bytes for its ephemeral key, on
// top of the 32-byte session key StartStatic draws.
func TestVariantRandomnessBudget(t *testing.T) {
	r := &countingReader{r: seeded(33)}
	c := handshake(t, 34)
	var (
		bob     *e2e.StaticKey
		auth    *e2e.Authority
		dev     *e2e.DeviceKey
		wrapped []byte
	)
	steps := []struct {
		name string
		want int
		f    func() error
	}{
		{"NewStaticKey", 32, func() (err error) { bob, err = e2e.NewStaticKey(r); return }},
		{"StartStatic", 64, func() (err error) { wrapped, _, err = e2e.StartStatic(r, bob.Public()); return }},
		{"AcceptStatic", 0, func() (err error) { _, err = e2e.AcceptStatic(bob, wrapped); return }},
		{"NewAuthority", 32, func() (err error) { auth, err = e2e.NewAuthority(r); return }},
		{"EscrowTo", 32, func() (err error) { _, err = c.aliceS.EscrowTo(r, auth.Public()); return }},
		{"NewDeviceKey", 32, func() (err error) { dev, err = e2e.NewDeviceKey(r); return }},
		{"SealToDevice", 32, func() (err error) { _, err = c.aliceS.SealToDevice(r, dev.Public()); return }},
	}
	for _, st := range steps {
		before := r.n
		if err := st.f(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if got := r.n - before; got != st.want {
			t.Errorf("%s read %d random bytes, want %d", st.name, got, st.want)
		}
	}
}

// TestVariantKeyDeterminism checks static and authority keys are a pure
// function of the reader's bytes.
func TestVariantKeyDeterminism(t *testing.T) {
	tests := []struct {
		name string
		pub  func(io.Reader) ([]byte, error)
	}{
		{"NewStaticKey", func(r io.Reader) ([]byte, error) {
			k, err := e2e.NewStaticKey(r)
			if err != nil {
				return nil, err
			}
			return k.Public().Bytes(), nil
		}},
		{"NewAuthority", func(r io.Reader) ([]byte, error) {
			a, err := e2e.NewAuthority(r)
			if err != nil {
				return nil, err
			}
			return a.Public().Bytes(), nil
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, errA := tt.pub(seeded(35))
			b, errB := tt.pub(seeded(35))
			other, errO := tt.pub(seeded(36))
			if err := errors.Join(errA, errB, errO); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a, b) || bytes.Equal(a, other) {
				t.Fatal("key is not determined by the reader's bytes")
			}
		})
	}
}

// TestWrapDeterminism checks that each function that wraps with HPKE is a
// pure function of its reader's bytes: the same seed gives the same
// wrapped bytes, and another seed, with the same keys and session, gives
// another encapsulated key and ciphertext.
func TestWrapDeterminism(t *testing.T) {
	c := handshake(t, 37)
	static := newStaticKey(t, seeded(38))
	auth := newAuthority(t, seeded(39))
	dev, err := e2e.NewDeviceKey(seeded(40))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		wrap func(io.Reader) ([]byte, error)
	}{
		{"StartStatic", func(r io.Reader) ([]byte, error) {
			w, _, err := e2e.StartStatic(r, static.Public())
			return w, err
		}},
		{"EscrowTo initiator", func(r io.Reader) ([]byte, error) { return c.aliceS.EscrowTo(r, auth.Public()) }},
		{"EscrowTo responder", func(r io.Reader) ([]byte, error) { return c.bobS.EscrowTo(r, auth.Public()) }},
		{"SealToDevice", func(r io.Reader) ([]byte, error) { return c.aliceS.SealToDevice(r, dev.Public()) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, errA := tt.wrap(seeded(41))
			b, errB := tt.wrap(seeded(41))
			other, errO := tt.wrap(seeded(42))
			if err := errors.Join(errA, errB, errO); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a, b) {
				t.Errorf("same seed gave different bytes:\n%x\n%x", a, b)
			}
			if bytes.Equal(a[:32], other[:32]) {
				t.Error("different seeds gave the same encapsulated key")
			}
			if bytes.Equal(a[32:], other[32:]) {
				t.Error("different seeds gave the same ciphertext")
			}
		})
	}
	// The escrow fields of the two ends of one session hold the same Keys,
	// so under the same seed they are the same bytes too.
	a, errA := c.aliceS.EscrowTo(seeded(43), auth.Public())
	b, errB := c.bobS.EscrowTo(seeded(43), auth.Public())
	if err := errors.Join(errA, errB); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("the two ends' escrow fields differ under the same seed")
	}
}
