//go:build unix

package archive

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/internal/outpath"
)

// A capture into an existing directory replaces only regular files: a
// FIFO, a link to a device or a directory where a file goes is refused
// before anything is carried, and left as it was; a link to a regular
// file is written through, and stays a link.
func TestCaptureReplacesOnlyRegularFiles(t *testing.T) {
	cfg := CaptureConfig{People: 3, Sessions: 3, Days: 1, Seed: 9, Schemes: []attack.SchemeID{attack.ClipperID}}
	_, dir := capture(t, cfg)
	fifo := func(p string) error { return syscall.Mkfifo(p, 0o644) }
	link := func(to string) func(string) error { return func(p string) error { return os.Symlink(to, p) } }
	mkdir := func(p string) error { return os.Mkdir(p, 0o755) }
	for _, tc := range []struct {
		name string
		make func(string) error
	}{
		{TruthFile, fifo},
		{ArchiveFile, link("/dev/null")},
		{filepath.Join(KeysDir, "clipper", "family-key.csv"), fifo},
		{filepath.Join(KeysDir, IndexFile), mkdir},
	} {
		path := filepath.Join(dir, tc.name)
		if err := os.Remove(path); err != nil {
			t.Fatal(err)
		}
		if err := tc.make(path); err != nil {
			t.Fatal(err)
		}
		_, err := Capture(context.Background(), cfg, dir)
		if !errors.Is(err, outpath.ErrNotRegular) || !strings.Contains(err.Error(), path+":") {
			t.Errorf("%s: Capture = %v, want an error naming it that refuses a file that is not regular", tc.name, err)
		}
		fi, lerr := os.Lstat(path)
		if lerr != nil || fi.Mode().IsRegular() {
			t.Errorf("%s was replaced: %v, %v", tc.name, fi.Mode(), lerr)
		}
		os.Remove(path)
	}

	victim := filepath.Join(t.TempDir(), "truth-elsewhere.tsv")
	if err := os.WriteFile(victim, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	truth := filepath.Join(dir, TruthFile)
	if err := os.Symlink(victim, truth); err != nil {
		t.Fatal(err)
	}
	if _, err := Capture(context.Background(), cfg, dir); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(victim)
	fi, _ := os.Lstat(truth)
	if !strings.HasPrefix(string(got), "# escrowlab ground truth") || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was not written through: target %q, link mode %v", got[:min(len(got), 30)], fi.Mode())
	}
	if vi, _ := os.Stat(victim); vi.Mode().Perm() != 0o600 {
		t.Errorf("the replaced file's mode is %v, want it kept (0600)", vi.Mode().Perm())
	}
}
