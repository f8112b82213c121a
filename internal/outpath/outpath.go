// Package outpath writes escrowlab's output files the way its command line
// promises: only regular files, through symbolic links to the file they
// name, atomically, and with errors that never name a temporary file.
package outpath

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrNotRegular is returned for a path that names something other than a
// regular file: a directory, device, FIFO or socket.
var ErrNotRegular = errors.New("escrowlab writes only regular files")

// maxLinks bounds the symbolic links followed, as the kernel does.
const maxLinks = 40

// FollowLinks returns the file path names once every symbolic link at its
// end is followed. The file need not exist: a link to a missing file names
// that file.
func FollowLinks(path string) (string, error) {
	for range maxLinks {
		fi, err := os.Lstat(path)
		if errors.Is(err, fs.ErrNotExist) || err == nil && fi.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		if err != nil {
			return "", Pathless(err)
		}
		link, err := os.Readlink(path)
		if err != nil {
			return "", Pathless(err)
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

// Target returns the regular file that writing to path would replace or
// create: path with its symbolic links followed. It fails with
// ErrNotRegular, saying what is there, if that exists and is not a
// regular file.
func Target(path string) (string, error) {
	target, err := FollowLinks(path)
	if err != nil {
		return "", err
	}
	fi, err := os.Stat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return target, nil
	case err != nil:
		return "", Pathless(err)
	case !fi.Mode().IsRegular():
		return "", fmt.Errorf("it is %s; %w", Describe(fi.Mode()), ErrNotRegular)
	}
	return target, nil
}

// WriteFile writes data to the regular file path names, atomically (see
// WriteAtomic), after checking that it is one. Errors name path.
func WriteFile(path string, data []byte) error {
	target, err := Target(path)
	if err == nil {
		err = Pathless(WriteAtomic(target, data))
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// Describe names a kind of file that is not a regular file.
func Describe(m fs.FileMode) string {
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

// Pathless strips the file name from a file system error, which may be a
// temporary file's, leaving what went wrong, such as "permission denied".
func Pathless(err error) error {
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
