package report

import (
	"strconv"
	"strings"

	"github.com/escrowlab/escrowlab/scenario"
)

// citeText writes reference numbers as "[1, 7]", or "" for none.
func citeText(cites []int) string {
	if len(cites) == 0 {
		return ""
	}
	c := make([]string, len(cites))
	for i, n := range cites {
		c[i] = strconv.Itoa(n)
	}
	return "[" + strings.Join(c, ", ") + "]"
}

// withCites writes a paragraph's text followed by its citations.
func withCites(p scenario.Paragraph) string {
	if c := citeText(p.Cites); c != "" {
		return p.Text + " " + c
	}
	return p.Text
}

// cellTexts formats table rows as their cells read in plain text.
func cellTexts(rows [][]scenario.Cell) [][]string { return formatCells(rows, scenario.Cell.String) }

// formatCells formats every cell of rows with f.
func formatCells(rows [][]scenario.Cell, f func(scenario.Cell) string) [][]string {
	out := make([][]string, len(rows))
	for i, row := range rows {
		out[i] = make([]string, len(row))
		for j, c := range row {
			out[i][j] = f(c)
		}
	}
	return out
}
