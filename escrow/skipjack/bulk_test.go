package skipjack

import (
	"bytes"
	"crypto/cipher"
	"math/rand/v2"
	"testing"
)

// blockEncrypter is the optional method that escrow's LEAF check uses.
type blockEncrypter interface {
	EncryptBlocks(dst, src []byte)
}

// maxBlocks is the longest input the fast paths are tested on, in blocks:
// several groups of eight, every remainder, and enough for the CBC
// decrypter to build its tables.
const maxBlocks = tablesWorth + 2*bulkBlocks - 1

// buffers returns src and dst of n bytes for the fast-path tests, each
// starting off bytes into a larger buffer, or the same slice if inPlace.
func buffers(rng *rand.Rand, n, off int, inPlace bool) (dst, src []byte) {
	src = make([]byte, n+off)[off:]
	fill(rng, src)
	if inPlace {
		return src, src
	}
	return make([]byte, n+BlockSize-off)[BlockSize-off:], src
}

func TestEncryptBlocksMatchesEncrypt(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 1998))
	key := make([]byte, KeySize)
	for trial := range 40 {
		fill(rng, key)
		c := mustCipher(t, key)
		for n := range maxBlocks + 1 {
			inPlace, off := trial%2 == 0, rng.IntN(BlockSize)
			dst, src := buffers(rng, n*BlockSize, off, inPlace)
			want := make([]byte, len(src))
			for i := 0; i < len(src); i += BlockSize {
				c.Encrypt(want[i:], src[i:])
			}
			c.(blockEncrypter).EncryptBlocks(dst, src)
			if !bytes.Equal(dst[:len(src)], want) {
				t.Fatalf("key %x, %d blocks (offset %d, in place %v): EncryptBlocks differs from Encrypt", key, n, off, inPlace)
			}
		}
	}
}

// TestFastPathsChosen checks that crypto/cipher finds the optional methods.
func TestFastPathsChosen(t *testing.T) {
	c, iv := mustCipher(t, make([]byte, KeySize)), make([]byte, BlockSize)
	if m, ok := cipher.NewCBCDecrypter(c, iv).(*cbcDecrypter); !ok {
		t.Errorf("cipher.NewCBCDecrypter returned %T, want *cbcDecrypter", m)
	}
	if s, ok := cipher.NewCTR(c, iv).(*ctr); !ok {
		t.Errorf("cipher.NewCTR returned %T, want *ctr", s)
	}
}

// genericBlock hides the optional methods of a Block, so crypto/cipher
// uses its own generic modes: the reference for the fast paths.
type genericBlock struct{ cipher.Block }

func TestCBCDecrypterMatchesGeneric(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 1994))
	key, iv := make([]byte, KeySize), make([]byte, BlockSize)
	for trial := range 40 {
		fill(rng, key)
		fill(rng, iv)
		c := mustCipher(t, key)
		if trial%4 < 2 {
			// Tables built already: even short inputs take the bulk path.
			c.(*skipjackCipher).tables()
		}
		for n := range maxBlocks + 1 {
			inPlace, off := trial%2 == 1, rng.IntN(BlockSize)
			dst, src := buffers(rng, n*BlockSize, off, inPlace)
			want := make([]byte, len(src))
			cipher.NewCBCDecrypter(genericBlock{c}, iv).CryptBlocks(want, src)

			// Two calls, split at a random block, must chain like one.
			fast := cipher.NewCBCDecrypter(c, iv)
			split := rng.IntN(n+1) * BlockSize
			fast.CryptBlocks(dst, src[:split])
			fast.CryptBlocks(dst[split:], src[split:])
			if !bytes.Equal(dst[:len(src)], want) {
				t.Fatalf("key %x, %d blocks split at %d (offset %d, in place %v): fast CBC differs from generic", key, n, split/BlockSize, off, inPlace)
			}
		}
	}
}

func TestCBCDecrypterSetIV(t *testing.T) {
	c := mustCipher(t, mustHex(t, "00998877665544332211"))
	iv1, iv2 := mustHex(t, "0001020304050607"), mustHex(t, "f0f1f2f3f4f5f6f7")
	msg := bytes.Repeat([]byte("escrowed"), 2*bulkBlocks)
	ct := make([]byte, len(msg))
	cipher.NewCBCEncrypter(c, iv2).CryptBlocks(ct, msg)
	d := cipher.NewCBCDecrypter(c, iv1)
	d.(interface{ SetIV([]byte) }).SetIV(iv2)
	got := make([]byte, len(ct))
	d.CryptBlocks(got, ct)
	if !bytes.Equal(got, msg) {
		t.Fatalf("after SetIV, CBC decrypted %q", got)
	}
	if d.BlockSize() != BlockSize {
		t.Fatalf("BlockSize() = %d", d.BlockSize())
	}
}

func TestCTRMatchesGeneric(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 2015))
	key, iv := make([]byte, KeySize), make([]byte, BlockSize)
	for trial := range 40 {
		fill(rng, key)
		fill(rng, iv)
		if trial%4 == 0 {
			copy(iv, []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfd}) // the counter wraps
		}
		c := mustCipher(t, key)
		for n := range maxBlocks*BlockSize + 1 {
			if n > 3*BlockSize && rng.IntN(4) != 0 {
				continue // every short length, a quarter of the longer ones
			}
			inPlace, off := trial%2 == 0, rng.IntN(BlockSize)
			dst, src := buffers(rng, n, off, inPlace)
			want := make([]byte, n)
			cipher.NewCTR(genericBlock{c}, iv).XORKeyStream(want, src)

			// Any split into calls gives the same stream.
			fast := cipher.NewCTR(c, iv)
			for done := 0; done < n; {
				k := min(n-done, 1+rng.IntN(3*bulkBlocks*BlockSize))
				fast.XORKeyStream(dst[done:], src[done:done+k])
				done += k
			}
			if !bytes.Equal(dst[:n], want) {
				t.Fatalf("key %x iv %x, %d bytes (offset %d, in place %v): fast CTR differs from generic", key, iv, n, off, inPlace)
			}
		}
	}
}

func TestBulkPanics(t *testing.T) {
	c := mustCipher(t, make([]byte, KeySize))
	buf := make([]byte, 4*BlockSize)
	iv := make([]byte, BlockSize)
	tests := []struct {
		name string
		op   func()
		want string
	}{
		{"EncryptBlocks partial block", func() { c.(blockEncrypter).EncryptBlocks(buf, buf[:BlockSize+1]) }, "skipjack: input not full blocks"},
		{"EncryptBlocks short dst", func() { c.(blockEncrypter).EncryptBlocks(buf[:BlockSize], buf[BlockSize:3*BlockSize]) }, "skipjack: output smaller than input"},
		{"EncryptBlocks overlap", func() { c.(blockEncrypter).EncryptBlocks(buf[1:], buf[:2*BlockSize]) }, "skipjack: invalid buffer overlap"},
		{"CBC partial block", func() { cipher.NewCBCDecrypter(c, iv).CryptBlocks(buf, buf[:3]) }, "crypto/cipher: input not full blocks"},
		{"CBC short dst", func() { cipher.NewCBCDecrypter(c, iv).CryptBlocks(buf[:BlockSize], buf) }, "crypto/cipher: output smaller than input"},
		{"CBC overlap", func() { cipher.NewCBCDecrypter(c, iv).CryptBlocks(buf[BlockSize:], buf[:2*BlockSize]) }, "crypto/cipher: invalid buffer overlap"},
		{"CBC IV length", func() { c.(interface{ NewCBCDecrypter([]byte) cipher.BlockMode }).NewCBCDecrypter(iv[:7]) }, "cipher.NewCBCDecrypter: IV length must equal block size"},
		{"CBC SetIV length", func() { cipher.NewCBCDecrypter(c, iv).(interface{ SetIV([]byte) }).SetIV(iv[:3]) }, "cipher: incorrect length IV"},
		{"CTR IV length", func() { cipher.NewCTR(c, iv[:7]) }, "cipher.NewCTR: IV length must equal block size"},
		{"CTR short dst", func() { cipher.NewCTR(c, iv).XORKeyStream(buf[:3], buf[:4]) }, "crypto/cipher: output smaller than input"},
		{"CTR overlap", func() { cipher.NewCTR(c, iv).XORKeyStream(buf[2:], buf[:9]) }, "crypto/cipher: invalid buffer overlap"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			defer func() {
				if r := recover(); r != tc.want {
					t.Errorf("panic = %v, want %q", r, tc.want)
				}
			}()
			tc.op()
		})
	}
}
