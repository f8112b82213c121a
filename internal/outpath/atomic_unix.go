//go:build !windows

package outpath

import (
	"path/filepath"

	"github.com/google/renameio/v2"
)

// WriteAtomic writes data to the regular file target through a temporary
// file in the same folder, synced, then renamed over target: readers see
// the old content or the new, never half a file. An existing target keeps
// its mode; a new one gets 0644 less the umask.
func WriteAtomic(target string, data []byte) error {
	return renameio.WriteFile(target, data, 0o644, renameio.WithTempDir(filepath.Dir(target)))
}
