// Package plainyaml parses the plain part of YAML that data files are written in into the
// same nodes yaml.v3 makes, several times faster: yaml.v3's own parse is most of the time a
// large data folder takes to load.
//
// It takes block mappings and lists, flow mappings and lists, plain and quoted values (with
// escapes, and text wrapped over lines), keys of letters, digits, '_', '-' and '.', and
// comments: the bundled files, and country files as PyYAML writes them or Prettier formats
// them. Anything else — anchors, tags, block text (| and >), empty values, tabs, quoted or
// complex keys, a second document, and every syntax error — it declines, and the caller
// parses the file with yaml.v3, which also words the errors. The nodes carry no comments. A
// fuzz test holds it to yaml.v3's nodes on every file it accepts.
package plainyaml

import (
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Parse returns the root node of src, or ok false when src is outside what this package
// takes. A fault in this package also declines, so the file still loads through yaml.v3.
func Parse(src []byte) (root *yaml.Node, ok bool) {
	var ps Parser
	return ps.Parse(src)
}

// A Parser parses file after file into the same memory, so that a folder of files allocates
// little: the nodes one Parse returns are good until its next. The zero Parser is ready.
type Parser struct{ memory }

// memory is where a parse makes its nodes and their lists of children: arrays that double
// when full, and that the next parse starts over.
type memory struct {
	nodes []yaml.Node
	lists []*yaml.Node
	stack []*yaml.Node // the children of the collections being parsed
}

// Parse is the package's Parse into ps's memory.
func (ps *Parser) Parse(src []byte) (root *yaml.Node, ok bool) {
	root, ok, _ = ps.parse(src)
	return root, ok
}

// parse is Parse that also returns a fault (a panic other than a decline), for the tests.
func (ps *Parser) parse(src []byte) (root *yaml.Node, ok bool, fault any) {
	if !plainText(src) {
		return nil, false, nil
	}
	p := parser{src: string(src), cursor: cursor{line: 1},
		memory: memory{ps.nodes[:0], ps.lists[:0], ps.stack[:0]}}
	p.startLine(0)
	defer func() {
		ps.memory = p.memory
		if r := recover(); r != nil {
			root, ok = nil, false
			if _, isDecline := r.(declined); !isDecline {
				fault = r
			}
		}
	}()
	indent, found := p.toContent()
	if found && indent == 0 && strings.HasPrefix(p.src[p.pos:p.textEnd], "---") {
		p.pos += 3 // the document's start, which may be marked
		if p.skipSpaces(); !p.atLineEnd() {
			p.decline()
		}
		p.nextLine()
		indent, found = p.toContent()
	}
	if !found {
		return nil, false, nil
	}
	root = p.block(indent, -1)
	if _, more := p.toContent(); more {
		p.decline()
	}
	return root, true, nil
}

// declined is the panic that unwinds a parse that met something outside the subset.
type declined struct{}

type parser struct {
	src string
	cursor
	memory
}

// cursor is where the parse is, with what it knows of that line; a value that may go on over
// the next lines looks ahead and comes back with it.
type cursor struct {
	pos       int // the next byte to read
	line      int // pos's line, from 1
	lineStart int // where pos's line starts
	textEnd   int // where its text ends, before the line break
	nextStart int // where the next line starts
	counted   int // where column last counted to on this line, and the column there
	columns   int
}

func (p *parser) decline() { panic(declined{}) }

// node makes a node at byte offset at of the current line. When the array is full a new one
// twice its size takes over; the nodes made so far stay where they are.
func (p *parser) node(kind yaml.Kind, style yaml.Style, value string, at int) *yaml.Node {
	if len(p.nodes) == cap(p.nodes) {
		p.nodes = make([]yaml.Node, 0, max(64, 2*cap(p.nodes)))
	}
	p.nodes = append(p.nodes, yaml.Node{Kind: kind, Style: style, Value: value, Line: p.line, Column: p.column(at)})
	n := &p.nodes[len(p.nodes)-1]
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

// close gives n the children collected since open returned base, in one slice cut from the
// lists array, capped so that appending to it copies.
func (p *parser) close(n *yaml.Node, base int) {
	children := p.stack[base:]
	if len(p.lists)+len(children) > cap(p.lists) {
		p.lists = make([]*yaml.Node, 0, max(256, 2*cap(p.lists), len(children)))
	}
	start := len(p.lists)
	p.lists = append(p.lists, children...)
	n.Content = p.lists[start:len(p.lists):len(p.lists)]
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

// block parses the value whose first line starts at pos with this indent, under a collection
// at parent: a mapping, a list, or a value written on a line of its own.
func (p *parser) block(indent, parent int) *yaml.Node {
	if indent > deepest {
		p.decline()
	}
	p.pos += indent
	switch {
	case p.dashAt(p.pos):
		return p.list(indent)
	case p.keyAhead():
		return p.mapping(indent)
	case parent < 0:
		p.decline() // a file of one value, which may be a document marker (...)
	}
	return p.inlineToLineEnd(parent)
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

// key parses a plain key and its colon, which a space or the line's end must follow. A key
// is at most 1000 bytes: yaml.v3 refuses one over 1024 characters.
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
		return p.inlineToLineEnd(indent)
	}
	p.nextLine()
	next, found := p.toContent()
	switch {
	case !found:
		p.decline() // an empty value
	case next > indent:
		return p.block(next, indent)
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
			item = p.block(next, indent)
		case p.keyAhead() && p.pos-p.lineStart <= deepest:
			item = p.mapping(p.pos - p.lineStart) // "- key: value", more keys under the first
		default:
			item = p.inlineToLineEnd(indent)
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

// inlineToLineEnd parses a value that starts on the line, and may go on over lines indented
// more than the collection holding it (at indent), then moves to the next line.
func (p *parser) inlineToLineEnd(indent int) *yaml.Node {
	v := p.inline(false, 0, indent)
	p.skipSpaces()
	if !p.atLineEnd() {
		p.decline()
	}
	p.nextLine()
	return v
}

// inline parses a value: a flow mapping or list, quoted text or a plain value, going on over
// lines indented more than indent. In a flow collection (flow) a plain value ends at a comma,
// bracket or the line's end.
func (p *parser) inline(flow bool, depth, indent int) *yaml.Node {
	if depth > deepest {
		p.decline()
	}
	switch c := p.src[p.pos]; c {
	case '{':
		return p.flowMapping(depth, indent)
	case '[':
		return p.flowList(depth, indent)
	case '"', '\'':
		return p.quoted(c, indent)
	case '-':
		if p.pos+1 == len(p.src) || isBreakOrSpace(p.src[p.pos+1]) {
			p.decline()
		}
	case '?', ':', ',', ']', '}', '#', '&', '*', '!', '|', '>', '%', '@', '`':
		p.decline()
	}
	if flow {
		return p.flowPlain(indent)
	}
	return p.blockPlain(indent)
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
