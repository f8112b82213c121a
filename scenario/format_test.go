package scenario

import (
	"testing"
	"time"
)

func TestFormat(t *testing.T) {
	tests := []struct{ got, want string }{
		{count(0), "0"},
		{count(999), "999"},
		{count(65536), "65,536"},
		{count(uint64(1234567890)), "1,234,567,890"},
		{seconds(0.0000123), "12 µs"},
		{seconds(0.0372), "37.2 ms"},
		{seconds(4.06), "4.1 s"},
		{seconds(3 * 3600), "3.0 hours"},
		{seconds(86400 * 3), "3.0 days"},
		{seconds(365.25 * 86400 * 120), "120 years"},
		{seconds(1.8e13), "570,386 years"},
		{seconds(365.25 * 86400), "1 year"},
		{seconds(365.25 * 86400 * 999999.4), "999,999 years"},
		{seconds(365.25 * 86400 * 999999.6), "1.0 million years"},
		{seconds(365.25 * 86400 * 1.2e6), "1.2 million years"},
		{seconds(365.25 * 86400 * 9.96e6), "10 million years"},
		{seconds(365.25 * 86400 * 4.5e10), "45 billion years"},
		{seconds(1e20), "3.2 trillion years"},
		{seconds(365.25 * 86400 * 5e16), "50,000 trillion years"},
		{duration(1500 * time.Millisecond), "1.5 s"},
		{rate(1298765), "1,300,000 tries/s"},
		{rate(676280), "676,000 tries/s"},
		{rate(0), "n/a"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestArticle(t *testing.T) {
	for n, want := range map[int]string{8: "an", 11: "an", 16: "a", 18: "an", 24: "a", 32: "a"} {
		if got := article(n); got != want {
			t.Errorf("article(%d) = %q, want %q", n, got, want)
		}
	}
}
