package report

import (
	"regexp"

	"github.com/escrowlab/escrowlab/scenario"
)

// timesNote follows the seed in a report whose run measured times: the
// seed replays the keys and choices, and so every count, but not the
// clock.
const timesNote = "Times and rates are measured afresh in every run, so they vary between runs and machines; the keys, choices and counts do not."

// measuredTime matches a time or a rate as scenario writes one: "37.2 ms",
// "4.1 s", "12 µs", "921,000 tries/s".
var measuredTime = regexp.MustCompile(`\d (µs|ms|s)\b|tries/s\b`)

// timesVary reports whether t shows a measured time or rate anywhere a
// reader would see it: in a step's values, table or outcome, or in the
// prose before and after the acts.
func timesVary(t *scenario.Transcript) bool {
	var texts []string
	for _, p := range append(append([]scenario.Paragraph{}, t.Intro...), t.Closing...) {
		texts = append(texts, p.Text)
	}
	tables := []*scenario.Table{t.Summary}
	for _, a := range t.Acts {
		for _, s := range a.Steps {
			texts = append(texts, s.Outcome.Text)
			for _, v := range s.Values {
				texts = append(texts, v.Text)
			}
			tables = append(tables, s.Table)
		}
	}
	for _, tb := range tables {
		if tb == nil {
			continue
		}
		texts = append(texts, tb.Caption)
		for _, row := range tb.Rows {
			for _, c := range row {
				texts = append(texts, c.String())
			}
		}
	}
	for _, s := range texts {
		if measuredTime.MatchString(s) {
			return true
		}
	}
	return false
}
