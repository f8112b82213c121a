package report_test

import (
	"fmt"

	"github.com/escrowlab/escrowlab/report"
)

func ExampleHex() {
	fmt.Println(report.Hex([]byte{0x00, 0x99, 0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11}))
	fmt.Println(report.Hex([]byte{0xca, 0xfe, 0x01}))
	fmt.Println(report.Hex(make([]byte, 32)))
	fmt.Println(report.Hex(nil))
	// Output:
	// 0099 8877 6655 4433 2211
	// cafe 01
	// 0000 0000 0000 … 0000 0000 (32 bytes)
	// (empty)
}
