package attack

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

// The fuzz targets attack every registered scheme as decrypt meets it: a
// scheme restored from its directory, reading records from an archive and
// key files that may be damaged or hostile. Each input is tried on every
// scheme. Run one with, for example,
//
//	go test ./attack -run xxx -fuzz FuzzParseRecord -fuzztime 30s

// fuzzScheme is one scheme of the world fuzzWorld makes: restored from
// its directory, with its records and key files, and an opener holding
// every key file.
type fuzzScheme struct {
	id       SchemeID
	reading  Reading
	records  [][]byte
	files    []KeyPart
	opener   Opener
	captures []Capture // the world's captures, records as parsed back
}

// fuzzWorld deploys every registered scheme in a small world, makes calls,
// has every leak happen, makes more calls (so that a hidden device listed
// by a breach has copies to open), and writes each scheme's directory,
// records and key files.
func fuzzWorld(tb testing.TB) []*fuzzScheme {
	tb.Helper()
	w, err := NewWorld(Config{People: []string{"Alice", "Bob", "Carol"}, Seed: 8, Start: time.Date(1994, 3, 1, 9, 0, 0, 0, time.UTC)})
	if err != nil {
		tb.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	calls := func() {
		for range 3 {
			w.Advance(time.Hour)
			if _, err := w.RandomCall(rng, 2); err != nil {
				tb.Fatal(err)
			}
		}
	}
	calls()
	var held Holdings
	for _, l := range Leaks() {
		h, err := w.Leak(l.ID, Target{Person: w.People[0], Session: 1})
		if err != nil {
			tb.Fatal(err)
		}
		held = held.Merge(h)
	}
	calls()
	var out []*fuzzScheme
	for _, info := range Schemes() {
		out = append(out, restoreForFuzz(tb, w, info, held))
	}
	return out
}

// restoreForFuzz restores one scheme of w and writes its records and key
// files.
func restoreForFuzz(tb testing.TB, w *World, info SchemeInfo, held Holdings) *fuzzScheme {
	tb.Helper()
	s, _ := w.Scheme(info.ID)
	codec := s.(Codec)
	dir, err := codec.Directory()
	if err != nil {
		tb.Fatal(err)
	}
	fs := &fuzzScheme{id: info.ID}
	if fs.reading, err = info.Restore(dir, w.People); err != nil {
		tb.Fatal(err)
	}
	var fromFiles Holdings
	for _, it := range held.Items(info.ID) {
		parts, err := codec.KeyParts(it)
		if errors.Is(err, ErrNotKeyMaterial) {
			continue
		}
		if err != nil {
			tb.Fatal(err)
		}
		for _, p := range parts {
			item, err := fs.reading.ParseItem(p.Kind, p.Body)
			if err != nil {
				tb.Fatal(err)
			}
			fs.files = append(fs.files, p)
			fromFiles = append(fromFiles, Holding{Scheme: info.ID, Item: item})
		}
	}
	if fs.opener, err = fs.reading.Opener(fromFiles); err != nil {
		tb.Fatal(err)
	}
	for _, c := range w.Tap.Captures(info.ID) {
		b, err := codec.AppendRecord(nil, c.Record)
		if err != nil {
			tb.Fatal(err)
		}
		fs.records = append(fs.records, b)
		if c.Record, err = fs.reading.ParseRecord(b); err != nil {
			tb.Fatal(err)
		}
		fs.captures = append(fs.captures, c)
	}
	return fs
}

// ParseRecord never panics, and what it accepts is a record: it is written
// again, read back the same, and opened (or not) without a panic.
func FuzzParseRecord(f *testing.F) {
	schemes := fuzzWorld(f)
	for _, s := range schemes {
		for _, b := range s.records {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, s := range schemes {
			checkRecord(t, s, b)
		}
	})
}

// ParseItem never panics, and what it accepts is key material: written
// again, it reads back the same, and an opener holding it tries every
// recorded call without a panic.
func FuzzParseItem(f *testing.F) {
	schemes := fuzzWorld(f)
	for _, s := range schemes {
		for _, p := range s.files {
			f.Add(p.Kind, p.Body)
		}
	}
	f.Fuzz(func(t *testing.T, kind string, body []byte) {
		for _, s := range schemes {
			checkItem(t, s, kind, body)
		}
	})
}

// Every record cut short or followed by a stray byte is refused, and no
// record with one byte changed makes its scheme panic, whichever byte it
// is: a sweep the fuzzer might take long to make.
func TestParseRecordDamaged(t *testing.T) {
	schemes := fuzzWorld(t)
	for _, s := range schemes {
		for _, b := range s.records[:1] {
			for n := range len(b) {
				if _, err := s.reading.ParseRecord(b[:n]); err == nil {
					t.Errorf("%s: a record cut to %d of %d bytes was read", s.id, n, len(b))
				}
			}
			if _, err := s.reading.ParseRecord(append(bytes.Clone(b), 0)); err == nil {
				t.Errorf("%s: a record with a byte left over was read", s.id)
			}
			for i := range b {
				for _, v := range []byte{0, 2, 0xff} {
					damaged := bytes.Clone(b)
					damaged[i] = v
					checkRecord(t, s, damaged)
				}
			}
		}
	}
}

// No key file cut short makes a scheme panic.
func TestParseItemDamaged(t *testing.T) {
	schemes := fuzzWorld(t)
	for _, s := range schemes {
		for _, p := range s.files {
			for n := range len(p.Body) {
				checkItem(t, s, p.Kind, p.Body[:n])
			}
		}
	}
}

// checkRecord reads b as scheme s's record. If s accepts it, it must write
// it again, read that back the same, and open it (or not) without a panic
// as call 1, whose keys leaked.
func checkRecord(t *testing.T, s *fuzzScheme, b []byte) {
	t.Helper()
	rec, err := s.reading.ParseRecord(b)
	if err != nil {
		return
	}
	again, err := s.reading.(Codec).AppendRecord(nil, rec)
	if err != nil {
		t.Fatalf("%s: a record it read cannot be written: %v", s.id, err)
	}
	back, err := s.reading.ParseRecord(again)
	if err != nil || !reflect.DeepEqual(back, rec) {
		t.Fatalf("%s: a record it read is not read back the same (%v)", s.id, err)
	}
	s.opener.Open(Capture{Session: 1, Scheme: s.id, Record: rec}) // session 1's keys leaked
}

// checkItem reads body as scheme s's key file of the given kind. If s
// accepts it, it must write it again and read that back the same, and an
// opener holding it must try every recorded call without a panic.
func checkItem(t *testing.T, s *fuzzScheme, kind string, body []byte) {
	t.Helper()
	item, err := s.reading.ParseItem(kind, body)
	if err != nil {
		return
	}
	checkItemAgain(t, s, item)
	o, err := s.reading.Opener(Holdings{{Scheme: s.id, Item: item}})
	if err != nil {
		return
	}
	for _, c := range s.captures {
		o.Open(c)
	}
}

// checkItemAgain writes item, which scheme s read, as key files again, and
// checks that they read back the same.
func checkItemAgain(t *testing.T, s *fuzzScheme, item any) {
	t.Helper()
	parts, err := s.reading.(Codec).KeyParts(item)
	if err != nil {
		t.Fatalf("%s: an item it read cannot be written: %v", s.id, err)
	}
	for _, p := range parts {
		back, err := s.reading.ParseItem(p.Kind, p.Body)
		if err != nil {
			t.Fatalf("%s: a %s file it wrote cannot be read: %v\n%s", s.id, p.Kind, err, p.Body)
		}
		if len(parts) == 1 && !reflect.DeepEqual(back, item) {
			t.Fatalf("%s: a %s file does not read back the same", s.id, p.Kind)
		}
	}
}

// A restored scheme's directory never makes Restore panic, and a directory
// it accepts is written again the same way it reads.
func FuzzRestore(f *testing.F) {
	w, err := NewWorld(Config{People: []string{"Alice", "Bob", "Carol"}, Seed: 8})
	if err != nil {
		f.Fatal(err)
	}
	for _, id := range w.SchemeIDs() {
		s, _ := w.Scheme(id)
		dir, _ := s.(Codec).Directory()
		f.Add(dir)
	}
	f.Fuzz(func(t *testing.T, dir []byte) {
		for _, info := range Schemes() {
			r, err := info.Restore(dir, w.People)
			if err != nil {
				continue
			}
			again, err := r.(Codec).Directory()
			if err != nil {
				t.Fatalf("%s: %v", info.ID, err)
			}
			r2, err := info.Restore(again, w.People)
			if err != nil {
				t.Fatalf("%s: the directory it wrote cannot be read: %v\n%s", info.ID, err, again)
			}
			if third, _ := r2.(Codec).Directory(); !bytes.Equal(third, again) {
				t.Fatalf("%s: the directory changes each time it is written", info.ID)
			}
		}
	})
}
