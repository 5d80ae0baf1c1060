package model

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// ansiWrap wraps styled or plain text to width cells.
func ansiWrap(s string, width int) string { return ansi.Wrap(s, max(1, width), "") }

// ansiTruncate cuts a styled line to width cells.
func ansiTruncate(s string, width int) string { return ansi.Truncate(s, max(0, width), "…") }

// fitLines makes s exactly height lines of at most width cells, so panes never push each other.
func fitLines(s string, width, height int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > height {
		lines = lines[:max(0, height)]
	}
	for i, l := range lines {
		lines[i] = pad(ansiTruncate(l, width), width, false)
	}
	for len(lines) < height {
		lines = append(lines, strings.Repeat(" ", max(0, width)))
	}
	return strings.Join(lines, "\n")
}
