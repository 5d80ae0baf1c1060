package strictyaml

import (
	"fmt"
	"unicode/utf8"
)

// badText finds the first byte sequence YAML refuses — invalid UTF-8 or a control character —
// so the message can point at its line and column, which the YAML parser's does not.
func badText(src []byte) (Pos, string, bool) {
	line, col := 1, 1
	for i := 0; i < len(src); {
		r, size := rune(src[i]), 1 // most of a file is ASCII: decode only what is not
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(src[i:])
		}
		switch {
		case r == utf8.RuneError && size <= 1:
			return Pos{line, col}, fmt.Sprintf("not valid UTF-8 (byte 0x%02x); save the file as UTF-8", src[i]), true
		case controlChar(r):
			return Pos{line, col}, fmt.Sprintf("control character U+%04X is not allowed in a data file", r), true
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return Pos{}, "", false
}

// controlChar reports characters YAML does not allow in a file: C0 and C1 controls other than
// tab, line feed, carriage return and next line.
func controlChar(r rune) bool {
	switch r {
	case '\t', '\n', '\r', 0x85:
		return false
	}
	return r < 0x20 || (r >= 0x7f && r <= 0x9f)
}

// controlInText says what is wrong with text holding control characters, written as escapes
// in a quoted string ("\e[31m"): they would reach terminals and reports. Line breaks and tabs
// are text.
func controlInText(s string) string {
	for _, r := range s {
		if r != '\n' && r != '\t' && (controlChar(r) || r == '\r' || r == 0x85) {
			return fmt.Sprintf("control character U+%04X is not allowed in text", r)
		}
	}
	return ""
}
