package archive

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/escrowlab/escrowlab/attack"
)

// The ground truth of a capture is a tab-separated file, one line per
// call: its number, when it was made, who called whom, and a digest of
// each message. It never holds a word that was said, yet it checks any
// decryption: a message opens correctly only if its digest matches.
// Digests are salted with the archive id, the call and the message's
// place, so no table of common phrases precomputed elsewhere matches them;
// anyone holding the file can still test a guess, so keep it with the
// key files, not with the students.
const (
	truthTitle  = "# escrowlab ground truth"
	truthHeader = "session\ttime\tcaller\tcallee\tmessage_digests"
	digestSize  = 16 // bytes of SHA-256 kept per message
)

// digest is the salted digest of message i of session in archive id.
// It hashes from a buffer on the stack, so that checking a call's
// messages allocates nothing.
func digest(id string, session, i int, text string) [digestSize]byte {
	var buf [256]byte
	b := append(buf[:0], "escrowlab truth v1\x00"...)
	b = append(append(b, id...), 0)
	b = binary.BigEndian.AppendUint64(b, uint64(session))
	b = binary.BigEndian.AppendUint64(b, uint64(i))
	sum := sha256.Sum256(append(b, text...))
	return [digestSize]byte(sum[:digestSize])
}

// truthLine writes one call of the ground truth.
func truthLine(id string, c attack.Conversation) string {
	ds := make([]string, len(c.Messages))
	for i, m := range c.Messages {
		d := digest(id, c.Session, i, m.Text)
		ds[i] = hex.EncodeToString(d[:])
	}
	return fmt.Sprintf("%d\t%s\t%s\t%s\t%s\n", c.Session, c.At.UTC().Format(time.RFC3339), c.Caller.Name, c.Callee.Name, strings.Join(ds, ","))
}

// truthHead is the first two lines of a ground truth.
func truthHead(id string) string {
	return fmt.Sprintf("%s, archive %s: digests of what was said, never the words\n%s\n", truthTitle, id, truthHeader)
}

// truth is one call of a ground truth, as read.
type truth struct {
	session        int
	at             time.Time
	caller, callee string
	digests        [][digestSize]byte
}

// checks reports whether texts are exactly what was said.
func (t *truth) checks(id string, texts []string) bool {
	if len(texts) != len(t.digests) {
		return false
	}
	for i, s := range texts {
		if digest(id, t.session, i, s) != t.digests[i] {
			return false
		}
	}
	return true
}

// truthReader reads a ground truth line by line.
type truthReader struct {
	sc   *bufio.Scanner
	name string
	line int
	last int // the call on the last line read
}

// newTruthReader checks that r is the ground truth of archive id.
func newTruthReader(r io.Reader, name, id string) (*truthReader, error) {
	t := &truthReader{sc: bufio.NewScanner(r), name: name}
	t.sc.Buffer(nil, 1<<16)
	if !t.sc.Scan() || !strings.HasPrefix(t.sc.Text(), truthTitle+", archive ") {
		return nil, fmt.Errorf("%s: not an escrowlab ground truth (its first line should start %q)", name, truthTitle)
	}
	got, _, _ := strings.Cut(strings.TrimPrefix(t.sc.Text(), truthTitle+", archive "), ":")
	if got != id {
		return nil, fmt.Errorf("%s: the ground truth of archive %s, not of this one (%s)", name, got, id)
	}
	if !t.sc.Scan() || t.sc.Text() != truthHeader {
		return nil, fmt.Errorf("%s: line 2 should be the column names %q", name, truthHeader)
	}
	t.line = 2
	return t, nil
}

// next reads the next call, or returns io.EOF. The calls must come in
// increasing order, as a capture writes them, since decrypt reads the
// ground truth forward only.
func (t *truthReader) next() (*truth, error) {
	if !t.sc.Scan() {
		if t.sc.Err() != nil {
			return nil, fmt.Errorf("%s: line %d: %w", t.name, t.line+1, t.sc.Err())
		}
		return nil, io.EOF
	}
	t.line++
	line := t.sc.Text()
	if n := strings.Count(line, "\t") + 1; n != 5 {
		return nil, fmt.Errorf("%s: line %d has %d fields, want 5", t.name, t.line, n)
	}
	var f [5]string
	rest := line
	for k := range 4 {
		f[k], rest, _ = strings.Cut(rest, "\t")
	}
	f[4] = rest
	n, err1 := strconv.Atoi(f[0])
	at, err2 := time.Parse(time.RFC3339, f[1])
	if err1 != nil || err2 != nil || n < 1 {
		return nil, fmt.Errorf("%s: line %d: want a call number and an RFC 3339 time", t.name, t.line)
	}
	if n <= t.last {
		return nil, fmt.Errorf("%s: line %d: call %d after call %d; the calls must be in increasing order", t.name, t.line, n, t.last)
	}
	t.last = n
	tr := &truth{session: n, at: at, caller: f[2], callee: f[3]}
	var err error
	if tr.digests, err = parseDigests(f[4]); err != nil {
		return nil, fmt.Errorf("%s: line %d: %w", t.name, t.line, err)
	}
	return tr, nil
}

// parseDigests reads a truth line's comma-separated digests; empty ones
// are skipped.
func parseDigests(field string) ([][digestSize]byte, error) {
	out := make([][digestSize]byte, 0, strings.Count(field, ",")+1)
	for rest := field; rest != ""; {
		var h string
		h, rest, _ = strings.Cut(rest, ",")
		if h == "" {
			continue
		}
		var d [digestSize]byte
		if len(h) != 2*digestSize {
			return nil, fmt.Errorf("digest %q is not %d bytes of hexadecimal", h, digestSize)
		}
		if _, err := hex.Decode(d[:], []byte(h)); err != nil {
			return nil, fmt.Errorf("digest %q is not %d bytes of hexadecimal", h, digestSize)
		}
		out = append(out, d)
	}
	return out, nil
}
