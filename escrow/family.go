package escrow

import (
	"encoding/binary"
	"fmt"
)

// Family is a family of chips: the family key KF and the LEAF format its
// chips share. The facility that programs chips and the agency's decrypt
// processor each hold one; so does anyone to whom KF leaks.
type Family struct {
	key    FamilyKey
	bits   int
	sealer *wideBlock
}

// NewFamily returns the family of chips sharing kf, whose LEAF checksum is
// bits wide (DefaultChecksumBits in the real EES).
func NewFamily(kf FamilyKey, bits int) (*Family, error) {
	if bits < MinChecksumBits || bits > MaxChecksumBits {
		return nil, fmt.Errorf("escrow: LEAF checksum of %d bits (want %d to %d): %w", bits, MinChecksumBits, MaxChecksumBits, ErrChecksumBits)
	}
	w, err := newWideBlock(kf, LEAFSize(bits))
	if err != nil {
		return nil, err
	}
	return &Family{key: kf, bits: bits, sealer: w}, nil
}

// Key returns the family key KF.
func (f *Family) Key() FamilyKey { return f.key }

// ChecksumBits returns the width of the LEAF checksum.
func (f *Family) ChecksumBits() int { return f.bits }

// LEAFSize returns the length in bytes of this family's LEAFs.
func (f *Family) LEAFSize() int { return f.sealer.n }

// sealLEAF builds and seals a LEAF for a chip.
func (f *Family) sealLEAF(id UnitID, wrapped [wrappedKeySize]byte, sum uint32) LEAF {
	leaf := make(LEAF, f.sealer.n)
	binary.BigEndian.PutUint32(leaf, uint32(id))
	copy(leaf[unitIDSize:], wrapped[:])
	putChecksum(leaf[leafHeaderSize:], sum, f.bits)
	f.sealer.encrypt(leaf, leaf, new([8]byte))
	return leaf
}

// OpenLEAF removes the family-key layer of a LEAF and returns its fields.
// Anyone holding KF can do this for every LEAF of every chip in the family:
// it reveals who is calling, though not what they say.
func (f *Family) OpenLEAF(leaf LEAF) (LEAFContents, error) {
	if len(leaf) != f.sealer.n {
		return LEAFContents{}, fmt.Errorf("escrow: LEAF of %d bytes (want %d): %w", len(leaf), f.sealer.n, ErrMalformed)
	}
	var s leafScratch
	return f.openLEAF(leaf, &s), nil
}

// leafScratch is the working memory for opening one LEAF.
type leafScratch struct {
	plain [3 * 8]byte
	t     [8]byte
}

// openLEAF opens a LEAF of the right length using s as working memory.
func (f *Family) openLEAF(leaf LEAF, s *leafScratch) LEAFContents {
	plain := s.plain[:f.sealer.n]
	f.sealer.decrypt(plain, leaf, &s.t)
	return f.contents(plain)
}

// contents reads the fields of an opened LEAF.
func (f *Family) contents(plain []byte) LEAFContents {
	c := LEAFContents{
		UnitID:   UnitID(binary.BigEndian.Uint32(plain)),
		Checksum: getChecksum(plain[leafHeaderSize:f.sealer.n], f.bits),
	}
	copy(c.WrappedKey[:], plain[unitIDSize:leafHeaderSize])
	return c
}

// OpenLEAFs opens many LEAFs, as OpenLEAF opens each, but with each
// Feistel round's Skipjack blocks for up to 64 LEAFs at once, which the
// eight-block kernels run several times faster than one block at a time.
// out[i] is what OpenLEAF gives for leaves[i]; ok[i] is false where
// OpenLEAF would refuse it, a LEAF of the wrong size.
func (f *Family) OpenLEAFs(leaves []LEAF) (out []LEAFContents, ok []bool) {
	out, ok = make([]LEAFContents, len(leaves)), make([]bool, len(leaves))
	n := f.sealer.n
	s := new(leafBatch)
	for start := 0; start < len(leaves); start += maxBatch {
		group := leaves[start:min(start+maxBatch, len(leaves))]
		buf := s.plain[:len(group)*n]
		for k, leaf := range group {
			copy(buf[k*n:(k+1)*n], leaf) // a LEAF of the wrong size is not read below
		}
		f.sealer.decryptBatch(buf, len(group), &s.wide)
		for k, leaf := range group {
			if ok[start+k] = len(leaf) == n; ok[start+k] {
				out[start+k] = f.contents(buf[k*n : (k+1)*n])
			}
		}
	}
	return out, ok
}
