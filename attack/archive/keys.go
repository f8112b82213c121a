package archive

import (
	"context"
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/internal/keyfile"
)

// KeyFile is one key file a capture wrote: where, whose material, and
// which leaks give it away.
type KeyFile struct {
	Path   string // relative to the capture's directory, with forward slashes
	Scheme attack.SchemeID
	Kind   string
	Owner  string
	Leaks  []string // the leaks that give it away, such as "escrow-dbs" or "unit-key (Alice)"
	body   []byte
}

// MaxPersonFiles is how many people's files a leak that targets one
// person writes: enough for any class, few enough for a directory.
const MaxPersonFiles = 1000

// writeKeys stages in st, for every leak that gives away key material,
// the files it gives away, each piece once however many leaks share it,
// and an index of which files make up each leak. It stops with
// attack.ErrInterrupted when ctx ends.
func writeKeys(ctx context.Context, w *attack.World, h Header, dir string, st *staging) ([]KeyFile, error) {
	var files []*KeyFile
	var index []string
	for _, l := range attack.Leaks() {
		if l.Access {
			index = append(index, fmt.Sprintf("%s: an access capability, which reads only calls still to come; no file can carry it", l.ID))
			continue
		}
		for _, t := range leakTargets(w, l) {
			if ctx.Err() != nil {
				return nil, fmt.Errorf("archive: writing key files: %w", attack.ErrInterrupted)
			}
			name := leakName(l, t)
			got, err := leakFiles(w, l.ID, t, name, &files)
			if err != nil {
				return nil, err
			}
			if len(got) == 0 {
				got = []string{"(no file: the archive alone)"}
			}
			index = append(index, fmt.Sprintf("%s: %s", name, strings.Join(got, " ")))
		}
	}
	var out []KeyFile
	for _, f := range files {
		kf := keyfile.File{Archive: h.Archive, Scheme: string(f.Scheme), Kind: f.Kind, Leak: strings.Fields(f.Leaks[0])[0],
			Note: fmt.Sprintf("%s material, %s%s; given away by %s", f.Scheme, f.Kind, ownerNote(f.Owner), strings.Join(f.Leaks, ", "))}
		kf.Body = f.body
		if ctx.Err() != nil {
			return nil, fmt.Errorf("archive: writing key files: %w", attack.ErrInterrupted)
		}
		if err := st.write(filepath.Join(dir, KeysDir, filepath.FromSlash(f.Path)), kf.Marshal()); err != nil {
			return nil, err
		}
		f.Path = path.Join(KeysDir, f.Path)
		out = append(out, *f)
	}
	head := fmt.Sprintf("# escrowlab key files of archive %s: which files each leak gives away.\n# Pass any of them to: escrowlab decrypt %s --keys FILE...\n", h.Archive, ArchiveFile)
	return out, st.write(filepath.Join(dir, KeysDir, IndexFile), []byte(head+strings.Join(index, "\n")+"\n"))
}

func ownerNote(owner string) string {
	if owner == "" {
		return ""
	}
	return ", " + owner + "'s"
}

// leakTargets lists whom a leak is written for: each person (up to
// MaxPersonFiles), the one session whose keys the capture kept, or no one.
func leakTargets(w *attack.World, l attack.LeakInfo) []attack.Target {
	switch l.Needs {
	case attack.NeedsPerson:
		var out []attack.Target
		for _, p := range w.People[:min(len(w.People), MaxPersonFiles)] {
			out = append(out, attack.Target{Person: p})
		}
		return out
	case attack.NeedsSession:
		return []attack.Target{{Session: keptSession}}
	}
	return []attack.Target{{}}
}

// leakName names a leak for a target: "unit-key (Alice)".
func leakName(l attack.LeakInfo, t attack.Target) string {
	switch l.Needs {
	case attack.NeedsPerson:
		return fmt.Sprintf("%s (%s)", l.ID, t.Person.Name)
	case attack.NeedsSession:
		return fmt.Sprintf("%s (call %d)", l.ID, t.Session)
	}
	return string(l.ID)
}

// leakFiles adds to files what leak id gives away to t under every scheme,
// reusing a file already there with the same content, and returns the
// paths of the leak's files.
func leakFiles(w *attack.World, id attack.LeakID, t attack.Target, name string, files *[]*KeyFile) ([]string, error) {
	held, err := w.Leak(id, t)
	if err != nil {
		return nil, fmt.Errorf("archive: %w", err)
	}
	var paths []string
	for _, x := range held {
		s, _ := w.Scheme(x.Scheme)
		parts, err := s.KeyParts(x.Item)
		if errors.Is(err, attack.ErrNotKeyMaterial) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("archive: %s under %s: %w", id, x.Scheme, err)
		}
		for _, p := range parts {
			f, err := keyFileFor(files, x.Scheme, p)
			if err != nil {
				return nil, err
			}
			if !slices.Contains(f.Leaks, name) {
				f.Leaks = append(f.Leaks, name)
			}
			paths = append(paths, path.Join(KeysDir, f.Path))
		}
	}
	return paths, nil
}

// keyFileFor returns the file for part p of scheme's material, adding it
// to files if it is new.
func keyFileFor(files *[]*KeyFile, scheme attack.SchemeID, p attack.KeyPart) (*KeyFile, error) {
	name := p.Kind
	if p.Owner != "" {
		name += "-" + slug(p.Owner)
	}
	rel := path.Join(string(scheme), name+".csv")
	for _, f := range *files {
		if f.Path == rel {
			if string(f.body) != string(p.Body) {
				return nil, fmt.Errorf("archive: two different %s files for %s", p.Kind, scheme)
			}
			return f, nil
		}
	}
	f := &KeyFile{Path: rel, Scheme: scheme, Kind: p.Kind, Owner: p.Owner, body: p.Body}
	*files = append(*files, f)
	return f, nil
}

// slug makes a name safe and plain in a file name: "Treasury Automated
// Systems Division" becomes "treasury-automated-systems-division".
func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}
