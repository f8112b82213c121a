package scenario

import (
	"embed"
	"fmt"
	"sync"
)

// builtinFiles are the built-in scenarios written as data, in the same
// format teachers use (docs/scenario-format.md).
//
//go:embed builtin/*.yaml
var builtinFiles embed.FS

// builtinOrder is the order of the built-ins in listings: the tour, then
// the story from 1994 to 2024.
var builtinOrder = []string{"lawful-access", "escrow-leak", "family-key-leak", "warrant-overreach", "rogue-leaf", "forward-secrecy", "athens-2005", "sim-key-heist", "exceptional-access-2015", "ghost-2018", "salt-typhoon-2024", "threshold-escrow"}

// loadBuiltins parses the embedded scenarios once. They are part of the
// program, so a parse error is a bug caught by the tests, reported by every
// call that needs them.
var loadBuiltins = sync.OnceValues(func() ([]Scenario, error) {
	out := []Scenario{tourScenario()}
	for _, id := range builtinOrder {
		name := "builtin/" + id + ".yaml"
		src, err := builtinFiles.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("built-in scenario %s: %w", id, err)
		}
		spec, err := Parse(name, src)
		if err != nil {
			return nil, fmt.Errorf("built-in scenario %s: %w", id, err)
		}
		out = append(out, FromSpec(spec))
	}
	return out, nil
})
