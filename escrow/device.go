package escrow

import (
	"bytes"
	"crypto/cipher"
	"fmt"
	"io"

	"github.com/escrowlab/escrowlab/escrow/skipjack"
)

// Device is one Clipper chip. It holds its unit key KU and the family key KF
// and, like the tamper-resistant chip it models, offers no way to read them
// out: it can only send and receive traffic and check LEAFs.
type Device struct {
	id      UnitID
	family  *Family
	wrapper *wideBlock // Skipjack under KU, widened to 80 bits, wraps session keys
}

// Transmission is what a chip puts on the wire for one call: the LEAF, the IV
// and the traffic encrypted under the session key.
type Transmission struct {
	LEAF       LEAF
	IV         IV
	Ciphertext []byte
}

// UnitID returns the chip's serial number, which is printed on the chip.
func (d *Device) UnitID() UnitID { return d.id }

// Encrypt is what the sending chip does with session key ks: it draws an IV
// from rand, builds the LEAF (unit ID, KS wrapped under KU, checksum of KS
// and the IV, all sealed under KF) and encrypts plaintext under KS with
// Skipjack in CBC mode.
func (d *Device) Encrypt(rand io.Reader, ks SessionKey, plaintext []byte) (*Transmission, error) {
	t := &Transmission{}
	if _, err := io.ReadFull(rand, t.IV[:]); err != nil {
		return nil, fmt.Errorf("escrow: drawing IV: %w", err)
	}
	sum, err := Checksum(ks, t.IV, d.family.bits)
	if err != nil {
		return nil, err
	}
	var wrapped [wrappedKeySize]byte
	d.wrapper.encrypt(wrapped[:], ks[:], new([8]byte))
	t.LEAF = d.family.sealLEAF(d.id, wrapped, sum)
	if t.Ciphertext, err = encryptTraffic(ks, t.IV, plaintext); err != nil {
		return nil, err
	}
	return t, nil
}

// Decrypt is what the receiving chip does: it checks the LEAF against ks and
// the IV and refuses (ErrLEAFRejected) if the check fails; otherwise it
// decrypts the traffic.
func (d *Device) Decrypt(ks SessionKey, t *Transmission) ([]byte, error) {
	if t == nil {
		return nil, fmt.Errorf("escrow: no transmission: %w", ErrMalformed)
	}
	ok, err := d.accepts(ks, t)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("escrow: unit %s receiving: %w", d.id, ErrLEAFRejected)
	}
	return DecryptTraffic(ks, t.IV, t.Ciphertext)
}

// accepts is the receiving chip's check of one transmission's LEAF, as a
// LEAFChecker's Check does it, without a checker's batch memory (a few
// kilobytes, which a chip receiving one message at a time need not
// allocate).
func (d *Device) accepts(ks SessionKey, t *Transmission) (bool, error) {
	want, err := Checksum(ks, t.IV, d.family.bits)
	if err != nil {
		return false, err
	}
	var s leafScratch
	return len(t.LEAF) == d.family.sealer.n && d.family.openLEAF(t.LEAF, &s).Checksum == want, nil
}

// LEAFChecker returns the receiving chip's LEAF check with session key ks and
// IV iv loaded. Each call of its Check method is one use of the chip's
// "load LEAF" operation: the caller learns only whether the LEAF passed.
func (d *Device) LEAFChecker(ks SessionKey, iv IV) (*LEAFChecker, error) {
	sum, err := Checksum(ks, iv, d.family.bits)
	if err != nil {
		return nil, err
	}
	return &LEAFChecker{family: d.family, want: sum}, nil
}

// LEAFChecker checks LEAFs for one loaded session key and IV. It keeps
// working memory, so it is not safe for concurrent use: make one per
// goroutine.
type LEAFChecker struct {
	family  *Family
	want    uint32
	_       [64]byte // keeps scratch on cache lines of its own, so that
	scratch leafScratch
	batch   leafBatch
	_       [64]byte // checkers used by parallel searchers do not contend
}

// leafBatch is the working memory of CheckBatch.
type leafBatch struct {
	plain [maxBatch * 3 * 8]byte // the LEAFs being opened, end to end
	wide  batchScratch
}

// Check reports whether the chip accepts leaf: whether its checksum field
// matches the loaded session key and IV. Nothing else in the LEAF is checked.
func (c *LEAFChecker) Check(leaf LEAF) bool {
	if len(leaf) != c.family.sealer.n {
		return false
	}
	return c.family.openLEAF(leaf, &c.scratch).Checksum == c.want
}

// CheckBatch checks every LEAF in leaves, as Check does, and returns the
// index of the first that the chip accepts, or -1 if it accepts none. It
// gives the same answers as calling Check on each LEAF in turn, several
// times faster, because the chip opens many LEAFs with one batch of
// Skipjack operations. Like Check, it reveals nothing but the answer.
func (c *LEAFChecker) CheckBatch(leaves []LEAF) int {
	n := c.family.sealer.n
	for start := 0; start < len(leaves); start += maxBatch {
		group := leaves[start:min(start+maxBatch, len(leaves))]
		buf := c.batch.plain[:len(group)*n]
		for k, leaf := range group {
			copy(buf[k*n:(k+1)*n], leaf) // a LEAF of the wrong size is not checked below
		}
		c.family.sealer.decryptBatch(buf, len(group), &c.batch.wide)
		for k, leaf := range group {
			if len(leaf) == n && getChecksum(buf[k*n+leafHeaderSize:(k+1)*n], c.family.bits) == c.want {
				return start + k
			}
		}
	}
	return -1
}

// encryptTraffic pads plaintext (PKCS #7 style, to whole 64-bit blocks) and
// encrypts it under ks with Skipjack in CBC mode.
func encryptTraffic(ks SessionKey, iv IV, plaintext []byte) ([]byte, error) {
	b, err := skipjack.NewCipher(ks[:])
	if err != nil {
		return nil, err
	}
	pad := skipjack.BlockSize - len(plaintext)%skipjack.BlockSize
	out := make([]byte, len(plaintext)+pad)
	copy(out, plaintext)
	copy(out[len(plaintext):], bytes.Repeat([]byte{byte(pad)}, pad))
	cipher.NewCBCEncrypter(b, iv[:]).CryptBlocks(out, out)
	return out, nil
}

// DecryptTraffic decrypts Skipjack-CBC traffic under ks and removes the
// padding. Decrypting under a wrong key almost always fails the padding
// check (ErrBadPadding); callers that must be sure compare the result with
// what was sent.
func DecryptTraffic(ks SessionKey, iv IV, ciphertext []byte) ([]byte, error) {
	b, err := skipjack.NewCipher(ks[:])
	if err != nil {
		return nil, err
	}
	return decryptTraffic(b, iv, ciphertext)
}

// DecryptCall decrypts the traffic of every transmission of one call
// under its session key ks, as DecryptTraffic does each, with the key
// expanded once. It returns the plaintexts in order, or the first error.
func DecryptCall(ks SessionKey, ts []*Transmission) ([][]byte, error) {
	b, err := skipjack.NewCipher(ks[:])
	if err != nil {
		return nil, err
	}
	out := make([][]byte, len(ts))
	for i, t := range ts {
		if t == nil {
			return nil, fmt.Errorf("escrow: no transmission: %w", ErrMalformed)
		}
		if out[i], err = decryptTraffic(b, t.IV, t.Ciphertext); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// decryptTraffic is DecryptTraffic with the session key expanded into b.
func decryptTraffic(b cipher.Block, iv IV, ciphertext []byte) ([]byte, error) {
	if len(ciphertext) == 0 || len(ciphertext)%skipjack.BlockSize != 0 {
		return nil, fmt.Errorf("escrow: ciphertext of %d bytes (want a non-zero multiple of %d): %w", len(ciphertext), skipjack.BlockSize, ErrMalformed)
	}
	out := make([]byte, len(ciphertext))
	cipher.NewCBCDecrypter(b, iv[:]).CryptBlocks(out, ciphertext)
	pad := int(out[len(out)-1])
	if pad == 0 || pad > skipjack.BlockSize {
		return nil, fmt.Errorf("escrow: decrypting traffic: %w", ErrBadPadding)
	}
	for _, p := range out[len(out)-pad:] {
		if int(p) != pad {
			return nil, fmt.Errorf("escrow: decrypting traffic: %w", ErrBadPadding)
		}
	}
	return out[:len(out)-pad], nil
}
