package outpath

import "github.com/google/renameio/v2/maybe"

// WriteAtomic writes data to target. Windows cannot rename over an open
// file the way POSIX systems can, so renameio writes it in place there.
func WriteAtomic(target string, data []byte) error {
	return maybe.WriteFile(target, data, 0o644)
}
