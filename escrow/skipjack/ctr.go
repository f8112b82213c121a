package skipjack

import (
	"crypto/cipher"
	"crypto/subtle"
	"encoding/binary"
)

// NewCTR returns a counter-mode stream that makes its keystream eight
// blocks at a time. crypto/cipher.NewCTR calls it, so callers get it
// without asking. As in crypto/cipher, the counter is the whole 64-bit
// block, big-endian, starting at iv and wrapping around. Its first use
// builds the cipher's bulk tables (3 to 5 µs).
func (c *skipjackCipher) NewCTR(iv []byte) cipher.Stream {
	if len(iv) != BlockSize {
		panic("cipher.NewCTR: IV length must equal block size")
	}
	x := &ctr{c: c, next: binary.BigEndian.Uint64(iv)}
	x.used = len(x.stream)
	return x
}

// ctr is Skipjack in counter mode.
type ctr struct {
	c      *skipjackCipher
	next   uint64                       // the counter of the next block to make
	stream [bulkBlocks * BlockSize]byte // keystream made but not all used
	used   int                          // bytes of stream already used
}

// XORKeyStream XORs src with the keystream into dst.
func (x *ctr) XORKeyStream(dst, src []byte) {
	if len(dst) < len(src) {
		panic("crypto/cipher: output smaller than input")
	}
	if inexactOverlap(dst[:len(src)], src) {
		panic("crypto/cipher: invalid buffer overlap")
	}
	for len(src) > 0 {
		if x.used == len(x.stream) {
			x.refill()
		}
		n := subtle.XORBytes(dst, src, x.stream[x.used:])
		x.used += n
		dst, src = dst[n:], src[n:]
	}
}

// refill makes the next eight blocks of keystream.
func (x *ctr) refill() {
	for i := 0; i < len(x.stream); i += BlockSize {
		binary.BigEndian.PutUint64(x.stream[i:], x.next)
		x.next++
	}
	encrypt8(x.c.tables(), &x.stream, &x.stream)
	x.used = 0
}
