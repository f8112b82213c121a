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
func digest(id string, session, i int, text string) [digestSize]byte {
	h := sha256.New()
	h.Write([]byte("escrowlab truth v1\x00" + id + "\x00"))
	var n [16]byte
	binary.BigEndian.PutUint64(n[:8], uint64(session))
	binary.BigEndian.PutUint64(n[8:], uint64(i))
	h.Write(n[:])
	h.Write([]byte(text))
	var d [digestSize]byte
	copy(d[:], h.Sum(nil))
	return d
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
	f := strings.Split(t.sc.Text(), "\t")
	if len(f) != 5 {
		return nil, fmt.Errorf("%s: line %d has %d fields, want 5", t.name, t.line, len(f))
	}
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
	for _, h := range strings.FieldsFunc(f[4], func(r rune) bool { return r == ',' }) {
		b, err := hex.DecodeString(h)
		if err != nil || len(b) != digestSize {
			return nil, fmt.Errorf("%s: line %d: digest %q is not %d bytes of hexadecimal", t.name, t.line, h, digestSize)
		}
		tr.digests = append(tr.digests, [digestSize]byte(b))
	}
	return tr, nil
}
