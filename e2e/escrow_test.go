package e2e_test

import (
	"bytes"
	"crypto/ecdh"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/escrowlab/escrowlab/e2e"
)

func newAuthority(t testing.TB, r io.Reader) *e2e.Authority {
	t.Helper()
	a, err := e2e.NewAuthority(r)
	if err != nil {
		t.Fatalf("NewAuthority: %v", err)
	}
	return a
}

func escrow(t testing.TB, r io.Reader, s *e2e.Session, a *e2e.Authority) []byte {
	t.Helper()
	field, err := s.EscrowTo(r, a.Public())
	if err != nil {
		t.Fatalf("EscrowTo: %v", err)
	}
	return field
}

// escrowedRecording is what an eavesdropper captured of one escrowed
// session: the escrow field and the messages in both directions.
type escrowedRecording struct {
	field              []byte
	toCallee, toCaller [][]byte
	keys               e2e.Keys // white-box: the session's real keys
}

func recordEscrowed(t *testing.T, seed uint64, a *e2e.Authority, tag string) escrowedRecording {
	t.Helper()
	c := handshake(t, seed)
	rec := escrowedRecording{field: escrow(t, c.rand, c.aliceS, a), keys: c.aliceS.Keys()}
	for i := range 3 {
		rec.toCallee = append(rec.toCallee, c.aliceS.Seal(fmt.Appendf(nil, "%s to callee %d", tag, i)))
		rec.toCaller = append(rec.toCaller, c.bobS.Seal(fmt.Appendf(nil, "%s to caller %d", tag, i)))
	}
	return rec
}

func TestEscrowRoundTrip(t *testing.T) {
	auth := newAuthority(t, seeded(200))
	c := handshake(t, 201)
	fields := map[string][]byte{"initiator's field": escrow(t, c.rand, c.aliceS, auth), "responder's field": escrow(t, c.rand, c.bobS, auth)}
	for name, f := range fields {
		if len(f) != e2e.EscrowFieldSize || e2e.EscrowFieldSize != 112 {
			t.Fatalf("%s is %d bytes, EscrowFieldSize %d; want 112", name, len(f), e2e.EscrowFieldSize)
		}
		k, err := e2e.OpenEscrow(auth.PrivateKey(), f)
		if err != nil {
			t.Fatalf("%s: OpenEscrow: %v", name, err)
		}
		if k != c.aliceS.Keys() || k != c.bobS.Keys() {
			t.Fatalf("%s: escrowed Keys differ from the session's", name)
		}
	}
	// Escrow changes nothing for the users.
	for _, text := range []string{"still", "end to end"} {
		if got, err := c.bobS.Open(c.aliceS.Seal([]byte(text))); err != nil || string(got) != text {
			t.Fatalf("alice to bob: %q, %v", got, err)
		}
		if got, err := c.aliceS.Open(c.bobS.Seal([]byte(text))); err != nil || string(got) != text {
			t.Fatalf("bob to alice: %q, %v", got, err)
		}
	}
}

// TestEscrowLeakedKey checks one authority key opens every message of every
// user's session, and a different authority key opens none.
func TestEscrowLeakedKey(t *testing.T) {
	r := seeded(202)
	auth, other := newAuthority(t, r), newAuthority(t, r)
	recs := []escrowedRecording{
		recordEscrowed(t, 203, auth, "u0"),
		recordEscrowed(t, 204, auth, "u1"),
		recordEscrowed(t, 205, auth, "u2"),
	}
	for i, rec := range recs {
		tag := fmt.Sprintf("u%d", i)
		k, err := e2e.OpenEscrow(auth.PrivateKey(), rec.field)
		if err != nil {
			t.Fatalf("session %d: OpenEscrow: %v", i, err)
		}
		if k != rec.keys {
			t.Fatalf("session %d: escrowed Keys differ from the session's", i)
		}
		if n := openAll(t, k, rec.toCallee, rec.toCaller, tag); n != 6 {
			t.Errorf("session %d: leaked authority key opened %d of 6 messages", i, n)
		}
		if k, err := e2e.OpenEscrow(other.PrivateKey(), rec.field); !errors.Is(err, e2e.ErrAuthentication) || k != (e2e.Keys{}) {
			t.Errorf("session %d: another authority's key: %v, %v; want ErrAuthentication", i, k, err)
		}
	}
}

func TestEscrowTamper(t *testing.T) {
	auth := newAuthority(t, seeded(206))
	c := handshake(t, 207)
	field := escrow(t, c.rand, c.aliceS, auth)
	for i := range len(field) * 8 {
		k, err := e2e.OpenEscrow(auth.PrivateKey(), flipBit(field, i))
		if !errors.Is(err, e2e.ErrAuthentication) || k != (e2e.Keys{}) {
			t.Fatalf("bit %d: OpenEscrow = %v, %v; want ErrAuthentication", i, k, err)
		}
	}
	if _, err := e2e.OpenEscrow(auth.PrivateKey(), field); err != nil {
		t.Fatalf("genuine field after tampering: %v", err)
	}
}

func TestEscrowBadInputs(t *testing.T) {
	auth := newAuthority(t, seeded(208))
	c := handshake(t, 209)
	field := escrow(t, c.rand, c.aliceS, auth)
	p256, err := ecdh.P256().GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	lowOrder, err := ecdh.X25519().NewPublicKey(make([]byte, 32))
	if err != nil {
		t.Fatal(err)
	}
	escrowTo := func(s *e2e.Session, r io.Reader, pub *ecdh.PublicKey) func() error {
		return func() error {
			f, err := s.EscrowTo(r, pub)
			if err != nil && f != nil {
				return errors.New("field returned with error")
			}
			return err
		}
	}
	open := func(priv *ecdh.PrivateKey, f []byte) func() error {
		return func() error { _, err := e2e.OpenEscrow(priv, f); return err }
	}
	tests := []struct {
		name string
		call func() error
		want error // nil means any error
	}{
		{"EscrowTo nil session", escrowTo(nil, c.rand, auth.Public()), nil},
		{"EscrowTo nil authority", escrowTo(c.aliceS, c.rand, nil), e2e.ErrMalformed},
		{"EscrowTo zero authority", escrowTo(c.aliceS, c.rand, &ecdh.PublicKey{}), e2e.ErrMalformed},
		{"EscrowTo P-256 authority", escrowTo(c.aliceS, c.rand, p256.PublicKey()), e2e.ErrMalformed},
		{"EscrowTo low-order authority", escrowTo(c.aliceS, c.rand, lowOrder), e2e.ErrMalformed},
		{"EscrowTo nil reader", escrowTo(c.aliceS, nil, auth.Public()), nil},
		{"EscrowTo short reader", escrowTo(c.aliceS, bytes.NewReader(make([]byte, 31)), auth.Public()), nil},
		{"OpenEscrow nil key", open(nil, field), e2e.ErrMalformed},
		{"OpenEscrow zero key", open(&ecdh.PrivateKey{}, field), e2e.ErrMalformed},
		{"OpenEscrow P-256 key", open(p256, field), e2e.ErrMalformed},
		{"OpenEscrow nil field", open(auth.PrivateKey(), nil), e2e.ErrMalformed},
		{"OpenEscrow short field", open(auth.PrivateKey(), field[:len(field)-1]), e2e.ErrMalformed},
		{"OpenEscrow long field", open(auth.PrivateKey(), append(bytes.Clone(field), 0)), e2e.ErrMalformed},
		{"OpenEscrow zero field", open(auth.PrivateKey(), make([]byte, e2e.EscrowFieldSize)), e2e.ErrAuthentication},
		{"NewAuthority nil reader", func() error { _, err := e2e.NewAuthority(nil); return err }, nil},
		{"NewStaticKey short reader", func() error { _, err := e2e.NewStaticKey(bytes.NewReader(make([]byte, 31))); return err }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			if err == nil || (tt.want != nil && !errors.Is(err, tt.want)) {
				t.Fatalf("error = %v, want %v", err, tt.want)
			}
		})
	}
	if (*e2e.Authority)(nil).Public() != nil || (&e2e.Authority{}).PrivateKey() != nil {
		t.Error("invalid Authority returned a key")
	}
}
