package archive

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/escrowlab/escrowlab/attack"
)

// Format and Version name what an archive's header record holds.
const (
	Format  = "escrowlab.wiretap"
	Version = 1
)

// Header is an archive's first record: what it holds and the public facts
// needed to read it, never a secret. The seed that made the world is not
// in it: the seed would give every key away.
type Header struct {
	Format   string         `json:"format"`
	Version  int            `json:"version"`
	Archive  string         `json:"archive"`  // this archive's id, which its key files repeat
	Start    time.Time      `json:"start"`    // the first day of the calls
	Sessions int            `json:"sessions"` // calls captured, each under every scheme
	People   []string       `json:"people"`
	Schemes  []SchemeHeader `json:"schemes"`
}

// SchemeHeader is one scheme in an archive: its id and its public
// directory (whose unit ID, identity key or phone number is whose).
type SchemeHeader struct {
	ID        attack.SchemeID `json:"id"`
	Directory string          `json:"directory"`
}

// End is an archive's last record: how many capture records precede it,
// so that a reader knows nothing was cut off. It holds no timing, so that
// the same seed gives the same archive on any machine.
type End struct {
	Captures int `json:"captures"`
}

// parseHeader reads and checks a header record.
func parseHeader(body []byte) (Header, error) {
	var h Header
	if err := json.Unmarshal(body, &h); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			return h, fmt.Errorf("archive: the header's %q holds a JSON %s, not what the format says (docs/archive-format.md)", te.Field, te.Value)
		}
		return h, errors.New("archive: the header record is not the JSON the format says (docs/archive-format.md)")
	}
	switch {
	case h.Format != Format:
		return h, fmt.Errorf("archive: header names format %q, want %q", h.Format, Format)
	case h.Version != Version:
		return h, fmt.Errorf("archive: format version %d; this escrowlab reads version %d", h.Version, Version)
	case !isHexID(h.Archive):
		return h, fmt.Errorf("archive: header has no valid archive id")
	case h.Sessions < 1 || h.Sessions > MaxSessions:
		return h, fmt.Errorf("archive: header counts %d calls, want 1 to %d", h.Sessions, MaxSessions)
	case len(h.Schemes) == 0 || len(h.Schemes) > 255:
		return h, fmt.Errorf("archive: header lists %d schemes, want 1 to 255", len(h.Schemes))
	}
	for i, s := range h.Schemes {
		if slices.IndexFunc(h.Schemes[:i], func(o SchemeHeader) bool { return o.ID == s.ID }) >= 0 {
			return h, fmt.Errorf("archive: header lists scheme %s twice", s.ID)
		}
	}
	return h, nil
}

// isHexID reports whether s is an archive id: 32 lower-case hex digits.
func isHexID(s string) bool {
	if len(s) != 32 {
		return false
	}
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}
