package tapfile

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
)

// Writer writes an archive's records in order, numbering them from 0.
type Writer struct {
	w   *bufio.Writer
	n   uint32
	err error
}

// NewWriter starts an archive on w by writing Magic.
func NewWriter(w io.Writer) *Writer {
	bw := bufio.NewWriterSize(w, 1<<16)
	_, err := bw.WriteString(Magic)
	return &Writer{w: bw, err: err}
}

// Write appends one record of the given kind. Bodies longer than MaxBody
// are refused.
func (w *Writer) Write(kind byte, body []byte) error {
	if w.err != nil {
		return w.err
	}
	if len(body) > MaxBody {
		return fmt.Errorf("tapfile: a %d-byte record; the most is %d", len(body), MaxBody)
	}
	var head [prefixSize + metaSize]byte
	copy(head[:], Sync[:])
	binary.LittleEndian.PutUint32(head[4:], uint32(metaSize+len(body)))
	binary.LittleEndian.PutUint32(head[8:], w.n)
	head[12] = kind
	var sum [crcSize]byte
	binary.LittleEndian.PutUint32(sum[:], checksum(head[prefixSize:], body))
	for _, b := range [][]byte{head[:], body, sum[:]} {
		if _, w.err = w.w.Write(b); w.err != nil {
			return w.err
		}
	}
	w.n++
	return nil
}

// Records returns how many records have been written.
func (w *Writer) Records() int { return int(w.n) }

// Flush writes any buffered data to the underlying writer.
func (w *Writer) Flush() error {
	if w.err != nil {
		return w.err
	}
	return w.w.Flush()
}
