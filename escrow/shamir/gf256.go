package shamir

// Arithmetic in GF(2^8) with the AES reduction polynomial x^8+x^4+x^3+x+1.
// Addition and subtraction are both xor. None of this is constant-time.

// mul returns a*b in GF(2^8) by shift-and-add ("Russian peasant"
// multiplication), reducing modulo x^8+x^4+x^3+x+1 as it goes.
func mul(a, b byte) byte {
	var p byte
	for b != 0 {
		if b&1 != 0 {
			p ^= a
		}
		carry := a & 0x80
		a <<= 1
		if carry != 0 {
			a ^= 0x1b // x^8 = x^4+x^3+x+1
		}
		b >>= 1
	}
	return p
}

// inv returns the multiplicative inverse of a, computed as a^254 (since
// a^255 = 1 for every a != 0). inv(0) is 0, which callers never use.
func inv(a byte) byte {
	r, sq := byte(1), a
	for e := 254; e != 0; e >>= 1 {
		if e&1 != 0 {
			r = mul(r, sq)
		}
		sq = mul(sq, sq)
	}
	return r
}

// div returns a/b for b != 0.
func div(a, b byte) byte { return mul(a, inv(b)) }
