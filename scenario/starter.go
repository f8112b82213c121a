package scenario

import (
	"strings"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/internal/ids"
)

// ValidID reports whether id can name a scenario: lower-case letters,
// digits and dashes, starting with a letter or digit.
func ValidID(id string) bool { return idPattern.MatchString(id) }

// Starter returns a commented scenario file with the given id: a working
// lesson for a teacher to edit. It passes check and its predictions hold.
func Starter(id string) string {
	return strings.NewReplacer("{{ID}}", id, "{{SCHEMES}}", ids.Join(attack.SchemeIDs())).Replace(starter)
}

const starter = `# An escrowlab scenario. Every key is described in docs/scenario-format.md.
#   check it:  escrowlab scenario check {{ID}}.yaml
#   run it:    escrowlab scenario run {{ID}}.yaml

id: {{ID}}
title: "My lesson: what does a leak of the escrow databases open?"
summary: >
  Alice and Bob talk under Clipper and under end-to-end encryption. On day 45 both
  escrow databases and the family key leak. Predict what the intruder reads, then run.

# The people you name. More are added, with generated names, to reach traffic.people.
cast: [Alice, Bob, Carol]

# Schemes to record and measure: {{SCHEMES}}.
schemes: [clipper, e2e-fs]

traffic:
  people: 6        # everyone, the cast included
  sessions: 20     # background calls, at random times
  messages: 2      # lines per background call
  days: 90         # how long the story lasts
  seed: 1          # the same seed gives the same run; --seed overrides it

# What happens, in day order: call, warrant, leak, seize, forge or narrate.
events:
  - day: 10
    call: {from: Alice, to: Bob, say: ["Did you get the files?", "Yes. I burned the copies."]}
  - day: 30
    narrate: "Ask the room: if the escrow databases leak on day 45, which calls open?"
  - day: 45
    leak: escrow-dbs          # goes to the adversary called intruder unless you add: to: NAME

# Predictions, checked after the run: all, none, some, a number, or a percentage like 50%.
expect:
  - {scheme: clipper, opens: all}        # past and future calls alike
  - {scheme: e2e-fs, opens: none}
  - {scheme: clipper, metadata: all}     # who called whom
`
