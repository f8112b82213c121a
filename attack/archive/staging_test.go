package archive

import (
	"os"
	"path/filepath"
	"testing"
)

// A commit that fails part way puts back every file it had replaced and
// removes every file it had added, and cleanup removes the folders staging
// made: the directory is as it was.
func TestStagingAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.txt")
	if err := os.WriteFile(old, []byte("before"), 0o600); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	var st staging
	for _, f := range []struct{ path, data string }{
		{filepath.Join(dir, "first.txt"), "new"}, // committed last
		{old, "after"},
		{filepath.Join(dir, "new", "folder", "added.txt"), "added"}, // committed first
	} {
		if err := st.write(f.path, []byte(f.data)); err != nil {
			t.Fatal(err)
		}
	}
	os.Remove(st.files[0].tmp) // the last rename will fail
	if err := st.commit(); err == nil {
		t.Fatal("commit succeeded without one of its files")
	}
	st.cleanup()
	if after := snapshot(t, dir); len(after) != len(before) || after[old] != "before" {
		t.Errorf("after a failed commit the directory holds %v, want %v", after, before)
	}
	if _, err := os.Stat(filepath.Join(dir, "new")); err == nil {
		t.Error("a folder made for the files was left behind")
	}
	if fi, _ := os.Stat(old); fi.Mode().Perm() != 0o600 {
		t.Errorf("the restored file's mode is %v", fi.Mode().Perm())
	}
}
