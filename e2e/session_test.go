package e2e_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/escrowlab/escrowlab/e2e"
)

func TestReplayAndReorder(t *testing.T) {
	c := handshake(t, 10)
	m := [][]byte{
		c.aliceS.Seal([]byte("zero")),
		c.aliceS.Seal([]byte("one")),
		c.aliceS.Seal([]byte("two")),
	}
	steps := []struct {
		msg  int
		want error
	}{
		{0, nil},
		{0, e2e.ErrReplay}, // replay
		{2, e2e.ErrReplay}, // skips ahead
		{1, nil},
		{1, e2e.ErrReplay}, // replay
		{0, e2e.ErrReplay}, // old message
		{2, nil},
		{2, e2e.ErrReplay},
	}
	for i, st := range steps {
		got, err := c.bobS.Open(m[st.msg])
		if !errors.Is(err, st.want) || (st.want == nil && err != nil) {
			t.Fatalf("step %d: Open(message %d) error = %v, want %v", i, st.msg, err, st.want)
		}
		if err != nil && got != nil {
			t.Fatalf("step %d: plaintext returned with error", i)
		}
	}
}

func TestTruncated(t *testing.T) {
	c := handshake(t, 11)
	sealed := c.aliceS.Seal([]byte("a message that will be cut short"))
	tests := []struct {
		name string
		n    int
		want error
	}{
		{"empty", 0, e2e.ErrMalformed},
		{"one byte", 1, e2e.ErrMalformed},
		{"sequence only", 8, e2e.ErrMalformed},
		{"one short of a tag", 23, e2e.ErrMalformed},
		{"header and tag only", 24, e2e.ErrAuthentication},
		{"one byte short", len(sealed) - 1, e2e.ErrAuthentication},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := c.bobS.Open(sealed[:tt.n])
			if !errors.Is(err, tt.want) {
				t.Fatalf("error = %v, want %v", err, tt.want)
			}
			if got != nil {
				t.Fatal("plaintext returned with error")
			}
		})
	}
	// Rejected input must not disturb the session.
	got, err := c.bobS.Open(sealed)
	if err != nil || !bytes.Equal(got, []byte("a message that will be cut short")) {
		t.Fatalf("genuine message after rejections: %q, %v", got, err)
	}
}

// TestOpenMessageWrongKey checks that keys derived from a wrong shared
// secret never open captured messages, whatever their sequence number.
func TestOpenMessageWrongKey(t *testing.T) {
	c := handshake(t, 12)
	k, err := e2e.DeriveKeys(make([]byte, 32), c.hello, c.reply)
	if err != nil {
		t.Fatal(err)
	}
	for i, text := range []string{"a", "b", "c"} {
		sealed := c.bobS.Seal([]byte(text))
		for _, key := range [][32]byte{k.ResponderToInitiator, k.InitiatorToResponder, {}} {
			seq, got, err := e2e.OpenMessage(key, sealed)
			if !errors.Is(err, e2e.ErrAuthentication) || got != nil || seq != 0 {
				t.Fatalf("message %d with wrong key: seq %d, %q, %v", i, seq, got, err)
			}
		}
		if got, err := c.aliceS.Open(sealed); err != nil || string(got) != text {
			t.Fatalf("message %d with real session: %q, %v", i, got, err)
		}
	}
}
