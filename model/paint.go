package model

import (
	"image/color"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// paint lays a theme's own background and text colour under a whole screen, so no cell is
// left on the terminal's colour: a light theme on a dark terminal reads as light everywhere,
// between the styled words and past the end of each line too. Every SGR sequence that
// returns to the terminal's default colours (a reset, 39, 49) is followed by the theme's.
func paint(screen string, width int, bg, fg color.Color) string {
	if bg == nil || fg == nil {
		return screen
	}
	setBg := ansi.Style{}.BackgroundColor(bg).String()
	setFg := ansi.Style{}.ForegroundColor(fg).String()
	var b strings.Builder
	b.Grow(len(screen) + len(screen)/4)
	for i, line := range strings.Split(screen, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(setBg)
		b.WriteString(setFg)
		for rest := line; rest != ""; {
			at := strings.Index(rest, "\x1b[")
			if at < 0 {
				b.WriteString(rest)
				break
			}
			b.WriteString(rest[:at])
			end := sgrEnd(rest[at:])
			if end < 0 { // not a colour sequence: copied as it is
				b.WriteString(rest[at : at+2])
				rest = rest[at+2:]
				continue
			}
			seq := rest[at : at+end]
			b.WriteString(seq)
			fgReset, bgReset := sgrResets(seq[2 : len(seq)-1])
			if bgReset {
				b.WriteString(setBg)
			}
			if fgReset {
				b.WriteString(setFg)
			}
			rest = rest[at+end:]
		}
		if pad := width - ansi.StringWidth(line); pad > 0 {
			b.WriteString(strings.Repeat(" ", pad))
		}
		b.WriteString("\x1b[m")
	}
	return b.String()
}

// sgrEnd is the length of the SGR sequence ("ESC [ params m") s starts with, or -1 when s
// starts with another kind of sequence.
func sgrEnd(s string) int {
	for i := 2; i < len(s); i++ {
		switch c := s[i]; {
		case c == 'm':
			return i + 1
		case c >= '0' && c <= '9' || c == ';' || c == ':':
		default:
			return -1
		}
	}
	return -1
}

// sgrResets reports whether SGR parameters return the text colour or the background to the
// terminal's default. The colour parameters 38, 48 and 58 carry their own arguments, which
// are skipped so "38;5;0" is not read as a reset.
func sgrResets(params string) (fg, bg bool) {
	ps := strings.Split(params, ";")
	for i := 0; i < len(ps); i++ {
		p := ps[i]
		if j := strings.IndexByte(p, ':'); j >= 0 { // "38:2::r:g:b" carries its arguments
			p = p[:j]
			if p == "38" || p == "48" || p == "58" {
				continue
			}
		}
		switch p {
		case "", "0":
			fg, bg = true, true
		case "39":
			fg = true
		case "49":
			bg = true
		case "38", "48", "58":
			if i+1 < len(ps) && ps[i+1] == "5" {
				i += 2
			} else if i+1 < len(ps) && ps[i+1] == "2" {
				i += 4
			}
		}
	}
	return fg, bg
}
