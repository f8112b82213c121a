package scenario

import (
	"context"
	"path/filepath"
	"testing"
)

// Every file in examples/ checks and runs, and its predictions hold.
func TestExamples(t *testing.T) {
	files, err := filepath.Glob("../examples/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 3 {
		t.Fatalf("%d example files, want at least 3", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			spec, err := LoadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if spec.Traffic.Seed == nil || len(spec.Expect) == 0 {
				t.Fatal("an example needs a seed and predictions")
			}
			tr, err := RunSpec(context.Background(), spec, Options{Seed: *spec.Traffic.Seed})
			if err != nil {
				t.Fatal(err)
			}
			if tr.Failed != 0 {
				t.Fatalf("%d predictions did not hold:\n%s", tr.Failed, failures(tr))
			}
		})
	}
}
