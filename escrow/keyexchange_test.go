package escrow

import (
	"math/rand/v2"
	"testing"
)

func TestKeyExchangeAgrees(t *testing.T) {
	r := rand.NewChaCha8([32]byte{13})
	for range 20 {
		a, err := NewKeyExchange(r)
		if err != nil {
			t.Fatal(err)
		}
		b, err := NewKeyExchange(r)
		if err != nil {
			t.Fatal(err)
		}
		ka, err := a.SessionKey(b.Public())
		if err != nil {
			t.Fatal(err)
		}
		kb, err := b.SessionKey(a.Public())
		if err != nil {
			t.Fatal(err)
		}
		if ka != kb || ka == (SessionKey{}) {
			t.Fatalf("session keys differ or are zero: %s vs %s", ka, kb)
		}
		if _, err := a.SessionKey(b.Public()); err == nil {
			t.Fatal("a used key exchange gave a second key")
		}
	}
}

func TestKeyExchangeRejectsLowOrderPoint(t *testing.T) {
	a, err := NewKeyExchange(rand.NewChaCha8([32]byte{14}))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.SessionKey([32]byte{}); err == nil {
		t.Fatal("accepted the all-zero public value")
	}
}
