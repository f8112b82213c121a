// Package tapfile is the container of escrowlab's wiretap archives: a
// line of text naming the format, then framed binary records, each with
// its length and a checksum, so that damage is found, located and skipped
// rather than believed. It knows nothing of what the records hold; package
// archive gives them meaning. docs/archive-format.md describes the bytes.
package tapfile

import (
	"errors"
	"fmt"
	"hash/crc32"
)

// Magic is the first line of every archive, readable with head(1).
const Magic = "escrowlab wiretap archive\n"

// Sync starts every record: four bytes a reader can search for to find
// the next record after a damaged one.
var Sync = [4]byte{0xE5, 0xC1, 0x7A, 0x90}

// MaxBody is the largest record body accepted, so that a damaged length
// can never make a reader allocate without bound.
const MaxBody = 1 << 20

// A record is, in order: Sync; the length of what follows up to the
// checksum (little-endian uint32); the record's number (uint32, the header
// is 0); its kind (one byte); its body; and the CRC-32C of the number, kind
// and body (uint32). Overhead is the bytes a record adds to its body.
const (
	prefixSize = 4 + 4 // sync, length
	metaSize   = 4 + 1 // number, kind
	crcSize    = 4     // checksum
	Overhead   = prefixSize + metaSize + crcSize
)

// Record kinds.
const (
	KindHeader  byte = 'H' // the first record: what the archive holds
	KindCapture byte = 'C' // one session under one scheme
	KindEnd     byte = 'E' // the last record: how many came before it
)

// castagnoli is the CRC-32C table every record's checksum uses.
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// checksum is the CRC-32C of a record's number, kind and body, as they
// are laid out on disk.
func checksum(meta, body []byte) uint32 {
	return crc32.Update(crc32.Update(0, castagnoli, meta), castagnoli, body)
}

// Errors a Reader returns; each is wrapped in a *Damage or returned
// wrapped with the place it happened.
var (
	// ErrNotArchive: the input does not start with Magic.
	ErrNotArchive = errors.New("not an escrowlab wiretap archive")
	// ErrTruncated: the input ends inside a record or before the end record.
	ErrTruncated = errors.New("archive truncated")
	// ErrDamaged: a record failed its checksum or is malformed.
	ErrDamaged = errors.New("record damaged")
)

// Damage says where a reader found a damaged record or the archive ended
// early: the number of the first record lost (the header is record 0), the
// byte offset at which the damage starts, and how many records were lost,
// when the next good record tells.
type Damage struct {
	Record int
	Offset int64
	Lost   int   // records skipped; 0 when unknown (at the end of the input)
	Err    error // wraps ErrDamaged or ErrTruncated
}

// Error says where the damage is and what it is: "record 7 at byte 1234:
// ...".
func (d *Damage) Error() string {
	s := fmt.Sprintf("record %d at byte %d: %v", d.Record, d.Offset, d.Err)
	if d.Lost > 1 {
		s += fmt.Sprintf(" (%d records lost)", d.Lost)
	}
	return s
}

// Unwrap returns ErrDamaged or ErrTruncated (possibly wrapped), for
// errors.Is.
func (d *Damage) Unwrap() error { return d.Err }
