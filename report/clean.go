package report

import "strings"

// Clean makes text from a data file or the user safe in every output format: line breaks and
// tabs become spaces, so a name cannot start a new table row, and other control characters
// (terminal escapes, bells, backspaces) and bidirectional overrides are dropped, so nothing
// printed can drive a terminal or disguise itself. keepLines keeps line breaks and tabs, for
// a whole page whose layout they are.
func Clean(s string, keepLines bool) string {
	if strings.IndexFunc(s, func(r rune) bool { return unsafeRune(r, keepLines) || (!keepLines && blank(r)) }) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case !keepLines && blank(r):
			return ' '
		case unsafeRune(r, keepLines):
			return -1
		}
		return r
	}, s)
}

func blank(r rune) bool {
	return r == '\n' || r == '\r' || r == '\t' || r == 0x85 || r == 0x2028 || r == 0x2029
}

func unsafeRune(r rune, keepLines bool) bool {
	switch {
	case keepLines && (r == '\n' || r == '\t'):
		return false
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f:
		return true
	}
	return false
}
