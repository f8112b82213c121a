package skipjack

import (
	"crypto/cipher"
	"crypto/subtle"
)

// NewCBCDecrypter returns a CBC decrypter that decrypts eight blocks at a
// time. crypto/cipher.NewCBCDecrypter calls it, so callers get it without
// asking. (There is no CBC encrypter of our own: each CBC block needs the
// one before it, so encryption cannot work on several blocks at once.)
func (c *skipjackCipher) NewCBCDecrypter(iv []byte) cipher.BlockMode {
	if len(iv) != BlockSize {
		panic("cipher.NewCBCDecrypter: IV length must equal block size")
	}
	x := &cbcDecrypter{c: c}
	copy(x.iv[:], iv)
	return x
}

// tablesWorth is how many blocks must be decrypted at once to repay
// building a cipher's bulk tables (3 to 5 µs, some 20 one-block
// decryptions). Short messages under a fresh key, such as most of
// escrowlab's calls, are faster one block at a time.
const tablesWorth = 32

// cbcDecrypter is Skipjack in CBC mode, decrypting.
type cbcDecrypter struct {
	c  *skipjackCipher
	iv [BlockSize]byte // the last ciphertext block so far
}

// BlockSize returns BlockSize.
func (x *cbcDecrypter) BlockSize() int { return BlockSize }

// CryptBlocks decrypts src into dst. Each plaintext block is the
// decryption of its ciphertext block XOR the ciphertext block before it
// (the IV, for the first).
func (x *cbcDecrypter) CryptBlocks(dst, src []byte) {
	checkBlocks("crypto/cipher", dst, src)
	const group = bulkBlocks * BlockSize
	t := x.c.bulk.Load()
	if t == nil && len(src) >= tablesWorth*BlockSize {
		t = x.c.tables()
	}
	var plain, prev [group]byte
	for len(src) > 0 {
		n := min(len(src), group)
		// Read all of this group's input before writing: dst may be src.
		copy(prev[:BlockSize], x.iv[:])
		copy(prev[BlockSize:n], src[:n-BlockSize])
		x.iv = [BlockSize]byte(src[n-BlockSize : n])
		if n == group && t != nil {
			decrypt8(t, &plain, (*[group]byte)(src))
		} else {
			for i := 0; i < n; i += BlockSize {
				x.c.Decrypt(plain[i:], src[i:])
			}
		}
		subtle.XORBytes(dst[:n], plain[:n], prev[:n])
		dst, src = dst[n:], src[n:]
	}
}

// SetIV sets the IV for the next block, as crypto/cipher's CBC modes do.
func (x *cbcDecrypter) SetIV(iv []byte) {
	if len(iv) != BlockSize {
		panic("cipher: incorrect length IV")
	}
	copy(x.iv[:], iv)
}
