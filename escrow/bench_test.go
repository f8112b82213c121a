package escrow

import "testing"

// BenchmarkLEAFCheck measures one use of a chip's LEAF check: the oracle a
// LEAF forger queries once per try.
func BenchmarkLEAFCheck(b *testing.B) {
	s := newTestSystem(b, 20, DefaultChecksumBits, 1)
	ks := s.sessionKey(b)
	tr, err := s.devices[0].Encrypt(s.rand, ks, []byte("x"))
	if err != nil {
		b.Fatal(err)
	}
	c, err := s.devices[0].LEAFChecker(ks, tr.IV)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if !c.Check(tr.LEAF) {
			b.Fatal("genuine LEAF rejected")
		}
	}
}

// BenchmarkLEAFCheckBatch measures CheckBatch on 64 candidates, none of
// which passes; ns/LEAF is the cost per candidate, to compare with
// BenchmarkLEAFCheck.
func BenchmarkLEAFCheckBatch(b *testing.B) {
	s := newTestSystem(b, 20, DefaultChecksumBits, 1)
	ks := s.sessionKey(b)
	tr, err := s.devices[0].Encrypt(s.rand, ks, []byte("x"))
	if err != nil {
		b.Fatal(err)
	}
	c, err := s.devices[0].LEAFChecker(ks, tr.IV)
	if err != nil {
		b.Fatal(err)
	}
	leaves := make([]LEAF, maxBatch)
	for i := range leaves {
		for leaves[i] = make(LEAF, len(tr.LEAF)); ; {
			s.rand.Read(leaves[i])
			if !c.Check(leaves[i]) {
				break
			}
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if c.CheckBatch(leaves) >= 0 {
			b.Fatal("a rejected LEAF passed")
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(leaves)), "ns/LEAF")
}

// BenchmarkDeviceEncrypt measures a chip sending a 1 KiB message with a
// fresh IV and LEAF.
func BenchmarkDeviceEncrypt(b *testing.B) {
	s := newTestSystem(b, 21, DefaultChecksumBits, 1)
	ks := s.sessionKey(b)
	msg := make([]byte, 1024)
	b.SetBytes(int64(len(msg)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.devices[0].Encrypt(s.rand, ks, msg); err != nil {
			b.Fatal(err)
		}
	}
}
