package shamir

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"testing"
	"testing/iotest"
)

func seeded(seed byte) *rand.ChaCha8 { return rand.NewChaCha8([32]byte{'s', seed}) }

// subsets calls f with every k-element subset of shares, in order.
func subsets(shares []Share, k int, f func([]Share)) {
	var rec func(start int, picked []Share)
	rec = func(start int, picked []Share) {
		if len(picked) == k {
			f(picked)
			return
		}
		for i := start; i <= len(shares)-(k-len(picked)); i++ {
			rec(i+1, append(picked, shares[i]))
		}
	}
	rec(0, make([]Share, 0, k))
}

func TestRoundTrip(t *testing.T) {
	tests := []struct{ n, k, secretLen int }{
		{2, 2, 1}, {3, 2, 10}, {3, 3, 10}, {5, 3, 10}, {6, 4, 16},
		{7, 7, 3}, {8, 5, 10}, {20, 2, 4}, {255, 2, 2}, {255, 255, 2},
	}
	r := seeded(1)
	pick := rand.New(r)
	for _, tt := range tests {
		secret := make([]byte, tt.secretLen)
		r.Read(secret)
		shares, err := Split(r, secret, tt.n, tt.k)
		if err != nil {
			t.Fatalf("%d-of-%d: %v", tt.k, tt.n, err)
		}
		if len(shares) != tt.n {
			t.Fatalf("%d-of-%d: %d shares", tt.k, tt.n, len(shares))
		}
		tried := 0
		check := func(set []Share) {
			tried++
			got, err := Combine(set)
			if err != nil || !bytes.Equal(got, secret) {
				t.Fatalf("%d-of-%d, xs %v: Combine = %x, %v; want %x", tt.k, tt.n, xs(set), got, err, secret)
			}
		}
		if tt.n <= 8 {
			for size := tt.k; size <= tt.n; size++ {
				subsets(shares, size, check)
			}
		} else { // a sample: the first k, the last k, all n, and random sets
			check(shares[:tt.k])
			check(shares[tt.n-tt.k:])
			check(shares)
			for range 20 {
				idx := pick.Perm(tt.n)[:tt.k]
				set := make([]Share, tt.k)
				for i, j := range idx {
					set[i] = shares[j]
				}
				check(set)
			}
		}
		if tried == 0 {
			t.Fatalf("%d-of-%d: no subsets tried", tt.k, tt.n)
		}
	}
}

func xs(set []Share) []byte {
	var x []byte
	for _, s := range set {
		x = append(x, s.X)
	}
	return x
}

func TestTooFewSharesGiveWrongSecret(t *testing.T) {
	r := seeded(2)
	secret := []byte("0123456789")
	for _, k := range []int{2, 3, 5} {
		for trial := range 500 {
			shares, err := Split(r, secret, k+1, k)
			if err != nil {
				t.Fatal(err)
			}
			subsets(shares, k-1, func(set []Share) {
				got, err := Combine(set)
				if err != nil {
					t.Fatalf("k = %d, xs %v: %v", k, xs(set), err)
				}
				if bytes.Equal(got, secret) {
					t.Fatalf("k = %d, trial %d: %d shares rebuilt the secret", k, trial, k-1)
				}
			})
		}
	}
}

func TestShareLooksUniform(t *testing.T) {
	r := seeded(3)
	secret := []byte{0x42, 0x42, 0x42}
	for _, k := range []int{2, 3} {
		seen := make(map[byte]bool)
		for range 2000 {
			shares, err := Split(r, secret, 3, k)
			if err != nil {
				t.Fatal(err)
			}
			seen[shares[0].Y[0]] = true
		}
		if len(seen) <= 200 {
			t.Errorf("k = %d: first byte of share 1 took %d distinct values in 2000 splits, want > 200", k, len(seen))
		}
	}
}

func TestSplitRejects(t *testing.T) {
	drained := errors.New("drained")
	tests := []struct {
		name   string
		rand   io.Reader
		secret []byte
		n, k   int
		want   error
	}{
		{"k = 1", seeded(4), []byte{1}, 3, 1, ErrThreshold},
		{"k = 0", seeded(4), []byte{1}, 3, 0, ErrThreshold},
		{"k > n", seeded(4), []byte{1}, 3, 4, ErrThreshold},
		{"n > 255", seeded(4), []byte{1}, 256, 2, ErrThreshold},
		{"negative n", seeded(4), []byte{1}, -1, 2, ErrThreshold},
		{"empty secret", seeded(4), nil, 3, 2, ErrSecret},
		{"nil rand", nil, []byte{1}, 3, 2, ErrSecret},
		{"failing rand", iotest.ErrReader(drained), []byte{1, 2}, 3, 2, drained},
		{"short rand", bytes.NewReader([]byte{1}), []byte{1, 2}, 3, 2, io.ErrUnexpectedEOF},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			shares, err := Split(tt.rand, tt.secret, tt.n, tt.k)
			if !errors.Is(err, tt.want) || shares != nil {
				t.Fatalf("Split = %v, %v; want nil, %v", shares, err, tt.want)
			}
		})
	}
}

func TestCombineRejects(t *testing.T) {
	y := []byte{1, 2}
	tests := []struct {
		name   string
		shares []Share
	}{
		{"nil", nil},
		{"empty", []Share{}},
		{"x = 0", []Share{{X: 1, Y: y}, {X: 0, Y: y}}},
		{"duplicate x", []Share{{X: 1, Y: y}, {X: 2, Y: y}, {X: 1, Y: []byte{3, 4}}}},
		{"mixed lengths", []Share{{X: 1, Y: y}, {X: 2, Y: []byte{1}}}},
		{"empty Y", []Share{{X: 1}, {X: 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Combine(tt.shares)
			if !errors.Is(err, ErrShares) || got != nil {
				t.Fatalf("Combine = %x, %v; want nil, ErrShares", got, err)
			}
		})
	}
}

func TestSplitDoesNotAlias(t *testing.T) {
	secret := []byte("secret")
	shares, err := Split(seeded(5), secret, 3, 2)
	if err != nil {
		t.Fatal(err)
	}
	second := bytes.Clone(shares[1].Y)
	for i := range shares[0].Y {
		shares[0].Y[i] ^= 0xff
	}
	if string(secret) != "secret" || !bytes.Equal(shares[1].Y, second) {
		t.Fatal("shares alias the secret or each other")
	}
}
