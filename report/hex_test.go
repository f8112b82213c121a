package report

import "testing"

// seq returns n bytes counting up from start.
func seq(start byte, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = start + byte(i)
	}
	return b
}

func TestHex(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"nil", nil, "(empty)"},
		{"empty", []byte{}, "(empty)"},
		{"1 byte", []byte{0xab}, "ab"},
		{"2 bytes", []byte{0xab, 0xcd}, "abcd"},
		{"3 bytes", []byte{0x01, 0x02, 0x03}, "0102 03"},
		{"10 bytes", []byte{0x00, 0x99, 0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11}, "0099 8877 6655 4433 2211"},
		{"16 bytes", seq(0xf0, 16), "f0f1 f2f3 f4f5 f6f7 f8f9 fafb fcfd feff"},
		{"17 bytes", seq(0x10, 17), "1011 1213 1415 … 1d1e 1f20 (17 bytes)"},
		{"48 bytes", append(append([]byte{0xa1, 0xb2, 0xc3, 0xd4, 0xe5, 0xf6}, make([]byte, 38)...), 0x01, 0x02, 0x03, 0x04),
			"a1b2 c3d4 e5f6 … 0102 0304 (48 bytes)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Hex(tt.in); got != tt.want {
				t.Errorf("Hex(% x) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
