package yamledit

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// splice replaces src[start:end] with text; start == end inserts.
type splice struct {
	start, end int
	text       string
}

// replace is the splice putting text where node n is written. indent is the indentation of
// the mapping holding n (see text.end).
func (t *text) replace(n *yaml.Node, indent int, text string) (splice, error) {
	start, err := t.start(n)
	if err != nil {
		return splice{}, err
	}
	end, err := t.end(n, indent)
	if err != nil {
		return splice{}, err
	}
	if start == end { // an empty value (`source:`); yaml.v3 places it just after the colon
		if !t.afterSpace(start) {
			text = " " + text
		}
		if start < len(t.src) && !t.isSpace(start) && !strings.ContainsRune(",]}", rune(t.src[start])) {
			text += " "
		}
	}
	return splice{start: start, end: end, text: text}, nil
}

// spliceAll builds the edited file front to back, so every offset refers to the original.
func spliceAll(src []byte, splices []splice) ([]byte, error) {
	// Stable: inserts at one place keep the order of the edits.
	slices.SortStableFunc(splices, func(a, b splice) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end))
	})
	var out bytes.Buffer
	done := 0
	for _, s := range splices {
		if s.start < done || s.end < s.start || s.end > len(src) {
			return nil, fmt.Errorf("edits overlap at byte %d", s.start)
		}
		out.Write(src[done:s.start])
		out.WriteString(s.text)
		done = s.end
	}
	out.Write(src[done:])
	return out.Bytes(), nil
}
