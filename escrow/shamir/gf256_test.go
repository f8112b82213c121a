package shamir

import "testing"

func TestMulKnownValues(t *testing.T) {
	tests := []struct{ a, b, want byte }{
		{0x57, 0x83, 0xc1}, // FIPS 197, section 4.2
		{0x57, 0x13, 0xfe}, // FIPS 197, section 4.2.1
		{0x57, 0x02, 0xae},
		{0x80, 0x02, 0x1b}, // the reduction itself
		{0x00, 0xff, 0x00},
		{0x01, 0xab, 0xab},
		{0x53, 0xca, 0x01}, // FIPS 197, section 5.1.1: {53} and {ca} are inverses
	}
	for _, tt := range tests {
		if got := mul(tt.a, tt.b); got != tt.want {
			t.Errorf("mul(%#02x, %#02x) = %#02x, want %#02x", tt.a, tt.b, got, tt.want)
		}
		if got := mul(tt.b, tt.a); got != tt.want {
			t.Errorf("mul(%#02x, %#02x) = %#02x, want %#02x", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestInverse(t *testing.T) {
	for a := 1; a < 256; a++ {
		if got := mul(byte(a), inv(byte(a))); got != 1 {
			t.Errorf("%#02x * inv(%#02x) = %#02x, want 1", a, a, got)
		}
	}
	if inv(0) != 0 {
		t.Errorf("inv(0) = %#02x, want 0", inv(0))
	}
}

func TestFieldLaws(t *testing.T) {
	// A sample of triples stepped by coprime strides covers every value of
	// each coordinate without the cost of all 2^24 triples.
	for i := range 4096 {
		a, b, c := byte(i*7+1), byte(i*13+5), byte(i*31+11)
		if l, r := mul(a, b^c), mul(a, b)^mul(a, c); l != r {
			t.Fatalf("a(b+c) = %#02x, ab+ac = %#02x for a,b,c = %#02x,%#02x,%#02x", l, r, a, b, c)
		}
		if l, r := mul(a, mul(b, c)), mul(mul(a, b), c); l != r {
			t.Fatalf("a(bc) = %#02x, (ab)c = %#02x for a,b,c = %#02x,%#02x,%#02x", l, r, a, b, c)
		}
		if b != 0 && mul(div(a, b), b) != a {
			t.Fatalf("(a/b)b != a for a,b = %#02x,%#02x", a, b)
		}
	}
}
