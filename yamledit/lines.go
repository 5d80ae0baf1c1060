package yamledit

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// text is the file being edited, indexed by line so that yaml.v3 positions (1-based lines,
// 1-based columns counted in characters, not bytes) can be turned into byte offsets.
type text struct {
	src        []byte
	lineStarts []int
}

const utf8BOM = "\xef\xbb\xbf"

func newText(src []byte) *text {
	first := 0
	if bytes.HasPrefix(src, []byte(utf8BOM)) {
		first = len(utf8BOM) // yaml.v3 drops the BOM before counting columns
	}
	starts := []int{first}
	for i := first; i < len(src); {
		if n := breakLen(src, i); n > 0 {
			i += n
			starts = append(starts, i)
			continue
		}
		i++
	}
	return &text{src: src, lineStarts: starts}
}

// breakLen is the length of the line break at i, or 0. These are the breaks yaml.v3 counts
// lines by: CRLF, CR, LF, NEL, LS and PS.
func breakLen(src []byte, i int) int {
	rest := src[i:]
	switch {
	case bytes.HasPrefix(rest, []byte("\r\n")):
		return 2
	case len(rest) > 0 && (rest[0] == '\r' || rest[0] == '\n'):
		return 1
	case bytes.HasPrefix(rest, []byte("\u0085")):
		return 2
	case bytes.HasPrefix(rest, []byte("\u2028")), bytes.HasPrefix(rest, []byte("\u2029")):
		return 3
	}
	return 0
}

// offset turns a yaml.v3 line and column into a byte offset into the file.
func (t *text) offset(line, column int) (int, error) {
	if line < 1 || line > len(t.lineStarts) || column < 1 {
		return 0, fmt.Errorf("position %d:%d is outside the file", line, column)
	}
	off := t.lineStarts[line-1]
	for range column - 1 {
		if off >= len(t.src) || breakLen(t.src, off) > 0 {
			return 0, fmt.Errorf("position %d:%d is past the end of its line", line, column)
		}
		_, size := utf8.DecodeRune(t.src[off:])
		off += size
	}
	return off, nil
}

// lineEnd is the offset of the line break (or end of file) at or after off.
func (t *text) lineEnd(off int) int {
	for off < len(t.src) && breakLen(t.src, off) == 0 {
		off++
	}
	return off
}

// nextLine is the start of the line after the one ending at end (see lineEnd).
func (t *text) nextLine(end int) int {
	if end >= len(t.src) {
		return len(t.src)
	}
	return end + breakLen(t.src, end)
}

// lineBreak is the break the file uses: the one ending the line at off if there is one, else
// the first in the file, else LF. Inserted lines use it so CRLF files stay CRLF.
func (t *text) lineBreak(off int) string {
	end := t.lineEnd(off)
	if n := breakLen(t.src, end); n > 0 {
		return string(t.src[end : end+n])
	}
	if len(t.lineStarts) > 1 {
		first := t.lineEnd(t.lineStarts[0])
		return string(t.src[first : first+breakLen(t.src, first)])
	}
	return "\n"
}

// isSpace reports whether the byte at off is YAML white space or a line break.
func (t *text) isSpace(off int) bool {
	return off < len(t.src) && (t.src[off] == ' ' || t.src[off] == '\t' || breakLen(t.src, off) > 0)
}

// afterSpace reports whether off starts a line or follows white space, where '#' starts a comment.
func (t *text) afterSpace(off int) bool {
	if off == 0 || t.src[off-1] == ' ' || t.src[off-1] == '\t' {
		return true
	}
	for n := 1; n <= 3 && n <= off; n++ {
		if breakLen(t.src, off-n) == n {
			return true
		}
	}
	return false
}

// skipSpace moves past white space, line breaks and comments.
func (t *text) skipSpace(off int) int {
	for off < len(t.src) {
		switch {
		case t.isSpace(off):
			off += max(1, breakLen(t.src, off))
		case t.src[off] == '#' && t.afterSpace(off):
			off = t.lineEnd(off)
		default:
			return off
		}
	}
	return off
}
