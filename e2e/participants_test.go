package e2e_test

import (
	"bytes"
	"crypto/ed25519"
	"testing"

	"github.com/escrowlab/escrowlab/e2e"
)

func TestParticipants(t *testing.T) {
	c := handshake(t, 31)
	carol := newIdentity(t, seeded(32))
	all := []ed25519.PublicKey{carol.Public(), c.bobPub, c.alicePub}
	i, r, ok := e2e.Participants(c.hello, c.reply, all)
	if !ok || !bytes.Equal(i, c.alicePub) || !bytes.Equal(r, c.bobPub) {
		t.Fatalf("Participants = %x, %x, %v; want Alice then Bob", i, r, ok)
	}
	for name, cands := range map[string][]ed25519.PublicKey{
		"only Alice":    {c.alicePub},
		"Alice, Carol":  {c.alicePub, carol.Public()},
		"none":          nil,
		"malformed key": {ed25519.PublicKey{1, 2, 3}, c.bobPub},
	} {
		if _, _, ok := e2e.Participants(c.hello, c.reply, cands); ok {
			t.Errorf("%s: identified both parties", name)
		}
	}
	if _, _, ok := e2e.Participants(c.hello[:10], c.reply, all); ok {
		t.Error("truncated hello identified")
	}
}
