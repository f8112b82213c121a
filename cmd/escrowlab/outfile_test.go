//go:build !windows

package main

import (
	"errors"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/escrowlab/escrowlab/internal/outpath"
)

// --out never replaces what is not a regular file: a FIFO, a directory
// or a socket is refused before anything is written, and stays as it was.
func TestOutFileRefusesNonRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	sock := filepath.Join(dir, "sock")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	linkToFIFO := filepath.Join(dir, "link")
	if err := os.Symlink("pipe", linkToFIFO); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		fifo:       "writing " + fifo + ": it is a FIFO (named pipe); --out writes only regular files",
		sub:        "it is a directory",
		sock:       "it is a socket",
		linkToFIFO: "(a link to " + dir + "/pipe): it is a FIFO",
	} {
		for _, force := range []bool{false, true} {
			_, err := checkOutFile(path, force)
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("checkOutFile(%s, force %v) = %v; want %q", path, force, err, want)
			}
			if err := (outFile{Path: path}).write([]byte("x"), force); err == nil {
				t.Errorf("write(%s, force %v) succeeded", path, force)
			}
		}
	}
	if fi, err := os.Stat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("the FIFO was replaced: %v, %v", fi.Mode(), err)
	}
	if fi, err := os.Lstat(linkToFIFO); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v, %v", fi.Mode(), err)
	}
}

// A symbolic link is written through: its target gets the new content and
// the link stays a link.
func TestOutFileFollowsLinks(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.md")
	if err := os.WriteFile(target, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink("real.md", link); err != nil {
		t.Fatal(err)
	}
	if _, err := checkOutFile(link, false); !errors.Is(err, errExists) {
		t.Fatalf("without force: %v, want errExists", err)
	}
	if err := (outFile{Path: link}).write([]byte("new"), true); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v", err)
	}
	got, err := os.ReadFile(target)
	if err != nil || string(got) != "new" {
		t.Fatalf("target holds %q, %v", got, err)
	}
	if fi, _ := os.Stat(target); fi.Mode().Perm() != 0o640 {
		t.Fatalf("target mode %v, want it kept at 0640", fi.Mode().Perm())
	}
	// A dangling link names the file to create.
	dangling := filepath.Join(dir, "dangling.md")
	if err := os.Symlink("new.md", dangling); err != nil {
		t.Fatal(err)
	}
	if err := (outFile{Path: dangling}).write([]byte("made"), false); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(filepath.Join(dir, "new.md")); err != nil || string(got) != "made" {
		t.Fatalf("through a dangling link: %q, %v", got, err)
	}
	// A loop of links is an error, not a hang.
	if err := os.Symlink("b", filepath.Join(dir, "a")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("a", filepath.Join(dir, "b")); err != nil {
		t.Fatal(err)
	}
	if _, err := checkOutFile(filepath.Join(dir, "a"), true); err == nil || !strings.Contains(err.Error(), "too many levels of symbolic links") {
		t.Fatalf("loop: %v", err)
	}
}

// New files get 0644 less the umask; replaced files keep their mode; no
// temporary file is left behind.
func TestOutFileModes(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	dir := t.TempDir()
	fresh := filepath.Join(dir, "fresh.txt")
	if err := (outFile{Path: fresh}).write([]byte("x"), false); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(fresh); fi.Mode().Perm() != 0o644 {
		t.Fatalf("new file mode %v, want 0644", fi.Mode().Perm())
	}
	syscall.Umask(0o077)
	private := filepath.Join(dir, "private.txt")
	if err := (outFile{Path: private}).write([]byte("x"), false); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(private); fi.Mode().Perm() != 0o600 {
		t.Fatalf("new file mode under umask 077: %v, want 0600", fi.Mode().Perm())
	}
	if err := os.Chmod(fresh, 0o664); err != nil {
		t.Fatal(err)
	}
	if err := (outFile{Path: fresh}).write([]byte("y"), true); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(fresh); fi.Mode().Perm() != 0o664 {
		t.Fatalf("replaced file mode %v, want it kept at 0664", fi.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Fatalf("folder holds %d entries, want the 2 files written", len(entries))
	}
}

// Errors name the path the user gave, never a temporary file.
func TestOutFileErrorsNameThePath(t *testing.T) {
	f := outFile{Path: "tour.md", Target: "tour.md"}
	err := f.errorf("%w", outpath.Pathless(&fs.PathError{Op: "open", Path: ".tour.md12345", Err: syscall.EACCES}))
	if got := err.Error(); got != "writing tour.md: permission denied" || !errors.Is(err, fs.ErrPermission) {
		t.Fatalf("error %q", got)
	}
	notDir := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(notDir, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := checkOutFile(filepath.Join(notDir, "tour.md"), false); err == nil || !strings.Contains(err.Error(), "tour.md: not a directory") {
		t.Fatalf("a file as the folder: %v", err)
	}

	if os.Geteuid() == 0 {
		t.Skip("root may write anywhere")
	}
	dir := t.TempDir()
	locked := filepath.Join(dir, "locked")
	if err := os.Mkdir(locked, 0o555); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(locked, "tour.md")
	err = (outFile{Path: path}).write([]byte("x"), false)
	if err == nil || !strings.HasPrefix(err.Error(), "writing "+path+": ") || strings.Count(err.Error(), locked) != 2 || strings.Contains(err.Error(), ".tour.md") {
		t.Fatalf("error %v; want it to name %s and no temporary file", err, path)
	}
}
