package report

import (
	"slices"
	"strings"
	"testing"

	"github.com/escrowlab/escrowlab/scenario"
)

func TestLooksNumeric(t *testing.T) {
	tests := map[string]bool{
		"3": true, "24/24": true, "100%": true, "-1.5": true, "1,000": true,
		"": false, "n/a": false, "-": false, "%": false, "3 calls": false, "Clipper": false,
	}
	for in, want := range tests {
		if got := looksNumeric(in); got != want {
			t.Errorf("looksNumeric(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestTreeMarks(t *testing.T) {
	vs := []scenario.Value{
		{Label: "LEAF"},
		{Label: "a", Indent: 1},
		{Label: "a1", Indent: 2},
		{Label: "b", Indent: 1},
		{Label: "b1", Indent: 2},
		{Label: "b2", Indent: 2},
		{Label: "next"},
		{Label: "deep", Indent: 2},
	}
	want := []string{"", "├ ", "│ └ ", "└ ", "  ├ ", "  └ ", "", "  └ "}
	if got := treeMarks(vs); !slices.Equal(got, want) {
		t.Errorf("treeMarks = %q, want %q", got, want)
	}
}

func TestTableAlignment(t *testing.T) {
	var b strings.Builder
	r := &renderer{w: &b, width: 60, blank: true}
	r.table(&scenario.Table{
		Caption: "Results",
		Header:  []string{"Scheme", "Read"},
		Rows:    textRows([]string{"Clipper", "24/24"}, []string{"E2E", "0/24"}),
	}, 2)
	want := "" +
		"  Results\n" +
		"  Scheme    Read\n" +
		"  ──────────────\n" +
		"  Clipper  24/24\n" +
		"  E2E       0/24\n"
	if b.String() != want {
		t.Errorf("table =\n%s\nwant\n%s", b.String(), want)
	}
}
