package scenario

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/escrowlab/escrowlab/attack"
)

// handouts runs the tour, every built-in and a matrix, with seed 1.
func handouts(t *testing.T) map[string]*Transcript {
	t.Helper()
	all, err := Builtins()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*Transcript{}
	for _, s := range all {
		tr, err := s.Run(context.Background(), Options{Seed: 1})
		if err != nil {
			t.Fatalf("%s: %v", s.ID, err)
		}
		out[s.ID] = tr
	}
	m, err := attack.NewMatrix(context.Background(), attack.MatrixConfig{People: 4, Sessions: 12, LeakAfter: 6, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if out["matrix"], err = MatrixTranscript(m); err != nil {
		t.Fatal(err)
	}
	return out
}

// The key chart names every key of every scheme the run shows.
func TestKeyChartNamesEveryKey(t *testing.T) {
	for id, tr := range handouts(t) {
		if tr.Keys == nil {
			if id != "matrix" {
				t.Errorf("%s: no key chart", id)
			}
			continue
		}
		var named []string
		for _, row := range tr.Keys.Rows {
			named = append(named, row[0].Text)
		}
		for _, s := range tr.Schemes {
			info, err := attack.LookupScheme(string(s))
			if err != nil {
				t.Fatal(err)
			}
			if len(info.Keys) == 0 {
				t.Errorf("scheme %s declares no keys", s)
			}
			for _, k := range info.Keys {
				if !slices.Contains(named, k.Name) {
					t.Errorf("%s: the key chart does not name %q, a key of %s", id, k.Name, s)
				}
			}
		}
	}
}

// piece is a piece of a handout's text, in reading order, with the terms
// defined where it stands (a table's legend) and the text around it (its
// step), which may define an id in words.
type piece struct {
	where   string
	text    string
	defined []string
	context string
}

// pieces lists a transcript's text in reading order.
func pieces(tr *Transcript) []piece {
	var out []piece
	add := func(where, text string, defined []string, context string) {
		out = append(out, piece{where, text, defined, context})
	}
	table := func(where string, tb *Table, context string) {
		if tb == nil {
			return
		}
		var terms []string
		for _, d := range tb.Legend {
			terms = append(terms, d.Term)
		}
		add(where, tb.Caption+" "+strings.Join(tb.Header, " "), terms, context)
		for _, row := range tb.Rows {
			for _, c := range row {
				add(where, c.String(), terms, context)
			}
		}
	}
	for _, p := range tr.Intro {
		add("intro", p.Text, nil, p.Text)
	}
	table("key chart", tr.Keys, "")
	for _, a := range tr.Acts {
		add("act "+a.Title, a.Intro, nil, a.Intro)
		for _, s := range a.Steps {
			ctx := s.Action
			for _, v := range s.Values {
				ctx += " " + v.Label + " " + v.Text
			}
			where := "step " + s.Actor + " " + s.Action
			for _, txt := range []string{s.Action, s.Outcome.Text, s.Note} {
				add(where, txt, nil, ctx)
			}
			for _, v := range s.Values {
				add(where, v.Label+" "+v.Text, nil, ctx)
			}
			table(where, s.Table, ctx)
		}
	}
	table("summary", tr.Summary, "")
	for _, p := range tr.Closing {
		add("closing", p.Text, nil, p.Text)
	}
	return out
}

// wholeID matches an id as a whole word: not inside a longer id.
func wholeID(id string) *regexp.Regexp {
	return regexp.MustCompile(`(^|[^a-z0-9-])` + regexp.QuoteMeta(id) + `($|[^a-z0-9-])`)
}

// Every scheme and leak id a handout prints is defined where it first
// appears: in the legend of the table that shows it, or, for a leak, by
// the step that names it, in words. Scheme ids never appear in prose at
// all: readers meet schemes by their names.
func TestIDsDefinedWhereTheyFirstAppear(t *testing.T) {
	for id, tr := range handouts(t) {
		for _, s := range attack.Schemes() {
			re := wholeID(string(s.ID))
			names := strings.NewReplacer(s.Title, "", capitalized(s.Title), "") // a title may contain its id
			for _, p := range pieces(tr) {
				if !re.MatchString(names.Replace(p.text)) {
					continue
				}
				if !slices.Contains(p.defined, string(s.ID)) {
					t.Errorf("%s: scheme id %q appears in %s without a definition: %q", id, s.ID, p.where, p.text)
				}
				break
			}
		}
		for _, l := range attack.Leaks() {
			if l.ID == attack.NoLeak {
				continue // "none" is an English word too
			}
			re := wholeID(string(l.ID))
			for _, p := range pieces(tr) {
				if !re.MatchString(p.text) {
					continue
				}
				words := strings.ReplaceAll(strings.ReplaceAll(l.Words, "{person}", ""), "{session}", "")
				words = strings.Fields(words)[0]
				if !slices.Contains(p.defined, string(l.ID)) && !strings.Contains(p.context, words) {
					t.Errorf("%s: leak id %q appears in %s without a definition: %q", id, l.ID, p.where, p.text)
				}
				break
			}
		}
	}
}

// Line charts draw a line for every scheme the run shows, a flat one at
// zero too, named by the scheme's title.
func TestChartsShowEveryScheme(t *testing.T) {
	for id, tr := range handouts(t) {
		for _, c := range tr.Charts {
			if c.Kind != LineChart || !strings.Contains(c.YLabel, "calls") {
				continue
			}
			for _, s := range tr.Schemes {
				name := schemeName(s)
				if !slices.ContainsFunc(c.Series, func(se Series) bool { return strings.Contains(se.Name, name) }) {
					t.Errorf("%s: chart %q has no line for %s", id, c.Title, name)
				}
			}
		}
	}
}
