package attack

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// words make up generated messages.
var words = []string{"meet", "tomorrow", "account", "contract", "clinic", "vote", "shipment", "lawyer", "deposit", "source", "draft", "password", "station", "friday", "invoice", "border", "ticket", "report", "doctor", "office"}

// RandomCalls has n calls between random pairs of people, each of two to
// four messages of random words, spaced by random gaps averaging gap. Its
// choices come from the world's traffic stream, which no scheme draws
// from.
func (w *World) RandomCalls(n int, gap time.Duration) error {
	for range n {
		w.Advance(gap/2 + time.Duration(w.traffic.Int64N(int64(gap)+1)))
		if _, err := w.RandomCall(w.traffic, 2+w.traffic.IntN(3)); err != nil {
			return err
		}
	}
	return nil
}

// RandomCall has one call, now, between a random pair of people, with
// messages lines of random words chosen with rng.
func (w *World) RandomCall(rng *rand.Rand, messages int) (Conversation, error) {
	if len(w.People) < 2 {
		return Conversation{}, fmt.Errorf("attack: random calls need at least two people, have %d", len(w.People))
	}
	a := w.People[rng.IntN(len(w.People))]
	b := w.People[rng.IntN(len(w.People)-1)]
	if b == a {
		b = w.People[len(w.People)-1]
	}
	msgs := make([]Message, messages)
	for i := range msgs {
		text := words[rng.IntN(len(words))]
		for range 2 + rng.IntN(5) {
			text += " " + words[rng.IntN(len(words))]
		}
		msgs[i] = Message{FromCaller: i%2 == 0, Text: text}
	}
	return w.Call(a, b, msgs)
}
