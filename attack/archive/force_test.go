package archive

import (
	"context"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/internal/keyfile"
)

// A capture into an old capture's directory leaves no key file of the old
// archive behind, and keeps files that are not key files.
func TestCaptureRemovesStaleKeyFiles(t *testing.T) {
	_, dir := capture(t, CaptureConfig{People: 4, Sessions: 3, Days: 1, Seed: 1, Schemes: []attack.SchemeID{attack.ClipperID, attack.E2EForwardSecretID}})
	notes := filepath.Join(dir, KeysDir, "clipper", "notes.txt")
	if err := os.WriteFile(notes, []byte("which group gets which file\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := Capture(context.Background(), CaptureConfig{People: 2, Sessions: 3, Days: 1, Seed: 2, Schemes: []attack.SchemeID{attack.ClipperID}}, dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	err = filepath.WalkDir(filepath.Join(dir, KeysDir), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || path == notes || filepath.Base(path) == IndexFile {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		kf, err := keyfile.ParseBytes(data)
		if err != nil || kf.Archive != rep.Header.Archive {
			t.Errorf("%s: %v, a key file of archive %q, want only %q", path, err, kf.Archive, rep.Header.Archive)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != len(rep.Keys) {
		t.Errorf("%d key files in the folder, %d written", n, len(rep.Keys))
	}
	if _, err := os.Stat(notes); err != nil {
		t.Errorf("a file that is not a key file was removed: %v", err)
	}
}

// A file where the capture needs a folder is refused before anything is
// carried, and nothing is written.
func TestCaptureRefusesAFileForItsKeysFolder(t *testing.T) {
	for _, name := range []string{KeysDir, filepath.Join(KeysDir, "clipper")} {
		dir := t.TempDir()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Capture(context.Background(), CaptureConfig{People: 2, Sessions: 2, Days: 1, Seed: 1, Schemes: []attack.SchemeID{attack.ClipperID}}, dir)
		if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, name)+": it is a file") {
			t.Errorf("%s a file: Capture = %v", name, err)
		}
		if _, err := os.Stat(filepath.Join(dir, ArchiveFile)); err == nil {
			t.Errorf("%s a file: the archive was written", name)
		}
	}
}

// A capture stopped before it completes leaves an old capture's directory
// exactly as it was: nothing is renamed into place until every file is
// complete.
func TestStoppedCaptureChangesNothing(t *testing.T) {
	_, dir := capture(t, CaptureConfig{People: 3, Sessions: 4, Days: 1, Seed: 1, Schemes: []attack.SchemeID{attack.ClipperID}})
	before := snapshot(t, dir)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Capture(ctx, CaptureConfig{People: 3, Sessions: 4, Days: 1, Seed: 2, Schemes: []attack.SchemeID{attack.ClipperID}}, dir)
	if !errors.Is(err, attack.ErrInterrupted) {
		t.Fatalf("Capture = %v, want ErrInterrupted", err)
	}
	if after := snapshot(t, dir); !maps.Equal(before, after) {
		t.Errorf("the directory changed:\nbefore %v\nafter  %v", before, after)
	}
}

// snapshot maps every file under dir to its contents.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		files[path] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
