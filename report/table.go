package report

import (
	"strings"

	"github.com/escrowlab/escrowlab/scenario"
)

// tableGap separates table columns.
const tableGap = "  "

// table writes t with aligned columns, indented by indent columns: the
// caption, a header row, a rule and the rows. Cells that
// look numeric are right-aligned. Ratios lose their percentages when the
// table would not fit otherwise. Columns still too wide for the page are
// narrowed and their cells wrapped; a table that still cannot fit is
// written as one "Header: cell" line per cell instead.
func (r *renderer) table(t *scenario.Table, indent int) {
	if t.Caption != "" {
		r.wrapped(t.Caption, indent, sgrBold)
	}
	r.legend(t.Legend, indent)
	rows := cellTexts(t.Rows)
	if !fits(t.Header, rows, r.width-indent) {
		rows = formatCells(t.Rows, scenario.Cell.Short)
	}
	ncol := len(t.Header)
	for _, row := range rows {
		ncol = max(ncol, len(row))
	}
	if ncol == 0 {
		return
	}
	widths := make([]int, ncol)
	floors := make([]int, ncol)   // the longest word in each column
	bodies := make([]int, ncol)   // the widest body cell in each column
	numeric := make([]bool, ncol) // some body cells numeric, the rest placeholders
	all := append([][]string{t.Header}, rows...)
	for c := range ncol {
		nums, others := 0, 0
		for i, row := range all {
			s := cell(row, c)
			widths[c] = max(widths[c], width(s))
			if i > 0 {
				bodies[c] = max(bodies[c], width(s))
			}
			for _, w := range strings.Fields(s) {
				floors[c] = max(floors[c], width(w))
			}
			switch {
			case i == 0 || s == "" || placeholder(s):
			case looksNumeric(s):
				nums++
			default:
				others++
			}
		}
		numeric[c] = nums > 0 && others == 0
	}
	// Wrap headers wider than their columns' cells before wrapping cells.
	avail := r.width - indent
	for c := range bodies {
		bodies[c] = max(bodies[c], floors[c])
	}
	if !narrow(widths, bodies, avail) && !narrow(widths, floors, avail) {
		r.records(t.Header, rows, ncol, indent)
		return
	}
	total := len(tableGap) * (ncol - 1)
	for _, w := range widths {
		total += w
	}
	if len(t.Header) > 0 {
		r.tableRow(t.Header, widths, numeric, false, indent, sgrBold)
		r.line(spaces(indent), strings.Repeat("─", total))
	}
	for i, row := range rows {
		if i > 0 && wrapped(rows, widths) {
			r.emptyLine() // keep rows of several lines apart
		}
		r.tableRow(row, widths, numeric, true, indent)
	}
}

// fits reports whether a table of header and rows fits in avail columns
// without wrapping any cell.
func fits(header []string, rows [][]string, avail int) bool {
	var widths []int
	for _, row := range append([][]string{header}, rows...) {
		for c, s := range row {
			if c == len(widths) {
				widths = append(widths, 0)
			}
			widths[c] = max(widths[c], width(strings.TrimSpace(s)))
		}
	}
	total := len(tableGap) * max(len(widths)-1, 0)
	for _, w := range widths {
		total += w
	}
	return total <= avail
}

// wrapped reports whether any cell of rows is wider than its column.
func wrapped(rows [][]string, widths []int) bool {
	for _, row := range rows {
		for c, w := range widths {
			if width(cell(row, c)) > w {
				return true
			}
		}
	}
	return false
}

// narrow shrinks the widest columns, never below their floors, until the
// columns and gaps fit in avail. It reports whether they fit.
func narrow(widths, floors []int, avail int) bool {
	total := len(tableGap) * (len(widths) - 1)
	for _, w := range widths {
		total += w
	}
	for total > avail {
		widest := -1
		for c, w := range widths {
			if w > floors[c] && (widest < 0 || w > widths[widest]) {
				widest = c
			}
		}
		if widest < 0 {
			return false
		}
		widths[widest]--
		total--
	}
	return true
}

// tableRow writes one row, wrapping cells to their column widths. Numeric
// cells are right-aligned, and so are a header's cells and a body's
// placeholders in the columns marked in right.
func (r *renderer) tableRow(row []string, widths []int, right []bool, body bool, indent int, codes ...string) {
	cells := make([][]string, len(widths))
	height := 1
	for c, w := range widths {
		cells[c] = wrap(cell(row, c), w)
		height = max(height, len(cells[c]))
	}
	for i := range height {
		var b strings.Builder
		for c, w := range widths {
			if c > 0 {
				b.WriteString(tableGap)
			}
			part := ""
			if i < len(cells[c]) {
				part = cells[c][i]
			}
			pad := spaces(w - width(part))
			if s := cell(row, c); looksNumeric(s) || right[c] && (!body || placeholder(s)) {
				b.WriteString(pad + part)
			} else {
				b.WriteString(part + pad)
			}
		}
		r.line(spaces(indent), r.paint(strings.TrimRight(b.String(), " "), codes...))
	}
}

// records writes a table too wide to fit as one "Header: cell" line per
// cell, with an empty line between rows.
func (r *renderer) records(header []string, rows [][]string, ncol, indent int) {
	for i, row := range rows {
		if i > 0 {
			r.emptyLine()
		}
		for c := range ncol {
			text := cell(row, c)
			if h := cell(header, c); h != "" {
				text = h + ": " + text
			}
			avail := r.width - indent
			for j, l := range wrapWords(strings.Fields(text), avail, avail-2) {
				if j > 0 {
					l = "  " + l
				}
				r.line(spaces(indent), l)
			}
		}
	}
}

// cell returns row[c] without surrounding space, or "" if row is short.
func cell(row []string, c int) string {
	if c < len(row) {
		return strings.TrimSpace(row[c])
	}
	return ""
}

// placeholder reports whether s stands for a missing value, such as "-" or
// "n/a"; it does not stop a column from counting as numeric.
func placeholder(s string) bool {
	switch strings.ToLower(s) {
	case "-", "–", "—", "n/a", "?", "none":
		return true
	}
	return false
}

// looksNumeric reports whether s reads as a number, a ratio or a
// percentage, such as "3", "24/24", "100%" or "-1.5".
func looksNumeric(s string) bool {
	digit := false
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			digit = true
		case strings.ContainsRune("+-−.,/%~≈<>×", c):
		default:
			return false
		}
	}
	return digit
}

// maxTerm is the widest legend term that still gets a column of its own.
const maxTerm = 16

// legend writes one line per definition: the term in a column, its meaning
// after it, wrapped under itself. A term too wide for the column is
// followed by its meaning on the same line, with later lines hanging.
func (r *renderer) legend(defs []scenario.Definition, indent int) {
	termW := 0
	for _, d := range defs {
		if w := width(d.Term); w <= maxTerm {
			termW = max(termW, w)
		}
	}
	col := indent + 2 + termW + 2
	for _, d := range defs {
		first := r.width - col
		if w := width(d.Term); w > termW {
			first = r.width - (indent + 2 + w + 2)
		}
		for i, l := range wrapWords(strings.Fields(d.Text), first, r.width-col) {
			if i == 0 {
				r.line(spaces(indent+2), r.paint(d.Term, sgrBold), spaces(max(termW-width(d.Term), 0)+2), l)
			} else {
				r.line(spaces(col), l)
			}
		}
	}
}
