package attack

import (
	"maps"
	"slices"
	"time"
)

// Holding is one thing an adversary holds: key material, which opens
// recordings whenever they were made, or an access capability, which
// reads only what passes from its moment on.
type Holding struct {
	Leak   LeakID    // the leak that gave it, if any
	Scheme SchemeID  // the scheme it belongs to
	Since  time.Time // when the adversary got it
	Item   any       // the scheme's own material or capability
}

// Holdings is everything one adversary holds. The zero Holdings is an
// eavesdropper with nothing but the wiretap archive.
type Holdings []Holding

// Merge returns what an adversary holds after receiving o as well as h.
// Neither is changed. Holdings is a list, so nothing can be left out of a
// merge: each scheme combines its own items when it opens sessions.
func (h Holdings) Merge(o Holdings) Holdings {
	return append(slices.Clip(h), o...)
}

// First returns when the adversary first received anything, and false if
// it holds nothing.
func (h Holdings) First() (time.Time, bool) {
	if len(h) == 0 {
		return time.Time{}, false
	}
	first := h[0].Since
	for _, x := range h[1:] {
		if x.Since.Before(first) {
			first = x.Since
		}
	}
	return first, true
}

// Items returns the items of h that belong to scheme, in order.
func (h Holdings) Items(scheme SchemeID) []any {
	var out []any
	for _, x := range h {
		if x.Scheme == scheme {
			out = append(out, x.Item)
		}
	}
	return out
}

// mergeMaps returns the entries of a and b together, b's winning; a is
// reused when it is not nil.
func mergeMaps[K comparable, V any](a, b map[K]V) map[K]V {
	if a == nil {
		a = make(map[K]V, len(b))
	}
	maps.Copy(a, b)
	return a
}
