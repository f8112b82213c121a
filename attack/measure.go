package attack

import (
	"cmp"
	"slices"
	"time"
)

// Exposure is what one attacker got out of one scheme's archive.
type Exposure struct {
	Scheme       SchemeID
	Total        int         // sessions in the archive
	Opened       int         // sessions whose every message was recovered exactly as sent
	OpenedBefore int         // of those, sessions held before the leak
	OpenedAfter  int         // of those, sessions held at or after the leak
	Wrong        int         // sessions that decrypted to something other than what was said
	Metadata     int         // sessions whose two parties the attacker identified correctly
	Recovered    []Recovered // the opened sessions, oldest first
}

// Recovered is one session an attacker opened, with what it read.
type Recovered struct {
	Conversation Conversation
	Texts        []string
}

// Measure runs attacker a over captured sessions and checks each result
// against sent, the ground truth. Sessions at or after leakAt count as
// after the leak. Only a session whose every message comes out exactly as
// said counts as opened.
func Measure(a *Attacker, captures []Capture, sent []Conversation, leakAt time.Time) Exposure {
	truth := make(map[int]Conversation, len(sent))
	for _, c := range sent {
		truth[c.Session] = c
	}
	var e Exposure
	for _, c := range captures {
		e.Scheme = c.Scheme
		e.Total++
		conv, known := truth[c.Session]
		o := a.Open(c)
		if known && identifies(o.Who, conv) {
			e.Metadata++
		}
		if o.Texts == nil {
			continue
		}
		if !known || !matches(conv, o.Texts) {
			e.Wrong++
			continue
		}
		e.Opened++
		if c.At.Before(leakAt) {
			e.OpenedBefore++
		} else {
			e.OpenedAfter++
		}
		e.Recovered = append(e.Recovered, Recovered{Conversation: conv, Texts: o.Texts})
	}
	return e
}

// identifies reports whether who names exactly c's two parties.
func identifies(who []*Person, c Conversation) bool {
	who = slices.Compact(slices.SortedFunc(slices.Values(who), byName))
	want := slices.SortedFunc(slices.Values([]*Person{c.Caller, c.Callee}), byName)
	return slices.Equal(who, want)
}

func byName(a, b *Person) int { return cmp.Compare(a.Name, b.Name) }

// matches reports whether texts are exactly what was said in c.
func matches(c Conversation, texts []string) bool {
	if len(texts) != len(c.Messages) {
		return false
	}
	for i, m := range c.Messages {
		if texts[i] != m.Text {
			return false
		}
	}
	return true
}
