package skipjack

import (
	"crypto/cipher"
	"encoding/binary"
	"strconv"
	"sync/atomic"
)

// BlockSize is the Skipjack block size in bytes (64 bits).
const BlockSize = 8

// KeySize is the Skipjack key size in bytes (80 bits).
const KeySize = 10

// rounds is the number of Skipjack rounds (steps).
const rounds = 32

// KeySizeError is returned by NewCipher when the key is not KeySize bytes
// long. Its value is the rejected key length.
type KeySizeError int

// Error implements the error interface.
func (k KeySizeError) Error() string {
	return "skipjack: invalid key size " + strconv.Itoa(int(k)) + " (want 10 bytes)"
}

// skipjackCipher is a Skipjack instance with an expanded key schedule.
type skipjackCipher struct {
	// rk[k] holds the four key bytes cv[4k mod 10] .. cv[4k+3 mod 10]
	// used by the G permutation in round k (counting from 0).
	rk [rounds][4]byte

	// bulk holds the tables of the multi-block methods (bulk.go), built
	// the first time they are used.
	bulk atomic.Pointer[bulkTables]
}

// NewCipher returns a Skipjack cipher.Block for the given 10-byte key.
// The key is copied; the caller may reuse its slice afterwards.
func NewCipher(key []byte) (cipher.Block, error) {
	if len(key) != KeySize {
		return nil, KeySizeError(len(key))
	}
	c := new(skipjackCipher)
	for k := range c.rk {
		for i := range c.rk[k] {
			c.rk[k][i] = key[(4*k+i)%KeySize]
		}
	}
	return c, nil
}

// BlockSize returns the Skipjack block size, BlockSize.
func (c *skipjackCipher) BlockSize() int { return BlockSize }

// g is the keyed permutation G for round k: a four-round Feistel network
// on the high and low bytes of the 16-bit word w. Bytes are carried in
// uint32 values below 256 so table indexes need no zero-extension or
// bounds check.
func (c *skipjackCipher) g(k int, w uint32) uint32 {
	kb := &c.rk[k&(rounds-1)]
	hi, lo := w>>8&0xff, w&0xff
	hi ^= uint32(ftable[lo^uint32(kb[0])])
	lo ^= uint32(ftable[hi^uint32(kb[1])])
	hi ^= uint32(ftable[lo^uint32(kb[2])])
	lo ^= uint32(ftable[hi^uint32(kb[3])])
	return hi<<8 | lo
}

// gInv inverts g for round k.
func (c *skipjackCipher) gInv(k int, w uint32) uint32 {
	kb := &c.rk[k&(rounds-1)]
	hi, lo := w>>8&0xff, w&0xff
	lo ^= uint32(ftable[hi^uint32(kb[3])])
	hi ^= uint32(ftable[lo^uint32(kb[2])])
	lo ^= uint32(ftable[hi^uint32(kb[1])])
	hi ^= uint32(ftable[lo^uint32(kb[0])])
	return hi<<8 | lo
}

// Encrypt encrypts the first block of src into dst.
// dst and src may overlap entirely.
func (c *skipjackCipher) Encrypt(dst, src []byte) {
	if len(src) < BlockSize {
		panic("skipjack: input not full block")
	}
	if len(dst) < BlockSize {
		panic("skipjack: output not full block")
	}
	w1 := load16(src[0:])
	w2 := load16(src[2:])
	w3 := load16(src[4:])
	w4 := load16(src[6:])

	// Rounds 1-8 rule A, 9-16 rule B, 17-24 rule A, 25-32 rule B.
	// The spec's round counter is k+1.
	for k := 0; k < rounds; k += 16 {
		for j := k; j < k+8; j++ { // rule A
			g := c.g(j, w1)
			w1, w2, w3, w4 = g^w4^uint32(j+1), g, w2, w3
		}
		for j := k + 8; j < k+16; j++ { // rule B
			w1, w2, w3, w4 = w4, c.g(j, w1), w1^w2^uint32(j+1), w3
		}
	}

	store16(dst[0:], w1)
	store16(dst[2:], w2)
	store16(dst[4:], w3)
	store16(dst[6:], w4)
}

// Decrypt decrypts the first block of src into dst.
// dst and src may overlap entirely.
func (c *skipjackCipher) Decrypt(dst, src []byte) {
	if len(src) < BlockSize {
		panic("skipjack: input not full block")
	}
	if len(dst) < BlockSize {
		panic("skipjack: output not full block")
	}
	w1 := load16(src[0:])
	w2 := load16(src[2:])
	w3 := load16(src[4:])
	w4 := load16(src[6:])

	// Undo the rounds in reverse: B^-1 for 32-25, A^-1 for 24-17, and so on.
	for k := rounds - 1; k >= 0; k -= 16 {
		for j := k; j > k-8; j-- { // rule B^-1
			g := c.gInv(j, w2)
			w1, w2, w3, w4 = g, g^w3^uint32(j+1), w4, w1
		}
		for j := k - 8; j > k-16; j-- { // rule A^-1
			w1, w2, w3, w4 = c.gInv(j, w2), w3, w4, w1^w2^uint32(j+1)
		}
	}

	store16(dst[0:], w1)
	store16(dst[2:], w2)
	store16(dst[4:], w3)
	store16(dst[6:], w4)
}

// load16 reads a big-endian 16-bit word (the spec's byte order).
func load16(b []byte) uint32 { return uint32(binary.BigEndian.Uint16(b)) }

// store16 writes the low 16 bits of w big-endian.
func store16(b []byte, w uint32) { binary.BigEndian.PutUint16(b, uint16(w)) }
