package plural

import (
	"fmt"
	"testing"
)

func TestCount(t *testing.T) {
	tests := []struct {
		n    int
		noun string
		want string
	}{
		{0, "session", "0 sessions"},
		{1, "session", "1 session"},
		{2, "session", "2 sessions"},
		{1, "trial", "1 trial"},
		{5, "trial", "5 trials"},
		{1, "try", "1 try"},
		{65536, "try", "65,536 tries"},
		{1, "person", "1 person"},
		{500, "person", "500 people"},
		{3, "background call", "3 background calls"},
		{2, "day", "2 days"},
		{2, "match", "2 matches"},
		{2, "bus", "2 buses"},
		{1234567, "width", "1,234,567 widths"},
		{-1, "degree", "-1 degree"},
		{-1000, "degree", "-1,000 degrees"},
	}
	for _, tt := range tests {
		if got := Count(tt.n, tt.noun); got != tt.want {
			t.Errorf("Count(%d, %q) = %q, want %q", tt.n, tt.noun, got, tt.want)
		}
	}
	if got := Count(uint64(1), "try"); got != "1 try" {
		t.Errorf("Count(uint64(1), try) = %q", got)
	}
}

func ExampleCount() {
	fmt.Println(Count(1, "session"))
	fmt.Println(Count(20265, "try"))
	fmt.Println(Count(3, "person"))
	// Output:
	// 1 session
	// 20,265 tries
	// 3 people
}
