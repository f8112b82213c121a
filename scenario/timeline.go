package scenario

import (
	"fmt"
	"strings"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/internal/plural"
)

// timeline pictures every call sent on a calendar: the periods and
// moments that matter, and which calls each party read.
func timeline(title string, sent []attack.Conversation, spans []Span, marks []TimeMark, rows []TimelineRow) *Chart {
	t := &Timeline{Spans: spans, Marks: marks, Rows: rows}
	for _, c := range sent {
		t.Calls = append(t.Calls, TimelineCall{Number: c.Session, At: c.At, Label: c.Caller.Name + " to " + c.Callee.Name})
	}
	return &Chart{Kind: TimelineChart, Title: title, Alt: timelineAlt(t), Timeline: t}
}

// readRow is the timeline row of a party: the calls it opened in e.
func readRow(label string, e attack.Exposure) TimelineRow {
	r := TimelineRow{Label: label}
	for _, rec := range e.Recovered {
		r.Read = append(r.Read, rec.Conversation.Session)
	}
	return r
}

// timelineAlt says in words what a timeline shows.
func timelineAlt(t *Timeline) string {
	if len(t.Calls) == 0 {
		return "No calls were made."
	}
	first, last := t.Calls[0], t.Calls[len(t.Calls)-1]
	words := []string{fmt.Sprintf("%s, from %s to %s", plural.Count(len(t.Calls), "call"), first.At.Format(dateFormat), last.At.Format(dateFormat))}
	for _, s := range t.Spans {
		words = append(words, fmt.Sprintf("%s from %s to %s", s.Label, s.From.Format(dateFormat), s.To.Format(dateFormat)))
	}
	for _, m := range t.Marks {
		words = append(words, fmt.Sprintf("%s on %s", m.Label, m.At.Format(dateFormat)))
	}
	for _, r := range t.Rows {
		words = append(words, fmt.Sprintf("%s read %d of them", r.Label, len(r.Read)))
	}
	return strings.Join(words, "; ") + "."
}
