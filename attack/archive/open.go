package archive

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/internal/keyfile"
	"github.com/escrowlab/escrowlab/internal/tapfile"
)

// reading is an archive opened for decryption: its header, each scheme
// restored from its directory, and the people.
type reading struct {
	h       Header
	people  []*attack.Person
	schemes []attack.Reading // in the header's order
	r       *tapfile.Reader
	// progress, if set, follows the offset just past the last record
	// read, for a progress bar.
	progress *atomic.Int64
}

// openArchive reads an archive's header from r and restores its schemes.
func openArchive(r io.Reader, name string) (*reading, error) {
	tr, err := tapfile.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	rec, err := tr.Next()
	switch {
	case errors.Is(err, io.EOF):
		return nil, fmt.Errorf("%s: the archive holds no records, not even its header", name)
	case err != nil:
		return nil, fmt.Errorf("%s: the header record is damaged: %w", name, err)
	case rec.Kind != tapfile.KindHeader:
		return nil, fmt.Errorf("%s: record %d, at byte %d, comes where the header should be", name, rec.Number, rec.Offset)
	}
	h, err := parseHeader(rec.Body)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	a := &reading{h: h, r: tr}
	for _, n := range h.People {
		a.people = append(a.people, &attack.Person{Name: n})
	}
	for _, s := range h.Schemes {
		info, err := attack.LookupScheme(string(s.ID))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		rd, err := info.Restore([]byte(s.Directory), a.people)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", name, s.ID, err)
		}
		a.schemes = append(a.schemes, rd)
	}
	return a, nil
}

// scheme returns the index of a scheme in the archive, or -1.
func (a *reading) scheme(id string) int {
	return slices.IndexFunc(a.h.Schemes, func(s SchemeHeader) bool { return string(s.ID) == id })
}

// loadKeys reads each key file, checks that it belongs to this archive and
// to a scheme in it, and returns what the adversary holds.
func (a *reading) loadKeys(paths []string) (attack.Holdings, error) {
	var h attack.Holdings
	for _, p := range paths {
		f, err := readKeyFile(p)
		if err != nil {
			return nil, err
		}
		if f.Archive != a.h.Archive {
			return nil, fmt.Errorf("%s: a key file of archive %s, not of this one (%s)", p, f.Archive, a.h.Archive)
		}
		i := a.scheme(f.Scheme)
		if i < 0 {
			return nil, fmt.Errorf("%s: a key file for scheme %s, which this archive does not hold (it holds %s)", p, f.Scheme, a.schemeList())
		}
		item, err := a.schemes[i].ParseItem(f.Kind, f.Body)
		if errors.Is(err, attack.ErrUnknownKind) {
			return nil, fmt.Errorf("%s: %s keys have no kind %q", p, f.Scheme, f.Kind)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", p, f.Kind, err)
		}
		h = append(h, attack.Holding{Leak: attack.LeakID(f.Leak), Scheme: a.h.Schemes[i].ID, Item: item})
	}
	return h, nil
}

// schemeList names the archive's schemes: "clipper, e2e-fs".
func (a *reading) schemeList() string {
	var ids []string
	for _, s := range a.h.Schemes {
		ids = append(ids, string(s.ID))
	}
	return strings.Join(ids, ", ")
}

// readKeyFile opens and parses one key file, naming it in any error.
func readKeyFile(p string) (keyfile.File, error) {
	fh, err := os.Open(p)
	if err != nil {
		return keyfile.File{}, err
	}
	defer fh.Close()
	if fi, err := fh.Stat(); err == nil && !fi.Mode().IsRegular() {
		return keyfile.File{}, fmt.Errorf("%s: not a regular file", p)
	}
	f, err := keyfile.Parse(fh)
	if err != nil {
		return keyfile.File{}, fmt.Errorf("%s: %w", p, err)
	}
	return f, nil
}
