package scenario

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const goodFile = `title: A lesson
cast: [Alice, Bob]
events:
  - day: 1
    call: {from: Alice, to: Bob, say: [hi, hello]}
  - day: 2
    leak: escrow-dbs
expect:
  - {scheme: clipper, opens: all}
`

func TestParseGood(t *testing.T) {
	s, err := Parse("lesson.yaml", []byte(goodFile))
	if err != nil {
		t.Fatal(err)
	}
	if s.ID != "lesson" || s.Traffic.People != 2 || s.Traffic.Days != defaultDays || s.Traffic.Messages != defaultMessages || len(s.Schemes) == 0 {
		t.Fatalf("defaults not applied: %+v", s)
	}
	if len(s.Events) != 2 || s.Events[1].Leak != "escrow-dbs" || s.Events[1].Adversary != defaultIntruder {
		t.Fatalf("events: %+v", s.Events)
	}
	if x := s.Expect[0]; x.Adversary != defaultIntruder || x.Opens == nil || x.Opens.Kind != All {
		t.Fatalf("expectation: %+v", x)
	}
}

// Each broken file yields its own message at the right place.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src string
		where     string // "file:line:col" or "file:line" prefix
		want      string
	}{
		{"bad indentation", "title: x\ncast: [A, B]\nevents:\n  - day: 1\n     narrate: hi\n", "f.yaml:5:", "invalid YAML (check the indentation)"},
		{"unknown key", "title: x\ncast: [A, B]\ncolour: red\nevents: []\n", "f.yaml:3:1:", `unknown key "colour" in the scenario; allowed: id, title`},
		{"unknown key in event", "title: x\ncast: [A, B]\nevents:\n  - day: 1\n    calll: {from: A, to: B, say: [x]}\n", "f.yaml:5:5:", `unknown key "calll" in event; allowed: day, call, warrant`},
		{"wrong type", "title: x\ncast: [A, B]\ntraffic: {sessions: many}\nevents: []\n", "f.yaml:3:21:", `traffic.sessions: want a whole number from 0 to 5000, found "many"`},
		{"number out of range", "title: x\ncast: [A, B]\ntraffic: {days: 0}\nevents: []\n", "f.yaml:3:17:", "traffic.days: 0 is out of range; want 1 to 3650"},
		{"unknown leak", "title: x\ncast: [A, B]\nevents:\n  - day: 1\n    leak: everything\n", "f.yaml:5:11:", `leak: unknown leak "everything"; want one of none, family-key`},
		{"unknown scheme", "title: x\ncast: [A, B]\nschemes: [clipper, rot13]\nevents: []\n", "f.yaml:3:20:", `unknown scheme "rot13"`},
		{"warrant for unknown person", "title: x\ncast: [Alice, Bob]\nevents:\n  - day: 1\n    warrant: {for: Zed}\n", "f.yaml:5:20:", `warrant.for: "Zed" is not in the cast (Alice, Bob)`},
		{"events out of order", "title: x\ncast: [A, B]\nevents:\n  - day: 10\n    narrate: late\n  - day: 5\n    narrate: early\n", "f.yaml:6:5:", "events out of order: this narrate is on day 5, after an event on day 10"},
		{"empty file", "", "f.yaml:1:1:", "empty file"},
		{"only a comment", "# nothing yet\n", "f.yaml:1:1:", "empty file"},
		{"binary garbage", "\x00\x01\x02\xff\xfe", "f.yaml:1:1:", "not a text file"},
		{"not a mapping", "- just\n- a list\n", "f.yaml:1:1:", "the scenario: want a mapping"},
		{"missing title", "cast: [A, B]\nevents: []\n", "f.yaml:1:1:", `missing "title"`},
		{"two things in one event", "title: x\ncast: [A, B]\nevents:\n  - day: 1\n    narrate: a\n    leak: none\n", "f.yaml:6:11:", `"narrate" and "leak" in one event`},
		{"call to oneself", "title: x\ncast: [A, B]\nevents:\n  - day: 1\n    call: {from: A, to: A, say: [x]}\n", "f.yaml:5:11:", "A cannot call themselves"},
		{"unit-key without person", "title: x\ncast: [A, B]\nevents:\n  - day: 1\n    leak: unit-key\n", "f.yaml:5:11:", "leak unit-key concerns one person"},
		{"prediction about nobody", "title: x\ncast: [A, B]\nevents: []\nexpect:\n  - {by: spies, scheme: clipper, opens: all}\n", "f.yaml:5:10:", `no event gives anything to "spies"`},
		{"bad amount", "title: x\ncast: [A, B]\nevents:\n  - day: 1\n    leak: none\nexpect:\n  - {scheme: clipper, opens: most}\n", "f.yaml:7:30:", "expect.opens: want all, none, some, a whole number, or a percentage"},
		{"day after the end", "title: x\ncast: [A, B]\ntraffic: {days: 10}\nevents:\n  - day: 20\n    narrate: late\n", "f.yaml:5:5:", "this narrate is on day 20, after the last day (traffic.days is 10)"},
		{"day after the default end", "title: x\ncast: [A, B]\nevents:\n  - day: 91\n    narrate: late\n", "f.yaml:4:5:", "after the last day (traffic.days is 90 by default)"},
		{"duplicate cast", "title: x\ncast: [A, A]\nevents: []\n", "f.yaml:2:7:", `"A" appears twice`},
		{"prediction about an intruder who gets nothing", "title: x\ncast: [A, B]\nevents:\n  - day: 1\n    seize: {person: A}\nexpect:\n  - {scheme: clipper, opens: all}\n", "f.yaml:7:5:", `expectation: without "by" it is about "intruder", but no event gives "intruder" anything; add by: with one of police, or an event leak: none gives the intruder the wiretap archive alone`},
		{"scheme listed twice", "title: x\ncast: [A, B]\nschemes: [clipper, clipper]\nevents: []\n", "f.yaml:3:20:", "schemes: clipper listed twice"},
		{"prediction about an unlisted scheme", "title: x\ncast: [A, B]\nschemes: [clipper]\nevents:\n  - day: 1\n    leak: none\nexpect:\n  - {scheme: sim, opens: none}\n", "f.yaml:8:14:", "expect.scheme: sim is not among the schemes this file lists (clipper)"},
		{"unknown reference", "title: x\nreferences: [99]\ncast: [A, B]\nevents: []\n", "f.yaml:2:14:", "references: 99 is out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("f.yaml", []byte(tt.src))
			var fe FileErrors
			if !errors.As(err, &fe) {
				t.Fatalf("error %v (%T), want FileErrors", err, err)
			}
			got := err.Error()
			if !strings.Contains(got, tt.want) || !strings.HasPrefix(got, tt.where) {
				t.Fatalf("error:\n%s\nwant it to start with %q and contain %q", got, tt.where, tt.want)
			}
		})
	}
}

func TestParseReportsEveryProblem(t *testing.T) {
	_, err := Parse("f.yaml", []byte("title: x\ncast: [A, B]\nfoo: 1\ntraffic: {sessions: x}\nevents:\n  - day: 1\n    leak: bogus\n"))
	var fe FileErrors
	if !errors.As(err, &fe) || len(fe) != 3 {
		t.Fatalf("want 3 problems, got %v", err)
	}
}

func TestLoadFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "my-lesson.yaml")
	if err := os.WriteFile(path, []byte(goodFile), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := LoadFile(path)
	if err != nil || s.ID != "my-lesson" {
		t.Fatalf("LoadFile = %+v, %v", s, err)
	}
	if _, err := LoadFile(filepath.Join(dir, "missing.yaml")); err == nil || !strings.Contains(err.Error(), "missing.yaml") {
		t.Fatalf("missing file: %v", err)
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, []byte(strings.Repeat("# x\n", maxFileSize/4+1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadFile(big); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Fatalf("big file: %v", err)
	}
}

// FuzzParse checks that no input makes the loader panic, and that whatever
// it accepts is well formed. The seed corpus (the built-ins and the broken
// files above) runs with every go test.
func FuzzParse(f *testing.F) {
	entries, _ := builtinFiles.ReadDir("builtin")
	for _, e := range entries {
		src, _ := builtinFiles.ReadFile("builtin/" + e.Name())
		f.Add(src)
	}
	f.Add([]byte(goodFile))
	f.Add([]byte("title: x\ncast: [A, B]\nevents:\n  - day: 10\n    narrate: late\n  - day: 5\n    narrate: early\n"))
	f.Add([]byte("\x00\xff"))
	f.Add([]byte("a: &x [*x]\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		s, err := Parse("fuzz.yaml", src)
		if err != nil {
			return
		}
		if s.Title == "" || len(s.Cast) == 0 || s.Traffic.People < len(s.Cast) || s.Traffic.Days < 1 {
			t.Fatalf("accepted a malformed spec: %+v", s)
		}
		for i := 1; i < len(s.Events); i++ {
			if s.Events[i].Day < s.Events[i-1].Day {
				t.Fatalf("accepted events out of order")
			}
		}
	})
}

func TestStarterRuns(t *testing.T) {
	spec, err := Parse("week3.yaml", []byte(Starter("week3")))
	if err != nil {
		t.Fatal(err)
	}
	if spec.ID != "week3" {
		t.Fatalf("id %q", spec.ID)
	}
	tr, err := RunSpec(context.Background(), spec, Options{Seed: *spec.Traffic.Seed})
	if err != nil {
		t.Fatal(err)
	}
	if tr.Failed != 0 || len(spec.Expect) != 3 {
		t.Fatalf("%d of %d predictions failed", tr.Failed, len(spec.Expect))
	}
	for id, ok := range map[string]bool{"week3": true, "a-b-1": true, "Week3": false, "-x": false, "a b": false, "": false} {
		if ValidID(id) != ok {
			t.Errorf("ValidID(%q) = %v", id, !ok)
		}
	}
}
