package main

import (
	"io"
	"slices"
	"strings"
	"testing"
)

func TestInterspersed(t *testing.T) {
	app, _ := newApp(strings.NewReader(""), io.Discard, io.Discard)
	tests := []struct{ in, want string }{
		{"escrowlab scenario run f.yaml --seed 3 --no-color", "escrowlab scenario run --seed 3 --no-color f.yaml"},
		{"escrowlab scenario run --seed 3 f.yaml", "escrowlab scenario run --seed 3 f.yaml"},
		{"escrowlab scenario run f.yaml --seed=3", "escrowlab scenario run --seed=3 f.yaml"},
		{"escrowlab scenario new x --force", "escrowlab scenario new --force x"},
		{"escrowlab tour extra --step", "escrowlab tour --step extra"},
		{"escrowlab scenario run -- --odd-name.yaml", "escrowlab scenario run -- --odd-name.yaml"},
		{"escrowlab tuor --seed 1", "escrowlab tuor --seed 1"},
		{"escrowlab decrypt a.ewt --truth", "escrowlab decrypt --truth"},
		{"escrowlab capture --out --force", "escrowlab capture --out"},
		{"escrowlab capture --out -force", "escrowlab capture --out"},
		{"escrowlab capture --out -h", "escrowlab capture --out"},
		{"escrowlab capture --out -odd-name", "escrowlab capture --out -odd-name"},
		{"escrowlab decrypt a.ewt --truth --json", "escrowlab decrypt --truth"},
		{"escrowlab", "escrowlab"},
	}
	for _, tt := range tests {
		got := interspersed(app, strings.Fields(tt.in))
		if !slices.Equal(got, strings.Fields(tt.want)) {
			t.Errorf("interspersed(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
