package attack

import "time"

// Wiretap records what a passive eavesdropper on the network sees of every
// session, under every scheme. It does not see names: only bytes on the
// wire and when they passed.
type Wiretap struct {
	captures []Capture
}

// Capture is what the wiretap saw of one session under one scheme.
type Capture struct {
	Session int       // the conversation's number, the same under every scheme
	At      time.Time // when the session began
	Scheme  SchemeID
	Record  Record // the scheme's own record of what crossed the wire
}

// record appends c to the archive.
func (t *Wiretap) record(c Capture) { t.captures = append(t.captures, c) }

// Captures returns one scheme's archive, oldest first, or every scheme's
// if scheme is empty.
func (t *Wiretap) Captures(scheme SchemeID) []Capture {
	var out []Capture
	for _, c := range t.captures {
		if scheme == "" || c.Scheme == scheme {
			out = append(out, c)
		}
	}
	return out
}

// Capture returns what the wiretap recorded of session under scheme.
func (t *Wiretap) Capture(session int, scheme SchemeID) (Capture, bool) {
	for _, c := range t.captures {
		if c.Session == session && c.Scheme == scheme {
			return c, true
		}
	}
	return Capture{}, false
}
