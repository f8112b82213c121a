package escrow

import (
	"crypto/cipher"
	"fmt"

	"github.com/escrowlab/escrowlab/escrow/skipjack"
)

// wideRounds is the number of Feistel rounds of the wide-block construction.
// Four rounds, in the style of Luby and Rackoff, so that every output bit
// depends on every input bit in both directions. Their theorem needs
// independent round functions; these rounds share one Skipjack key and
// differ only by public tweaks, so it does not apply: the seal is a model
// choice without a proof, and the tests show diffusion, not pseudorandomness.
const wideRounds = 4

// wideBlock encrypts strings of one fixed length n (9 to 24 bytes) under an
// 80-bit key, so that every output bit depends on every input bit. Skipjack's
// 64-bit block is too small for a LEAF (128 bits) or a wrapped session key
// (80 bits); this model widens it with an unbalanced Feistel network.
//
// The string is split into L (the first 8 bytes) and R (the other n-8 bytes).
// Rounds 1 and 3 set R ^= expand(L); rounds 2 and 4 set L ^= compress(R).
// Both round functions are Skipjack under the key, with the round number
// mixed into the input so each round computes a different function. This is
// a model choice: the real LEAF construction was classified.
type wideBlock struct {
	block cipher.Block
	bulk  blockEncrypter // block's method for many blocks at once
	n     int
}

func newWideBlock(key [KeySize]byte, n int) (*wideBlock, error) {
	if n <= skipjack.BlockSize || n > 3*skipjack.BlockSize {
		return nil, fmt.Errorf("escrow: wide block of %d bytes: %w", n, ErrMalformed)
	}
	b, err := skipjack.NewCipher(key[:])
	if err != nil {
		return nil, err
	}
	bulk, ok := b.(blockEncrypter)
	if !ok {
		return nil, fmt.Errorf("skipjack cipher %T has no EncryptBlocks method", b)
	}
	return &wideBlock{block: b, bulk: bulk, n: n}, nil
}

// encrypt seals src (n bytes) into dst (n bytes); they may be the same slice.
// t is scratch space, passed in so that hot loops do not allocate.
func (w *wideBlock) encrypt(dst, src []byte, t *[skipjack.BlockSize]byte) {
	copy(dst[:w.n], src[:w.n])
	for r := byte(1); r <= wideRounds; r++ {
		w.round(dst, r, t)
	}
}

// decrypt opens src (n bytes) into dst (n bytes); they may be the same slice.
// t is scratch space, as for encrypt.
func (w *wideBlock) decrypt(dst, src []byte, t *[skipjack.BlockSize]byte) {
	copy(dst[:w.n], src[:w.n])
	for r := byte(wideRounds); r >= 1; r-- {
		w.round(dst, r, t)
	}
}

// round applies Feistel round r in place. Each round is its own inverse.
func (w *wideBlock) round(x []byte, r byte, t *[skipjack.BlockSize]byte) {
	left, right := x[:skipjack.BlockSize], x[skipjack.BlockSize:w.n]
	*t = [skipjack.BlockSize]byte{}
	if r%2 == 1 {
		// expand: R ^= Skipjack(L ^ tweak(r, j)) for each 8-byte piece j of R.
		for j := 0; j*skipjack.BlockSize < len(right); j++ {
			copy(t[:], left)
			t[6] ^= byte(j)
			t[7] ^= r
			w.block.Encrypt(t[:], t[:])
			piece := right[j*skipjack.BlockSize:]
			for i := 0; i < len(piece) && i < skipjack.BlockSize; i++ {
				piece[i] ^= t[i]
			}
		}
		return
	}
	// compress: L ^= CBC-MAC of R (zero-padded to whole blocks) started at tweak(r).
	t[7] = r
	for j := 0; j*skipjack.BlockSize < len(right); j++ {
		piece := right[j*skipjack.BlockSize:]
		for i := 0; i < len(piece) && i < skipjack.BlockSize; i++ {
			t[i] ^= piece[i]
		}
		w.block.Encrypt(t[:], t[:])
	}
	for i := range left {
		left[i] ^= t[i]
	}
}
