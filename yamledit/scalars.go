package yamledit

import (
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
)

func formatNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// doubleQuoted writes s as a double-quoted scalar. Every escape strconv.Quote emits (\n, \",
// \\, \xXX, \uXXXX, ...) means the same in YAML; the caller has checked s is valid UTF-8, so
// \xXX only ever stands for a control character, never a stray byte.
func doubleQuoted(s string) string { return strconv.Quote(s) }

// singleQuoted writes s in single quotes when it is one line of printable characters.
func singleQuoted(s string) (string, bool) {
	if strings.IndexFunc(s, isUnprintable) >= 0 {
		return "", false
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'", true
}

// plainOrQuoted writes s plain when it reads back as the same string both in a block and in
// a flow mapping, else double-quoted.
func plainOrQuoted(s string) string {
	if s != "" && strings.IndexFunc(s, isUnprintable) < 0 &&
		readsBackAs("k: "+s, s) && readsBackAs("{k: "+s+"}", s) {
		return s
	}
	return doubleQuoted(s)
}

// asOfText writes dates (2024, 2024-06, 2024-06-30) plain, as the data files do, although
// yaml reads some of them as numbers or timestamps: as_of is read as text either way.
func asOfText(s string) string {
	if isDate(s) {
		return s
	}
	return plainOrQuoted(s)
}

func isDate(s string) bool {
	if len(s) != 4 && len(s) != 7 && len(s) != 10 {
		return false
	}
	for i, c := range []byte(s) {
		dash := i == 4 || i == 7
		if dash && c != '-' || !dash && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// restyled writes s for the place of old, keeping old's quotes where s allows it.
func restyled(old *yaml.Node, s string, unquoted func(string) string) string {
	switch {
	case old.Style&yaml.DoubleQuotedStyle != 0:
		return doubleQuoted(s)
	case old.Style&yaml.SingleQuotedStyle != 0:
		if quoted, ok := singleQuoted(s); ok {
			return quoted
		}
		return doubleQuoted(s)
	}
	return unquoted(s)
}

func isUnprintable(r rune) bool { return !unicode.IsPrint(r) }

// readsBackAs reports whether doc is a one-entry mapping whose value is the plain string want.
func readsBackAs(doc, want string) bool {
	var n yaml.Node
	if yaml.Unmarshal([]byte(doc), &n) != nil || len(n.Content) != 1 {
		return false
	}
	m := n.Content[0]
	if m.Kind != yaml.MappingNode || len(m.Content) != 2 {
		return false
	}
	v := m.Content[1]
	return v.Kind == yaml.ScalarNode && v.Style == 0 && v.Tag == "!!str" && v.Value == want
}
