package attack

// Scheme names a way of protecting a call. The ids are stable: they appear
// in output and in JSON.
type Scheme string

// The schemes a World records every conversation under.
const (
	// Clipper is the Escrowed Encryption Standard: Skipjack traffic with a LEAF.
	Clipper Scheme = "clipper"
	// E2EForwardSecret is end-to-end encryption with an ephemeral handshake
	// per session (package e2e).
	E2EForwardSecret Scheme = "e2e-fs"
)

// Schemes lists every scheme in display order.
var Schemes = []Scheme{Clipper, E2EForwardSecret}
