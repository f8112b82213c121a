package attack

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"encoding/binary"
	"fmt"
	"math"
	"sync"
	"sync/atomic"

	"github.com/escrowlab/escrowlab/escrow"
)

// The search's units of work. Workers claim chunks of candidate indices
// and check them a batch at a time; between batches a worker looks at the
// best index found so far and at ctx.
const (
	chunk = 1024 // candidates a worker claims at once; a multiple of batch
	batch = 64   // candidates checked by one CheckBatch call
)

// noneFound is the best index before any candidate has passed.
const noneFound = math.MaxUint64

// candidates numbers the forger's random LEAFs: candidate i is bytes
// i*size to (i+1)*size of the AES-128-CTR keystream under a key drawn for
// this forgery. Any candidate can be made on its own, so the workers can
// share out the indices, and candidate i is the same whoever makes it.
type candidates struct {
	block cipher.Block
	size  int
}

// newCandidates draws the key of one forgery's candidates from f's
// generator: always 16 bytes, however many workers search.
func (f *Forger) newCandidates() (candidates, error) {
	var key [16]byte
	binary.LittleEndian.PutUint64(key[:], f.rng.Uint64())
	binary.LittleEndian.PutUint64(key[8:], f.rng.Uint64())
	b, err := aes.NewCipher(key[:])
	if err != nil {
		return candidates{}, err
	}
	return candidates{block: b, size: f.clipper.Family().LEAFSize()}, nil
}

// from returns a stream of the candidates from index first onwards.
func (c candidates) from(first uint64) cipher.Stream {
	off := first * uint64(c.size)
	var iv [aes.BlockSize]byte
	binary.BigEndian.PutUint64(iv[8:], off/aes.BlockSize)
	s := cipher.NewCTR(c.block, iv[:])
	skip := make([]byte, off%aes.BlockSize)
	s.XORKeyStream(skip, skip)
	return s
}

// next writes the stream's next len(buf)/size candidates into buf.
func (c candidates) next(s cipher.Stream, buf []byte) {
	clear(buf)
	s.XORKeyStream(buf, buf)
}

// leaf returns candidate i.
func (c candidates) leaf(i uint64) escrow.LEAF {
	l := make(escrow.LEAF, c.size)
	c.next(c.from(i), l)
	return l
}

// searchState is one forgery's search, shared by its workers.
type searchState struct {
	cands       candidates
	check       func(*escrow.LEAFChecker, []escrow.LEAF) int // the chip's check, batched or not
	progress    *atomic.Uint64
	next        atomic.Uint64 // the first index of the next chunk to claim
	best        atomic.Uint64 // the smallest index found to pass, or noneFound
	tried       atomic.Uint64 // candidates checked, by all workers
	interrupted atomic.Bool   // a worker stopped for ctx, perhaps leaving indices below best unchecked
}

// search finds the first candidate, in index order, that the forger's chip
// accepts for session key ks and IV iv, and returns it with its number of
// tries: its index plus one. The workers split the indices between them,
// but the answer is the same for any number of workers. If ctx ends first,
// search returns the number of candidates checked and ErrInterrupted.
func (f *Forger) search(ctx context.Context, ks escrow.SessionKey, iv escrow.IV) (escrow.LEAF, uint64, error) {
	cands, err := f.newCandidates()
	if err != nil {
		return nil, 0, err
	}
	s := &searchState{cands: cands, check: (*escrow.LEAFChecker).CheckBatch, progress: f.cfg.Progress}
	if f.oneAtATime {
		s.check = checkOneAtATime
	}
	s.best.Store(noneFound)
	checkers := make([]*escrow.LEAFChecker, f.cfg.Workers)
	for i := range checkers {
		if checkers[i], err = f.clipper.Chip(f.forger).LEAFChecker(ks, iv); err != nil {
			return nil, 0, err
		}
	}
	var wg sync.WaitGroup
	for _, c := range checkers {
		wg.Go(func() { s.work(ctx, c) })
	}
	wg.Wait()
	if best := s.best.Load(); best != noneFound && !s.interrupted.Load() {
		return cands.leaf(best), best + 1, nil
	}
	return nil, s.tried.Load(), fmt.Errorf("after %d tries: %w", s.tried.Load(), ErrInterrupted)
}

// work claims chunks of indices and checks them until every index below
// the best found so far has been claimed, or ctx ends.
func (s *searchState) work(ctx context.Context, check *escrow.LEAFChecker) {
	buf := make([]byte, batch*s.cands.size)
	leaves := make([]escrow.LEAF, batch)
	for i := range leaves {
		leaves[i] = buf[i*s.cands.size : (i+1)*s.cands.size]
	}
	for {
		start := s.next.Add(chunk) - chunk
		if start >= s.best.Load() {
			return // this chunk, and every later one, lies above the best
		}
		stream := s.cands.from(start)
		for b := start; b < start+chunk && b < s.best.Load(); b += batch {
			if ctx.Err() != nil {
				s.interrupted.Store(true)
				return
			}
			s.cands.next(stream, buf)
			k := s.check(check, leaves)
			s.tried.Add(batch)
			if s.progress != nil {
				s.progress.Add(batch)
			}
			if k >= 0 {
				s.offer(b + uint64(k))
				break
			}
		}
	}
}

// offer records index i as passing, if it is the smallest so far.
func (s *searchState) offer(i uint64) {
	for best := s.best.Load(); i < best; best = s.best.Load() {
		if s.best.CompareAndSwap(best, i) {
			return
		}
	}
}

// checkOneAtATime is the reference for CheckBatch: one LEAF per call of
// the chip's check, as a forger without the batch operation would search.
func checkOneAtATime(c *escrow.LEAFChecker, leaves []escrow.LEAF) int {
	for i, l := range leaves {
		if c.Check(l) {
			return i
		}
	}
	return -1
}
