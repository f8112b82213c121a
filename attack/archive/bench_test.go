package archive

import (
	"context"
	"crypto/ecdh"
	"testing"

	"github.com/escrowlab/escrowlab/attack"
)

// BenchmarkCapture carries and writes b.N calls under Clipper and the
// forward-secret app on every core. Compare its ns/op with
// BenchmarkX25519's, measured in the same run: docs/performance.md.
func BenchmarkCapture(b *testing.B) {
	cfg := CaptureConfig{People: 8, Sessions: b.N, Days: 30, Seed: 1, Schemes: []attack.SchemeID{attack.ClipperID, attack.E2EForwardSecretID}}
	dir := b.TempDir()
	b.ResetTimer()
	rep, err := Capture(context.Background(), cfg, dir)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(rep.CallRate, "calls/s")
}

// BenchmarkX25519 is one X25519 key agreement, the operation every call
// needs several of, on one core.
func BenchmarkX25519(b *testing.B) {
	k, _ := ecdh.X25519().NewPrivateKey(make([]byte, 32))
	peer := k.PublicKey()
	for b.Loop() {
		if _, err := k.ECDH(peer); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCallPerScheme carries one call under one scheme, on one core,
// to compare with BenchmarkX25519: how many key agreements' worth each
// call costs.
func BenchmarkCallPerScheme(b *testing.B) {
	for _, id := range []attack.SchemeID{attack.ClipperID, attack.E2EForwardSecretID} {
		b.Run(string(id), func(b *testing.B) {
			w, err := attack.NewWorld(attack.Config{People: []string{"Alice", "Bob"}, Seed: 1, Start: DefaultStart, Schemes: []attack.SchemeID{id}, Keep: func(int) bool { return false }})
			if err != nil {
				b.Fatal(err)
			}
			c := attack.Conversation{Caller: w.People[0], Callee: w.People[1], At: DefaultStart, Messages: []attack.Message{{FromCaller: true, Text: "meet me at the station"}, {Text: "friday"}}}
			n := 0
			for b.Loop() {
				n++
				c.Session = n
				if _, err := w.Carry(c); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
