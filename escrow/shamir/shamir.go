package shamir

import (
	"errors"
	"fmt"
	"io"
)

// MaxShares is the largest n: GF(2^8) has 255 non-zero points to hand out.
const MaxShares = 255

// Sentinel errors that callers branch on with [errors.Is].
var (
	// ErrThreshold reports a threshold k or share count n outside
	// 2 <= k <= n <= MaxShares.
	ErrThreshold = errors.New("threshold or share count out of range")

	// ErrShares reports a set of shares that cannot be combined: none at
	// all, an x of 0, a repeated x, or Y values of different or zero length.
	ErrShares = errors.New("unusable set of shares")

	// ErrSecret reports an empty secret or a missing random source.
	ErrSecret = errors.New("empty secret or no random source")
)

// Share is one share of a secret: the values at X of the polynomials that
// hide each byte of the secret. Y is as long as the secret.
type Share struct {
	X byte   // the evaluation point, 1 to 255; 0 would be the secret itself
	Y []byte // one value per byte of the secret
}

// Split divides secret into n shares, any k of which rebuild it, with
// 2 <= k <= n <= MaxShares. It reads len(secret)*(k-1) random coefficients
// from rand. Share i (0-based) has X = i+1. secret is not modified.
func Split(rand io.Reader, secret []byte, n, k int) ([]Share, error) {
	if k < 2 || n < k || n > MaxShares {
		return nil, fmt.Errorf("shamir: %d-of-%d (want 2 <= k <= n <= %d): %w", k, n, MaxShares, ErrThreshold)
	}
	if len(secret) == 0 {
		return nil, fmt.Errorf("shamir: empty secret: %w", ErrSecret)
	}
	if rand == nil {
		return nil, fmt.Errorf("shamir: nil random source: %w", ErrSecret)
	}
	// coef[b*(k-1)+j] is the coefficient of x^(j+1) in the polynomial of byte b.
	coef := make([]byte, len(secret)*(k-1))
	if _, err := io.ReadFull(rand, coef); err != nil {
		return nil, fmt.Errorf("shamir: drawing coefficients: %w", err)
	}
	shares := make([]Share, n)
	for i := range shares {
		x := byte(i + 1)
		y := make([]byte, len(secret))
		for b, s := range secret {
			y[b] = eval(s, coef[b*(k-1):(b+1)*(k-1)], x)
		}
		shares[i] = Share{X: x, Y: y}
	}
	return shares, nil
}

// eval returns c0 + c[0]x + c[1]x^2 + ... at x, by Horner's rule.
func eval(c0 byte, c []byte, x byte) byte {
	var y byte
	for j := len(c) - 1; j >= 0; j-- {
		y = mul(y, x) ^ c[j]
	}
	return mul(y, x) ^ c0
}

// Combine rebuilds a secret by Lagrange interpolation at x = 0 through the
// given shares. It cannot know the threshold: given k or more shares of one
// split it returns the secret, and given fewer it returns a wrong value
// without complaint. It reports ErrShares only for a set that is unusable
// whatever the threshold.
func Combine(shares []Share) ([]byte, error) {
	if len(shares) == 0 {
		return nil, fmt.Errorf("shamir: no shares: %w", ErrShares)
	}
	size := len(shares[0].Y)
	var seen [256]bool
	for _, s := range shares {
		switch {
		case s.X == 0:
			return nil, fmt.Errorf("shamir: share at x = 0: %w", ErrShares)
		case seen[s.X]:
			return nil, fmt.Errorf("shamir: two shares at x = %d: %w", s.X, ErrShares)
		case len(s.Y) == 0 || len(s.Y) != size:
			return nil, fmt.Errorf("shamir: share at x = %d has %d bytes (want %d, at least 1): %w", s.X, len(s.Y), size, ErrShares)
		}
		seen[s.X] = true
	}
	secret := make([]byte, size)
	for j, sj := range shares {
		// l is the Lagrange basis polynomial of share j evaluated at 0:
		// the product over m != j of x_m / (x_m - x_j), with - being xor.
		l := byte(1)
		for m, sm := range shares {
			if m != j {
				l = mul(l, div(sm.X, sm.X^sj.X))
			}
		}
		for b, y := range sj.Y {
			secret[b] ^= mul(l, y)
		}
	}
	return secret, nil
}
