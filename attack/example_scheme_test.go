package attack_test

import (
	"bytes"
	"crypto/cipher"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"sync"
	"time"

	"golang.org/x/crypto/chacha20poly1305"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/internal/framing"
	"github.com/escrowlab/escrowlab/internal/wire"
)

// relayID is a scheme registered only by this example: chat through a
// server that decrypts each message and encrypts it again for the
// receiver, as chat services did before end-to-end encryption.
const relayID attack.SchemeID = "relay"

// The leaks that come with it. relayTap is an intruder inside the server,
// which from that moment copies every message it relays: an access
// capability, which reads nothing recorded earlier. relayKeys is the
// server's database of every account's key: key material, which opens
// every recorded call.
const (
	relayTap  attack.LeakID = "relay-tap"
	relayKeys attack.LeakID = "relay-keys"
)

func init() {
	attack.RegisterScheme(attack.SchemeInfo{
		ID: relayID, Title: "a relay server (example)", Order: 1000,
		Description: "chat through a server that decrypts and re-encrypts every message",
		New:         func(env attack.Env) (attack.Scheme, error) { return &relay{keys: map[*attack.Person][]byte{}}, nil },
		// Restored from an archive to read it with key files, the relay
		// needs nothing: its opener names no one.
		Restore: func([]byte, []*attack.Person) (attack.Reading, error) { return &relay{}, nil },
	})
	attack.RegisterLeak(attack.LeakInfo{ID: relayTap, Words: "a tap inside the relay server", Access: true, Order: 1000})
	attack.RegisterLeak(attack.LeakInfo{ID: relayKeys, Words: "the relay server's keys", Order: 1001})
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

// relayDB is the server's key database: each account's key, by name.
type relayDB map[string][]byte

func (r *relay) Enrol(p *attack.Person, rand io.Reader) error {
	k := make([]byte, chacha20poly1305.KeySize)
	_, err := io.ReadFull(rand, k)
	r.keys[p] = k
	return err
}

// Call seals each message to the server, which opens it, passes a copy to
// every tap, and seals it again for the receiver. The wiretap records
// the second hop, from the server to the receiver.
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

// Lose installs a tap in the server, which from now on copies what
// passes, or gives away the server's keys.
func (r *relay) Lose(id attack.LeakID, t attack.Target) ([]any, error) {
	switch id {
	case relayTap:
		tap := &relayCopies{}
		r.taps = append(r.taps, tap)
		return []any{tap}, nil
	case relayKeys:
		db := relayDB{}
		for p, k := range r.keys {
			db[p.Name] = k
		}
		return []any{db}, nil
	}
	return nil, nil
}

// Opener reads what the adversary's taps copied, and tries its keys.
func (r *relay) Opener(h attack.Holdings) (attack.Opener, error) {
	var o relayOpener
	for _, it := range h.Items(relayID) {
		switch x := it.(type) {
		case *relayCopies:
			o.taps = append(o.taps, x)
		case relayDB:
			for _, k := range x {
				aead, err := chacha20poly1305.New(k)
				if err != nil {
					return nil, err
				}
				o.keys = append(o.keys, aead)
			}
		}
	}
	return o, nil
}

type relayOpener struct {
	taps []*relayCopies
	keys []cipher.AEAD
}

// Open returns what a tap copied of the call or, if the adversary's keys
// open every hop, the messages.
func (o relayOpener) Open(c attack.Capture) attack.Opening {
	for _, t := range o.taps {
		if texts, ok := (*t)[c.Session]; ok {
			return attack.Opening{Texts: texts}
		}
	}
	hops, _ := c.Record.([][]byte)
	var texts []string
	for _, hop := range hops {
		text, ok := o.openHop(hop)
		if !ok {
			return attack.Opening{}
		}
		texts = append(texts, text)
	}
	return attack.Opening{Texts: texts}
}

// openHop opens one hop with whichever key fits.
func (o relayOpener) openHop(hop []byte) (string, bool) {
	for _, k := range o.keys {
		if _, plain, err := framing.Open(k, hop); err == nil {
			return string(plain), true
		}
	}
	return "", false
}

// The codec takes the relay to disk (see attack.Codec): its records in a
// wiretap archive, and the server's keys as a file a spreadsheet opens.
// A record read from disk may be damaged or hostile: it is read with
// strict limits, and never past its end.
const (
	maxHops = 1 << 10 // messages in a call
	maxHop  = 1 << 16 // bytes in a sealed message
)

// Directory is empty: the relay's opener names no one.
func (r *relay) Directory() ([]byte, error) { return nil, nil }

// AppendRecord writes a call: how many hops, then each sized by a prefix.
func (r *relay) AppendRecord(dst []byte, rec attack.Record) ([]byte, error) {
	hops, ok := rec.([][]byte)
	if !ok || len(hops) > maxHops {
		return nil, fmt.Errorf("a %T of more than %d hops, or not a relay record", rec, maxHops)
	}
	dst = wire.AppendUint(dst, uint64(len(hops)))
	for _, h := range hops {
		if len(h) > maxHop {
			return nil, fmt.Errorf("a hop of %d bytes, more than %d", len(h), maxHop)
		}
		dst = wire.AppendBytes(dst, h)
	}
	return dst, nil
}

// ParseRecord reads what AppendRecord wrote, and nothing more.
func (r *relay) ParseRecord(b []byte) (attack.Record, error) {
	rd := wire.NewReader(b)
	var hops [][]byte
	for range rd.Count(maxHops, 1) {
		hops = append(hops, bytes.Clone(rd.Bytes(maxHop)))
	}
	if err := rd.Done(); err != nil {
		return nil, err
	}
	return hops, nil
}

// KeyParts writes the server's keys, one account a row. A tap is not key
// material: no file can carry what it has yet to copy.
func (r *relay) KeyParts(item any) ([]attack.KeyPart, error) {
	db, ok := item.(relayDB)
	if !ok {
		return nil, fmt.Errorf("a %T: %w", item, attack.ErrNotKeyMaterial)
	}
	rows := [][]string{{"account", "key"}}
	for _, name := range slices.Sorted(maps.Keys(db)) {
		rows = append(rows, []string{name, hex.EncodeToString(db[name])})
	}
	var b bytes.Buffer
	err := csv.NewWriter(&b).WriteAll(rows)
	return []attack.KeyPart{{Kind: "account-keys", Owner: "relay server", Body: b.Bytes()}}, err
}

// ParseItem reads the server's keys back, naming the line of any error.
func (r *relay) ParseItem(kind string, body []byte) (any, error) {
	if kind != "account-keys" {
		return nil, fmt.Errorf("%q: %w", kind, attack.ErrUnknownKind)
	}
	cr := csv.NewReader(bytes.NewReader(body))
	if header, err := cr.Read(); err != nil || !slices.Equal(header, []string{"account", "key"}) {
		return nil, errors.New(`the first line should read "account,key"`)
	}
	db := relayDB{}
	for {
		row, err := cr.Read()
		if err == io.EOF {
			return db, nil
		}
		if err != nil {
			return nil, err // a csv.ParseError names the line
		}
		key, err := hex.DecodeString(row[1])
		if err != nil || len(key) != chacha20poly1305.KeySize {
			line, _ := cr.FieldPos(1)
			return nil, fmt.Errorf("line %d: the key is not %d bytes of hexadecimal", line, chacha20poly1305.KeySize)
		}
		db[row[0]] = key
	}
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

// A scheme's codec takes it to disk and back. Restored from its directory,
// the scheme reads its records from an archive and its key material from
// files, and opens what the leak itself opens.
func ExampleCodec() {
	w, _ := attack.NewWorld(attack.Config{People: []string{"Alice", "Bob"}, Seed: 1, Schemes: []attack.SchemeID{relayID}})
	w.Call(w.People[0], w.People[1], []attack.Message{{FromCaller: true, Text: "Hello"}, {Text: "Hi"}})
	s, _ := w.Scheme(relayID)
	codec := s.(attack.Codec)
	info, _ := attack.LookupScheme(string(relayID))
	dir, _ := codec.Directory()
	restored, _ := info.Restore(dir, w.People)

	held, _ := w.Leak(relayKeys, attack.Target{})
	parts, _ := codec.KeyParts(held[0].Item)
	item, _ := restored.ParseItem(parts[0].Kind, parts[0].Body)
	o, _ := restored.Opener(attack.Holdings{{Scheme: relayID, Item: item}})
	for _, c := range w.Tap.Captures(relayID) {
		b, _ := codec.AppendRecord(nil, c.Record)
		c.Record, _ = restored.ParseRecord(b)
		fmt.Printf("%s file, %d lines: %q\n", parts[0].Kind, bytes.Count(parts[0].Body, []byte("\n")), o.Open(c).Texts)
	}
	// Output: account-keys file, 3 lines: ["Hello" "Hi"]
}
