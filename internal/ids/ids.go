// Package ids formats lists of identifiers for messages and help text.
package ids

import "strings"

// Join lists ids, comma-separated: "clipper, threshold, sim".
func Join[T ~string](ids []T) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = string(id)
	}
	return strings.Join(s, ", ")
}
