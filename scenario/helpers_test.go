package scenario

import "strings"

// prose joins paragraphs' texts, for tests that look for words in them.
func prose(ps []Paragraph) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = p.Text
	}
	return strings.Join(s, " ")
}
