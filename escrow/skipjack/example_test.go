package skipjack_test

import (
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
