package tapfile

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"testing"
)

// sample writes a header, n capture records of varied sizes and an end
// record, and returns the archive and each record's start offset.
func sample(t testing.TB, n int) ([]byte, []Record) {
	t.Helper()
	var buf bytes.Buffer
	w := NewWriter(&buf)
	var recs []Record
	add := func(kind byte, body []byte) {
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		recs = append(recs, Record{Number: len(recs), Offset: int64(buf.Len()), Kind: kind, Body: body})
		if err := w.Write(kind, body); err != nil {
			t.Fatal(err)
		}
	}
	add(KindHeader, []byte(`{"format":"test"}`))
	for i := range n {
		add(KindCapture, bytes.Repeat([]byte{byte(i)}, 3+i*7%40))
	}
	add(KindEnd, []byte(fmt.Sprint(n)))
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), recs
}

// readAll reads every record of data, collecting the damage reported.
func readAll(data []byte) ([]Record, []*Damage, error) {
	r, err := NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, nil, err
	}
	var recs []Record
	var damage []*Damage
	for i := 0; i < 10000; i++ {
		rec, err := r.Next()
		var d *Damage
		switch {
		case err == io.EOF:
			return recs, damage, nil
		case errors.As(err, &d):
			damage = append(damage, d)
		case err != nil:
			return recs, damage, err
		default:
			recs = append(recs, rec)
		}
	}
	return recs, damage, errors.New("Next never returned io.EOF")
}

func TestRoundTrip(t *testing.T) {
	data, want := sample(t, 20)
	got, damage, err := readAll(data)
	if err != nil || len(damage) > 0 {
		t.Fatalf("err %v, damage %v", err, damage)
	}
	if len(got) != len(want) {
		t.Fatalf("%d records, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].Number != want[i].Number || got[i].Offset != want[i].Offset || got[i].Kind != want[i].Kind || !bytes.Equal(got[i].Body, want[i].Body) {
			t.Errorf("record %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestNotAnArchive(t *testing.T) {
	for _, in := range []string{"", "escrowlab", "hello world\n", "escrowlab wiretap archiv\n"} {
		if _, err := NewReader(bytes.NewReader([]byte(in))); !errors.Is(err, ErrNotArchive) {
			t.Errorf("%q: %v, want ErrNotArchive", in, err)
		}
	}
}

// Cut anywhere, an archive gives every record that ends before the cut,
// exactly as written, then says it was truncated where the first
// incomplete record starts.
func TestTruncatedEverywhere(t *testing.T) {
	data, want := sample(t, 6)
	for cut := len(Magic); cut < len(data); cut++ {
		got, damage, err := readAll(data[:cut])
		if err != nil {
			t.Fatalf("cut at %d: %v", cut, err)
		}
		complete := 0
		for _, r := range want {
			if r.Offset+int64(Overhead+len(r.Body)) <= int64(cut) {
				complete++
			}
		}
		if len(got) != complete {
			t.Fatalf("cut at %d: %d records, want the %d complete ones", cut, len(got), complete)
		}
		for i, r := range got {
			if !bytes.Equal(r.Body, want[i].Body) || r.Number != i {
				t.Fatalf("cut at %d: record %d differs", cut, i)
			}
		}
		if len(damage) != 1 || !errors.Is(damage[0], ErrTruncated) || damage[0].Record != complete {
			t.Fatalf("cut at %d: damage %v, want truncation at record %d", cut, damage, complete)
		}
		if complete < len(want) && damage[0].Offset != want[complete].Offset {
			t.Errorf("cut at %d: damage located at byte %d, want %d", cut, damage[0].Offset, want[complete].Offset)
		}
	}
}

// A flipped bit anywhere after the magic costs at most the record it
// falls in: every other record comes back exactly as written, the damage
// is located at that record, and nothing wrong is ever returned.
func TestBitFlipsEverywhere(t *testing.T) {
	data, want := sample(t, 6)
	for bit := 8 * len(Magic); bit < 8*len(data); bit++ {
		bad := bytes.Clone(data)
		bad[bit/8] ^= 1 << (bit % 8)
		hit := 0
		for i, r := range want {
			if int64(bit/8) >= r.Offset {
				hit = i
			}
		}
		got, damage, err := readAll(bad)
		if err != nil {
			t.Fatalf("bit %d: %v", bit, err)
		}
		for _, r := range got {
			if r.Number == hit || !bytes.Equal(r.Body, want[r.Number].Body) || r.Kind != want[r.Number].Kind {
				t.Fatalf("bit %d in record %d: record %d came back altered", bit, hit, r.Number)
			}
		}
		if len(got) != len(want)-1 {
			t.Fatalf("bit %d in record %d: %d records, want all but that one", bit, hit, len(got))
		}
		if len(damage) == 0 || damage[0].Record != hit || damage[0].Offset != want[hit].Offset {
			t.Fatalf("bit %d in record %d at byte %d: damage %v", bit, hit, want[hit].Offset, damage)
		}
	}
}

func TestWriteRefusesHugeBodies(t *testing.T) {
	w := NewWriter(io.Discard)
	if err := w.Write(KindCapture, make([]byte, MaxBody+1)); err == nil {
		t.Error("a body over MaxBody was written")
	}
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// Offset follows the records handed out, not the bytes the reader has
// read ahead: after each record it stands just past that record; across
// damage it stays put until the next good record is returned.
func TestOffset(t *testing.T) {
	data, want := sample(t, 200)
	end := func(i int) int64 { return want[i].Offset + int64(Overhead+len(want[i].Body)) }
	flipped := bytes.Clone(data)
	flipped[want[5].Offset+int64(Overhead)] ^= 1
	tests := []struct {
		name    string
		data    []byte
		offsets []int64 // Offset after each call to Next, until io.EOF
	}{
		{"intact", data, nil},
		{"record 5 damaged", flipped, nil},
		{"cut inside record 3", data[:end(2)+4], []int64{end(0), end(1), end(2), end(2)}},
	}
	for i := range want {
		tests[0].offsets = append(tests[0].offsets, end(i))
		if i == 5 {
			tests[1].offsets = append(tests[1].offsets, end(4))
			continue
		}
		tests[1].offsets = append(tests[1].offsets, end(i))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := &countingReader{r: bytes.NewReader(tt.data)}
			r, err := NewReader(in)
			if err != nil {
				t.Fatal(err)
			}
			if got := r.Offset(); got != int64(len(Magic)) {
				t.Errorf("before any record: Offset %d, want %d", got, len(Magic))
			}
			var got []int64
			for len(got) <= len(tt.offsets) {
				if _, err := r.Next(); err == io.EOF {
					break
				}
				got = append(got, r.Offset())
				if len(got) == 1 && in.n <= got[0] {
					t.Fatalf("the reader read only %d bytes ahead of %d: the test shows nothing", in.n, got[0])
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.offsets) {
				t.Errorf("offsets %v,\nwant %v", got, tt.offsets)
			}
		})
	}
}

// Anything after the end record is reported once, where it starts, and
// not read.
func TestAfterTheEnd(t *testing.T) {
	data, recs := sample(t, 3)
	for _, extra := range []string{"x", "a line of text\n", string(data[len(Magic):])} {
		got, damage, err := readAll(append(bytes.Clone(data), extra...))
		if err != nil || len(got) != len(recs) || len(damage) != 1 || !errors.Is(damage[0], ErrDamaged) || damage[0].Offset != int64(len(data)) {
			t.Errorf("%d bytes after the end: %d records, damage %v, %v", len(extra), len(got), damage, err)
		}
	}
	if _, damage, _ := readAll(data); len(damage) != 0 {
		t.Errorf("an intact archive: damage %v", damage)
	}
}

// renumber gives record i of data the number n, with its checksum made to
// hold, as a student editing the archive could.
func renumber(data []byte, recs []Record, i, n int) []byte {
	out := bytes.Clone(data)
	at := recs[i].Offset
	binary.LittleEndian.PutUint32(out[at+8:], uint32(n))
	end := at + int64(Overhead+len(recs[i].Body))
	binary.LittleEndian.PutUint32(out[end-crcSize:], checksum(out[at+prefixSize:at+prefixSize+metaSize], recs[i].Body))
	return out
}

// A record whose number alone was changed costs that record only: the
// records after it are read as usual.
func TestRenumberedRecord(t *testing.T) {
	data, recs := sample(t, 6)
	for _, n := range []int{100, 2, 0, 4} {
		got, damage, err := readAll(renumber(data, recs, 3, n))
		if err != nil || len(got) != len(recs)-1 || len(damage) != 1 || damage[0].Record != 3 || damage[0].Offset != recs[3].Offset {
			t.Errorf("record 3 numbered %d: %d of %d records, damage %v, %v", n, len(got), len(recs), damage, err)
		}
	}
	// Two records in a row renumbered cost those two.
	got, damage, err := readAll(renumber(renumber(data, recs, 3, 40), recs, 4, 41))
	if err != nil || len(got) != len(recs)-2 || len(damage) != 2 {
		t.Errorf("records 3 and 4 renumbered: %d of %d records, damage %v, %v", len(got), len(recs), damage, err)
	}
	// The end record renumbered is reported, and still read as the end.
	last := len(recs) - 1
	for _, n := range []int{last + 4, last - 5} {
		got, damage, err := readAll(renumber(data, recs, last, n))
		if err != nil || len(got) != len(recs) || got[last].Kind != KindEnd || len(damage) != 1 || !errors.Is(damage[0], ErrDamaged) {
			t.Errorf("the end record numbered %d: %d of %d records, damage %v, %v", n, len(got), len(recs), damage, err)
		}
	}
}
