package report

import (
	"slices"

	"github.com/escrowlab/escrowlab/scenario"
)

// graphLines draws who holds what as a list of arrows, one per key handed
// over, in the order they happened: the giver in a column, the key on the
// arrow, the receiver after it. A key taken in a leak has a heavy arrow
// and says so. Holders no key reaches or leaves are listed last.
func graphLines(g *scenario.Graph, w int) []string {
	fromW := 0
	for _, e := range g.Edges {
		fromW = max(fromW, width(e.From))
	}
	fromW = min(fromW, w/3)
	var out []string
	for _, e := range g.Edges {
		out = append(out, edgeLines(e, fromW, w)...)
	}
	for _, n := range g.Nodes {
		if !slices.ContainsFunc(g.Edges, func(e scenario.Edge) bool { return e.From == n || e.To == n }) {
			out = append(out, wrap(n+": no key passes in or out", w)...)
		}
	}
	out = append(out, wrap("── handed over; ━━ taken in a leak", w)...)
	return out
}

// edgeLines writes one arrow: "NIST  ── Alice's KU1, 26 Mar 1994 ──▶ FBI",
// or, if it does not fit, the giver and receiver on one line and the key
// under them.
func edgeLines(e scenario.Edge, fromW, w int) []string {
	line, head := "──", "──▶"
	key := e.Key
	if e.When != "" {
		key += ", " + e.When
	}
	if e.Leak {
		line, head, key = "━━", "━━▶", "leak: "+key
	}
	from := e.From + spaces(fromW-width(e.From))
	s := from + "  " + line + " " + key + " " + head + " " + e.To
	if width(s) <= w {
		return []string{s}
	}
	out := wrap(e.From+" "+head+" "+e.To, w)
	for _, l := range wrap(key, w-4) {
		out = append(out, "    "+l)
	}
	return out
}
