package attack

import (
	"fmt"
	"math/rand/v2"
)

// words make up generated messages.
var words = []string{"meet", "tomorrow", "account", "contract", "clinic", "vote", "shipment", "lawyer", "deposit", "source", "draft", "password", "station", "friday", "invoice", "border", "ticket", "report", "doctor", "office"}

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
