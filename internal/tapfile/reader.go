package tapfile

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// Reader reads an archive's records in order, checking each one. A
// damaged record is reported and skipped: the reader searches for the
// next record whose checksum holds, and carries on from there.
type Reader struct {
	r     *bufio.Reader
	off   int64  // offset of the next unread byte
	end   int64  // offset just past the last record returned
	next  uint32 // the number the next record should have
	held  *Record
	ended bool // the end record was read
	done  bool // nothing more to report
}

// Record is one record as read: its number, where it starts, its kind
// and its body (the Reader's own copy).
type Record struct {
	Number int
	Offset int64
	Kind   byte
	Body   []byte
}

// NewReader checks that r starts with Magic and returns a reader of the
// records after it. It reads ahead at most MaxBody plus a record's
// overhead.
func NewReader(r io.Reader) (*Reader, error) {
	br := bufio.NewReaderSize(r, Overhead+MaxBody)
	m, err := br.Peek(len(Magic))
	if err != nil || string(m) != Magic {
		return nil, ErrNotArchive
	}
	_, _ = br.Discard(len(Magic))
	return &Reader{r: br, off: int64(len(Magic)), end: int64(len(Magic))}, nil
}

// Offset returns the offset just past the last record Next returned (just
// past Magic before the first): how far the records handed out reach. It
// does not count what the reader has read ahead into its buffer, nor a
// damaged stretch until the good record after it is returned, so it
// measures progress through the archive as the caller sees it. Like
// Next, it is not safe for use from several goroutines at once.
func (r *Reader) Offset() int64 { return r.end }

// Next returns the next good record. It returns io.EOF after the end
// record. Damage is reported as a *Damage error: ErrDamaged for a record
// that was skipped (call Next again to go on), or for anything that
// follows the end record (Next then returns io.EOF, without reading it),
// and ErrTruncated when the input ends inside a record or before the end
// record (Next then returns io.EOF).
func (r *Reader) Next() (Record, error) {
	if r.held != nil {
		rec := *r.held
		r.held = nil
		return r.deliver(rec)
	}
	if r.ended && !r.done {
		r.done = true
		if _, err := r.r.Peek(1); err == nil {
			return Record{}, &Damage{Record: int(r.next), Offset: r.end, Err: fmt.Errorf("%w: the input goes on after the end record", ErrDamaged)}
		}
	}
	if r.ended || r.done {
		return Record{}, io.EOF
	}
	start := r.off
	rec, state := r.at()
	switch state {
	case good:
		if rec.Number != int(r.next) {
			return r.outOfOrder(rec)
		}
		r.skip(Overhead + len(rec.Body))
		return r.deliver(rec)
	case empty:
		r.done = true
		return Record{}, &Damage{Record: int(r.next), Offset: start, Err: fmt.Errorf("%w: the input ends before the end record", ErrTruncated)}
	}
	// A record cut short may be the last one, truncated, or a damaged
	// length: a good record further on tells which.
	return Record{}, r.resync(start, state == short)
}

// deliver returns rec and expects the record after it next.
func (r *Reader) deliver(rec Record) (Record, error) {
	r.next = uint32(rec.Number) + 1
	r.end = rec.Offset + int64(Overhead+len(rec.Body))
	r.ended = rec.Kind == KindEnd
	return rec, nil
}

// outOfOrder handles a good record with an unexpected number. If the
// records after it carry on from the number expected (the first of them
// numbered as if this one had been right, or a later one), this one is in
// its place with a wrong number: it is skipped as damage, or, if it is
// the end record, reported and then read as the end. Otherwise records
// missing before it are reported lost, or a record repeated from earlier
// is skipped as damage.
func (r *Reader) outOfOrder(rec Record) (Record, error) {
	r.skip(Overhead + len(rec.Body))
	ahead := r.numbersAhead(maxLookahead)
	misnumbered := rec.Kind == KindEnd && len(ahead) == 0
	for k, n := range ahead {
		misnumbered = misnumbered || n == int(r.next)+k+1
	}
	if misnumbered {
		want := r.next
		d := &Damage{Record: int(want), Offset: rec.Offset, Err: fmt.Errorf("%w: record %d is numbered %d", ErrDamaged, want, rec.Number)}
		if rec.Kind == KindEnd {
			rec.Number, r.held = int(want), &rec
			return Record{}, d
		}
		r.next++
		d.Lost = 1
		return Record{}, d
	}
	if rec.Number > int(r.next) {
		r.held = &rec
		return Record{}, &Damage{Record: int(r.next), Offset: rec.Offset, Lost: rec.Number - int(r.next),
			Err: fmt.Errorf("%w: records %d to %d are missing", ErrDamaged, r.next, rec.Number-1)}
	}
	return Record{}, &Damage{Record: rec.Number, Offset: rec.Offset, Err: fmt.Errorf("%w: record %d appears again", ErrDamaged, rec.Number)}
}

// resync skips from start, where no good record begins, to the next good
// record, which it holds for the next call, and reports the damage. If
// none follows, the input was truncated (cut is true: it ended inside a
// record) or damaged to the end.
func (r *Reader) resync(start int64, cut bool) error {
	for r.seekSync() {
		if rec, state := r.at(); state == good && rec.Number >= int(r.next) {
			r.skip(Overhead + len(rec.Body))
			r.held = &rec
			return &Damage{Record: int(r.next), Offset: start, Lost: rec.Number - int(r.next),
				Err: fmt.Errorf("%w: bad marker, length or checksum", ErrDamaged)}
		}
	}
	r.done = true
	if cut {
		return &Damage{Record: int(r.next), Offset: start, Err: fmt.Errorf("%w: the input ends inside a record", ErrTruncated)}
	}
	return &Damage{Record: int(r.next), Offset: start, Err: fmt.Errorf("%w: no good record follows, and the end record is lost", ErrDamaged)}
}

// seekSync moves past the current byte to the next occurrence of Sync,
// and reports whether there is one.
func (r *Reader) seekSync() bool {
	r.skip(1)
	for {
		buf, err := r.r.Peek(r.r.Size())
		if i := bytes.Index(buf, Sync[:]); i >= 0 {
			r.skip(i)
			return true
		}
		if err != nil || len(buf) < len(Sync) {
			r.skip(len(buf))
			return false
		}
		r.skip(len(buf) - len(Sync) + 1)
	}
}

// maxLookahead bounds how many records outOfOrder reads ahead.
const maxLookahead = 64

// numbersAhead returns the numbers of the good records that follow the
// reader's offset, in a row, as far as its buffer reaches and at most
// max, without consuming anything.
func (r *Reader) numbersAhead(max int) []int {
	buf, _ := r.r.Peek(r.r.Size())
	var out []int
	for len(out) < max && len(buf) >= prefixSize+metaSize && bytes.Equal(buf[:len(Sync)], Sync[:]) {
		n := int(binary.LittleEndian.Uint32(buf[4:]))
		if n < metaSize || n > metaSize+MaxBody || len(buf) < prefixSize+n+crcSize {
			break
		}
		meta, body := buf[prefixSize:prefixSize+metaSize], buf[prefixSize+metaSize:prefixSize+n]
		if binary.LittleEndian.Uint32(buf[prefixSize+n:]) != checksum(meta, body) {
			break
		}
		out = append(out, int(binary.LittleEndian.Uint32(meta)))
		buf = buf[prefixSize+n+crcSize:]
	}
	return out
}

// skip discards n bytes, keeping count of the offset.
func (r *Reader) skip(n int) {
	m, _ := r.r.Discard(n)
	r.off += int64(m)
}

// recordState is what lies at the reader's offset.
type recordState int

const (
	good  recordState = iota // a record whose checksum holds
	bad                      // something else
	short                    // the start of a record that the input cuts off
	empty                    // nothing: the end of the input
)

// at looks, without consuming anything, at the bytes at the reader's
// offset and says whether a good record starts there.
func (r *Reader) at() (Record, recordState) {
	head, err := r.r.Peek(prefixSize + metaSize)
	switch {
	case len(head) == 0 && err != nil:
		return Record{}, empty
	case len(head) >= len(Sync) && !bytes.Equal(head[:len(Sync)], Sync[:]):
		return Record{}, bad
	case len(head) < prefixSize+metaSize:
		return Record{}, short
	}
	n := binary.LittleEndian.Uint32(head[4:])
	if n < metaSize || n > metaSize+MaxBody {
		return Record{}, bad
	}
	all, err := r.r.Peek(prefixSize + int(n) + crcSize)
	if err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return Record{}, short
		}
		return Record{}, bad
	}
	meta, body := all[prefixSize:prefixSize+metaSize], all[prefixSize+metaSize:prefixSize+int(n)]
	if binary.LittleEndian.Uint32(all[prefixSize+int(n):]) != checksum(meta, body) {
		return Record{}, bad
	}
	return Record{Number: int(binary.LittleEndian.Uint32(meta)), Offset: r.off, Kind: meta[4], Body: bytes.Clone(body)}, good
}
