package e2e

import (
	"bytes"
	"crypto/ed25519"
	"errors"
	"slices"
	"sync"
	"testing"
)

// The fuzz targets below feed arbitrary bytes, as an eavesdropper or a
// student editing an archive could produce them, to every function that
// reads this package's wire format: hellos, replies, sealed messages,
// wrapped session keys, escrow fields and device copies. None may panic;
// each fails only with the errors its documentation names; and nothing is
// ever accepted that the legitimate sender did not produce, byte for byte.

// fuzzWorld is one set of parties and one of each thing they put on the
// wire, made from fixed seeds, shared by the fuzz targets.
type fuzzWorld struct {
	alice, bob, carol *Identity
	hello, reply      []byte // alice's hello to bob, and bob's reply
	keys              Keys   // the session's keys
	static            *StaticKey
	authority         *Authority
	device            *DeviceKey
	wrapped           []byte // a session key wrapped to static
	wrappedKeys       Keys   // the keys it gives
	field             []byte // the session's keys escrowed to authority
	copied            []byte // the session's keys sealed to device
}

// helloSeed and replySeed make the handshake's ephemeral keys, so that a
// fuzz target can start the same handshake again for every input.
const (
	helloSeed = 2
	replySeed = 3
)

var fuzzOnce = sync.OnceValues(func() (*fuzzWorld, error) {
	r := chacha(1)
	w := &fuzzWorld{}
	var err error
	for _, id := range []**Identity{&w.alice, &w.bob, &w.carol} {
		if *id, err = NewIdentity(r); err != nil {
			return nil, err
		}
	}
	var hs *Handshake
	if hs, w.hello, err = Initiate(chacha(helloSeed), w.alice, w.bob.Public()); err != nil {
		return nil, err
	}
	var bobS *Session
	if bobS, w.reply, err = Respond(chacha(replySeed), w.bob, w.alice.Public(), w.hello); err != nil {
		return nil, err
	}
	if _, err = hs.Finish(w.reply); err != nil {
		return nil, err
	}
	w.keys = bobS.Keys()
	if w.static, err = NewStaticKey(r); err != nil {
		return nil, err
	}
	if w.authority, err = NewAuthority(r); err != nil {
		return nil, err
	}
	if w.device, err = NewDeviceKey(r); err != nil {
		return nil, err
	}
	var caller *Session
	if w.wrapped, caller, err = StartStatic(r, w.static.Public()); err != nil {
		return nil, err
	}
	w.wrappedKeys = caller.Keys()
	if w.field, err = bobS.EscrowTo(r, w.authority.Public()); err != nil {
		return nil, err
	}
	if w.copied, err = bobS.SealToDevice(r, w.device.Public()); err != nil {
		return nil, err
	}
	return w, nil
})

func fuzzSetup(t testing.TB) *fuzzWorld {
	t.Helper()
	w, err := fuzzOnce()
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// isOneOf reports whether err wraps one of the errors.
func isOneOf(err error, targets ...error) bool {
	for _, e := range targets {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// FuzzRespond feeds an arbitrary hello to bob's Respond, as from alice. It
// fails with ErrMalformed or ErrBadSignature, and succeeds only for the
// hello alice really sent, with a session that talks to hers.
func FuzzRespond(f *testing.F) {
	w := fuzzSetup(f)
	f.Add(w.hello)
	f.Add(w.hello[:HelloSize-1])
	f.Add(append(slices.Clone(w.hello), 0))
	f.Add(w.reply)
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, hello []byte) {
		s, reply, err := Respond(chacha(replySeed), w.bob, w.alice.Public(), hello)
		if err != nil {
			if s != nil || reply != nil || !isOneOf(err, ErrMalformed, ErrBadSignature) {
				t.Fatalf("Respond failed with %v, session %v, reply %x", err, s, reply)
			}
			if len(hello) != HelloSize && !errors.Is(err, ErrMalformed) {
				t.Fatalf("a %d-byte hello: %v", len(hello), err)
			}
			return
		}
		if !bytes.Equal(hello, w.hello) || !bytes.Equal(reply, w.reply) || s.Keys() != w.keys {
			t.Fatalf("Respond accepted hello %x, which alice never sent", hello)
		}
	})
}

// FuzzFinish feeds an arbitrary reply to alice's handshake with bob. It
// fails with ErrMalformed or ErrBadSignature, and succeeds only for the
// reply bob really sent; either way the handshake is then spent.
func FuzzFinish(f *testing.F) {
	w := fuzzSetup(f)
	f.Add(w.reply)
	f.Add(w.reply[:ReplySize-1])
	f.Add(append(slices.Clone(w.reply), 0))
	f.Add(w.hello)
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, reply []byte) {
		hs, hello, err := Initiate(chacha(helloSeed), w.alice, w.bob.Public())
		if err != nil || !bytes.Equal(hello, w.hello) {
			t.Fatalf("Initiate: %v, or another hello", err)
		}
		s, err := hs.Finish(reply)
		if again, err2 := hs.Finish(w.reply); again != nil || err2 == nil {
			t.Fatal("a handshake finished twice")
		}
		if err != nil {
			if s != nil || !isOneOf(err, ErrMalformed, ErrBadSignature) {
				t.Fatalf("Finish failed with %v, session %v", err, s)
			}
			if len(reply) != ReplySize && !errors.Is(err, ErrMalformed) {
				t.Fatalf("a %d-byte reply: %v", len(reply), err)
			}
			return
		}
		if !bytes.Equal(reply, w.reply) || s.Keys() != w.keys {
			t.Fatalf("Finish accepted reply %x, which bob never sent", reply)
		}
	})
}

// FuzzParticipants feeds an arbitrary hello, reply and extra candidate key
// (of any length) to Participants, Ephemerals and DeriveKeys. Participants
// names only the two who really signed, and only for the handshake they
// really ran; the others fail with ErrMalformed for wrong lengths only.
func FuzzParticipants(f *testing.F) {
	w := fuzzSetup(f)
	f.Add(w.hello, w.reply, []byte(w.carol.Public()))
	f.Add(w.hello, w.reply, make([]byte, 32))
	f.Add(w.hello, w.reply, []byte{})
	f.Add(w.reply, w.hello, []byte(w.alice.Public()))
	f.Add(w.hello[:10], w.reply, []byte(w.bob.Public())[:31])
	f.Fuzz(func(t *testing.T, hello, reply, extra []byte) {
		alice, bob := w.alice.Public(), w.bob.Public()
		candidates := []ed25519.PublicKey{w.carol.Public(), extra, bob, alice}
		i, r, ok := Participants(hello, reply, candidates)
		if ok {
			ran := bytes.Equal(hello, w.hello) && bytes.Equal(reply, w.reply)
			if !ran || !bytes.Equal(i, alice) || !bytes.Equal(r, bob) {
				t.Fatalf("Participants named %x and %x for a handshake they did not run", i, r)
			}
		} else if i != nil || r != nil {
			t.Fatal("Participants named someone without ok")
		}
		sized := len(hello) == HelloSize && len(reply) == ReplySize
		ei, er, err := Ephemerals(hello, reply)
		switch {
		case !sized:
			if !errors.Is(err, ErrMalformed) || ei != [32]byte{} || er != [32]byte{} {
				t.Fatalf("Ephemerals of %d and %d bytes: %v", len(hello), len(reply), err)
			}
		case err != nil || !bytes.Equal(ei[:], hello[:32]) || !bytes.Equal(er[:], reply[:32]):
			t.Fatalf("Ephemerals: %x, %x, %v", ei, er, err)
		}
		k, err := DeriveKeys(extra, hello, reply)
		switch {
		case !sized || len(extra) != 32:
			if !errors.Is(err, ErrMalformed) || k != (Keys{}) {
				t.Fatalf("DeriveKeys of %d, %d and %d bytes: %v", len(extra), len(hello), len(reply), err)
			}
		case err != nil || k.InitiatorToResponder == k.ResponderToInitiator:
			t.Fatalf("DeriveKeys: %v", err)
		}
	})
}

// FuzzOpenMessage feeds an arbitrary sealed message to OpenMessage and to
// a session expecting message number next. OpenMessage fails with
// ErrMalformed below the minimum size and ErrAuthentication otherwise, and
// what it opens seals back to the same bytes; the session also refuses an
// authentic message out of turn (ErrReplay), and a refused message leaves
// it able to open the message it expects.
func FuzzOpenMessage(f *testing.F) {
	w := fuzzSetup(f)
	key := w.keys.InitiatorToResponder
	for seq, text := range []string{"", "hello bob", "a longer message, which spans more than one ChaCha20 block of sixty-four bytes"} {
		m := sealMessage(key, uint64(seq), []byte(text))
		f.Add(m, uint8(seq))
		f.Add(m, uint8(seq+1))
		f.Add(m[:len(m)-1], uint8(seq))
	}
	f.Add(sealMessage(w.keys.ResponderToInitiator, 0, []byte("the other way")), uint8(0))
	f.Add([]byte{}, uint8(0))
	f.Fuzz(func(t *testing.T, sealed []byte, next uint8) {
		seq, pt, err := OpenMessage(key, sealed)
		switch {
		case len(sealed) < 8+16:
			if !errors.Is(err, ErrMalformed) || pt != nil || seq != 0 {
				t.Fatalf("a %d-byte message: %d, %q, %v", len(sealed), seq, pt, err)
			}
		case err != nil:
			if !errors.Is(err, ErrAuthentication) || pt != nil || seq != 0 {
				t.Fatalf("a %d-byte message: %d, %q, %v", len(sealed), seq, pt, err)
			}
		case !bytes.Equal(sealMessage(key, seq, pt), sealed):
			t.Fatalf("opened %q as message %d from bytes that do not seal it", pt, seq)
		}

		s := newSession(w.keys, false) // bob's side receives InitiatorToResponder
		s.recvSeq = uint64(next)
		got, serr := s.Open(sealed)
		switch {
		case err != nil:
			want := ErrAuthentication
			if errors.Is(err, ErrMalformed) {
				want = ErrMalformed
			}
			if !errors.Is(serr, want) || got != nil {
				t.Fatalf("Session.Open: %q, %v where OpenMessage said %v", got, serr, err)
			}
		case seq != uint64(next):
			if !errors.Is(serr, ErrReplay) || got != nil {
				t.Fatalf("Session.Open accepted message %d when %d was due: %q, %v", seq, next, got, serr)
			}
		default:
			if serr != nil || !bytes.Equal(got, pt) {
				t.Fatalf("Session.Open: %q, %v; want %q", got, serr, pt)
			}
			return
		}
		if s.recvSeq != uint64(next) {
			t.Fatalf("a refused message moved the session from %d to %d", next, s.recvSeq)
		}
		due := sealMessage(key, uint64(next), []byte("due"))
		if got, err := s.Open(due); err != nil || string(got) != "due" {
			t.Fatalf("after a refused message, the due one gave %q, %v", got, err)
		}
	})
}

// FuzzUnwrap feeds the same arbitrary bytes as a wrapped session key to
// AcceptStatic and UnwrapStatic, as an escrow field to OpenEscrow and as a
// device copy to OpenDeviceCopy. Each fails with ErrMalformed for a wrong
// length and ErrAuthentication otherwise, and opens only what was really
// wrapped to its key.
func FuzzUnwrap(f *testing.F) {
	w := fuzzSetup(f)
	for _, b := range [][]byte{w.wrapped, w.field, w.copied} {
		f.Add(b)
		f.Add(b[:len(b)-1])
		f.Add(append(slices.Clone(b), 0))
	}
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		type opened struct {
			what string
			keys Keys
			err  error
			want []byte
			ok   Keys
		}
		s, err := AcceptStatic(w.static, b)
		var accepted Keys
		if s != nil {
			accepted = s.Keys()
		}
		k1, err1 := UnwrapStatic(w.static.PrivateKey(), b)
		k2, err2 := OpenEscrow(w.authority.PrivateKey(), b)
		k3, err3 := OpenDeviceCopy(w.device.PrivateKey(), b)
		for _, o := range []opened{
			{"AcceptStatic", accepted, err, w.wrapped, w.wrappedKeys},
			{"UnwrapStatic", k1, err1, w.wrapped, w.wrappedKeys},
			{"OpenEscrow", k2, err2, w.field, w.keys},
			{"OpenDeviceCopy", k3, err3, w.copied, w.keys},
		} {
			switch {
			case len(b) != len(o.want):
				if !errors.Is(o.err, ErrMalformed) || o.keys != (Keys{}) {
					t.Fatalf("%s of %d bytes (want %d): %v", o.what, len(b), len(o.want), o.err)
				}
			case o.err != nil:
				if !errors.Is(o.err, ErrAuthentication) || o.keys != (Keys{}) {
					t.Fatalf("%s: %v", o.what, o.err)
				}
			case !bytes.Equal(b, o.want) || o.keys != o.ok:
				t.Fatalf("%s opened %x, which was never wrapped to its key, to %x", o.what, b, o.keys)
			}
		}
		if (s == nil) == (err == nil) {
			t.Fatalf("AcceptStatic gave session %v and error %v", s, err)
		}
	})
}
