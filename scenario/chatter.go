package scenario

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/escrowlab/escrowlab/attack"
)

// lines are everyday exchanges for background calls: ordinary private
// business, the kind an archive of everyone's traffic is full of.
var lines = [][2]string{
	{"Can you pick up the kids at four?", "Yes, I'll be there by ten to."},
	{"The lab results came back. Can we talk tonight?", "Of course. Call me after eight."},
	{"I've sent the contract. Don't sign before the lawyer reads it.", "Understood. I'll wait for her notes."},
	{"The source wants to meet again next week.", "Same place. Come alone."},
	{"Transfer the deposit to the new account.", "Done. Reference number to follow."},
	{"Happy birthday! Dinner on Saturday?", "Thank you! Saturday works."},
	{"The union vote is closer than we thought.", "Then we call everyone again tomorrow."},
	{"My visa interview is on the twelfth.", "Good luck. Bring every letter."},
	{"The prototype failed the heat test again.", "Let's keep it quiet until we know why."},
	{"I'm thinking of leaving the firm.", "Let's talk before you tell anyone."},
	{"The clinic moved my appointment to Monday.", "I'll drive you. Nine o'clock?"},
	{"Our bid is four point two million. Not a cent more.", "Agreed. I'll hold the line."},
}

// exchange returns a two-line conversation.
func exchange(l [2]string) []attack.Message {
	return []attack.Message{{FromCaller: true, Text: l[0]}, {FromCaller: false, Text: l[1]}}
}

// chatter has n background calls between random pairs, spaced by random
// gaps averaging gap, and returns them. If with is not nil, it is one
// party of every call.
func chatter(w *attack.World, rng *rand.Rand, n int, gap time.Duration, with *attack.Person) ([]attack.Conversation, error) {
	var out []attack.Conversation
	for range n {
		w.Advance(gap/2 + time.Duration(rng.Int64N(int64(gap))))
		a := w.People[rng.IntN(len(w.People))]
		if with != nil {
			a = with
		}
		b := a
		for b == a {
			b = w.People[rng.IntN(len(w.People))]
		}
		c, err := w.Call(a, b, exchange(lines[rng.IntN(len(lines))]))
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// callValues lists calls one per line, nested under the value before
// them: number, date, and who called whom, as ground truth the wiretap
// never sees.
func callValues(convs []attack.Conversation) []Value {
	var vs []Value
	for _, c := range convs {
		vs = append(vs, sub(text(callName(c), c.Caller.Name+" to "+c.Callee.Name)))
	}
	return vs
}

// callName names a call by its number and date: "call 3, 13 Mar 1994".
func callName(c attack.Conversation) string {
	return fmt.Sprintf("call %d, %s", c.Session, c.At.Format(dateFormat))
}

// callNumbers lists calls by number: "calls 1, 3 and 6", "call 4" or
// "none".
func callNumbers(convs []attack.Conversation) string {
	s := make([]string, len(convs))
	for i, c := range convs {
		s[i] = fmt.Sprint(c.Session)
	}
	switch len(s) {
	case 0:
		return "none"
	case 1:
		return "call " + s[0]
	}
	return "calls " + strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

// dateFormat is how the tour writes dates.
const dateFormat = "2 Jan 2006"
