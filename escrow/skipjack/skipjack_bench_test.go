package skipjack

import (
	"crypto/cipher"
	"testing"
)

func benchBlock(b *testing.B, decrypt bool) {
	c := benchCipher(b)
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

// BenchmarkEncrypt is the reference: one block at a time, each a chain of
// 128 dependent table lookups.
func BenchmarkEncrypt(b *testing.B) { benchBlock(b, false) }

func BenchmarkDecrypt(b *testing.B) { benchBlock(b, true) }

// bulkSize is the message the bulk benchmarks work on.
const bulkSize = 64 << 10

// BenchmarkCBCDecrypt decrypts 64 KiB through crypto/cipher, which finds
// the eight-block decrypter. Compare its MB/s with BenchmarkEncrypt's.
func BenchmarkCBCDecrypt(b *testing.B) {
	c, buf := benchCipher(b), make([]byte, bulkSize)
	d := cipher.NewCBCDecrypter(c, make([]byte, BlockSize))
	b.SetBytes(bulkSize)
	b.ReportAllocs()
	for b.Loop() {
		d.CryptBlocks(buf, buf)
	}
}

// BenchmarkCTR encrypts 64 KiB in counter mode through crypto/cipher.
func BenchmarkCTR(b *testing.B) {
	c, buf := benchCipher(b), make([]byte, bulkSize)
	s := cipher.NewCTR(c, make([]byte, BlockSize))
	b.SetBytes(bulkSize)
	b.ReportAllocs()
	for b.Loop() {
		s.XORKeyStream(buf, buf)
	}
}

// BenchmarkEncryptBlocks encrypts 64 independent blocks at once, as a
// batch of LEAF checks does.
func BenchmarkEncryptBlocks(b *testing.B) {
	c, buf := benchCipher(b), make([]byte, 64*BlockSize)
	e := c.(interface{ EncryptBlocks(dst, src []byte) })
	b.SetBytes(int64(len(buf)))
	b.ReportAllocs()
	for b.Loop() {
		e.EncryptBlocks(buf, buf)
	}
}

func benchCipher(b *testing.B) cipher.Block {
	c, err := NewCipher([]byte{0x00, 0x99, 0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11})
	if err != nil {
		b.Fatal(err)
	}
	return c
}

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
