package archive

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/internal/tapfile"
	"github.com/escrowlab/escrowlab/internal/wire"
)

// A header a capture could not have written is refused: the calls it
// counts bound every count a decryption reports.
func TestParseHeaderRefuses(t *testing.T) {
	good := Header{Format: Format, Version: Version, Archive: "0123456789abcdef0123456789abcdef", Start: DefaultStart, Sessions: 4,
		People: []string{"Alice", "Bob"}, Schemes: []SchemeHeader{{ID: attack.ClipperID}, {ID: attack.E2EForwardSecretID}}}
	parse := func(h Header) error {
		b, err := json.Marshal(h)
		if err != nil {
			t.Fatal(err)
		}
		_, err = parseHeader(b)
		return err
	}
	if err := parse(good); err != nil {
		t.Fatalf("a good header: %v", err)
	}
	for name, edit := range map[string]func(*Header){
		"no calls":        func(h *Header) { h.Sessions = 0 },
		"negative calls":  func(h *Header) { h.Sessions = -3 },
		"too many calls":  func(h *Header) { h.Sessions = MaxSessions + 1 },
		"a scheme twice":  func(h *Header) { h.Schemes = append(h.Schemes, SchemeHeader{ID: attack.ClipperID}) },
		"no scheme":       func(h *Header) { h.Schemes = nil },
		"another format":  func(h *Header) { h.Format = "escrowlab.other" },
		"a short id":      func(h *Header) { h.Archive = "0123" },
		"another version": func(h *Header) { h.Version = Version + 1 },
	} {
		h := good
		h.Schemes = append([]SchemeHeader(nil), good.Schemes...)
		edit(&h)
		if err := parse(h); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// A capture record for a call the header does not count is refused, so
// that no scheme can count more calls opened than were captured.
func TestJobRefusesCallsBeyondTheHeader(t *testing.T) {
	a := &reading{h: Header{Start: DefaultStart, Sessions: 4, Schemes: make([]SchemeHeader, 2)}, schemes: make([]attack.Reading, 2)}
	for session, want := range map[uint64]bool{0: false, 1: true, 4: true, 5: false, 48: false, MaxSessions: false} {
		body := wire.AppendUint(wire.AppendUint([]byte{1}, session), 60)
		j, why := a.job(tapfile.Record{Kind: tapfile.KindCapture, Body: body})
		ok := why == ""
		if ok != want || ok && j.session != int(session) {
			t.Errorf("call %d of 4: %+v, %v", session, j, ok)
		}
		if !ok && why != fmt.Sprintf("call %d of an archive of calls 1 to 4", session) {
			t.Errorf("call %d of 4 refused as %q", session, why)
		}
	}
}
