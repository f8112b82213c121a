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
	c := RandomConversation(rng, w.People, messages)
	return w.Call(c.Caller, c.Callee, c.Messages)
}

// RandomConversation chooses, with rng, a random pair among people (at
// least two) and messages lines of random words, leaving the session
// number and time to the caller.
func RandomConversation(rng *rand.Rand, people []*Person, messages int) Conversation {
	a := people[rng.IntN(len(people))]
	b := people[rng.IntN(len(people)-1)]
	if b == a {
		b = people[len(people)-1]
	}
	msgs := make([]Message, messages)
	for i := range msgs {
		text := words[rng.IntN(len(words))]
		for range 2 + rng.IntN(5) {
			text += " " + words[rng.IntN(len(words))]
		}
		msgs[i] = Message{FromCaller: i%2 == 0, Text: text}
	}
	return Conversation{Caller: a, Callee: b, Messages: msgs}
}
