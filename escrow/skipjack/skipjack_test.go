package skipjack

import (
	"bufio"
	"bytes"
	"crypto/cipher"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
)

func mustHex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatalf("bad hex %q: %v", s, err)
	}
	return b
}

func mustCipher(t *testing.T, key []byte) cipher.Block {
	t.Helper()
	c, err := NewCipher(key)
	if err != nil {
		t.Fatalf("NewCipher(%x): %v", key, err)
	}
	return c
}

func TestFTableIsPermutation(t *testing.T) {
	var seen [256]bool
	for i, v := range ftable {
		if seen[v] {
			t.Fatalf("ftable[%#02x] = %#02x repeats an earlier value", i, v)
		}
		seen[v] = true
	}
}

func TestVectors(t *testing.T) {
	tests := []struct {
		name        string
		key, pt, ct string
	}{
		{
			name: "spec v2.0",
			key:  "00998877665544332211",
			pt:   "33221100ddccbbaa",
			ct:   "2587cae27a12d300",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := mustCipher(t, mustHex(t, tc.key))
			pt, ct := mustHex(t, tc.pt), mustHex(t, tc.ct)
			got := make([]byte, BlockSize)
			c.Encrypt(got, pt)
			if !bytes.Equal(got, ct) {
				t.Errorf("Encrypt = %x, want %x", got, ct)
			}
			c.Decrypt(got, ct)
			if !bytes.Equal(got, pt) {
				t.Errorf("Decrypt = %x, want %x", got, pt)
			}
		})
	}
}

// TestCryptoPPVectors checks every path, one block and eight at a time, on
// known answers from Crypto++ (see testdata/cryptopp.txt).
func TestCryptoPPVectors(t *testing.T) {
	f, err := os.Open("testdata/cryptopp.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) != 3 {
			t.Fatalf("bad line %q", line)
		}
		c := mustCipher(t, mustHex(t, fields[0]))
		pt, ct := mustHex(t, fields[1]), mustHex(t, fields[2])
		got := make([]byte, BlockSize)
		if c.Encrypt(got, pt); !bytes.Equal(got, ct) {
			t.Errorf("key %s: Encrypt = %x, want %x", fields[0], got, ct)
		}
		if c.Decrypt(got, ct); !bytes.Equal(got, pt) {
			t.Errorf("key %s: Decrypt = %x, want %x", fields[0], got, pt)
		}
		// Eight copies of the block take the bulk paths.
		many := bytes.Repeat(pt, bulkBlocks)
		c.(blockEncrypter).EncryptBlocks(many, many)
		if want := bytes.Repeat(ct, bulkBlocks); !bytes.Equal(many, want) {
			t.Errorf("key %s: EncryptBlocks = %x, want %x", fields[0], many, want)
		}
		// CBC with a zero IV and repeated blocks: the first plaintext is
		// D(ct), each later one D(ct) XOR ct.
		cbc := bytes.Repeat(ct, bulkBlocks)
		cipher.NewCBCDecrypter(c, make([]byte, BlockSize)).CryptBlocks(cbc, cbc)
		for i := 0; i < len(cbc); i += BlockSize {
			want := bytes.Clone(pt)
			if i > 0 {
				subtle.XORBytes(want, want, ct)
			}
			if !bytes.Equal(cbc[i:i+BlockSize], want) {
				t.Errorf("key %s: CBC block %d = %x, want %x", fields[0], i/BlockSize, cbc[i:i+BlockSize], want)
			}
		}
		n++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 30 {
		t.Fatalf("only %d vectors in testdata/cryptopp.txt", n)
	}
}

func TestBlockSize(t *testing.T) {
	c := mustCipher(t, make([]byte, KeySize))
	if got := c.BlockSize(); got != 8 {
		t.Errorf("BlockSize() = %d, want 8", got)
	}
}

func TestRoundTripRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1998, 624))
	key := make([]byte, KeySize)
	pt := make([]byte, BlockSize)
	ct := make([]byte, BlockSize)
	back := make([]byte, BlockSize)
	for range 200 {
		fill(rng, key)
		c := mustCipher(t, key)
		for range 50 {
			fill(rng, pt)
			c.Encrypt(ct, pt)
			if bytes.Equal(ct, pt) {
				t.Fatalf("key %x: Encrypt(%x) left block unchanged", key, pt)
			}
			c.Decrypt(back, ct)
			if !bytes.Equal(back, pt) {
				t.Fatalf("key %x: Decrypt(Encrypt(%x)) = %x", key, pt, back)
			}
		}
	}
}

func fill(rng *rand.Rand, b []byte) {
	for i := range b {
		b[i] = byte(rng.Uint32())
	}
}

func TestInPlace(t *testing.T) {
	c := mustCipher(t, mustHex(t, "00998877665544332211"))
	buf := mustHex(t, "33221100ddccbbaa")
	c.Encrypt(buf, buf)
	if want := mustHex(t, "2587cae27a12d300"); !bytes.Equal(buf, want) {
		t.Fatalf("in-place Encrypt = %x, want %x", buf, want)
	}
	c.Decrypt(buf, buf)
	if want := mustHex(t, "33221100ddccbbaa"); !bytes.Equal(buf, want) {
		t.Fatalf("in-place Decrypt = %x, want %x", buf, want)
	}
}

func TestBadKeySizes(t *testing.T) {
	for n := 0; n <= 20; n++ {
		if n == KeySize {
			continue
		}
		c, err := NewCipher(make([]byte, n))
		if c != nil {
			t.Errorf("NewCipher(%d bytes) returned non-nil cipher", n)
		}
		var kse KeySizeError
		if !errors.As(err, &kse) {
			t.Fatalf("NewCipher(%d bytes) error = %v, want KeySizeError", n, err)
		}
		if int(kse) != n {
			t.Errorf("KeySizeError = %d, want %d", int(kse), n)
		}
	}
	if got, want := KeySizeError(7).Error(), "skipjack: invalid key size 7 (want 10 bytes)"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestKeyIsCopied(t *testing.T) {
	key := mustHex(t, "00998877665544332211")
	c := mustCipher(t, key)
	for i := range key {
		key[i] ^= 0xff
	}
	got := make([]byte, BlockSize)
	c.Encrypt(got, mustHex(t, "33221100ddccbbaa"))
	if want := mustHex(t, "2587cae27a12d300"); !bytes.Equal(got, want) {
		t.Fatalf("after mutating key, Encrypt = %x, want %x", got, want)
	}
}

func TestKeyBitFlip(t *testing.T) {
	key := mustHex(t, "00998877665544332211")
	pt := mustHex(t, "33221100ddccbbaa")
	base := mustHex(t, "2587cae27a12d300")
	got := make([]byte, BlockSize)
	for bit := range 8 * KeySize {
		k := bytes.Clone(key)
		k[bit/8] ^= 0x80 >> (bit % 8)
		mustCipher(t, k).Encrypt(got, pt)
		if bytes.Equal(got, base) {
			t.Errorf("flipping key bit %d did not change the ciphertext", bit)
		}
	}
}

func TestShortBuffersPanic(t *testing.T) {
	c := mustCipher(t, make([]byte, KeySize))
	full, short := make([]byte, BlockSize), make([]byte, BlockSize-1)
	tests := []struct {
		name     string
		op       func(dst, src []byte)
		dst, src []byte
		want     string
	}{
		{"encrypt short src", c.Encrypt, full, short, "skipjack: input not full block"},
		{"encrypt short dst", c.Encrypt, short, full, "skipjack: output not full block"},
		{"decrypt short src", c.Decrypt, full, short, "skipjack: input not full block"},
		{"decrypt short dst", c.Decrypt, short, full, "skipjack: output not full block"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			defer func() {
				if r := recover(); r != tc.want {
					t.Errorf("panic = %v, want %q", r, tc.want)
				}
			}()
			tc.op(tc.dst, tc.src)
		})
	}
}

func TestModes(t *testing.T) {
	c := mustCipher(t, mustHex(t, "00998877665544332211"))
	rng := rand.New(rand.NewPCG(24, 6))
	msg := make([]byte, 10*BlockSize)
	fill(rng, msg)
	iv := make([]byte, BlockSize)
	fill(rng, iv)

	t.Run("CBC", func(t *testing.T) {
		ct := make([]byte, len(msg))
		cipher.NewCBCEncrypter(c, iv).CryptBlocks(ct, msg)
		// The first CBC block is E(msg[0:8] XOR iv).
		first := make([]byte, BlockSize)
		for i := range first {
			first[i] = msg[i] ^ iv[i]
		}
		c.Encrypt(first, first)
		if !bytes.Equal(ct[:BlockSize], first) {
			t.Fatalf("CBC first block = %x, want %x", ct[:BlockSize], first)
		}
		pt := make([]byte, len(msg))
		cipher.NewCBCDecrypter(c, iv).CryptBlocks(pt, ct)
		if !bytes.Equal(pt, msg) {
			t.Fatalf("CBC round trip = %x, want %x", pt, msg)
		}
	})

	t.Run("CTR", func(t *testing.T) {
		odd := msg[:len(msg)-3] // not a multiple of the block size
		ct := make([]byte, len(odd))
		cipher.NewCTR(c, iv).XORKeyStream(ct, odd)
		if bytes.Equal(ct, odd) {
			t.Fatal("CTR output equals input")
		}
		pt := make([]byte, len(ct))
		cipher.NewCTR(c, iv).XORKeyStream(pt, ct)
		if !bytes.Equal(pt, odd) {
			t.Fatalf("CTR round trip = %x, want %x", pt, odd)
		}
	})
}
