package archive

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/internal/tapfile"
	"github.com/escrowlab/escrowlab/internal/wire"
)

// The fuzz targets below feed what a student can copy, cut and edit to
// the readers of an archive's own framing: the ground truth, the framing
// of each capture record, and the archive as a whole through Decrypt.

// fuzzCapture is a small real capture: its directory, its report, the
// archive's and the ground truth's bytes, and the key files Decrypt is
// given.
type fuzzCapture struct {
	dir   string
	rep   *CaptureReport
	data  []byte
	truth []byte
	keys  []string
}

// newFuzzCapture captures a few calls under Clipper and the forward-secret
// app into a temporary directory, the same bytes every time, and checks
// that they decrypt in full.
func newFuzzCapture(t testing.TB) *fuzzCapture {
	t.Helper()
	cfg := CaptureConfig{People: 3, Sessions: 4, Days: 2, Seed: 2, Schemes: []attack.SchemeID{attack.ClipperID, attack.E2EForwardSecretID}, Workers: 1}
	dir := t.TempDir()
	rep, err := Capture(context.Background(), cfg, dir)
	if err != nil {
		t.Fatal(err)
	}
	c := &fuzzCapture{dir: dir, rep: rep}
	if c.data, err = os.ReadFile(filepath.Join(dir, ArchiveFile)); err != nil {
		t.Fatal(err)
	}
	if c.truth, err = os.ReadFile(filepath.Join(dir, TruthFile)); err != nil {
		t.Fatal(err)
	}
	// Keys that open every Clipper call and the one forward-secret call
	// whose session key leaked: every path of decrypt's own code. A
	// seized phone would add the handshake's signatures, which e2e's
	// FuzzParticipants covers, at five times the cost of a run.
	for _, k := range rep.Keys {
		switch {
		case k.Scheme == attack.ClipperID && (k.Kind == "family-key" || strings.HasPrefix(k.Kind, "agent")),
			k.Scheme == attack.E2EForwardSecretID && k.Kind == "session-keys":
			c.keys = append(c.keys, filepath.Join(dir, k.Path))
		}
	}
	got, err := Decrypt(context.Background(), filepath.Join(dir, ArchiveFile), DecryptConfig{Keys: c.keys, Truth: filepath.Join(dir, TruthFile), Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if s := got.Schemes; len(s) != 2 || s[0].Opened != cfg.Sessions || s[1].Opened != 1 || got.Damaged != 0 || got.End == nil {
		t.Fatalf("the fuzz capture decrypts to %+v", got)
	}
	return c
}

// records returns the records of an archive, in order.
func records(t testing.TB, data []byte) []tapfile.Record {
	t.Helper()
	r, err := tapfile.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var out []tapfile.Record
	for {
		rec, err := r.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, rec)
	}
}

// FuzzTruth feeds arbitrary bytes to the ground-truth reader, as the
// truth of the fuzz capture's archive. It either refuses the file, naming
// it, or reads calls in increasing order, each with a number, a time and
// digests of the right size, until io.EOF or an error naming the file and
// the line; what it reads writes back as a line that reads the same.
func FuzzTruth(f *testing.F) {
	c := newFuzzCapture(f)
	id := c.rep.Header.Archive
	f.Add(c.truth)
	f.Add(c.truth[:len(c.truth)/2])
	f.Add([]byte(truthHead(id)))
	f.Add([]byte(strings.ReplaceAll(string(c.truth), "\n", "\r\n")))
	lines := strings.SplitAfter(string(c.truth), "\n")
	f.Add([]byte(lines[0] + lines[1] + lines[3] + lines[2]))
	f.Add([]byte(lines[0] + lines[1] + "1\t1994-03-07T09:00:00Z\tAlice\tBob\t\n"))
	f.Add([]byte(truthHead("0123")))
	f.Fuzz(func(t *testing.T, in []byte) {
		const name = "fuzz-truth.tsv"
		tr, err := newTruthReader(bytes.NewReader(in), name, id)
		if err != nil {
			if tr != nil || !strings.Contains(err.Error(), name) {
				t.Fatalf("refused without naming the file: %v", err)
			}
			return
		}
		last := 0
		for range len(in) + 1 {
			line := tr.line
			x, err := tr.next()
			if err == io.EOF {
				return
			}
			if err != nil {
				if x != nil || !strings.Contains(err.Error(), fmt.Sprintf("%s: line %d", name, tr.line)) {
					t.Fatalf("an error that does not name the file and line %d: %v", tr.line, err)
				}
				return
			}
			if tr.line != line+1 {
				t.Fatalf("read line %d after line %d", tr.line, line)
			}
			if x.session <= last {
				t.Fatalf("call %d read after call %d", x.session, last)
			}
			last = x.session
			ds := make([]string, len(x.digests))
			for i, d := range x.digests {
				ds[i] = fmt.Sprintf("%x", d)
			}
			again := fmt.Sprintf("%s%d\t%s\t%s\t%s\t%s\n", truthHead(id), x.session, x.at.Format(time.RFC3339Nano), x.caller, x.callee, strings.Join(ds, ","))
			r2, err := newTruthReader(strings.NewReader(again), name, id)
			if err != nil {
				t.Fatal(err)
			}
			y, err := r2.next()
			if err != nil || y.session != x.session || !y.at.Equal(x.at) || y.caller != x.caller || y.callee != x.callee || len(y.digests) != len(x.digests) {
				t.Fatalf("%+v wrote back as %q, which reads as %+v, %v", x, again, y, err)
			}
		}
		t.Fatal("the reader never reached the end of its input")
	})
}

// FuzzCaptureFraming feeds arbitrary bytes as the body of a capture record
// to job, with any number of schemes and calls in the header. A record it
// accepts names a scheme of the archive, a call the header counts and a
// time within the capture's limits, and writes back to bytes that read the
// same.
func FuzzCaptureFraming(f *testing.F) {
	c := newFuzzCapture(f)
	for _, rec := range records(f, c.data) {
		if rec.Kind == tapfile.KindCapture {
			f.Add(rec.Body, uint8(1), uint32(c.rep.Header.Sessions))
			f.Add(rec.Body[:min(len(rec.Body), 3)], uint8(1), uint32(c.rep.Header.Sessions))
		}
	}
	f.Add([]byte{}, uint8(0), uint32(1))
	f.Add([]byte{0, 0, 0}, uint8(0), uint32(1))
	f.Add([]byte{1, 0xff, 0xff, 0xff, 0xff, 0x0f, 1}, uint8(1), uint32(1))
	f.Fuzz(func(t *testing.T, body []byte, n uint8, sessions uint32) {
		h := Header{Start: DefaultStart, Sessions: 1 + int(sessions)%MaxSessions, Schemes: make([]SchemeHeader, 1+int(n))}
		a := &reading{h: h, schemes: make([]attack.Reading, len(h.Schemes))}
		j, why := a.job(tapfile.Record{Kind: tapfile.KindCapture, Body: body})
		ok := why == ""
		if !ok {
			if j.body != nil || j.session != 0 {
				t.Fatalf("a refused record gave %+v", j)
			}
			return
		}
		secs := j.at.Sub(h.Start) / time.Second
		switch {
		case j.scheme < 0 || j.scheme >= len(a.schemes):
			t.Fatalf("scheme %d of %d", j.scheme, len(a.schemes))
		case j.session < 1 || j.session > h.Sessions:
			t.Fatalf("call %d of %d", j.session, h.Sessions)
		case secs < 0 || secs > MaxDays*86400 || j.at.Sub(h.Start)%time.Second != 0:
			t.Fatalf("a call %v after the start", j.at.Sub(h.Start))
		case !bytes.HasSuffix(body, j.body):
			t.Fatalf("body %x is not the end of the record %x", j.body, body)
		case j.truth != nil:
			t.Fatal("a job with a truth before any was read")
		}
		b := append([]byte{byte(j.scheme)}, wire.AppendUint(nil, uint64(j.session))...)
		b = append(wire.AppendUint(b, uint64(secs)), j.body...)
		k, why := a.job(tapfile.Record{Kind: tapfile.KindCapture, Body: b})
		if ok = why == ""; !ok || k.scheme != j.scheme || k.session != j.session || !k.at.Equal(j.at) || !bytes.Equal(k.body, j.body) {
			t.Fatalf("%+v wrote back as %x, which reads as %+v, %v", j, b, k, ok)
		}
	})
}

// fuzzDecrypt writes in to a file and decrypts it with the fuzz capture's
// key files and ground truth, checking what any input must give: a report
// or an error naming a file given, and counts that no damage can inflate.
//
// An error must name the archive; if others is set, it may name the
// ground truth or a key file instead, which an edited header or record can
// make the wrong ones for the archive.
func fuzzDecrypt(t *testing.T, c *fuzzCapture, in []byte, others bool) *DecryptReport {
	t.Helper()
	path := filepath.Join(t.TempDir(), "fuzz.ewt")
	if err := os.WriteFile(path, in, 0o644); err != nil {
		t.Fatal(err)
	}
	truth := filepath.Join(c.dir, TruthFile)
	rep, err := Decrypt(context.Background(), path, DecryptConfig{Keys: c.keys, Truth: truth, Workers: 1})
	if err != nil {
		named := strings.Contains(err.Error(), path)
		for _, f := range append([]string{truth}, c.keys...) {
			named = named || others && strings.Contains(err.Error(), f)
		}
		if rep != nil || !named {
			t.Fatalf("an error that does not name the archive: %v", err)
		}
		return nil
	}
	h := rep.Archive
	if rep.Calls > h.Sessions {
		t.Fatalf("%d calls in an archive of %d", rep.Calls, h.Sessions)
	}
	for _, s := range rep.Schemes {
		if s.Opened > h.Sessions || s.Seen > h.Sessions || s.Opened+s.Wrong+s.Malformed > s.Seen || s.Identified > s.Seen {
			t.Fatalf("%s in an archive of %d calls: %+v", s.Scheme, h.Sessions, s)
		}
	}
	return rep
}

// FuzzDecrypt writes arbitrary bytes, starting from a real archive, to a
// file and decrypts it with real key files and ground truth. Whatever the
// damage, Decrypt returns a report or an error naming the file; no call
// is counted wrong, and no more open than the header says were captured.
func FuzzDecrypt(f *testing.F) {
	c := newFuzzCapture(f)
	for _, in := range fuzzArchives(f, c) {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		rep := fuzzDecrypt(t, c, in, false)
		if rep == nil {
			return
		}
		for _, s := range rep.Schemes {
			if s.Wrong > 0 || s.Opened > c.rep.Header.Sessions {
				t.Fatalf("%s: %+v", s.Scheme, s)
			}
		}
	})
}

// FuzzDecryptResealed is FuzzDecrypt with every record's checksum made to
// hold again after the input is mutated, as a student who edits a record
// and recomputes its CRC-32C (docs/archive-format.md says how) would: the
// header, the directories and every record body reach the parsers. A
// Clipper record edited so can decrypt to something else, which is then
// counted wrong, as Clipper has no integrity check; but nothing panics,
// every error names a file, and no count exceeds the calls the header
// says were captured.
func FuzzDecryptResealed(f *testing.F) {
	c := newFuzzCapture(f)
	for _, in := range fuzzArchives(f, c) {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		fuzzDecrypt(t, c, reseal(in), true)
	})
}

// fuzzArchives returns the real archive and some damaged copies of it.
func fuzzArchives(t testing.TB, c *fuzzCapture) [][]byte {
	recs := records(t, c.data)
	cut := func(i int) []byte { return c.data[:recs[i].Offset] }
	without := func(i int) []byte {
		end := recs[i].Offset + int64(tapfile.Overhead+len(recs[i].Body))
		return append(bytes.Clone(c.data[:recs[i].Offset]), c.data[end:]...)
	}
	flipped := bytes.Clone(c.data)
	flipped[recs[2].Offset+20] ^= 0x10
	return [][]byte{
		c.data,
		cut(len(recs) - 1), // no end record
		cut(3),
		c.data[:len(c.data)-5],
		without(2),
		without(0), // no header
		flipped,
		append(bytes.Clone(c.data), c.data[recs[1].Offset:]...), // the captures again
		[]byte(tapfile.Magic),
	}
}

// reseal makes the checksum of every record in an archive hold: wherever
// Sync starts a record whose length fits in the input, it rewrites the
// record's CRC-32C.
func reseal(in []byte) []byte {
	out := bytes.Clone(in)
	castagnoli := crc32.MakeTable(crc32.Castagnoli)
	for i := 0; i+8 <= len(out); {
		if !bytes.Equal(out[i:i+4], tapfile.Sync[:]) {
			i++
			continue
		}
		n := int64(binary.LittleEndian.Uint32(out[i+4:]))
		end := int64(i) + 8 + n + 4
		if n < 5 || n > 5+tapfile.MaxBody || end > int64(len(out)) {
			i++
			continue
		}
		binary.LittleEndian.PutUint32(out[end-4:], crc32.Checksum(out[i+8:end-4], castagnoli))
		i = int(end)
	}
	return out
}

// The reseal used by FuzzDecryptResealed really makes edited records
// readable, so that the fuzzer reaches the parsers behind the checksum.
func TestResealRestoresChecksums(t *testing.T) {
	c := newFuzzCapture(t)
	recs := records(t, c.data)
	edited := bytes.Clone(c.data)
	for _, r := range recs {
		edited[r.Offset+tapfile.Overhead-4+int64(len(r.Body))/2] ^= 1 // a byte in the middle of each body
	}
	r, err := tapfile.NewReader(bytes.NewReader(reseal(edited)))
	if err != nil {
		t.Fatal(err)
	}
	for i := range recs {
		rec, err := r.Next()
		if err != nil || rec.Number != i || bytes.Equal(rec.Body, recs[i].Body) {
			t.Fatalf("record %d: %+v, %v", i, rec, err)
		}
	}
	if !errors.Is(func() error { _, err := r.Next(); return err }(), io.EOF) {
		t.Fatal("more records than written")
	}
}
