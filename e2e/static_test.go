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

func newStaticKey(t testing.TB, r io.Reader) *e2e.StaticKey {
	t.Helper()
	k, err := e2e.NewStaticKey(r)
	if err != nil {
		t.Fatalf("NewStaticKey: %v", err)
	}
	return k
}

// staticSession is one e2e-static session as both ends and the wire see it.
type staticSession struct {
	wrapped        []byte
	caller, callee *e2e.Session
}

func startStatic(t testing.TB, r io.Reader, callee *e2e.StaticKey) staticSession {
	t.Helper()
	wrapped, caller, err := e2e.StartStatic(r, callee.Public())
	if err != nil {
		t.Fatalf("StartStatic: %v", err)
	}
	s, err := e2e.AcceptStatic(callee, wrapped)
	if err != nil {
		t.Fatalf("AcceptStatic: %v", err)
	}
	return staticSession{wrapped: wrapped, caller: caller, callee: s}
}

func TestStaticRoundTrip(t *testing.T) {
	r := seeded(100)
	ss := startStatic(t, r, newStaticKey(t, r))
	if len(ss.wrapped) != e2e.StaticWrappedSize || e2e.StaticWrappedSize != 80 {
		t.Fatalf("wrapped key is %d bytes, StaticWrappedSize %d; want 80", len(ss.wrapped), e2e.StaticWrappedSize)
	}
	msgs := []struct {
		fromCaller bool
		text       []byte
	}{
		{true, []byte("hello callee")},
		{false, []byte("hello caller")},
		{true, nil},
		{false, bytes.Repeat([]byte{0xCD}, 1024)},
		{true, []byte("bye")},
	}
	for i, m := range msgs {
		send, recv := ss.caller, ss.callee
		if !m.fromCaller {
			send, recv = ss.callee, ss.caller
		}
		sealed := send.Seal(m.text)
		if len(m.text) > 0 && bytes.Contains(sealed, m.text) {
			t.Errorf("message %d: plaintext visible in sealed bytes", i)
		}
		if _, err := send.Open(sealed); !errors.Is(err, e2e.ErrAuthentication) {
			t.Errorf("message %d: sender opened its own message: %v", i, err)
		}
		got, err := recv.Open(sealed)
		if err != nil || !bytes.Equal(got, m.text) {
			t.Fatalf("message %d: Open = %q, %v; want %q", i, got, err, m.text)
		}
	}
}

// TestStaticSessionKeyFromReader checks K and HPKE's ephemeral key both
// come from the caller's reader: the same seed gives the same Keys and the
// same wrapped bytes, and a different seed gives different ones.
func TestStaticSessionKeyFromReader(t *testing.T) {
	bob := newStaticKey(t, seeded(101))
	a, b := startStatic(t, seeded(102), bob), startStatic(t, seeded(102), bob)
	other := startStatic(t, seeded(103), bob)
	if a.caller.Keys() != b.caller.Keys() {
		t.Error("same seed gave different session keys")
	}
	if a.caller.Keys() == other.caller.Keys() {
		t.Error("different seeds gave the same session keys")
	}
	if !bytes.Equal(a.wrapped, b.wrapped) {
		t.Error("same seed gave different wrapped keys")
	}
	if bytes.Equal(a.wrapped[:32], other.wrapped[:32]) || bytes.Equal(a.wrapped[32:], other.wrapped[32:]) {
		t.Error("different seeds gave the same encapsulated key or ciphertext")
	}
}

// staticRecording is what an eavesdropper captured of one static session.
type staticRecording struct {
	wrapped            []byte
	toCallee, toCaller [][]byte
}

func recordStatic(t *testing.T, r io.Reader, callee *e2e.StaticKey, tag string) staticRecording {
	t.Helper()
	ss := startStatic(t, r, callee)
	rec := staticRecording{wrapped: ss.wrapped}
	for i := range 3 {
		rec.toCallee = append(rec.toCallee, ss.caller.Seal(fmt.Appendf(nil, "%s to callee %d", tag, i)))
		rec.toCaller = append(rec.toCaller, ss.callee.Seal(fmt.Appendf(nil, "%s to caller %d", tag, i)))
	}
	return rec
}

// openAll opens every captured message with k and returns how many opened.
func openAll(t *testing.T, k e2e.Keys, toResponder, toInitiator [][]byte, tag string) int {
	t.Helper()
	opened := 0
	for dir, msgs := range map[string][][]byte{"to callee": toResponder, "to caller": toInitiator} {
		key := k.InitiatorToResponder
		if dir == "to caller" {
			key = k.ResponderToInitiator
		}
		for i, m := range msgs {
			seq, pt, err := e2e.OpenMessage(key, m)
			if err != nil {
				continue
			}
			if want := fmt.Sprintf("%s %s %d", tag, dir, i); seq != uint64(i) || string(pt) != want {
				t.Fatalf("opened %s message %d as seq %d %q, want %q", dir, i, seq, pt, want)
			}
			opened++
		}
	}
	return opened
}

func TestStaticStolenKey(t *testing.T) {
	r := seeded(104)
	bob, carol := newStaticKey(t, r), newStaticKey(t, r)
	toBob := []staticRecording{recordStatic(t, r, bob, "s0"), recordStatic(t, r, bob, "s1"), recordStatic(t, r, bob, "s2")}
	toCarol := recordStatic(t, r, carol, "c")

	// Bob's stolen key opens every session ever addressed to Bob.
	for i, rec := range toBob {
		k, err := e2e.UnwrapStatic(bob.PrivateKey(), rec.wrapped)
		if err != nil {
			t.Fatalf("session %d: UnwrapStatic: %v", i, err)
		}
		if n := openAll(t, k, rec.toCallee, rec.toCaller, fmt.Sprintf("s%d", i)); n != 6 {
			t.Errorf("session %d: stolen key opened %d of 6 messages", i, n)
		}
	}
	// ...and no one else's; nor does Carol's key open Bob's sessions.
	tests := []struct {
		name    string
		priv    *ecdh.PrivateKey
		wrapped []byte
	}{
		{"bob's key on carol's session", bob.PrivateKey(), toCarol.wrapped},
		{"carol's key on bob's session", carol.PrivateKey(), toBob[0].wrapped},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if k, err := e2e.UnwrapStatic(tt.priv, tt.wrapped); !errors.Is(err, e2e.ErrAuthentication) || k != (e2e.Keys{}) {
				t.Fatalf("UnwrapStatic = %v, %v; want zero Keys, ErrAuthentication", k, err)
			}
		})
	}
}

func TestStaticTamper(t *testing.T) {
	r := seeded(105)
	bob := newStaticKey(t, r)
	ss := startStatic(t, r, bob)
	for i := range len(ss.wrapped) * 8 {
		s, err := e2e.AcceptStatic(bob, flipBit(ss.wrapped, i))
		if !errors.Is(err, e2e.ErrAuthentication) || s != nil {
			t.Fatalf("wrapped bit %d: AcceptStatic = %v, %v; want ErrAuthentication", i, s, err)
		}
	}
	text := []byte("wire 500 to account 7")
	for _, dir := range []struct {
		name       string
		send, recv *e2e.Session
	}{{"caller to callee", ss.caller, ss.callee}, {"callee to caller", ss.callee, ss.caller}} {
		sealed := dir.send.Seal(text)
		for i := range len(sealed) * 8 {
			if got, err := dir.recv.Open(flipBit(sealed, i)); !errors.Is(err, e2e.ErrAuthentication) || got != nil {
				t.Fatalf("%s bit %d: Open = %q, %v; want ErrAuthentication", dir.name, i, got, err)
			}
		}
		if got, err := dir.recv.Open(sealed); err != nil || !bytes.Equal(got, text) {
			t.Fatalf("%s: genuine message after tampering: %q, %v", dir.name, got, err)
		}
	}
}

func TestStaticBadInputs(t *testing.T) {
	r := seeded(106)
	bob := newStaticKey(t, r)
	wrapped, _, err := e2e.StartStatic(r, bob.Public())
	if err != nil {
		t.Fatal(err)
	}
	p256, err := ecdh.P256().GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	lowOrder, err := ecdh.X25519().NewPublicKey(make([]byte, 32))
	if err != nil {
		t.Fatal(err)
	}
	start := func(r io.Reader, pub *ecdh.PublicKey) func() error {
		return func() error {
			w, s, err := e2e.StartStatic(r, pub)
			if err != nil && (w != nil || s != nil) {
				return errors.New("results returned with error")
			}
			return err
		}
	}
	accept := func(k *e2e.StaticKey, w []byte) func() error {
		return func() error {
			s, err := e2e.AcceptStatic(k, w)
			if err != nil && s != nil {
				return errors.New("session returned with error")
			}
			return err
		}
	}
	unwrap := func(priv *ecdh.PrivateKey, w []byte) func() error {
		return func() error { _, err := e2e.UnwrapStatic(priv, w); return err }
	}
	tests := []struct {
		name string
		call func() error
		want error // nil means any error
	}{
		{"StartStatic nil recipient", start(r, nil), e2e.ErrMalformed},
		{"StartStatic zero recipient", start(r, &ecdh.PublicKey{}), e2e.ErrMalformed},
		{"StartStatic P-256 recipient", start(r, p256.PublicKey()), e2e.ErrMalformed},
		{"StartStatic low-order recipient", start(r, lowOrder), e2e.ErrMalformed},
		{"StartStatic nil reader", start(nil, bob.Public()), nil},
		{"StartStatic short reader", start(bytes.NewReader(make([]byte, 31)), bob.Public()), nil},
		{"AcceptStatic nil key", accept(nil, wrapped), e2e.ErrMalformed},
		{"AcceptStatic zero key", accept(&e2e.StaticKey{}, wrapped), e2e.ErrMalformed},
		{"AcceptStatic nil wrapped", accept(bob, nil), e2e.ErrMalformed},
		{"AcceptStatic short wrapped", accept(bob, wrapped[:len(wrapped)-1]), e2e.ErrMalformed},
		{"AcceptStatic long wrapped", accept(bob, append(bytes.Clone(wrapped), 0)), e2e.ErrMalformed},
		{"UnwrapStatic nil key", unwrap(nil, wrapped), e2e.ErrMalformed},
		{"UnwrapStatic zero key", unwrap(&ecdh.PrivateKey{}, wrapped), e2e.ErrMalformed},
		{"UnwrapStatic P-256 key", unwrap(p256, wrapped), e2e.ErrMalformed},
		{"UnwrapStatic encapsulated key only", unwrap(bob.PrivateKey(), wrapped[:32]), e2e.ErrMalformed},
		{"UnwrapStatic zero wrapped", unwrap(bob.PrivateKey(), make([]byte, e2e.StaticWrappedSize)), e2e.ErrAuthentication},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			if err == nil || (tt.want != nil && !errors.Is(err, tt.want)) {
				t.Fatalf("error = %v, want %v", err, tt.want)
			}
		})
	}
	if (*e2e.StaticKey)(nil).Public() != nil || (&e2e.StaticKey{}).PrivateKey() != nil {
		t.Error("invalid StaticKey returned a key")
	}
}
