package main

import (
	"io"
	"os"
	"strings"
	"testing"
)

// docsCLI is the command reference generated from the command definitions.
const docsCLI = "../../docs/cli.md"

// TestCLIDocUpToDate fails when docs/cli.md no longer matches the commands.
// Regenerate it with: go test ./cmd/escrowlab -run TestCLIDoc -update
func TestCLIDocUpToDate(t *testing.T) {
	app, _ := newApp(strings.NewReader(""), io.Discard, io.Discard)
	md, err := app.ToMarkdown()
	if err != nil {
		t.Fatal(err)
	}
	want := "<!-- Generated from the command definitions by TestCLIDocUpToDate; do not edit.\n     Regenerate: go test ./cmd/escrowlab -run TestCLIDoc -update -->\n\n" + md
	if *update {
		if err := os.WriteFile(docsCLI, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(docsCLI)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Fatalf("docs/cli.md is stale; regenerate it with: go test ./cmd/escrowlab -run TestCLIDoc -update")
	}
}
