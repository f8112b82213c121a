package e2e_test

import (
	"bytes"
	"crypto/ed25519"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/escrowlab/escrowlab/e2e"
)

func TestRoundTrip(t *testing.T) {
	c := handshake(t, 1)
	msgs := []struct {
		fromAlice bool
		text      []byte
	}{
		{true, []byte("hello bob")},
		{true, []byte("second message from alice")},
		{false, []byte("hi alice")},
		{true, nil},
		{false, bytes.Repeat([]byte{0xAB}, 1024)},
		{false, []byte("last word")},
		{true, []byte("bye")},
	}
	for i, m := range msgs {
		send, recv := c.aliceS, c.bobS
		if !m.fromAlice {
			send, recv = c.bobS, c.aliceS
		}
		sealed := send.Seal(m.text)
		if len(m.text) > 0 && bytes.Contains(sealed, m.text) {
			t.Errorf("message %d: plaintext visible in sealed bytes", i)
		}
		got, err := recv.Open(sealed)
		if err != nil {
			t.Fatalf("message %d: Open: %v", i, err)
		}
		if !bytes.Equal(got, m.text) {
			t.Fatalf("message %d: got %q, want %q", i, got, m.text)
		}
	}
}

func TestWireSizes(t *testing.T) {
	c := handshake(t, 2)
	if len(c.hello) != e2e.HelloSize || len(c.reply) != e2e.ReplySize {
		t.Fatalf("hello %d, reply %d bytes; want %d, %d", len(c.hello), len(c.reply), e2e.HelloSize, e2e.ReplySize)
	}
	if e2e.HelloSize != 96 || e2e.ReplySize != 96 {
		t.Fatalf("HelloSize = %d, ReplySize = %d; want 96", e2e.HelloSize, e2e.ReplySize)
	}
	for seq := range uint64(3) {
		pt := make([]byte, 10*int(seq))
		sealed := c.aliceS.Seal(pt)
		if want := 8 + len(pt) + 16; len(sealed) != want {
			t.Errorf("sealed %d bytes, want %d", len(sealed), want)
		}
		if got := binary.BigEndian.Uint64(sealed); got != seq {
			t.Errorf("sequence prefix %d, want %d", got, seq)
		}
	}
}

// TestDirectionsUseDifferentKeys checks a sender cannot open its own message
// and that a message from one session is foreign to another.
func TestDirectionsUseDifferentKeys(t *testing.T) {
	c := handshake(t, 3)
	other := handshake(t, 4)
	sealed := c.aliceS.Seal([]byte("for bob only"))
	for name, s := range map[string]*e2e.Session{"own session": c.aliceS, "other session": other.bobS} {
		if _, err := s.Open(sealed); !errors.Is(err, e2e.ErrAuthentication) {
			t.Errorf("%s: Open = %v, want ErrAuthentication", name, err)
		}
	}
	if _, err := c.bobS.Open(sealed); err != nil {
		t.Fatalf("intended recipient: %v", err)
	}
}

func TestWrongIdentity(t *testing.T) {
	r := seeded(5)
	alice, bob, carol, mallory := newIdentity(t, r), newIdentity(t, r), newIdentity(t, r), newIdentity(t, r)

	tests := []struct {
		name      string
		initiator *e2e.Identity
		target    *e2e.Identity // whom the initiator addresses
		responder *e2e.Identity // who answers
		expected  *e2e.Identity // whom the responder expects
	}{
		{"mallory pretends to be alice", mallory, bob, bob, alice},
		{"hello for bob replayed to carol", alice, bob, carol, alice},
		{"bob expects someone else", alice, bob, bob, carol},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, hello, err := e2e.Initiate(r, tt.initiator, tt.target.Public())
			if err != nil {
				t.Fatal(err)
			}
			s, reply, err := e2e.Respond(r, tt.responder, tt.expected.Public(), hello)
			if !errors.Is(err, e2e.ErrBadSignature) {
				t.Fatalf("Respond error = %v, want ErrBadSignature", err)
			}
			if s != nil || reply != nil {
				t.Fatal("Respond returned a session or reply with an error")
			}
		})
	}

	// A reply from bob to a different hello is not accepted: the signature
	// binds the initiator's ephemeral key.
	h1, _, err := e2e.Initiate(r, alice, bob.Public())
	if err != nil {
		t.Fatal(err)
	}
	_, hello2, err := e2e.Initiate(r, alice, bob.Public())
	if err != nil {
		t.Fatal(err)
	}
	_, reply2, err := e2e.Respond(r, bob, alice.Public(), hello2)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h1.Finish(reply2); !errors.Is(err, e2e.ErrBadSignature) {
		t.Fatalf("Finish with another session's reply = %v, want ErrBadSignature", err)
	}
}

func TestBadInput(t *testing.T) {
	r := seeded(6)
	alice, bob := newIdentity(t, r), newIdentity(t, r)
	_, hello, err := e2e.Initiate(r, alice, bob.Public())
	if err != nil {
		t.Fatal(err)
	}
	_, reply, err := e2e.Respond(r, bob, alice.Public(), hello)
	if err != nil {
		t.Fatal(err)
	}
	shared := make([]byte, 32)
	short := func(n int) []byte { return make([]byte, n) }

	tests := []struct {
		name string
		want error // nil means any non-nil error
		call func() error
	}{
		{"NewIdentity nil reader", nil, func() error { _, err := e2e.NewIdentity(nil); return err }},
		{"NewIdentity short reader", nil, func() error { _, err := e2e.NewIdentity(bytes.NewReader(short(31))); return err }},
		{"Initiate nil identity", nil, func() error { _, _, err := e2e.Initiate(r, nil, bob.Public()); return err }},
		{"Initiate zero identity", nil, func() error { _, _, err := e2e.Initiate(r, &e2e.Identity{}, bob.Public()); return err }},
		{"Initiate nil peer", e2e.ErrMalformed, func() error { _, _, err := e2e.Initiate(r, alice, nil); return err }},
		{"Initiate short peer", e2e.ErrMalformed, func() error { _, _, err := e2e.Initiate(r, alice, bob.Public()[:31]); return err }},
		{"Initiate nil reader", nil, func() error { _, _, err := e2e.Initiate(nil, alice, bob.Public()); return err }},
		{"Initiate empty reader", nil, func() error { _, _, err := e2e.Initiate(bytes.NewReader(nil), alice, bob.Public()); return err }},
		{"Respond nil hello", e2e.ErrMalformed, func() error { _, _, err := e2e.Respond(r, bob, alice.Public(), nil); return err }},
		{"Respond short hello", e2e.ErrMalformed, func() error { _, _, err := e2e.Respond(r, bob, alice.Public(), hello[:95]); return err }},
		{"Respond long hello", e2e.ErrMalformed, func() error { _, _, err := e2e.Respond(r, bob, alice.Public(), append(hello, 0)); return err }},
		{"Respond nil peer", e2e.ErrMalformed, func() error { _, _, err := e2e.Respond(r, bob, nil, hello); return err }},
		{"Respond short peer", e2e.ErrMalformed, func() error { _, _, err := e2e.Respond(r, bob, short(5), hello); return err }},
		{"Respond nil identity", nil, func() error { _, _, err := e2e.Respond(r, nil, alice.Public(), hello); return err }},
		{"Respond nil reader", nil, func() error { _, _, err := e2e.Respond(nil, bob, alice.Public(), hello); return err }},
		{"Finish nil reply", e2e.ErrMalformed, func() error {
			h, _, err := e2e.Initiate(r, alice, bob.Public())
			if err != nil {
				return fmt.Errorf("setup: %v", err)
			}
			_, err = h.Finish(nil)
			return err
		}},
		{"Finish short reply", e2e.ErrMalformed, func() error {
			h, _, err := e2e.Initiate(r, alice, bob.Public())
			if err != nil {
				return fmt.Errorf("setup: %v", err)
			}
			_, err = h.Finish(short(40))
			return err
		}},
		{"Finish zero Handshake", nil, func() error { _, err := new(e2e.Handshake).Finish(reply); return err }},
		{"Finish nil Handshake", nil, func() error { _, err := (*e2e.Handshake)(nil).Finish(reply); return err }},
		{"Ephemerals nil", e2e.ErrMalformed, func() error { _, _, err := e2e.Ephemerals(nil, nil); return err }},
		{"Ephemerals short reply", e2e.ErrMalformed, func() error { _, _, err := e2e.Ephemerals(hello, reply[:32]); return err }},
		{"DeriveKeys nil shared", e2e.ErrMalformed, func() error { _, err := e2e.DeriveKeys(nil, hello, reply); return err }},
		{"DeriveKeys short shared", e2e.ErrMalformed, func() error { _, err := e2e.DeriveKeys(shared[:16], hello, reply); return err }},
		{"DeriveKeys nil hello", e2e.ErrMalformed, func() error { _, err := e2e.DeriveKeys(shared, nil, reply); return err }},
		{"OpenMessage nil", e2e.ErrMalformed, func() error { _, _, err := e2e.OpenMessage([32]byte{}, nil); return err }},
		{"Session.Open nil", e2e.ErrMalformed, func() error { _, err := new(e2e.Session).Open(nil); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				if p := recover(); p != nil {
					t.Fatalf("panicked: %v", p)
				}
			}()
			err := tt.call()
			if err == nil {
				t.Fatal("no error")
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Fatalf("error %v, want %v", err, tt.want)
			}
		})
	}
}

func TestNilIdentityAccessors(t *testing.T) {
	var id *e2e.Identity
	if id.Public() != nil || id.PrivateKey() != nil {
		t.Fatal("nil Identity returned keys")
	}
}

func TestIdentityKeys(t *testing.T) {
	a := newIdentity(t, seeded(7))
	b := newIdentity(t, seeded(7))
	if !a.PrivateKey().Equal(b.PrivateKey()) || !a.Public().Equal(b.Public()) {
		t.Fatal("same seed gave different identities")
	}
	priv := a.PrivateKey()
	if !priv.Public().(ed25519.PublicKey).Equal(a.Public()) {
		t.Fatal("PrivateKey does not match Public")
	}
	seed := make([]byte, 32)
	if _, err := io.ReadFull(seeded(7), seed); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(priv.Seed(), seed) {
		t.Fatal("identity seed is not the first 32 bytes of the reader")
	}
	priv[0] ^= 1
	if !a.PrivateKey().Equal(b.PrivateKey()) {
		t.Fatal("PrivateKey returned internal storage, not a copy")
	}
}
