package human

import "testing"

func TestHuman(t *testing.T) {
	tests := []struct{ got, want string }{
		{Count(0), "0"},
		{Count(-1234), "-1,234"},
		{Count(uint64(1234567890)), "1,234,567,890"},
		{Seconds(0.0372), "37.2 ms"},
		{Seconds(365.25 * 86400 * 1.2e6), "1.2 million years"},
		{Rate(1298765, "calls/s"), "1,300,000 calls/s"},
		{Rate(0, "calls/s"), "n/a"},
		{Rate(74.34, "calls/s"), "74.3 calls/s"},
		{Rate(74, "calls/s"), "74 calls/s"},
		{Rate(999.7, "calls/s"), "1,000 calls/s"},
		{Rate(0.1403, "MB/s"), "0.14 MB/s"},
		{Rate(0.0012345, "MB/s"), "0.00123 MB/s"},
		{Rate(9.996, "MB/s"), "10 MB/s"},
		{Bytes(1), "1 byte"},
		{Bytes(412), "412 bytes"},
		{Bytes(999.6), "1.0 kB"},
		{Bytes(999_960), "1.0 MB"},
		{Bytes(999_960_000), "1.0 GB"},
		{Bytes(41_200), "41.2 kB"},
		{Bytes(3_400_000), "3.4 MB"},
		{Bytes(1.2e9), "1.2 GB"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}
