// Package plainyaml parses the plain part of YAML that data files are written in into the
// same nodes yaml.v3 makes, several times faster: yaml.v3's own parse is most of the time a
// large data folder takes to load.
//
// It takes block mappings and lists, one-line flow mappings and lists, one-line plain and
// quoted values, and comments. Anything else — anchors, tags, block and multi-line text,
// escapes, empty values, tabs, several documents, and every syntax error — it declines, and
// the caller parses the file with yaml.v3, which also words the errors. The nodes carry no
// comments. A fuzz test holds it to yaml.v3's nodes on every file it accepts.
package plainyaml

import (
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Parse returns the root node of src, or ok false when src is outside what this package
// takes. A fault in this package also declines, so the file still loads through yaml.v3.
func Parse(src []byte) (root *yaml.Node, ok bool) {
	root, ok, _ = parse(src)
	return root, ok
}

// parse is Parse that also returns a fault (a panic other than a decline), for the tests.
func parse(src []byte) (root *yaml.Node, ok bool, fault any) {
	if !plainText(src) {
		return nil, false, nil
	}
	p := parser{src: string(src), line: 1}
	p.startLine(0)
	defer func() {
		if r := recover(); r != nil {
			root, ok = nil, false
			if _, isDecline := r.(declined); !isDecline {
				fault = r
			}
		}
	}()
	indent, found := p.toContent()
	if !found {
		return nil, false, nil
	}
	root = p.block(indent)
	if _, more := p.toContent(); more {
		p.decline()
	}
	return root, true, nil
}

// declined is the panic that unwinds a parse that met something outside the subset.
type declined struct{}

type parser struct {
	src       string
	pos       int // the next byte to read
	line      int // pos's line, from 1
	lineStart int // where pos's line starts
	textEnd   int // where its text ends, before the line break
	nextStart int // where the next line starts
	counted   int // where column last counted to on this line, and the column there
	columns   int
	slab      []yaml.Node
	stack     []*yaml.Node // the children of the collections being parsed
	ptrs      []*yaml.Node // the slab the collections' children are cut from
}

func (p *parser) decline() { panic(declined{}) }

// node makes a node at byte offset at of the current line, from a slab so a file's nodes
// take a few allocations, not one each.
func (p *parser) node(kind yaml.Kind, style yaml.Style, value string, at int) *yaml.Node {
	if len(p.slab) == cap(p.slab) {
		p.slab = make([]yaml.Node, 0, 64)
	}
	p.slab = append(p.slab, yaml.Node{Kind: kind, Style: style, Value: value, Line: p.line, Column: p.column(at)})
	n := &p.slab[len(p.slab)-1]
	switch {
	case kind == yaml.MappingNode:
		n.Tag = "!!map"
	case kind == yaml.SequenceNode:
		n.Tag = "!!seq"
	case style != 0:
		n.Tag = "!!str"
	default:
		n.Tag = plainTag(value)
	}
	return n
}

// open starts collecting a collection's children; close hands them to it.
func (p *parser) open() int { return len(p.stack) }

// close gives n the children collected since open returned base, in one slice cut from a
// slab, capped so that appending to it copies.
func (p *parser) close(n *yaml.Node, base int) {
	children := p.stack[base:]
	if len(p.ptrs)+len(children) > cap(p.ptrs) {
		p.ptrs = make([]*yaml.Node, 0, max(256, len(children)))
	}
	start := len(p.ptrs)
	p.ptrs = append(p.ptrs, children...)
	n.Content = p.ptrs[start:len(p.ptrs):len(p.ptrs)]
	clear(children)
	p.stack = p.stack[:base]
}

// plainTag is the tag yaml.v3 resolves a plain value to. The common forms — words, whole
// numbers without a leading zero, decimals, year-months — are told at a glance; the rest are
// left to yaml.v3, which tries each form in turn.
func plainTag(value string) string {
	switch value {
	case "":
		return "!!null"
	case "true", "false":
		return "!!bool"
	}
	switch c := value[0]; {
	case c >= 'a' && c <= 'z' && !strings.ContainsRune("nfoty", rune(c)),
		c >= 'A' && c <= 'Z' && !strings.ContainsRune("NFOTY", rune(c)):
		return "!!str" // yaml.v3 looks no further than this first letter
	}
	whole, frac, point := strings.Cut(strings.TrimPrefix(value, "-"), ".")
	if allDigits(whole) && len(whole) <= 18 {
		switch {
		case !point && (whole[0] != '0' || whole == "0"):
			return "!!int"
		case point && allDigits(frac):
			return "!!float"
		}
	}
	if len(value) == 7 && value[4] == '-' && allDigits(value[:4]) && allDigits(value[5:]) {
		return "!!str" // 2024-06: not a date to yaml.v3, which wants a day
	}
	return (&yaml.Node{Kind: yaml.ScalarNode, Value: value}).ShortTag()
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// column counts characters, as yaml.v3 does, from 1; on from the last column asked for on
// the line, as a line's nodes come left to right.
func (p *parser) column(at int) int {
	if at < p.counted {
		p.counted, p.columns = p.lineStart, 1
	}
	p.columns += utf8.RuneCountInString(p.src[p.counted:at])
	p.counted = at
	return p.columns
}

// startLine makes the line starting at at the current one, noting where its text ends once,
// so a long line is searched once, not for each value on it.
func (p *parser) startLine(at int) {
	p.lineStart, p.counted, p.columns = at, at, 1
	p.textEnd, p.nextStart = len(p.src), len(p.src)
	if nl := strings.IndexByte(p.src[at:], '\n'); nl >= 0 {
		p.textEnd, p.nextStart = at+nl, at+nl+1
		if p.textEnd > at && p.src[p.textEnd-1] == '\r' {
			p.textEnd--
		}
	}
}

// lineEnd is where the current line's text ends, before its line break.
func (p *parser) lineEnd() int { return p.textEnd }

func (p *parser) nextLine() {
	p.pos = p.nextStart
	p.line++
	p.startLine(p.pos)
}

// toContent moves from the start of a line to the start of the next line that holds more
// than spaces and a comment, and returns its indent; found is false at the end of the file.
func (p *parser) toContent() (indent int, found bool) {
	for p.pos < len(p.src) {
		i := p.pos
		for i < len(p.src) && p.src[i] == ' ' {
			i++
		}
		if i < len(p.src) && p.src[i] != '#' && p.src[i] != '\n' && p.src[i] != '\r' {
			return i - p.pos, true
		}
		p.nextLine()
	}
	return 0, false
}

// dashAt says a block list's "- " (or a lone "-") starts at i.
func (p *parser) dashAt(i int) bool {
	return i < len(p.src) && p.src[i] == '-' && (i+1 == len(p.src) || isBreakOrSpace(p.src[i+1]))
}

func isBreakOrSpace(b byte) bool { return b == ' ' || b == '\n' || b == '\r' }

// deepest is the most indent taken: each nested block is indented more than the one holding
// it, so this bounds how deep the parse recurses.
const deepest = 256

// block parses the mapping or list whose first line starts at pos with this indent.
func (p *parser) block(indent int) *yaml.Node {
	if indent > deepest {
		p.decline()
	}
	p.pos += indent
	if p.dashAt(p.pos) {
		return p.list(indent)
	}
	return p.mapping(indent)
}

// mapping parses a block mapping whose first key is at pos, at column indent; it ends at the
// start of the first line indented less, or at a list's dash at its own indent.
func (p *parser) mapping(indent int) *yaml.Node {
	m := p.node(yaml.MappingNode, 0, "", p.pos)
	base := p.open()
	for {
		p.stack = append(p.stack, p.key())
		p.stack = append(p.stack, p.valueAfterKey(indent))
		next, found := p.toContent()
		switch {
		case !found || next < indent:
			p.close(m, base)
			return m
		case next > indent || p.dashAt(p.pos+next):
			p.decline()
		}
		p.pos += next
	}
}

// key parses a plain key and its colon, which a space or the line's end must follow.
func (p *parser) key() *yaml.Node {
	start := p.pos
	i := start
	for i < len(p.src) && i-start < 1000 && isKeyByte(p.src[i], i == start) {
		i++
	}
	if i == start || i >= len(p.src) || p.src[i] != ':' || (i+1 < len(p.src) && !isBreakOrSpace(p.src[i+1])) {
		p.decline()
	}
	k := p.node(yaml.ScalarNode, 0, p.src[start:i], start)
	p.pos = i + 1
	return k
}

func isKeyByte(b byte, first bool) bool {
	switch {
	case 'a' <= b && b <= 'z', 'A' <= b && b <= 'Z', '0' <= b && b <= '9', b == '_':
		return true
	}
	return !first && (b == '-' || b == '.')
}

// valueAfterKey parses a block mapping's value, on the key's line or the lines under it, and
// leaves pos at the start of the line after it.
func (p *parser) valueAfterKey(indent int) *yaml.Node {
	p.skipSpaces()
	if !p.atLineEnd() {
		return p.inlineToLineEnd()
	}
	p.nextLine()
	next, found := p.toContent()
	switch {
	case !found:
		p.decline() // an empty value
	case next > indent:
		return p.block(next)
	case next == indent && p.dashAt(p.pos+next):
		p.pos += next
		return p.list(indent) // a list written at its key's indent
	}
	p.decline()
	return nil
}

// list parses a block list whose first dash is at pos, at column indent; it ends at the start
// of the first line indented less or not starting with a dash.
func (p *parser) list(indent int) *yaml.Node {
	l := p.node(yaml.SequenceNode, 0, "", p.pos)
	base := p.open()
	for {
		p.pos++ // the dash
		p.skipSpaces()
		var item *yaml.Node
		switch {
		case p.atLineEnd():
			p.nextLine()
			next, found := p.toContent()
			if !found || next <= indent {
				p.decline() // an empty item
			}
			item = p.block(next)
		case p.keyAhead() && p.pos-p.lineStart <= deepest:
			item = p.mapping(p.pos - p.lineStart) // "- key: value", more keys under the first
		default:
			item = p.inlineToLineEnd()
		}
		p.stack = append(p.stack, item)
		next, found := p.toContent()
		switch {
		case next > indent:
			p.decline()
		case !found || next < indent || !p.dashAt(p.pos+next):
			p.close(l, base)
			return l
		}
		p.pos += next
	}
}

// keyAhead says pos starts a plain key and its colon.
func (p *parser) keyAhead() bool {
	i := p.pos
	for i < len(p.src) && isKeyByte(p.src[i], i == p.pos) {
		i++
	}
	return i > p.pos && i < len(p.src) && p.src[i] == ':' && (i+1 == len(p.src) || isBreakOrSpace(p.src[i+1]))
}

func (p *parser) skipSpaces() {
	for p.pos < len(p.src) && p.src[p.pos] == ' ' {
		p.pos++
	}
}

// atLineEnd says only spaces and perhaps a comment are left on the line, at pos.
func (p *parser) atLineEnd() bool {
	if p.pos == len(p.src) {
		return true
	}
	switch p.src[p.pos] {
	case '\n', '\r':
		return true
	case '#':
		return p.pos > p.lineStart && p.src[p.pos-1] == ' '
	}
	return false
}

// inlineToLineEnd parses a value written on the rest of the line and moves to the next line.
func (p *parser) inlineToLineEnd() *yaml.Node {
	v := p.inline(false, 0)
	p.skipSpaces()
	if !p.atLineEnd() {
		p.decline()
	}
	p.nextLine()
	return v
}

// inline parses a value that ends on its line: a flow mapping or list, quoted text or a plain
// value. In a flow collection (flow) a plain value ends at a comma or bracket.
func (p *parser) inline(flow bool, depth int) *yaml.Node {
	if depth > deepest {
		p.decline()
	}
	switch c := p.src[p.pos]; c {
	case '{':
		return p.flowMapping(depth)
	case '[':
		return p.flowList(depth)
	case '"':
		return p.doubleQuoted()
	case '\'':
		return p.singleQuoted()
	case '-':
		if p.pos+1 == len(p.src) || isBreakOrSpace(p.src[p.pos+1]) {
			p.decline()
		}
	case '?', ':', ',', ']', '}', '#', '&', '*', '!', '|', '>', '%', '@', '`':
		p.decline()
	}
	if flow {
		return p.flowPlain()
	}
	return p.blockPlain()
}

// blockPlain parses a plain value that runs to a comment or the line's end.
func (p *parser) blockPlain() *yaml.Node {
	start, end := p.pos, p.lineEnd()
	if c := strings.Index(p.src[start:end], " #"); c >= 0 {
		end = start + c
	}
	text := strings.TrimRight(p.src[start:end], " ")
	if strings.Contains(text, ": ") || strings.HasSuffix(text, ":") {
		p.decline() // a mapping where one value was expected
	}
	p.pos = end
	return p.node(yaml.ScalarNode, 0, text, start)
}

// flowPlain parses a plain value inside a flow collection, up to a comma or closing bracket.
func (p *parser) flowPlain() *yaml.Node {
	start, end := p.pos, p.lineEnd()
	i := start
	for i < end && !strings.ContainsRune(",]}[{:#?", rune(p.src[i])) {
		i++
	}
	if i == end || !strings.ContainsRune(",]}", rune(p.src[i])) {
		p.decline() // the collection goes on past the line, or holds a key, comment, bracket or '?'
	}
	text := strings.TrimRight(p.src[start:i], " ")
	p.pos = i
	return p.node(yaml.ScalarNode, 0, text, start)
}

// doubleQuoted parses "text" closed on its line, without escapes.
func (p *parser) doubleQuoted() *yaml.Node {
	start, end := p.pos, p.lineEnd()
	q := strings.IndexAny(p.src[start+1:end], `"\`)
	if q < 0 || p.src[start+1+q] != '"' {
		p.decline()
	}
	p.pos = start + 1 + q + 1
	return p.node(yaml.ScalarNode, yaml.DoubleQuotedStyle, p.src[start+1:start+1+q], start)
}

// singleQuoted parses 'text' closed on its line, where ” stands for one quote.
func (p *parser) singleQuoted() *yaml.Node {
	start, end := p.pos, p.lineEnd()
	var b strings.Builder
	i := start + 1
	for {
		q := strings.IndexByte(p.src[i:end], '\'')
		if q < 0 {
			p.decline()
		}
		b.WriteString(p.src[i : i+q])
		i += q + 1
		if i < end && p.src[i] == '\'' {
			b.WriteByte('\'')
			i++
			continue
		}
		break
	}
	p.pos = i
	return p.node(yaml.ScalarNode, yaml.SingleQuotedStyle, b.String(), start)
}

// flowMapping parses {key: value, …} closed on its line.
func (p *parser) flowMapping(depth int) *yaml.Node {
	m := p.node(yaml.MappingNode, yaml.FlowStyle, "", p.pos)
	p.pos++
	p.skipSpaces()
	if p.pos < len(p.src) && p.src[p.pos] == '}' {
		p.pos++
		return m
	}
	base := p.open()
	for {
		p.stack = append(p.stack, p.key())
		if p.pos == len(p.src) || p.src[p.pos] != ' ' {
			p.decline()
		}
		p.skipSpaces()
		if p.atLineEnd() {
			p.decline()
		}
		p.stack = append(p.stack, p.inline(true, depth+1))
		if p.closeFlow('}') {
			p.close(m, base)
			return m
		}
	}
}

// flowList parses [value, …] closed on its line.
func (p *parser) flowList(depth int) *yaml.Node {
	l := p.node(yaml.SequenceNode, yaml.FlowStyle, "", p.pos)
	p.pos++
	p.skipSpaces()
	if p.pos < len(p.src) && p.src[p.pos] == ']' {
		p.pos++
		return l
	}
	base := p.open()
	for {
		if p.atLineEnd() {
			p.decline()
		}
		p.stack = append(p.stack, p.inline(true, depth+1))
		if p.closeFlow(']') {
			p.close(l, base)
			return l
		}
	}
}

// closeFlow reads what follows an entry of a flow collection: a comma and the next entry's
// start (false), or the closing bracket (true).
func (p *parser) closeFlow(closing byte) bool {
	p.skipSpaces()
	switch {
	case p.pos < len(p.src) && p.src[p.pos] == closing:
		p.pos++
		return true
	case p.pos < len(p.src) && p.src[p.pos] == ',':
		p.pos++
		p.skipSpaces()
		if p.pos == len(p.src) || p.src[p.pos] == closing || p.atLineEnd() {
			p.decline() // a trailing comma, or an entry on the next line
		}
		return false
	}
	p.decline()
	return false
}

// plainText says src holds only what yaml.v3 reads as text on one line: printable
// characters, spaces, and line breaks as \n or \r\n; no tabs, byte-order marks, or the
// Unicode line and paragraph separators yaml.v3 takes for line breaks.
func plainText(src []byte) bool {
	for i := 0; i < len(src); {
		b := src[i]
		switch {
		case b >= 0x20 && b < 0x7f, b == '\n':
			i++
			continue
		case b == '\r':
			if i+1 == len(src) || src[i+1] != '\n' {
				return false
			}
			i++
			continue
		case b < utf8.RuneSelf:
			return false
		}
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError || r <= 0x9f || r == 0x2028 || r == 0x2029 || r == 0xfeff || r >= 0xfffe && r <= 0xffff {
			return false
		}
		i += size
	}
	return true
}
