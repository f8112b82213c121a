package escrow

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

func TestWideBlockRoundTrip(t *testing.T) {
	r := rand.NewChaCha8([32]byte{1})
	for n := 9; n <= 24; n++ {
		var key [KeySize]byte
		r.Read(key[:])
		w, err := newWideBlock(key, n)
		if err != nil {
			t.Fatalf("n=%d: %v", n, err)
		}
		var scratch [8]byte
		for range 50 {
			plain := make([]byte, n)
			r.Read(plain)
			sealed := make([]byte, n)
			w.encrypt(sealed, plain, &scratch)
			if bytes.Equal(sealed, plain) {
				t.Fatalf("n=%d: encryption left the input unchanged", n)
			}
			back := make([]byte, n)
			w.decrypt(back, sealed, &scratch)
			if !bytes.Equal(back, plain) {
				t.Fatalf("n=%d: decrypt(encrypt(x)) = %x, want %x", n, back, plain)
			}
		}
	}
}

// Flipping any one input bit must change both halves of the output: the
// property that makes a tampered LEAF fail its checksum.
func TestWideBlockDiffusion(t *testing.T) {
	for _, n := range []int{10, 15, 16, 18} {
		w, err := newWideBlock([KeySize]byte{9}, n)
		if err != nil {
			t.Fatal(err)
		}
		var scratch [8]byte
		plain := make([]byte, n)
		base := make([]byte, n)
		w.encrypt(base, plain, &scratch)
		for bit := range 8 * n {
			in := make([]byte, n)
			in[bit/8] ^= 0x80 >> (bit % 8)
			out := make([]byte, n)
			w.encrypt(out, in, &scratch)
			if bytes.Equal(out[:8], base[:8]) || bytes.Equal(out[8:], base[8:]) {
				t.Fatalf("n=%d: flipping input bit %d left half of the output unchanged", n, bit)
			}
		}
	}
}

func TestWideBlockRejectsSizes(t *testing.T) {
	for _, n := range []int{0, 8, 25} {
		if _, err := newWideBlock([KeySize]byte{}, n); err == nil {
			t.Errorf("newWideBlock(n=%d) succeeded, want error", n)
		}
	}
}

func TestWideBlockBatchMatchesDecrypt(t *testing.T) {
	r := rand.NewChaCha8([32]byte{2})
	rng := rand.New(r)
	var s batchScratch
	for n := 9; n <= 24; n++ {
		var key [KeySize]byte
		r.Read(key[:])
		w, err := newWideBlock(key, n)
		if err != nil {
			t.Fatal(err)
		}
		for _, count := range []int{0, 1, 7, 8, 9, 33, maxBatch - 1, maxBatch, rng.IntN(maxBatch + 1)} {
			buf := make([]byte, count*n)
			r.Read(buf)
			want := make([]byte, len(buf))
			var scratch [8]byte
			for k := range count {
				w.decrypt(want[k*n:(k+1)*n], buf[k*n:(k+1)*n], &scratch)
			}
			w.decryptBatch(buf, count, &s)
			if !bytes.Equal(buf, want) {
				t.Fatalf("n=%d, %d strings: decryptBatch differs from decrypt", n, count)
			}
		}
	}
}
