package seeded

import "testing"

func TestStreams(t *testing.T) {
	first := func(seed uint64, labels ...string) uint64 { return New(seed, labels...).Uint64() }
	tests := []struct {
		name string
		a, b uint64
		same bool
	}{
		{"same seed and labels", first(1, "x", "y"), first(1, "x", "y"), true},
		{"other seed", first(1, "x"), first(2, "x"), false},
		{"other label", first(1, "x"), first(1, "z"), false},
		{"labels are not concatenated", first(1, "ab", "c"), first(1, "a", "bc"), false},
		{"no labels differs from one", first(1), first(1, ""), false},
	}
	for _, tt := range tests {
		if (tt.a == tt.b) != tt.same {
			t.Errorf("%s: %x and %x", tt.name, tt.a, tt.b)
		}
	}
}
