package sim

import (
	"slices"
	"testing"
	"time"
)

func TestSwitchTaps(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2004, 8, d, 12, 0, 0, 0, time.UTC) }
	var s Switch
	lawful := &Tap{Subscriber: "A", From: day(2), Until: day(4), Lawful: true}
	rogue := &Tap{From: day(3)}
	s.Install(lawful)
	s.Install(rogue)
	calls := []struct {
		at       time.Time
		from, to string
	}{{day(1), "A", "B"}, {day(2), "B", "A"}, {day(3), "C", "B"}, {day(3), "A", "C"}, {day(4), "A", "B"}}
	for i, c := range calls {
		s.Connect(i+1, c.at, c.from, c.to)
		s.Relay(i+1, c.at, c.from, c.to, "hello")
		s.Relay(i+1, c.at, c.to, c.from, "hi")
	}
	tests := []struct {
		tap  *Tap
		want []int // the calls it copied
	}{
		{lawful, []int{2, 4}},   // A's calls from day 2 until day 4
		{rogue, []int{3, 4, 5}}, // everyone's from day 3
	}
	for _, tt := range tests {
		var got []int
		for call := range len(calls) + 1 {
			if texts, ok := tt.tap.Copied(call); ok {
				got = append(got, call)
				if !slices.Equal(texts, []string{"hello", "hi"}) {
					t.Errorf("call %d copied as %q", call, texts)
				}
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("tap %+v copied calls %v, want %v", tt.tap, got, tt.want)
		}
	}
	if got := s.Targets(day(3)); !slices.Equal(got, []string{"A"}) {
		t.Errorf("targets on day 3: %v", got)
	}
	if got := s.Targets(day(5)); len(got) != 0 {
		t.Errorf("targets after the warrant: %v", got)
	}
	if r, ok := s.Record(3); !ok || r.From != "C" || r.To != "B" || len(s.Records()) != 5 {
		t.Errorf("records: %+v", s.Records())
	}
}
