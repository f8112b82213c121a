package archive

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/internal/cast"
)

// capture runs a small capture into a temporary directory.
func capture(t *testing.T, cfg CaptureConfig) (*CaptureReport, string) {
	t.Helper()
	dir := t.TempDir()
	rep, err := Capture(context.Background(), cfg, dir)
	if err != nil {
		t.Fatal(err)
	}
	return rep, dir
}

// inMemory replays a capture's calls in an ordinary world that keeps
// everything, for the counts to compare with.
func inMemory(t *testing.T, cfg CaptureConfig) *attack.World {
	t.Helper()
	if err := cfg.check(); err != nil {
		t.Fatal(err)
	}
	w, err := attack.NewWorld(attack.Config{People: cast.Names(cfg.People), Seed: cfg.Seed, Start: cfg.Start, Schemes: cfg.Schemes})
	if err != nil {
		t.Fatal(err)
	}
	window := make(chan struct{}, cfg.Sessions)
	jobs := make(chan attack.Conversation, cfg.Sessions)
	generate(context.Background(), w, cfg, window, jobs)
	for c := range jobs {
		w.Advance(c.At.Sub(w.Now()))
		if _, err := w.Call(c.Caller, c.Callee, c.Messages); err != nil {
			t.Fatal(err)
		}
	}
	return w
}

// Round trip: for every leak that gives away key material, decrypting
// the archive with that leak's files, checked against the ground truth,
// opens and identifies exactly what the in-memory world measures with the
// leak itself.
func TestRoundTripMatchesMemory(t *testing.T) {
	cfg := CaptureConfig{People: 4, Sessions: 30, Days: 20, Seed: 11, Workers: 3} // every scheme
	rep, dir := capture(t, cfg)
	w := inMemory(t, cfg)
	for _, l := range attack.Leaks() {
		if l.Access {
			continue
		}
		for _, target := range leakTargets(w, l)[:1] {
			name := leakName(l, target)
			var files []string
			for _, k := range rep.Keys {
				if slices.Contains(k.Leaks, name) {
					files = append(files, dir+"/"+k.Path)
				}
			}
			got, err := Decrypt(context.Background(), dir+"/"+ArchiveFile, DecryptConfig{Keys: files, Truth: dir + "/" + TruthFile})
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			held, err := w.Leak(l.ID, target)
			if err != nil {
				t.Fatal(err)
			}
			a, err := attack.NewAttacker(w, held)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range got.Schemes {
				e := attack.Measure(a, w.Tap.Captures(r.Scheme), w.Sent(), time.Time{})
				if r.Seen != cfg.Sessions || r.Opened != e.Opened || r.Identified != e.Metadata || r.Wrong != 0 || r.Malformed != 0 {
					t.Errorf("%s under %s: from files seen %d, opened %d, identified %d, wrong %d; in memory opened %d, identified %d",
						name, r.Scheme, r.Seen, r.Opened, r.Identified, r.Wrong, e.Opened, e.Metadata)
				}
			}
		}
	}
}

// The same configuration gives the same files, byte for byte, whatever
// the number of workers.
func TestCaptureReplaysByteForByte(t *testing.T) {
	cfg := CaptureConfig{People: 5, Sessions: 40, Days: 10, Seed: 5, Schemes: []attack.SchemeID{attack.ClipperID, attack.E2EForwardSecretID}}
	one, dir1 := capture(t, CaptureConfig{People: cfg.People, Sessions: cfg.Sessions, Days: cfg.Days, Seed: cfg.Seed, Schemes: cfg.Schemes, Workers: 1})
	_, dir2 := capture(t, CaptureConfig{People: cfg.People, Sessions: cfg.Sessions, Days: cfg.Days, Seed: cfg.Seed, Schemes: cfg.Schemes, Workers: 7})
	files := []string{ArchiveFile, TruthFile, KeysDir + "/" + IndexFile}
	for _, k := range one.Keys {
		files = append(files, k.Path)
	}
	for _, f := range files {
		a, err1 := os.ReadFile(filepath.Join(dir1, f))
		b, err2 := os.ReadFile(filepath.Join(dir2, f))
		if err1 != nil || err2 != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs between 1 and 7 workers (%v, %v)", f, err1, err2)
		}
	}
	other, dir3 := capture(t, CaptureConfig{People: cfg.People, Sessions: cfg.Sessions, Days: cfg.Days, Seed: cfg.Seed + 1, Schemes: cfg.Schemes})
	a, _ := os.ReadFile(filepath.Join(dir1, ArchiveFile))
	b, _ := os.ReadFile(filepath.Join(dir3, ArchiveFile))
	if bytes.Equal(a, b) || other.Header.Archive == one.Header.Archive {
		t.Error("another seed gave the same archive")
	}
}

// Cut anywhere or with a bit flipped anywhere, an archive never makes
// decrypt fail other than by naming the damage, and never makes a count
// wrong: every call counted as opened was checked against the ground
// truth, and no more calls open than the intact records hold.
func TestDamageNeverMakesACountWrong(t *testing.T) {
	cfg := CaptureConfig{People: 3, Sessions: 2, Days: 2, Seed: 2, Schemes: []attack.SchemeID{attack.ClipperID, attack.E2EForwardSecretID}}
	rep, dir := capture(t, cfg)
	data, err := os.ReadFile(filepath.Join(dir, ArchiveFile))
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, k := range rep.Keys {
		keys = append(keys, filepath.Join(dir, k.Path))
	}
	truth := filepath.Join(dir, TruthFile)
	bad := filepath.Join(t.TempDir(), "bad.ewt")
	check := func(what string, b []byte) {
		if err := os.WriteFile(bad, b, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := Decrypt(context.Background(), bad, DecryptConfig{Keys: keys, Truth: truth, Workers: 2})
		if err != nil {
			if !strings.Contains(err.Error(), "bad.ewt") {
				t.Fatalf("%s: an error that does not name the archive: %v", what, err)
			}
			return // the magic or the header is gone: refused, by name
		}
		for _, s := range got.Schemes {
			if s.Wrong != 0 || s.Opened > cfg.Sessions || (s.Scheme == attack.ClipperID && s.Opened+s.Malformed < s.Seen) {
				t.Fatalf("%s: %s seen %d, opened %d, wrong %d, unreadable %d", what, s.Scheme, s.Seen, s.Opened, s.Wrong, s.Malformed)
			}
		}
	}
	for cut := range len(data) {
		check(fmt.Sprintf("cut at %d", cut), data[:cut])
	}
	rng := rand.New(rand.NewPCG(1, 1))
	for range 300 {
		b := bytes.Clone(data)
		bit := rng.IntN(8 * len(b))
		b[bit/8] ^= 1 << (bit % 8)
		check(fmt.Sprintf("bit %d flipped", bit), b)
	}
}

// Key files that do not belong are refused, each by name, with what was
// expected: another archive's, a scheme the archive does not hold, a kind
// the scheme does not write, a newer version, a damaged table, and a file
// that is no key file at all.
func TestKeyFilesRefused(t *testing.T) {
	cfg := CaptureConfig{People: 3, Sessions: 2, Days: 1, Seed: 4, Schemes: []attack.SchemeID{attack.ClipperID}}
	mine, dir := capture(t, cfg)
	theirs, other := capture(t, CaptureConfig{People: 3, Sessions: 2, Days: 1, Seed: 5, Schemes: []attack.SchemeID{attack.ClipperID, attack.E2EForwardSecretID}})
	identity, err := os.ReadFile(filepath.Join(other, KeysDir, "e2e-fs", "identity-key-alice.csv"))
	if err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(filepath.Join(dir, KeysDir, "clipper", "family-key.csv"))
	if err != nil {
		t.Fatal(err)
	}
	write := func(name, body string) string {
		p := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name, path, want string
	}{
		{"another archive's", filepath.Join(other, KeysDir, "clipper", "family-key.csv"), "a key file of archive"},
		{"a scheme not in the archive", write("e2e.csv", strings.Replace(string(identity), theirs.Header.Archive, mine.Header.Archive, 1)), "which this archive does not hold (it holds clipper)"},
		{"an unknown kind", write("kind.csv", strings.Replace(string(good), "kind: family-key", "kind: master-key", 1)), `clipper keys have no kind "master-key"`},
		{"a newer version", write("v2.csv", strings.Replace(string(good), "version: 1", "version: 2", 1)), "unsupported key file version"},
		{"a damaged table", write("bad.csv", strings.Replace(string(good), "family_key\n", "family_key\nnot hex\n", 1)), "line 2"},
		{"not a key file", filepath.Join(dir, TruthFile), "not an escrowlab key file"},
	}
	for _, tt := range tests {
		_, err := Decrypt(context.Background(), filepath.Join(dir, ArchiveFile), DecryptConfig{Keys: []string{tt.path}})
		if err == nil || !strings.Contains(err.Error(), tt.path) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v; want an error naming %s and saying %q", tt.name, err, tt.path, tt.want)
		}
	}
}

// Two captures that differ in anything but the seed still get different
// ids, so neither accepts the other's key files or ground truth.
func TestArchiveIDsDiffer(t *testing.T) {
	base := CaptureConfig{People: 3, Sessions: 2, Days: 1, Seed: 7, Schemes: []attack.SchemeID{attack.ClipperID}}
	a, _ := capture(t, base)
	for _, change := range []func(*CaptureConfig){
		func(c *CaptureConfig) { c.People = 4 },
		func(c *CaptureConfig) { c.Sessions = 3 },
		func(c *CaptureConfig) { c.Days = 2 },
		func(c *CaptureConfig) { c.Schemes = append(c.Schemes, attack.E2EForwardSecretID) },
	} {
		cfg := base
		cfg.Schemes = slices.Clone(base.Schemes)
		change(&cfg)
		if b, _ := capture(t, cfg); b.Header.Archive == a.Header.Archive {
			t.Errorf("%+v and %+v share archive id %s", base, cfg, a.Header.Archive)
		}
	}
}
