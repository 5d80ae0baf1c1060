// Package strictyaml decodes hand-written YAML into Go structs and refuses anything it does
// not understand: unknown or duplicate fields, wrong types, non-finite or out-of-range numbers,
// missing required fields, anchors and aliases. It reports every problem it finds, each with
// file, line, column and the dotted field path, so a consultant can fix a file in one pass.
package strictyaml

import (
	"fmt"
	"sort"
	"strings"
)

// Issue is one problem in one file.
type Issue struct {
	File      string
	Line, Col int
	Field     string // dotted path such as power.uptime or fleet[0].machine; empty for the file
	Msg       string
}

func (i Issue) Error() string {
	var b strings.Builder
	b.WriteString(i.File)
	if i.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", i.Line, max(i.Col, 1))
	}
	b.WriteString(": ")
	if i.Field != "" {
		b.WriteString(i.Field)
		b.WriteString(": ")
	}
	b.WriteString(i.Msg)
	return b.String()
}

// Issues is every problem found, in file and line order.
type Issues []Issue

func (is Issues) Error() string {
	lines := make([]string, len(is))
	for i, issue := range is {
		lines[i] = issue.Error()
	}
	return strings.Join(lines, "\n")
}

// Sort orders issues by file, then position.
func (is Issues) Sort() {
	sort.SliceStable(is, func(a, b int) bool {
		x, y := is[a], is[b]
		if x.File != y.File {
			return x.File < y.File
		}
		if x.Line != y.Line {
			// Positionless notes ("and 12 more") follow the lines they sum up.
			return y.Line == 0 || (x.Line != 0 && x.Line < y.Line)
		}
		return x.Col < y.Col
	})
}

// Err returns nil when there are no issues, so callers can write `if err := is.Err(); err != nil`.
func (is Issues) Err() error {
	if len(is) == 0 {
		return nil
	}
	return is
}
