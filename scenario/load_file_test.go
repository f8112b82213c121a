package scenario

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// Problems found before YAML is read, or that YAML reports without a
// place, are reported at their line and column.
func TestParseTextErrors(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // whole lines of the error
	}{
		{"tab at the start of a line", "title: x\ncast: [A, B]\nevents:\n\t- day: 1\n",
			[]string{"f.yaml:4:1: a tab in the indentation: YAML forbids tabs for indentation; indent with spaces"}},
		{"tab after spaces", "title: x\ncast: [A, B]\nevents:\n  - day: 1\n    \tnarrate: hi\n",
			[]string{"f.yaml:5:5: a tab in the indentation: YAML forbids tabs for indentation; indent with spaces"}},
		{"control character", "title: x\ncast: [A, B]\nsummary: a\x1bb\nevents: []\n",
			[]string{"f.yaml:3:11: control character U+001B: YAML does not allow it; delete it (it may have come from copying and pasting)"}},
		{"two control characters", "title: \x01\ncast: [A, B]\nevents: [\x7f]\n",
			[]string{"f.yaml:1:8: control character U+0001", "f.yaml:3:10: control character U+007F"}},
		{"not UTF-8", "title: caf\xe9\ncast: [A, B]\nevents: []\n",
			[]string{"f.yaml:1:11: byte 0xe9 is not UTF-8: save the file as UTF-8 text"}},
		{"NUL byte", "title: x\ncast: [A,\x00B]\n",
			[]string{"f.yaml:2:10: not a text file (a NUL byte): a scenario file is YAML text (UTF-8)"}},
		{"second document", "title: x\ncast: [A, B]\nevents: []\n---\ntitle: y\n",
			[]string{"f.yaml:4:1: a second YAML document starts here (---): a scenario file holds one scenario; delete this line and what follows, or move it to a file of its own"}},
		{"empty second document", "---\ntitle: x\ncast: [A, B]\nevents: []\n---\n",
			[]string{"f.yaml:5:1: a second YAML document starts here (---)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("f.yaml", []byte(tt.src))
			var fe FileErrors
			if !errors.As(err, &fe) {
				t.Fatalf("error %v (%T), want FileErrors", err, err)
			}
			lines := strings.Split(err.Error(), "\n")
			if len(lines) != len(tt.want) {
				t.Fatalf("error:\n%s\nwant %d lines", err, len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(lines[i], w) {
					t.Errorf("line %d: %q\nwant it to start %q", i+1, lines[i], w)
				}
			}
		})
	}
	// A document end marker alone is not a second document.
	if _, err := Parse("f.yaml", []byte("title: x\ncast: [A, B]\nevents: []\n...\n")); err != nil {
		t.Errorf("document end marker: %v", err)
	}
}

// Scenario rules beyond the types of values: the cast's size, empty
// calls, a session-key leak with no session, and predictions with no by.
func TestParseRules(t *testing.T) {
	bigCast := "[" + strings.Repeat("X, ", 0)
	for i := range 501 {
		bigCast += fmt.Sprintf("P%d, ", i)
	}
	bigCast = strings.TrimSuffix(bigCast, ", ") + "]"
	tests := []struct {
		name, src string
		where     string
		want      string
	}{
		{"one-person cast", "title: x\ncast: [Alice]\nevents: []\n", "f.yaml:2:7:", "cast: name 2 to 500 people, found 1"},
		{"501-person cast", "title: x\ncast: " + bigCast + "\nevents: []\n", "f.yaml:2:7:", "cast: name 2 to 500 people, found 501"},
		{"empty call", "title: x\ncast: [A, B]\nevents:\n  - day: 1\n    call: {from: A, to: B, say: []}\n", "f.yaml:5:33:", `call.say: an empty list; write what is said`},
		{"session-key leak on day 0", "title: x\ncast: [A, B]\ntraffic: {sessions: 10}\nevents:\n  - day: 0\n    leak: session-key\n", "f.yaml:5:5:",
			"leak session-key takes the keys of the latest session, but no session can have been held by then: put a call before it (background calls come after day 0's events)"},
		{"session-key leak without traffic", "title: x\ncast: [A, B]\nevents:\n  - day: 5\n    leak: session-key\n  - day: 6\n    call: {from: A, to: B, say: [hi]}\n", "f.yaml:4:5:",
			"no session can have been held by then: put a call before it (there are no background calls: traffic.sessions is 0)"},
		{"prediction with no by and no event", "title: x\ncast: [A, B]\nevents: []\nexpect:\n  - {scheme: clipper, opens: none}\n", "f.yaml:5:5:",
			`expectation: without "by" it is about "intruder", but no event gives "intruder" anything; no event in this file leaks, warrants or seizes anything; an event leak: none gives the intruder the wiretap archive alone`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("f.yaml", []byte(tt.src))
			if err == nil || !strings.HasPrefix(err.Error(), tt.where) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error:\n%v\nwant it to start with %q and contain %q", err, tt.where, tt.want)
			}
		})
	}
	// What the rules allow: a session-key leak after a call, or on a
	// later day with background calls; the intruder given the bare
	// archive with leak: none.
	for _, src := range []string{
		"title: x\ncast: [A, B]\nevents:\n  - day: 0\n    call: {from: A, to: B, say: [hi]}\n  - day: 0\n    leak: session-key\n",
		"title: x\ncast: [A, B]\ntraffic: {sessions: 5}\nevents:\n  - day: 3\n    leak: session-key\n",
		"title: x\ncast: [A, B]\nevents:\n  - day: 1\n    leak: none\nexpect:\n  - {scheme: clipper, opens: none}\n",
	} {
		if _, err := Parse("f.yaml", []byte(src)); err != nil {
			t.Errorf("%q: %v", src, err)
		}
	}
}

// A file with many problems lists the first MaxListed and counts the rest.
func TestParseListsAtMost20(t *testing.T) {
	src := "title: x\ncast: [A, B]\nevents:\n" + strings.Repeat("  - day: 1\n    call: {from: Z, to: B, say: [hi]}\n", 25)
	_, err := Parse("f.yaml", []byte(src))
	var fe FileErrors
	if !errors.As(err, &fe) || len(fe) != 25 {
		t.Fatalf("want 25 problems, got %d: %v", len(fe), err)
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != MaxListed+1 || lines[MaxListed] != "and 5 more problems (fix those above, then check again)" {
		t.Fatalf("error lists %d lines, ending %q", len(lines), lines[len(lines)-1])
	}
	if got := FileErrors(fe[:21]).Error(); !strings.HasSuffix(got, "and 1 more problem (fix those above, then check again)") {
		t.Fatalf("21 problems end with %q", got[strings.LastIndexByte(got, '\n')+1:])
	}
}
