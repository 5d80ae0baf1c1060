package model

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// ansiWrap wraps styled or plain text to width cells at spaces, never after a hyphen, so
// "what-if" and a loss such as "-$1.2M" stay whole.
func ansiWrap(s string, width int) string {
	const noBreakHyphen = "\u2011"
	return carryStyle(strings.ReplaceAll(ansi.Wrap(strings.ReplaceAll(s, "-", noBreakHyphen), max(1, width), ""), noBreakHyphen, "-"))
}

// carryStyle makes each line of styled text stand alone: a style still open at a line's end
// is closed there and opened again on the next line, so text wrapped inside one style keeps
// it when lines are drawn one by one (the theme's paint, pictures).
func carryStyle(s string) string {
	if !strings.Contains(s, "\x1b[") || !strings.Contains(s, "\n") {
		return s
	}
	var b strings.Builder
	var open []string // the SGR sequences in force since the last reset
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			if len(open) > 0 {
				b.WriteString("\x1b[m")
			}
			b.WriteByte('\n')
			b.WriteString(strings.Join(open, ""))
		}
		b.WriteString(line)
		for rest := line; ; {
			at := strings.Index(rest, "\x1b[")
			if at < 0 {
				break
			}
			end := sgrEnd(rest[at:])
			if end < 0 {
				rest = rest[at+2:]
				continue
			}
			seq := rest[at : at+end]
			if params := seq[2 : len(seq)-1]; params == "" || params == "0" {
				open = open[:0]
			} else {
				open = append(open, seq)
			}
			rest = rest[at+end:]
		}
	}
	return b.String()
}

// ansiTruncate cuts a styled line to width cells.
func ansiTruncate(s string, width int) string { return ansi.Truncate(s, max(0, width), "…") }

// fitLines makes s exactly height lines of at most width cells, so panes never push each other.
func fitLines(s string, width, height int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > height {
		lines = lines[:max(0, height)]
	}
	for i, l := range lines {
		w := cells(l)
		switch {
		case w > width:
			lines[i] = pad(ansiTruncate(l, width), width, false)
		case w < width:
			lines[i] = l + strings.Repeat(" ", width-w)
		}
	}
	for len(lines) < height {
		lines = append(lines, strings.Repeat(" ", max(0, width)))
	}
	return strings.Join(lines, "\n")
}

// joinColumns puts blocks side by side, line by line; each block must already be its own
// width on every line (fitLines makes it so), which spares measuring them again.
func joinColumns(blocks ...string) string {
	split := make([][]string, len(blocks))
	rows := 0
	for i, b := range blocks {
		split[i] = strings.Split(b, "\n")
		rows = max(rows, len(split[i]))
	}
	var out strings.Builder
	for r := range rows {
		if r > 0 {
			out.WriteByte('\n')
		}
		for _, lines := range split {
			if r < len(lines) {
				out.WriteString(lines[r])
			} else if len(lines) > 0 {
				out.WriteString(strings.Repeat(" ", cells(lines[0])))
			}
		}
	}
	return out.String()
}
