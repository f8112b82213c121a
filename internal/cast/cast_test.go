package cast

import "testing"

func TestNames(t *testing.T) {
	n := Names(30)
	if n[0] != "Alice" || n[25] != "Zoe" || n[26] != "Person 27" || n[29] != "Person 30" {
		t.Fatalf("Names(30) = %v", n)
	}
	seen := map[string]bool{}
	for _, s := range Names(500) {
		if seen[s] {
			t.Fatalf("%q twice", s)
		}
		seen[s] = true
	}
}
