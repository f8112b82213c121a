//go:build unix

package outpath

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestTarget(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	fifo := filepath.Join(dir, "fifo")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, l := range [][2]string{{"to-file", "file"}, {"to-fifo", fifo}, {"to-missing", "missing"}, {"to-dev", "/dev/null"}, {"loop", "loop"}} {
		if err := os.Symlink(l[1], filepath.Join(dir, l[0])); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name, want string
		err        error
	}{
		{"file", file, nil},
		{"new", filepath.Join(dir, "new"), nil},
		{"to-file", file, nil},
		{"to-missing", filepath.Join(dir, "missing"), nil},
		{"fifo", "", ErrNotRegular},
		{"to-fifo", "", ErrNotRegular},
		{"to-dev", "", ErrNotRegular},
		{".", "", ErrNotRegular},
	} {
		got, err := Target(filepath.Join(dir, tc.name))
		if filepath.Clean(got) != filepath.Clean(tc.want) || !errors.Is(err, tc.err) {
			t.Errorf("Target(%s) = %q, %v; want %q, %v", tc.name, got, err, tc.want, tc.err)
		}
	}
	if _, err := Target(filepath.Join(dir, "loop")); err == nil {
		t.Error("a link to itself was followed")
	}
	if err := WriteFile(filepath.Join(dir, "to-file"), []byte("new")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(file); string(got) != "new" {
		t.Errorf("writing through a link left %q", got)
	}
	if fi, _ := os.Stat(file); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want the file's own 0600 kept", fi.Mode().Perm())
	}
}
