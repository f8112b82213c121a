package escrow

import (
	"encoding/binary"

	"github.com/escrowlab/escrowlab/escrow/skipjack"
)

// blockEncrypter is the optional method of skipjack's Block that encrypts
// many independent blocks at once.
type blockEncrypter interface {
	EncryptBlocks(dst, src []byte)
}

// maxBatch is how many strings decryptBatch opens at once: enough to keep
// skipjack's eight-block kernels busy, few enough for the scratch space to
// stay small.
const maxBatch = 64

// batchScratch is the working memory of decryptBatch.
type batchScratch struct {
	blocks [maxBatch * 2 * skipjack.BlockSize]byte // one block per string and piece of R
}

// decryptBatch opens count (at most maxBatch) strings of n bytes laid end
// to end in buf, in place: the same as decrypt on each, but each round's
// Skipjack calls for all the strings go to the cipher at once.
func (w *wideBlock) decryptBatch(buf []byte, count int, s *batchScratch) {
	for r := byte(wideRounds); r >= 1; r-- {
		if r%2 == 1 {
			w.expandBatch(buf, count, r, s)
		} else {
			w.compressBatch(buf, count, r, s)
		}
	}
}

// expandBatch is round r (odd) of every string: R ^= Skipjack(L ^ tweak(r, j))
// for each 8-byte piece j of R, as in round.
func (w *wideBlock) expandBatch(buf []byte, count int, r byte, s *batchScratch) {
	const bs = skipjack.BlockSize
	pieces := (w.n - bs + bs - 1) / bs
	t := s.blocks[:count*pieces*bs]
	for k := range count {
		left := binary.BigEndian.Uint64(buf[k*w.n:])
		for j := range pieces {
			binary.BigEndian.PutUint64(t[(k*pieces+j)*bs:], left^uint64(j)<<8^uint64(r))
		}
	}
	w.bulk.EncryptBlocks(t, t)
	for k := range count {
		right := buf[k*w.n+bs : (k+1)*w.n]
		for i := range right {
			right[i] ^= t[k*pieces*bs+i]
		}
	}
}

// compressBatch is round r (even) of every string: L ^= the CBC-MAC of R,
// zero-padded, started at tweak(r), as in round.
func (w *wideBlock) compressBatch(buf []byte, count int, r byte, s *batchScratch) {
	const bs = skipjack.BlockSize
	t := s.blocks[:count*bs]
	for k := range count {
		binary.BigEndian.PutUint64(t[k*bs:], uint64(r))
	}
	for j := bs; j < w.n; j += bs {
		for k := range count {
			piece := buf[k*w.n+j : min(k*w.n+j+bs, (k+1)*w.n)]
			for i, p := range piece {
				t[k*bs+i] ^= p
			}
		}
		w.bulk.EncryptBlocks(t, t)
	}
	for k := range count {
		left := buf[k*w.n : k*w.n+bs]
		binary.BigEndian.PutUint64(left, binary.BigEndian.Uint64(left)^binary.BigEndian.Uint64(t[k*bs:]))
	}
}
