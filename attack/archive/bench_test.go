package archive

import (
	"context"
	"crypto/cipher"
	"crypto/ecdh"
	"crypto/ed25519"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/escrow"
	"github.com/escrowlab/escrowlab/escrow/skipjack"
	"github.com/escrowlab/escrowlab/internal/tapfile"
	"github.com/escrowlab/escrowlab/internal/x25519"
)

// The ratios these benchmarks report, each against a reference measured
// on one core in the same benchmark, just before and just after; the
// faster of the two counts, since other work on a shared machine only
// ever slows a measurement down: docs/performance.md.
//
// A call captured under both benchSchemes needs x25519PerCall X25519
// operations: under Clipper two key pairs and two agreements, under the
// forward-secret app two ephemeral key pairs and two agreements. The
// forward-secret handshake also makes two Ed25519 signatures and checks
// two, which are not X25519 and are not in the bound: they are part of
// the gap between a capture and its bound (BenchmarkCallCosts).
const x25519PerCall = 8

// benchSchemes are the schemes of the benchmarks' captures.
var benchSchemes = []attack.SchemeID{attack.ClipperID, attack.E2EForwardSecretID}

// refWindow is how long a benchmark measures its reference.
const refWindow = 300 * time.Millisecond

// oneCoreRate runs op on the calling goroutine for about d and returns
// how many times a second it ran.
func oneCoreRate(d time.Duration, op func()) float64 {
	n, start := 0, time.Now()
	for time.Since(start) < d {
		for range 16 {
			op()
		}
		n += 16
	}
	return float64(n) / time.Since(start).Seconds()
}

// x25519Agreement returns one X25519 key agreement through crypto/ecdh,
// the reference operation of a capture's bound.
func x25519Agreement(b *testing.B) func() {
	k, err := ecdh.X25519().NewPrivateKey(make([]byte, 32))
	if err != nil {
		b.Fatal(err)
	}
	peer := k.PublicKey()
	return func() {
		if _, err := k.ECDH(peer); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCapture carries and writes b.N calls under Clipper and the
// forward-secret app on every core, and reports its rate in calls/s and
// as a percentage of the X25519 bound: cores × (X25519 agreements a
// second on one core) / x25519PerCall.
func BenchmarkCapture(b *testing.B) {
	op := x25519Agreement(b)
	ref := oneCoreRate(refWindow, op)
	cfg := CaptureConfig{People: 8, Sessions: b.N, Days: 30, Seed: 1, Schemes: benchSchemes}
	dir := b.TempDir()
	b.ResetTimer()
	rep, err := Capture(context.Background(), cfg, dir)
	if err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	ref = max(ref, oneCoreRate(refWindow, op))
	bound := float64(rep.Workers) * ref / x25519PerCall
	b.ReportMetric(rep.CallRate, "calls/s")
	b.ReportMetric(100*rep.CallRate/bound, "pct-x25519-bound")
}

// BenchmarkX25519 is one X25519 key agreement through crypto/ecdh, the
// operation every call needs several of, on one core: the unit of the
// capture's bound.
func BenchmarkX25519(b *testing.B) {
	op := x25519Agreement(b)
	for b.Loop() {
		op()
	}
}

// BenchmarkCallCosts times, on one core, each public-key operation a
// captured call makes, to compare with BenchmarkX25519: the X25519 public
// key and agreement escrowlab computes (internal/x25519), and the Ed25519
// signature and verification of the forward-secret handshake.
func BenchmarkCallCosts(b *testing.B) {
	var k, peer [32]byte
	k[0], peer[0] = 1, 2
	pub := x25519.PublicKey(&peer)
	priv := ed25519.NewKeyFromSeed(k[:])
	msg := make([]byte, 150) // about a handshake transcript
	sig, id := ed25519.Sign(priv, msg), priv.Public().(ed25519.PublicKey)
	b.Run("x25519-public-key", func(b *testing.B) {
		for b.Loop() {
			_ = x25519.PublicKey(&k)
		}
	})
	b.Run("x25519-agreement", func(b *testing.B) {
		for b.Loop() {
			if _, err := x25519.SharedSecret(&k, &pub); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ed25519-sign", func(b *testing.B) {
		for b.Loop() {
			_ = ed25519.Sign(priv, msg)
		}
	})
	b.Run("ed25519-verify", func(b *testing.B) {
		for b.Loop() {
			if !ed25519.Verify(id, msg, sig) {
				b.Fatal("a good signature failed")
			}
		}
	})
}

// BenchmarkCallPerScheme carries one call under one scheme, on one core,
// to compare with BenchmarkX25519: how many key agreements' worth each
// call costs.
func BenchmarkCallPerScheme(b *testing.B) {
	for _, id := range benchSchemes {
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

// decryptCalls is the size of BenchmarkDecrypt's archive.
const decryptCalls = 10_000

// BenchmarkDecrypt decrypts a prepared archive of decryptCalls calls
// under Clipper and the forward-secret app on every core, with both escrow
// databases, the family key and the ground truth, as in
// docs/performance.md. It reports calls/s, the archive's MB/s, the
// Skipjack bytes processed a second (skipjackWork says which), and those
// as a percentage of the Skipjack bound: cores × the multi-block CBC rate
// of one core (BenchmarkSkipjackCBC).
func BenchmarkDecrypt(b *testing.B) {
	dir := b.TempDir()
	if _, err := Capture(context.Background(), CaptureConfig{People: 8, Sessions: decryptCalls, Days: 30, Seed: 1, Schemes: benchSchemes}, dir); err != nil {
		b.Fatal(err)
	}
	keys := []string{"family-key.csv", "agent1-db-nist.csv", "agent2-db-treasury-automated-systems-division.csv"}
	for i, k := range keys {
		keys[i] = filepath.Join(dir, KeysDir, string(attack.ClipperID), k)
	}
	work := skipjackWork(b, filepath.Join(dir, ArchiveFile))
	buf, cbc := cbcReference(b)
	refOp := func() { cbc.CryptBlocks(buf, buf) }
	ref := oneCoreRate(refWindow, refOp)
	cfg := DecryptConfig{Keys: keys, Truth: filepath.Join(dir, TruthFile)}
	if fi, err := os.Stat(filepath.Join(dir, ArchiveFile)); err == nil {
		b.SetBytes(fi.Size())
	}
	var rep *DecryptReport
	for b.Loop() {
		var err error
		if rep, err = Decrypt(context.Background(), filepath.Join(dir, ArchiveFile), cfg); err != nil {
			b.Fatal(err)
		}
	}
	perOp := b.Elapsed().Seconds() / float64(b.N)
	if rep.Schemes[0].Opened != decryptCalls {
		b.Fatalf("opened %d of %d Clipper calls", rep.Schemes[0].Opened, decryptCalls)
	}
	ref = max(ref, oneCoreRate(refWindow, refOp)) * float64(len(buf))
	b.ReportMetric(decryptCalls/perOp, "calls/s")
	b.ReportMetric(work.total()/perOp/1e6, "skipjack-MB/s")
	b.ReportMetric(100*work.total()/perOp/(float64(runtime.GOMAXPROCS(0))*ref), "pct-skipjack-bound")
	b.ReportMetric(work.total()/decryptCalls, "skipjack-B/call")
}

// BenchmarkSkipjackCBC is the Skipjack reference of BenchmarkDecrypt, on
// one core: 64 KiB of CBC decryption through the eight-block kernels, as
// skipjack's BenchmarkCBCDecrypt.
func BenchmarkSkipjackCBC(b *testing.B) {
	buf, cbc := cbcReference(b)
	b.SetBytes(int64(len(buf)))
	for b.Loop() {
		cbc.CryptBlocks(buf, buf)
	}
}

// cbcReference returns 64 KiB and a Skipjack-CBC decrypter.
func cbcReference(b *testing.B) ([]byte, cipher.BlockMode) {
	c, err := skipjack.NewCipher(make([]byte, 10))
	if err != nil {
		b.Fatal(err)
	}
	return make([]byte, 64<<10), cipher.NewCBCDecrypter(c, make([]byte, skipjack.BlockSize))
}

// skipjackBytes is the Skipjack work that decrypting an archive's Clipper
// calls with both escrow databases and the family key must do, in bytes
// through the block cipher, by kind.
type skipjackBytes struct {
	leafOpen float64 // every LEAF opened under KF, to name both ends of every call
	unwrap   float64 // one session key unwrapped under KU per call
	cbc      float64 // every message's ciphertext, decrypted under KS
	// No LEAF checksum is checked: a decrypt processor unwraps KS from
	// a LEAF without testing it against the IV, and the ground truth
	// checks the words. A check would be one block per message.
}

// total is all the Skipjack bytes.
func (s skipjackBytes) total() float64 { return s.leafOpen + s.unwrap + s.cbc }

// wideBytes is the Skipjack work of opening one n-byte wide block (a LEAF,
// or a session key wrapped under KU): four Feistel rounds, each one block
// per 8-byte piece past the first 8 bytes (escrow's wideBlock).
func wideBytes(n int) float64 {
	return float64(4 * (n - 8 + skipjack.BlockSize - 1) / skipjack.BlockSize * skipjack.BlockSize)
}

// skipjackWork reads the archive at path and counts its Clipper calls'
// Skipjack work.
func skipjackWork(b *testing.B, path string) skipjackBytes {
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	a, err := openArchive(f, path)
	if err != nil {
		b.Fatal(err)
	}
	var s skipjackBytes
	for {
		rec, err := a.r.Next()
		if err != nil {
			break
		}
		j, why := a.job(rec)
		ok := why == ""
		if rec.Kind != tapfile.KindCapture || !ok || a.h.Schemes[j.scheme].ID != attack.ClipperID {
			continue
		}
		r, err := a.schemes[j.scheme].ParseRecord(j.body)
		if err != nil {
			b.Fatal(err)
		}
		s.unwrap += wideBytes(escrow.KeySize)
		for _, t := range r.(*attack.ChipRecord).Transmissions {
			s.leafOpen += wideBytes(len(t.LEAF))
			s.cbc += float64(len(t.Ciphertext))
		}
	}
	return s
}
