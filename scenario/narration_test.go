package scenario

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A narration about a warrant's end agrees with the warrant's dates: "last
// day was yesterday" is said the day after a warrant's last day, and no
// narration counts days since an end in words the dates could contradict.
func TestNarrationsAgreeWithWarrants(t *testing.T) {
	files, _ := filepath.Glob("builtin/*.yaml")
	examples, _ := filepath.Glob("../examples/*.yaml")
	if len(files) == 0 || len(examples) == 0 {
		t.Fatal("no scenario files found")
	}
	for _, name := range append(files, examples...) {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		spec, err := Parse(name, data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		ends := map[int]bool{} // the first day after each warrant
		for _, e := range spec.Events {
			if e.Kind == WarrantEvent {
				ends[e.Day+e.Days] = true
			}
		}
		for _, e := range spec.Events {
			if e.Kind != NarrateEvent {
				continue
			}
			switch {
			case strings.Contains(e.Text, "last day was yesterday") && !ends[e.Day]:
				t.Errorf("%s, day %d: %q, but no warrant's last day was day %d", name, e.Day, e.Text, e.Day-1)
			case strings.Contains(e.Text, " ago"):
				t.Errorf("%s, day %d: %q counts days in words; say which day was the last", name, e.Day, e.Text)
			}
		}
	}
}
