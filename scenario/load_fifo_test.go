//go:build !windows

package scenario

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A FIFO, a directory or another file that is not a regular file is
// refused at once: reading a FIFO would wait for a writer forever.
func TestLoadFileRefusesNonRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "lesson.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan error, 1)
	go func() { _, err := LoadFile(fifo); done <- err }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "reading scenario "+fifo+": it is a FIFO (named pipe); a scenario file is a regular file") {
			t.Fatalf("FIFO: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("LoadFile hangs on a FIFO")
	}
	if _, err := LoadFile(dir); err == nil || !strings.Contains(err.Error(), "it is a directory") {
		t.Fatalf("directory: %v", err)
	}
	if err := os.Symlink("missing.yaml", filepath.Join(dir, "link.yaml")); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadFile(filepath.Join(dir, "link.yaml")); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("dangling link: %v", err)
	}
}
