package archive

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/escrowlab/escrowlab/internal/outpath"
)

// staging holds a capture's files as complete, closed temporary files
// beside the regular files they will replace, until every one is written,
// and then puts them all in place, or none: a capture that fails or is
// stopped leaves its directory as it was. Only the file being written is
// open, however many there are.
type staging struct {
	files   []staged
	folders []string // folders made for the files, parents first
}

type staged struct {
	path, tmp, target string
	old               string // the replaced file, moved aside while committing; "" if none
	done              bool   // in place
}

// create opens a temporary file for the file at path, following links to
// the regular file they name and making its folder if need be. A new file
// gets 0644 less the umask; a file replaced keeps its mode. The caller
// writes it and hands it to close.
func (s *staging) create(path string) (*os.File, error) {
	if err := s.mkdirAll(filepath.Dir(path)); err != nil {
		return nil, writeError(path, err)
	}
	target, err := outpath.Target(path)
	if err != nil {
		return nil, writeError(path, err)
	}
	perm, keep := fs.FileMode(0o644), false
	if fi, err := os.Stat(target); err == nil {
		perm, keep = fi.Mode().Perm(), true
	}
	for range 10 {
		tmp := beside(target, "tmp")
		f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, writeError(path, err)
		}
		s.files = append(s.files, staged{path: path, tmp: tmp, target: target})
		if keep {
			err = f.Chmod(perm) // the umask may have narrowed it
		}
		return f, err
	}
	return nil, writeError(path, errors.New("cannot create a temporary file beside it"))
}

// mkdirAll makes dir and any missing parents, remembering which it made.
func (s *staging) mkdirAll(dir string) error {
	var missing []string
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil || d == filepath.Dir(d) {
			break
		}
		missing = append(missing, d)
	}
	for _, d := range slices.Backward(missing) {
		if err := os.Mkdir(d, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return err
		}
		s.folders = append(s.folders, d)
	}
	return nil
}

// close syncs and closes a file create opened for path.
func (s *staging) close(f *os.File, path string) error {
	err := f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return writeError(path, err)
	}
	return nil
}

// write stages data as the file at path.
func (s *staging) write(path string, data []byte) error {
	f, err := s.create(path)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return writeError(path, err)
	}
	return s.close(f, path)
}

// commit puts every staged file in place, in the reverse order of staging
// (the archive, staged first, goes last), each replaced file moved aside
// first. If any step fails, every file already in place is undone, so
// the directory holds all the new files or none of them.
func (s *staging) commit() error {
	for i := len(s.files) - 1; i >= 0; i-- {
		if err := s.files[i].replace(); err != nil {
			s.undo()
			return writeError(s.files[i].path, err)
		}
	}
	for _, f := range s.files {
		if f.old != "" {
			os.Remove(f.old)
		}
	}
	return nil
}

// replace moves the file at target aside, if there is one, and the
// temporary file into its place.
func (f *staged) replace() error {
	if _, err := os.Lstat(f.target); err == nil {
		old := beside(f.target, "old")
		if err := os.Rename(f.target, old); err != nil {
			return err
		}
		f.old = old
	}
	if err := os.Rename(f.tmp, f.target); err != nil {
		if f.old != "" {
			os.Rename(f.old, f.target)
			f.old = ""
		}
		return err
	}
	f.done = true
	return nil
}

// undo puts back what commit replaced.
func (s *staging) undo() {
	for i := range s.files {
		f := &s.files[i]
		if !f.done {
			continue
		}
		if f.old != "" {
			os.Rename(f.old, f.target)
		} else {
			os.Remove(f.target)
		}
		f.done, f.old = false, ""
	}
}

// cleanup removes the temporary files of whatever is not in place, and
// the folders made for them if nothing else is in them.
func (s *staging) cleanup() {
	committed := false
	for _, f := range s.files {
		if !f.done {
			os.Remove(f.tmp)
		}
		committed = committed || f.done
	}
	if !committed {
		for _, d := range slices.Backward(s.folders) {
			os.Remove(d) // only if empty
		}
	}
}

// beside names a hidden file next to target, for what: ".wiretap.ewt.3f9a….tmp".
func beside(target, what string) string {
	b := make([]byte, 6)
	rand.Read(b)
	return filepath.Join(filepath.Dir(target), "."+filepath.Base(target)+"."+hex.EncodeToString(b)+"."+what)
}
