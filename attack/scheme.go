package attack

import (
	"fmt"
	"strings"
)

// Scheme names a way of protecting a call. The ids are stable: they appear
// in output and in JSON.
type Scheme string

// The schemes a World records every conversation under.
const (
	// Clipper is the Escrowed Encryption Standard: Skipjack traffic with a LEAF.
	Clipper Scheme = "clipper"
	// Threshold is Clipper with each unit key split k-of-n among n escrow
	// agents instead of 2-of-2 (docs/extending.md builds it step by step).
	Threshold Scheme = "threshold"
	// SIM is GSM-style mobile encryption: a key shared by each SIM and its
	// operator, and known to the SIM's manufacturer.
	SIM Scheme = "sim"
	// E2EStatic is end-to-end encryption without forward secrecy: a session
	// key sent encrypted to the recipient's long-term key, as classic PGP did.
	E2EStatic Scheme = "e2e-static"
	// E2EForwardSecret is end-to-end encryption with an ephemeral handshake
	// per session.
	E2EForwardSecret Scheme = "e2e-fs"
	// E2EEscrowed is forward-secret E2E plus a copy of every session's keys
	// sealed to an authority: "exceptional access" as demanded in 2015.
	E2EEscrowed Scheme = "e2e-escrowed"
)

// Schemes lists every scheme in display order.
var Schemes = []Scheme{Clipper, Threshold, SIM, E2EStatic, E2EForwardSecret, E2EEscrowed}

// ParseScheme returns the scheme with the given id.
func ParseScheme(id string) (Scheme, error) { return parseID(Schemes, "scheme", id) }

// parseID returns the id in ids equal to id, or an error listing them.
func parseID[T ~string](ids []T, kind, id string) (T, error) {
	for _, x := range ids {
		if string(x) == id {
			return x, nil
		}
	}
	return "", fmt.Errorf("unknown %s %q (want one of %s)", kind, id, IDs(ids))
}

// IDs lists ids, comma-separated, for messages and help text.
func IDs[T ~string](ids []T) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = string(id)
	}
	return strings.Join(s, ", ")
}
