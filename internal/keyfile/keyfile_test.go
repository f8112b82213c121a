package keyfile

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	f := File{Archive: "a1b2", Scheme: "clipper", Kind: "agent-db", Leak: "agent1-db", Note: "NIST's half of every unit key:\nkeep it safe", Body: []byte("unit_id,component\n0C2B0985,ff5e\n")}
	got, err := ParseBytes(f.Marshal())
	if err != nil {
		t.Fatal(err)
	}
	f.Note = "NIST's half of every unit key: keep it safe" // header values stay on one line
	if got.Archive != f.Archive || got.Scheme != f.Scheme || got.Kind != f.Kind || got.Leak != f.Leak || got.Note != f.Note || !bytes.Equal(got.Body, f.Body) {
		t.Errorf("got %+v, want %+v", got, f)
	}
	if got, err := Parse(strings.NewReader(string(f.Marshal()))); err != nil || !bytes.Equal(got.Body, f.Body) {
		t.Errorf("Parse: %+v, %v", got, err)
	}
}

func TestRefusals(t *testing.T) {
	good := "escrowlab key file\nversion: 1\narchive: a1\nscheme: clipper\nkind: family-key\n\nkf 00\n"
	tests := []struct {
		name, in string
		want     error
	}{
		{"empty", "", ErrNotKeyFile},
		{"another file", "unit_id,component\n", ErrNotKeyFile},
		{"a newer version", strings.Replace(good, "version: 1", "version: 2", 1), ErrVersion},
		{"no version", strings.Replace(good, "version: 1\n", "", 1), ErrVersion},
		{"no archive", strings.Replace(good, "archive: a1\n", "", 1), ErrMalformed},
		{"no kind", strings.Replace(good, "kind: family-key\n", "", 1), ErrMalformed},
		{"an unknown header", strings.Replace(good, "kind:", "colour: red\nkind:", 1), ErrMalformed},
		{"no end to the header", strings.Replace(good, "\n\n", "\n", 1), ErrMalformed},
		{"a huge header line", "escrowlab key file\nnote: " + strings.Repeat("x", 10000) + "\n\n", ErrMalformed},
		{"an archive id that is not hex", strings.Replace(good, "archive: a1", "archive: Alice", 1), ErrMalformed},
		{"a kind with spaces", strings.Replace(good, "kind: family-key", "kind: family key", 1), ErrMalformed},
		{"windows line ends", strings.ReplaceAll(good, "\n", "\r\n"), nil},
	}
	for _, tt := range tests {
		_, err := ParseBytes([]byte(tt.in))
		if !errors.Is(err, tt.want) && !(tt.want == nil && err == nil) {
			t.Errorf("%s: %v, want %v", tt.name, err, tt.want)
		}
	}
	if _, err := Parse(bytes.NewReader(make([]byte, MaxSize+10))); !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrNotKeyFile) {
		t.Errorf("an oversized file: %v", err)
	}
}

// FuzzParse: no input panics, and whatever parses writes back to a file
// that parses the same.
func FuzzParse(f *testing.F) {
	f.Add([]byte(File{Archive: "a1", Scheme: "clipper", Kind: "agent-db", Body: []byte("unit_id,component\n")}.Marshal()))
	f.Add([]byte("escrowlab key file\nversion: 1\n\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		got, err := ParseBytes(in)
		if err != nil {
			return
		}
		again, err := ParseBytes(got.Marshal())
		if err != nil || again.Archive != got.Archive || again.Kind != got.Kind || !bytes.Equal(again.Body, got.Body) {
			t.Fatalf("%+v did not survive a round trip: %+v, %v", got, again, err)
		}
	})
}
