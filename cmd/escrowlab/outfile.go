package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// errExists is returned for an existing --out file without --force.
var errExists = errors.New("exists")

// outFile is a file escrowlab may write: Path as the user gave it, and
// Target, the regular file it names once symbolic links are followed.
type outFile struct {
	Path   string
	Target string
}

// checkOutFile checks, before anything is computed, that path can be
// written: its folder exists and accepts new files, and whatever is there
// is a regular file (or a link to one) that force allows to be replaced.
// It refuses a directory, device, FIFO or socket.
func checkOutFile(path string, force bool) (outFile, error) {
	f := outFile{Path: path}
	target, err := followLinks(path)
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
		return f, f.errorf("it is %s; --out writes only regular files", describe(fi.Mode()))
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
	f, err := checkOutFile(f.Path, force)
	if err != nil {
		return err
	}
	if err := writeAtomic(f.Target, data); err != nil {
		return f.errorf("%w", pathless(err))
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
		return f.errorf("%w", pathless(err))
	case !fi.IsDir():
		return f.errorf("%s is not a folder", dir)
	}
	probe, err := os.CreateTemp(dir, ".escrowlab-probe-*")
	if err != nil {
		return f.errorf("cannot create a file in %s: %w", dir, pathless(err))
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

// maxLinks bounds the symbolic links followed, as the kernel does.
const maxLinks = 40

// followLinks returns the file path names once every symbolic link at its
// end is followed. The file need not exist: a link to a missing file names
// that file.
func followLinks(path string) (string, error) {
	for range maxLinks {
		fi, err := os.Lstat(path)
		if errors.Is(err, fs.ErrNotExist) || err == nil && fi.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		if err != nil {
			return "", pathless(err)
		}
		link, err := os.Readlink(path)
		if err != nil {
			return "", pathless(err)
		}
		if dir := filepath.Dir(path); !filepath.IsAbs(link) && dir != "." {
			// Relative to the link's folder, left uncleaned: a ".." after
			// a linked folder is for the file system to resolve.
			link = dir + string(filepath.Separator) + link
		}
		path = link
	}
	return "", errors.New("too many levels of symbolic links")
}

// describe names a kind of file that is not a regular file.
func describe(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO (named pipe)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

// pathless strips the file name from a file system error, which may be a
// temporary file's, leaving what went wrong, such as "permission denied".
func pathless(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
