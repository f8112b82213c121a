package skipjack

import (
	"crypto/cipher"
	"testing"
)

func benchBlock(b *testing.B, decrypt bool) {
	c, err := NewCipher([]byte{0x00, 0x99, 0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11})
	if err != nil {
		b.Fatal(err)
	}
	op := c.Encrypt
	if decrypt {
		op = c.Decrypt
	}
	buf := make([]byte, BlockSize)
	b.SetBytes(BlockSize)
	b.ReportAllocs()
	for b.Loop() {
		op(buf, buf)
	}
}

func BenchmarkEncrypt(b *testing.B) { benchBlock(b, false) }

func BenchmarkDecrypt(b *testing.B) { benchBlock(b, true) }

// sink keeps NewCipher's result alive so the benchmark counts its heap
// allocation, as real callers would see it.
var sink cipher.Block

func BenchmarkNewCipher(b *testing.B) {
	key := make([]byte, KeySize)
	b.ReportAllocs()
	for b.Loop() {
		c, err := NewCipher(key)
		if err != nil {
			b.Fatal(err)
		}
		sink = c
	}
}
