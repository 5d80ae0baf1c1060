package yamledit

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// yaml.v3 gives where a node starts but not where it ends, so the ends are found here by
// reading the original bytes with the node as a guide.

// start is the byte offset of a node's first character (its anchor or tag, if it has one).
func (t *text) start(n *yaml.Node) (int, error) {
	return t.offset(n.Line, n.Column)
}

// end is the offset just past node n. indent is the indentation of the mapping holding n,
// which only block scalars (| and >) need.
func (t *text) end(n *yaml.Node, indent int) (int, error) {
	start, err := t.start(n)
	if err != nil {
		return 0, err
	}
	if n.Anchor != "" || n.Style&yaml.TaggedStyle != 0 {
		start = t.skipProperties(start)
	}
	switch n.Kind {
	case yaml.ScalarNode:
		return t.scalarEnd(n, start, indent)
	case yaml.AliasNode:
		return t.expect(start, "*"+n.Value)
	case yaml.MappingNode, yaml.SequenceNode:
		return t.collectionEnd(n, start)
	}
	return 0, fmt.Errorf("unexpected node at line %d", n.Line)
}

// skipProperties moves past anchors (&a) and tags (!t, !!t, !<t>) and the space after them.
func (t *text) skipProperties(off int) int {
	for off < len(t.src) && (t.src[off] == '&' || t.src[off] == '!') {
		if bytes.HasPrefix(t.src[off:], []byte("!<")) {
			if i := bytes.IndexByte(t.src[off:], '>'); i >= 0 {
				off += i + 1
			}
		}
		for off < len(t.src) && !t.isSpace(off) && !bytes.ContainsRune([]byte(",[]{}"), rune(t.src[off])) {
			off++
		}
		off = t.skipSpace(off)
	}
	return off
}

func (t *text) scalarEnd(n *yaml.Node, start, indent int) (int, error) {
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0:
		return t.quotedEnd(start, '"')
	case n.Style&yaml.SingleQuotedStyle != 0:
		return t.quotedEnd(start, '\'')
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return t.blockScalarEnd(start, indent)
	}
	return t.plainEnd(start, n.Value)
}

// quotedEnd finds the closing quote. Inside single quotes a doubled quote stands for one;
// inside double quotes a backslash escapes the next character.
func (t *text) quotedEnd(start int, quote byte) (int, error) {
	if start >= len(t.src) || t.src[start] != quote {
		return 0, fmt.Errorf("no opening quote at byte %d", start)
	}
	for i := start + 1; i < len(t.src); i++ {
		switch {
		case quote == '"' && t.src[i] == '\\':
			i++
		case t.src[i] == quote && quote == '\'' && i+1 < len(t.src) && t.src[i+1] == '\'':
			i++
		case t.src[i] == quote:
			return i + 1, nil
		}
	}
	return 0, fmt.Errorf("no closing quote after byte %d", start)
}

// plainEnd walks the words of a plain scalar's value through the file. A plain scalar can
// only fold white space and line breaks (it cannot hold comments or escapes), so its words
// appear in the file in order, separated by nothing else.
func (t *text) plainEnd(start int, value string) (int, error) {
	off := start
	for i, word := range strings.FieldsFunc(value, isFoldedSpace) {
		if i > 0 {
			for t.isSpace(off) {
				off += max(1, breakLen(t.src, off))
			}
		}
		var err error
		if off, err = t.expect(off, word); err != nil {
			return 0, err
		}
	}
	return off, nil
}

func isFoldedSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u0085' || r == '\u2028' || r == '\u2029'
}

// blockScalarEnd finds the end of the last content line of a | or > scalar: content lines
// are those indented at least as deep as the first one (or as an explicit indentation
// indicator says), and deeper than the mapping holding the scalar.
func (t *text) blockScalarEnd(start, indent int) (int, error) {
	if start >= len(t.src) || (t.src[start] != '|' && t.src[start] != '>') {
		return 0, fmt.Errorf("no block scalar at byte %d", start)
	}
	contentIndent := 0
	for i := start + 1; i < len(t.src) && bytes.IndexByte([]byte("+-123456789"), t.src[i]) >= 0; i++ {
		if c := t.src[i]; c >= '1' && c <= '9' {
			contentIndent = indent + int(c-'0')
		}
	}
	end := t.lineEnd(start)
	for line := t.nextLine(end); line < len(t.src); {
		lineEnd := t.lineEnd(line)
		spaces := 0
		for line+spaces < lineEnd && t.src[line+spaces] == ' ' {
			spaces++
		}
		if line+spaces < lineEnd { // blank lines belong to whatever comes next
			if spaces <= indent || spaces < contentIndent {
				break
			}
			if contentIndent == 0 {
				contentIndent = spaces
			}
			end = lineEnd
		}
		line = t.nextLine(lineEnd)
	}
	return end, nil
}

// collectionEnd is the end of a mapping or sequence: past its closing bracket when written
// in flow style, else the end of its last entry.
func (t *text) collectionEnd(n *yaml.Node, start int) (int, error) {
	last := len(n.Content) - 1
	bracketed := start < len(t.src) && (t.src[start] == '{' || t.src[start] == '[')
	if !bracketed {
		if last < 0 {
			return 0, fmt.Errorf("empty collection without brackets at line %d", n.Line)
		}
		return t.end(n.Content[last], entryIndent(n))
	}
	closing := byte('}')
	if t.src[start] == '[' {
		closing = ']'
	}
	off := start + 1
	if last >= 0 {
		var err error
		if off, err = t.end(n.Content[last], entryIndent(n)); err != nil {
			return 0, err
		}
	}
	off = t.skipSpace(off)
	if off < len(t.src) && t.src[off] == ',' {
		off = t.skipSpace(off + 1)
	}
	if off >= len(t.src) || t.src[off] != closing {
		return 0, fmt.Errorf("no closing %q for the collection at line %d", closing, n.Line)
	}
	return off + 1, nil
}

// entryIndent is the indentation block scalars among n's entries are measured against.
func entryIndent(n *yaml.Node) int {
	if n.Kind == yaml.MappingNode && len(n.Content) > 1 {
		return n.Content[len(n.Content)-2].Column - 1
	}
	return n.Column - 1
}

// expect returns the offset past want, which must be at off.
func (t *text) expect(off int, want string) (int, error) {
	if !bytes.HasPrefix(t.src[off:], []byte(want)) {
		return 0, fmt.Errorf("%q not found at byte %d", want, off)
	}
	return off + len(want), nil
}
