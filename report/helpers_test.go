package report

import "github.com/escrowlab/escrowlab/scenario"

// textRows makes table rows of text cells.
func textRows(rows ...[]string) [][]scenario.Cell {
	out := make([][]scenario.Cell, len(rows))
	for i, r := range rows {
		out[i] = scenario.Texts(r...)
	}
	return out
}

// paras makes paragraphs without citations.
func paras(texts ...string) []scenario.Paragraph {
	out := make([]scenario.Paragraph, len(texts))
	for i, s := range texts {
		out[i] = scenario.Paragraph{Text: s}
	}
	return out
}
