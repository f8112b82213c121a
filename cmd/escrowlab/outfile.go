package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/escrowlab/escrowlab/internal/outpath"
)

// errExists is returned for an existing --out file without --force.
var errExists = errors.New("exists")

// outFile is a file escrowlab may write: Path as the user gave it, and
// Target, the regular file it names once symbolic links are followed.
// Rule says, in an error, what the file must be; empty means it is
// --out's file.
type outFile struct {
	Path   string
	Target string
	Rule   string
}

// outRule is the rule for --out's file.
const outRule = "--out writes only regular files"

// checkOutFile checks, before anything is computed, that path can be
// written: its folder exists and accepts new files, and whatever is there
// is a regular file (or a link to one) that force allows to be replaced.
// It refuses a directory, device, FIFO or socket.
func checkOutFile(path string, force bool) (outFile, error) {
	return outFile{Path: path}.check(force)
}

// check is checkOutFile for f, whose Rule an error quotes.
func (f outFile) check(force bool) (outFile, error) {
	if f.Rule == "" {
		f.Rule = outRule
	}
	path := f.Path
	target, err := outpath.FollowLinks(path)
	if err != nil {
		return f, f.errorf("%w", err)
	}
	f.Target = target
	fi, err := os.Stat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return f, f.checkFolder()
	case err != nil:
		return f, f.errorf("%w", err)
	case !fi.Mode().IsRegular():
		return f, f.errorf("it is %s; %s", outpath.Describe(fi.Mode()), f.Rule)
	case !force:
		return f, fmt.Errorf("%s %w; choose another name or add --force to replace it", path, errExists)
	}
	return f, f.checkFolder()
}

// write replaces the target with data atomically: a temporary file in the
// same folder, synced, then renamed over the target, which keeps its mode
// (a new file gets 0644 less the umask). A symbolic link at Path stays and
// points to the new content. It checks the path again first, since the file
// system may have changed during a long computation.
func (f outFile) write(data []byte, force bool) error {
	f, err := f.check(force)
	if err != nil {
		return err
	}
	if err := outpath.WriteAtomic(f.Target, data); err != nil {
		return f.errorf("%w", outpath.Pathless(err))
	}
	return nil
}

// checkFolder checks that the target's folder exists and that a file can
// be created in it, by creating and removing an empty one.
func (f outFile) checkFolder() error {
	dir := filepath.Dir(f.Target)
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return f.errorf("no folder %s", dir)
	case err != nil:
		return f.errorf("%w", outpath.Pathless(err))
	case !fi.IsDir():
		return f.errorf("%s is not a folder", dir)
	}
	probe, err := os.CreateTemp(dir, ".escrowlab-probe-*")
	if err != nil {
		return f.errorf("cannot create a file in %s: %w", dir, outpath.Pathless(err))
	}
	probe.Close()
	return os.Remove(probe.Name())
}

// errorf returns an error about writing f, naming the user's path and, if
// it is a link, the file it points to.
func (f outFile) errorf(format string, args ...any) error {
	name := f.Path
	if f.Target != "" && f.Target != f.Path {
		name += " (a link to " + f.Target + ")"
	}
	return fmt.Errorf("writing %s: "+format, append([]any{name}, args...)...)
}
