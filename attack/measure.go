package attack

import (
	"encoding/hex"
	"slices"
	"time"
)

// Exposure is what one attacker got out of one scheme's archive.
type Exposure struct {
	Scheme       Scheme
	Total        int         // sessions in the archive
	Opened       int         // sessions whose every message was recovered exactly as sent
	OpenedBefore int         // of those, sessions held before the leak
	OpenedAfter  int         // of those, sessions held at or after the leak
	Wrong        int         // sessions that decrypted to something other than what was said
	Metadata     int         // sessions whose two endpoints the attacker identified correctly
	Recovered    []Recovered // the opened sessions, oldest first
}

// Recovered is one session an attacker opened, with what it read.
type Recovered struct {
	Conversation Conversation
	Texts        []string
}

// Measure runs attacker a over every captured session of one scheme and
// checks each result against sent, the ground truth. Sessions at or after
// leakAt count as after the leak.
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
		if known && slices.Equal(a.Endpoints(c), endpoints(conv, c.Scheme)) {
			e.Metadata++
		}
		texts, err := a.Open(c)
		if err != nil {
			continue
		}
		if !known || !matches(conv, texts) {
			e.Wrong++
			continue
		}
		e.Opened++
		if c.At.Before(leakAt) {
			e.OpenedBefore++
		} else {
			e.OpenedAfter++
		}
		e.Recovered = append(e.Recovered, Recovered{Conversation: conv, Texts: texts})
	}
	return e
}

// endpoints returns the true identifiers of a conversation's two parties,
// in the form Attacker.Endpoints reports them.
func endpoints(c Conversation, scheme Scheme) []string {
	var ids []string
	switch scheme {
	case Clipper:
		ids = []string{unitEndpoint(c.Caller.Chip.UnitID()), unitEndpoint(c.Callee.Chip.UnitID())}
	case Threshold:
		ids = []string{unitEndpoint(c.Caller.ThresholdChip.UnitID()), unitEndpoint(c.Callee.ThresholdChip.UnitID())}
	case SIM:
		ids = []string{simEndpoint(c.Caller.SIM.IMSI()), simEndpoint(c.Callee.SIM.IMSI())}
	default:
		ids = []string{hex.EncodeToString(c.Caller.Identity.Public()), hex.EncodeToString(c.Callee.Identity.Public())}
	}
	slices.Sort(ids)
	return ids
}

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
