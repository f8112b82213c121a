package attack_test

import (
	"fmt"
	"io"
	"sync"
	"time"

	"golang.org/x/crypto/chacha20poly1305"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/internal/framing"
)

// relayID is a scheme registered only by this example: chat through a
// server that decrypts each message and encrypts it again for the
// receiver, as chat services did before end-to-end encryption.
const relayID attack.SchemeID = "relay"

// relayTap is the leak that comes with it: an intruder inside the server,
// which from that moment copies every message it relays. An access
// capability, not key material: it reads nothing recorded earlier.
const relayTap attack.LeakID = "relay-tap"

func init() {
	attack.RegisterScheme(attack.SchemeInfo{
		ID: relayID, Title: "a relay server (example)", Order: 1000,
		Description: "chat through a server that decrypts and re-encrypts every message",
		New:         func(env attack.Env) (attack.Scheme, error) { return &relay{keys: map[*attack.Person][]byte{}}, nil },
	})
	attack.RegisterLeak(attack.LeakInfo{ID: relayTap, Words: "a tap inside the relay server", Access: true, Order: 1000})
}

// relay is the scheme: a key each person shares with the server, and the
// taps installed in the server.
type relay struct {
	keys map[*attack.Person][]byte
	mu   sync.Mutex // calls may run at once; taps are shared
	taps []*relayCopies
}

// relayCopies is what one tap has copied: each session's messages.
type relayCopies map[int][]string

func (r *relay) Enrol(p *attack.Person, rand io.Reader) error {
	k := make([]byte, chacha20poly1305.KeySize)
	_, err := io.ReadFull(rand, k)
	r.keys[p] = k
	return err
}

// Call seals each message to the server, which opens it, passes a copy to
// every tap, and seals it again for the receiver. The wiretap sees both
// hops.
func (r *relay) Call(c *attack.Conversation, rand io.Reader) (attack.Record, error) {
	var hops [][]byte
	for i, m := range c.Messages {
		up, _ := chacha20poly1305.New(r.keys[c.Sender(m)])
		down, _ := chacha20poly1305.New(r.keys[c.Receiver(m)])
		_, plain, err := framing.Open(up, framing.Seal(up, uint64(i), []byte(m.Text)))
		if err != nil {
			return nil, err
		}
		r.mu.Lock()
		for _, t := range r.taps {
			(*t)[c.Session] = append((*t)[c.Session], string(plain))
		}
		r.mu.Unlock()
		hops = append(hops, framing.Seal(down, uint64(i), plain))
	}
	return hops, nil
}

// Lose installs a tap in the server: from now on it copies what passes.
func (r *relay) Lose(id attack.LeakID, t attack.Target) ([]any, error) {
	if id != relayTap {
		return nil, nil
	}
	tap := &relayCopies{}
	r.taps = append(r.taps, tap)
	return []any{tap}, nil
}

// Opener reads what the adversary's taps copied.
func (r *relay) Opener(h attack.Holdings) (attack.Opener, error) {
	var o relayOpener
	for _, it := range h.Items(relayID) {
		if t, ok := it.(*relayCopies); ok {
			o = append(o, t)
		}
	}
	return o, nil
}

type relayOpener []*relayCopies

func (o relayOpener) Open(c attack.Capture) attack.Opening {
	for _, t := range o {
		if texts, ok := (*t)[c.Session]; ok {
			return attack.Opening{Texts: texts}
		}
	}
	return attack.Opening{}
}

// A scheme is one type in one file, registered once. This one comes with
// an access capability: a tap that reads what passes after it is planted,
// and nothing recorded before.
func ExampleRegisterScheme() {
	w, _ := attack.NewWorld(attack.Config{People: []string{"Alice", "Bob"}, Seed: 1, Schemes: []attack.SchemeID{relayID}})
	alice, bob := w.People[0], w.People[1]
	say := []attack.Message{{FromCaller: true, Text: "Hello"}, {Text: "Hi"}}
	for range 3 {
		w.Call(alice, bob, say)
		w.Advance(time.Hour)
	}
	tapped := w.Now()
	held, _ := w.Leak(relayTap, attack.Target{})
	for range 2 {
		w.Call(bob, alice, say)
		w.Advance(time.Hour)
	}
	a, _ := attack.NewAttacker(w, held)
	e := attack.Measure(a, w.Tap.Captures(relayID), w.Sent(), tapped)
	fmt.Printf("opened %d of %d: %d before the tap, %d after\n", e.Opened, e.Total, e.OpenedBefore, e.OpenedAfter)
	// Output: opened 2 of 5: 0 before the tap, 2 after
}
