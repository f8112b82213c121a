// Package cast names the people of generated worlds.
package cast

import "fmt"

// names are the first people of a generated world; later ones are
// numbered.
var names = [...]string{"Alice", "Bob", "Carol", "Dave", "Erin", "Frank", "Grace", "Heidi", "Ivan", "Judy", "Ken", "Laura", "Mike", "Nora", "Oscar", "Peggy", "Quinn", "Rupert", "Sybil", "Trent", "Uma", "Victor", "Wendy", "Xavier", "Yara", "Zoe"}

// Names returns n distinct names for a generated cast: Alice, Bob, ...,
// Zoe, then Person 27, Person 28, and so on.
func Names(n int) []string {
	out := make([]string, n)
	for i := range out {
		if i < len(names) {
			out[i] = names[i]
		} else {
			out[i] = fmt.Sprintf("Person %d", i+1)
		}
	}
	return out
}
