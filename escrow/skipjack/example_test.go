package skipjack_test

import (
	"bytes"
	"crypto/cipher"
	"encoding/hex"
	"fmt"

	"github.com/escrowlab/escrowlab/escrow/skipjack"
)

func ExampleNewCipher() {
	key, _ := hex.DecodeString("00998877665544332211")
	plaintext, _ := hex.DecodeString("33221100ddccbbaa")

	block, err := skipjack.NewCipher(key)
	if err != nil {
		panic(err)
	}
	ciphertext := make([]byte, skipjack.BlockSize)
	block.Encrypt(ciphertext, plaintext)
	fmt.Println(hex.EncodeToString(ciphertext))
	// Output: 2587cae27a12d300
}

// Decrypting a message in CBC mode goes through crypto/cipher as usual;
// it finds Skipjack's own decrypter, which works on eight blocks at once.
func ExampleNewCipher_cbc() {
	key, _ := hex.DecodeString("00998877665544332211")
	iv, _ := hex.DecodeString("0123456789abcdef")
	block, err := skipjack.NewCipher(key)
	if err != nil {
		panic(err)
	}
	msg := []byte("Sixteen blocks of Skipjack-CBC: the escrow agents hold the unit key...")
	msg = append(msg, make([]byte, 16*skipjack.BlockSize-len(msg))...) // zero padding, for brevity
	ct := make([]byte, len(msg))
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(ct, msg)

	pt := make([]byte, len(ct))
	cipher.NewCBCDecrypter(block, iv).CryptBlocks(pt, ct)
	fmt.Println(string(bytes.TrimRight(pt, "\x00")))
	// Output: Sixteen blocks of Skipjack-CBC: the escrow agents hold the unit key...
}

// Many independent blocks under one key, as in escrowlab's LEAF search,
// go through the optional EncryptBlocks method of the Block.
func ExampleNewCipher_encryptBlocks() {
	key, _ := hex.DecodeString("00998877665544332211")
	block, err := skipjack.NewCipher(key)
	if err != nil {
		panic(err)
	}
	blocks := bytes.Repeat([]byte{0x33, 0x22, 0x11, 0x00, 0xdd, 0xcc, 0xbb, 0xaa}, 8)
	block.(interface{ EncryptBlocks(dst, src []byte) }).EncryptBlocks(blocks, blocks)
	fmt.Println(hex.EncodeToString(blocks[:skipjack.BlockSize]), hex.EncodeToString(blocks[7*skipjack.BlockSize:]))
	// Output: 2587cae27a12d300 2587cae27a12d300
}
