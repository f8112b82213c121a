package scenario

import (
	"os"
	"strings"
	"testing"
)

// Every YAML example in docs/scenario-format.md passes check: the format's
// documentation and the loader agree.
func TestFormatDocExamples(t *testing.T) {
	doc, err := os.ReadFile("../docs/scenario-format.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := strings.Split(string(doc), "```yaml\n")[1:]
	if len(blocks) < 10 {
		t.Fatalf("found %d YAML examples, want at least 10", len(blocks))
	}
	for i, b := range blocks {
		src, _, ok := strings.Cut(b, "```")
		if !ok {
			t.Fatalf("example %d is not closed", i+1)
		}
		if _, err := Parse("example.yaml", []byte(src)); err != nil {
			t.Errorf("example %d:\n%s\n%v", i+1, src, err)
		}
	}
}
