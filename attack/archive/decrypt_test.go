package archive

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/internal/tapfile"
	"github.com/escrowlab/escrowlab/internal/wire"
)

// rewrite reads the records of the archive at path and writes those edit
// returns as a new archive, numbered in order with good checksums, as a
// student who knows the format could.
func rewrite(t *testing.T, path string, edit func([]tapfile.Record) []tapfile.Record) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := tapfile.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var recs []tapfile.Record
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, rec)
	}
	var buf bytes.Buffer
	w := tapfile.NewWriter(&buf)
	for _, rec := range edit(recs) {
		if err := w.Write(rec.Kind, rec.Body); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "edited.ewt")
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

// Records copied, or moved out of the order of the calls, with good
// checksums, are reported and not counted: no call counts twice, and none
// is counted wrong for having left its place in the ground truth.
func TestRecordsOutOfPlaceAreNotCounted(t *testing.T) {
	cfg := CaptureConfig{People: 3, Sessions: 6, Days: 2, Seed: 2, Schemes: []attack.SchemeID{attack.ClipperID, attack.E2EForwardSecretID}, Workers: 1}
	rep, dir := capture(t, cfg)
	var keys []string
	for _, k := range rep.Keys {
		if k.Scheme == attack.ClipperID {
			keys = append(keys, filepath.Join(dir, k.Path))
		}
	}
	// Records 1 and 2 are call 1 under each scheme; 3 and 4 call 2.
	edits := []struct {
		name    string
		damaged int
		edit    func([]tapfile.Record) []tapfile.Record
	}{
		{"a call copied to the end", 2, func(r []tapfile.Record) []tapfile.Record {
			return append(r[:len(r)-1:len(r)-1], r[1], r[2], r[len(r)-1])
		}},
		{"a record repeated in place", 1, func(r []tapfile.Record) []tapfile.Record {
			return append(r[:2:2], append([]tapfile.Record{r[1]}, r[2:]...)...)
		}},
		{"a call removed", 1, func(r []tapfile.Record) []tapfile.Record {
			return append(r[:3:3], r[5:]...)
		}},
		{"a call removed, and the end record's count edited to match", 1, func(r []tapfile.Record) []tapfile.Record {
			end := tapfile.Record{Kind: tapfile.KindEnd, Body: []byte(`{"captures":10}`)}
			return append(append(r[:3:3], r[5:len(r)-1]...), end)
		}},
		{"one scheme's record of a call removed, and the end record's count edited to match", 1, func(r []tapfile.Record) []tapfile.Record {
			end := tapfile.Record{Kind: tapfile.KindEnd, Body: []byte(`{"captures":11}`)}
			return append(append(r[:3:3], r[4:len(r)-1]...), end)
		}},
		{"a call's time edited", 1, func(r []tapfile.Record) []tapfile.Record {
			w := wire.NewReader(r[3].Body)
			idx, session, secs := w.Fixed(1), w.Uint(1<<20), w.Uint(1<<40)
			body := wire.AppendUint(wire.AppendUint(append([]byte(nil), idx...), session), secs+3600)
			r[3].Body = append(body, w.Rest()...)
			return r
		}},
		{"two calls swapped", 2, func(r []tapfile.Record) []tapfile.Record {
			return append([]tapfile.Record{r[0], r[3], r[4], r[1], r[2]}, r[5:]...)
		}},
	}
	for _, e := range edits {
		got, err := Decrypt(context.Background(), rewrite(t, filepath.Join(dir, ArchiveFile), e.edit), DecryptConfig{Keys: keys, Truth: filepath.Join(dir, TruthFile), Workers: 2})
		if err != nil {
			t.Fatalf("%s: %v", e.name, err)
		}
		if got.Calls > cfg.Sessions || got.Damaged != e.damaged {
			t.Errorf("%s: %d calls, %d damaged records %v; want at most %d calls, %d damaged", e.name, got.Calls, got.Damaged, got.Damage, cfg.Sessions, e.damaged)
		}
		for _, s := range got.Schemes {
			if s.Wrong != 0 || s.Seen > cfg.Sessions || s.Opened > cfg.Sessions {
				t.Errorf("%s: %+v", e.name, s)
			}
		}
	}
}

// A ground truth cut short, or with a line removed or moved, is refused,
// naming the file; no call it lacks is counted wrong.
func TestTruthCutOrEditedIsRefused(t *testing.T) {
	cfg := CaptureConfig{People: 3, Sessions: 6, Days: 2, Seed: 2, Schemes: []attack.SchemeID{attack.ClipperID}, Workers: 1}
	rep, dir := capture(t, cfg)
	var keys []string
	for _, k := range rep.Keys {
		keys = append(keys, filepath.Join(dir, k.Path))
	}
	data, err := os.ReadFile(filepath.Join(dir, TruthFile))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(data), "\n") // two lines of heading, then calls 1 to 6
	for name, want := range map[string]string{
		"cut short":    strings.Join(lines[:5], ""),
		"a line gone":  strings.Join(slices.Delete(slices.Clone(lines), 3, 4), ""),
		"lines moved":  strings.Join(append(slices.Clone(lines[:2]), append([]string{lines[3], lines[2]}, lines[4:]...)...), ""),
		"a line twice": strings.Join(slices.Insert(slices.Clone(lines), 3, lines[3]), ""),
	} {
		path := filepath.Join(t.TempDir(), "truth.tsv")
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := Decrypt(context.Background(), filepath.Join(dir, ArchiveFile), DecryptConfig{Keys: keys, Truth: path, Workers: 2})
		if err == nil {
			t.Errorf("%s: accepted: %+v", name, got.Schemes)
			continue
		}
		if !strings.Contains(err.Error(), path) {
			t.Errorf("%s: an error that does not name the ground truth: %v", name, err)
		}
	}
}

// Decrypt's progress follows the records read, ending at the archive's
// size.
func TestDecryptProgress(t *testing.T) {
	_, dir := capture(t, CaptureConfig{People: 3, Sessions: 20, Days: 2, Seed: 3, Schemes: []attack.SchemeID{attack.ClipperID}})
	path := filepath.Join(dir, ArchiveFile)
	var progress atomic.Int64
	if _, err := Decrypt(context.Background(), path, DecryptConfig{Progress: &progress}); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if progress.Load() != fi.Size() {
		t.Errorf("progress ended at byte %d of %d", progress.Load(), fi.Size())
	}
}

// Anything after the end record is reported, not read.
func TestAfterTheEndRecord(t *testing.T) {
	_, dir := capture(t, CaptureConfig{People: 3, Sessions: 4, Days: 1, Seed: 3, Schemes: []attack.SchemeID{attack.ClipperID}})
	path := filepath.Join(dir, ArchiveFile)
	appended := rewrite(t, path, func(r []tapfile.Record) []tapfile.Record { return append(r, r[1]) })
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := filepath.Join(t.TempDir(), "text.ewt")
	if err := os.WriteFile(text, append(data, "a note a student typed\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{appended, text} {
		rep, err := Decrypt(context.Background(), p, DecryptConfig{})
		if err != nil {
			t.Fatal(err)
		}
		damaged := rep.Damaged
		if rep.Truncated != nil {
			damaged++
		}
		if damaged != 1 || rep.Schemes[0].Seen != 4 {
			t.Errorf("%s: %d damaged, truncated %v, %d calls seen; want the extra reported once and 4 calls", filepath.Base(p), rep.Damaged, rep.Truncated, rep.Schemes[0].Seen)
		}
	}
}
