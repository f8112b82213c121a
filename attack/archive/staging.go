package archive

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/escrowlab/escrowlab/internal/outpath"
)

// staging holds a capture's files as complete, closed temporary files
// beside the regular files they will replace, until every one is written:
// a capture that fails or is stopped before commit leaves its directory as
// it was. Only the file being written is open, however many there are.
type staging struct {
	files []staged
}

type staged struct {
	path, tmp, target string
	done              bool // renamed into place
}

// create opens a temporary file for the file at path, following links to
// the regular file they name and making its folder if need be. A new file
// gets 0644 less the umask; a file replaced keeps its mode. The caller
// writes it and hands it to close.
func (s *staging) create(path string) (*os.File, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
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
		tmp := filepath.Join(filepath.Dir(target), "."+filepath.Base(target)+"."+randomSuffix()+".tmp")
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

// commit renames every staged file into place, in the reverse order of
// staging: the archive, staged first, goes last.
func (s *staging) commit() error {
	for i := len(s.files) - 1; i >= 0; i-- {
		f := &s.files[i]
		if err := os.Rename(f.tmp, f.target); err != nil {
			return writeError(f.path, err)
		}
		f.done = true
	}
	return nil
}

// cleanup removes the temporary files of whatever was not committed.
func (s *staging) cleanup() {
	for _, f := range s.files {
		if !f.done {
			os.Remove(f.tmp)
		}
	}
}

// randomSuffix names a temporary file.
func randomSuffix() string {
	b := make([]byte, 6)
	rand.Read(b)
	return hex.EncodeToString(b)
}
