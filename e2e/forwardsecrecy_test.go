package e2e

import (
	"crypto/ed25519"
	"crypto/sha512"
	"errors"
	"fmt"
	"testing"

	"golang.org/x/crypto/curve25519"
)

// recording is what a passive eavesdropper captured from one session.
type recording struct {
	hello, reply []byte
	toBob        [][]byte // sealed by the initiator
	toAlice      [][]byte // sealed by the responder
	plaintexts   map[string]bool
}

// record runs a session, capturing the wire and, white-box, the real shared
// secret before the initiator's scalar is wiped.
func record(t *testing.T) (rec *recording, realShared []byte, alice, bob *Identity) {
	t.Helper()
	r := chacha(50)
	alice, bob = pair(t, r)
	h, hello, err := Initiate(r, alice, bob.Public())
	if err != nil {
		t.Fatal(err)
	}
	bobS, reply, err := Respond(r, bob, alice.Public(), hello)
	if err != nil {
		t.Fatal(err)
	}
	realShared, err = curve25519.X25519(h.scalar[:], reply[:pointSize])
	if err != nil {
		t.Fatal(err)
	}
	aliceS, err := h.Finish(reply)
	if err != nil {
		t.Fatal(err)
	}
	rec = &recording{hello: hello, reply: reply, plaintexts: map[string]bool{}}
	for i := range 3 {
		a, b := fmt.Sprintf("alice secret %d", i), fmt.Sprintf("bob secret %d", i)
		rec.plaintexts[a], rec.plaintexts[b] = true, true
		rec.toBob = append(rec.toBob, aliceS.Seal([]byte(a)))
		rec.toAlice = append(rec.toAlice, bobS.Seal([]byte(b)))
	}
	return rec, realShared, alice, bob
}

// attempt tries to open every recorded message with keys derived from a
// candidate shared secret. It returns how many opened, and the errors of
// those that did not.
func (rec *recording) attempt(t *testing.T, shared []byte) (opened int, errs []error) {
	t.Helper()
	k, err := DeriveKeys(shared, rec.hello, rec.reply)
	if err != nil {
		t.Fatalf("DeriveKeys: %v", err)
	}
	try := func(key [32]byte, msgs [][]byte) {
		for i, m := range msgs {
			seq, pt, err := OpenMessage(key, m)
			switch {
			case err != nil:
				errs = append(errs, err)
			case seq != uint64(i) || !rec.plaintexts[string(pt)]:
				t.Fatalf("opened message %d as seq %d, %q", i, seq, pt)
			default:
				opened++
			}
		}
	}
	try(k.InitiatorToResponder, rec.toBob)
	try(k.ResponderToInitiator, rec.toAlice)
	return opened, errs
}

// seizedSecrets lists every 32-byte value an attacker can get from a seized
// Ed25519 identity key, labelled.
func seizedSecrets(name string, priv ed25519.PrivateKey) map[string][]byte {
	h := sha512.Sum512(priv.Seed())
	return map[string][]byte{
		name + " seed":           priv.Seed(),
		name + " public key":     priv[ed25519.SeedSize:],
		name + " x25519 scalar":  h[:32], // the standard Ed25519 -> X25519 conversion
		name + " ed25519 prefix": h[32:],
	}
}

func TestForwardSecrecy(t *testing.T) {
	rec, realShared, alice, bob := record(t)
	total := len(rec.toBob) + len(rec.toAlice)

	// Positive control: the real shared secret opens the whole recording,
	// so the attack path below is able to succeed when it has the secret.
	if opened, errs := rec.attempt(t, realShared); opened != total || len(errs) != 0 {
		t.Fatalf("real shared secret opened %d of %d messages (errors %v)", opened, total, errs)
	}

	// The device seizure: both identities' private keys.
	secrets := seizedSecrets("alice", alice.PrivateKey())
	for k, v := range seizedSecrets("bob", bob.PrivateKey()) {
		secrets[k] = v
	}
	ei, er, err := Ephemerals(rec.hello, rec.reply)
	if err != nil {
		t.Fatal(err)
	}

	candidates := map[string][]byte{}
	for name, s := range secrets {
		candidates[name+" as shared secret"] = s
		for pname, p := range map[string][]byte{"initiator ephemeral": ei[:], "responder ephemeral": er[:]} {
			if shared, err := curve25519.X25519(s, p); err == nil {
				candidates[fmt.Sprintf("X25519(%s, %s)", name, pname)] = shared
			}
		}
	}
	// Static-static Diffie-Hellman between the converted identity keys.
	aScalar, bScalar := secrets["alice x25519 scalar"], secrets["bob x25519 scalar"]
	if bPub, err := curve25519.X25519(bScalar, curve25519.Basepoint); err == nil {
		if ss, err := curve25519.X25519(aScalar, bPub); err == nil {
			candidates["static-static X25519(alice, bob)"] = ss
		}
	}
	if len(candidates) < 20 {
		t.Fatalf("only %d candidate secrets; the attack is not exercising the seized keys", len(candidates))
	}

	for name, shared := range candidates {
		opened, errs := rec.attempt(t, shared)
		if opened != 0 || len(errs) != total {
			t.Errorf("%s opened %d of %d recorded messages", name, opened, total)
		}
		for _, err := range errs {
			if !errors.Is(err, ErrAuthentication) {
				t.Errorf("%s: error %v, want ErrAuthentication", name, err)
			}
		}
	}
}
