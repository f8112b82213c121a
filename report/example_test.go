package report_test

import (
	"fmt"
	"strings"

	"github.com/escrowlab/escrowlab/report"
	"github.com/escrowlab/escrowlab/scenario"
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

// A worksheet asks every question of a run first, then gives the answer
// key, measured, after a form feed that starts a new printed page.
func ExampleTextWorksheet() {
	t := &scenario.Transcript{
		Title: "A flipped bit",
		Seed:  7,
		Acts: []scenario.Act{{Number: 1, Title: "A Clipper call", Steps: []scenario.Step{{
			Actor:   "Bob's chip",
			Action:  "is handed a call whose LEAF has one bit flipped",
			Outcome: scenario.Outcome{Kind: scenario.Refused, Text: "LEAF rejected"},
			Quiz:    &scenario.Question{Prompt: "Does the chip decrypt the call?", Choices: []string{"yes", "no"}, Answer: 1},
		}}}},
	}
	var b strings.Builder
	if err := report.TextWorksheet(&b, t, report.WorksheetOptions{Replay: "escrowlab tour --seed 7", Width: 60}); err != nil {
		fmt.Println(err)
	}
	fmt.Print(strings.ReplaceAll(b.String(), "\f", "(form feed)"))
	// Output:
	// Worksheet: A flipped bit
	// ════════════════════════════════════════════════════════════
	//
	// Name _________________________  Date _______________________
	//
	// Predict each outcome before the run shows it: write one
	// letter, and why you chose it. The step named above each
	// question is where the run answers it.
	//
	// To see the same run as this worksheet, use:
	//     escrowlab tour --seed 7
	//
	// 1 question; the answer key is on the last page.
	//
	// 1. At step 1.1 (Act 1 · A Clipper call)
	//    Does the chip decrypt the call?
	//      a) yes
	//      b) no
	//
	//    Answer ____   Why? ______________________________________
	//
	//    _________________________________________________________
	// (form feed)
	// Answer key: A flipped bit
	// ════════════════════════════════════════════════════════════
	//
	// Every answer was measured in the run with seed 7 and checked
	// at the step named. Another seed can give other answers; to
	// match, use:
	//     escrowlab tour --seed 7
	//
	// 1. b) no
	//    Step 1.1 (Act 1 · A Clipper call) showed:
	//      ✗ Refused: LEAF rejected
}
