package plainyaml

import "go.yaml.in/yaml/v3"

// flowMapping parses {key: value, …}, which may go on over lines indented more than indent
// (the block collection holding it) and end with a comma.
func (p *parser) flowMapping(depth, indent int) *yaml.Node {
	m := p.node(yaml.MappingNode, yaml.FlowStyle, "", p.pos)
	p.pos++
	base := p.open()
	for {
		p.flowSpace(indent)
		if p.src[p.pos] == '}' {
			p.pos++
			p.close(m, base)
			return m
		}
		p.stack = append(p.stack, p.key())
		p.flowSpace(indent)
		p.stack = append(p.stack, p.inline(true, depth+1, indent))
		if p.entryEnd('}', indent) {
			p.close(m, base)
			return m
		}
	}
}

// flowList parses [value, …] as flowMapping parses a mapping.
func (p *parser) flowList(depth, indent int) *yaml.Node {
	l := p.node(yaml.SequenceNode, yaml.FlowStyle, "", p.pos)
	p.pos++
	base := p.open()
	for {
		p.flowSpace(indent)
		if p.src[p.pos] == ']' {
			p.pos++
			p.close(l, base)
			return l
		}
		p.stack = append(p.stack, p.inline(true, depth+1, indent))
		if p.entryEnd(']', indent) {
			p.close(l, base)
			return l
		}
	}
}

// entryEnd reads what follows an entry of a flow collection: its closing bracket (true) or
// a comma (false).
func (p *parser) entryEnd(closing byte, indent int) bool {
	p.flowSpace(indent)
	switch p.src[p.pos] {
	case closing:
		p.pos++
		return true
	case ',':
		p.pos++
		return false
	}
	p.decline()
	return false
}

// flowSpace moves over spaces, comments and line breaks to the next token of a flow
// collection; a line it goes on to must be indented more than indent.
func (p *parser) flowSpace(indent int) {
	p.skipSpaces()
	for p.atLineEnd() {
		if p.nextStart == p.textEnd {
			p.decline() // the file ends inside the collection
		}
		p.nextLine()
		p.skipSpaces()
		if !p.atLineEnd() && p.pos-p.lineStart <= indent {
			p.decline()
		}
	}
}
