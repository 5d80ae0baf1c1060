package plainyaml

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

// blockPlain parses a plain value that runs to a comment or the line's end, and on over the
// lines after it that are indented more than indent (the collection holding it): a long text
// wrapped as a YAML writer wraps it. Lines are joined with a space, and a blank line between
// them stands for a line break, as yaml.v3 folds them.
func (p *parser) blockPlain(indent int) *yaml.Node {
	start := p.pos
	n := p.node(yaml.ScalarNode, 0, "", start)
	text, comment := p.plainLine(p.src[start:p.textEnd])
	p.pos = start + len(text)
	n.Value, n.Tag = text, plainTag(text)
	if comment {
		return n
	}
	var folded strings.Builder
	last, breaks := p.cursor, 0
	for {
		p.nextLine()
		if p.pos == len(p.src) {
			break
		}
		i := p.pos
		for i < p.textEnd && p.src[i] == ' ' {
			i++
		}
		if i == p.textEnd {
			breaks++
			continue
		}
		if p.src[i] == '#' || i-p.pos <= indent {
			break // a comment or the next entry ends the text
		}
		more, comment := p.plainLine(p.src[i:p.textEnd])
		if strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`", rune(more[0])) {
			p.decline()
		}
		if folded.Len() == 0 {
			folded.WriteString(text)
		}
		if breaks == 0 {
			folded.WriteByte(' ')
		}
		folded.WriteString(strings.Repeat("\n", breaks))
		folded.WriteString(more)
		p.pos, breaks = i+len(more), 0
		last = p.cursor
		if comment {
			break // the text ends at a comment
		}
	}
	p.cursor = last
	if folded.Len() > 0 {
		n.Value, n.Tag = folded.String(), plainTag(folded.String())
	}
	return n
}

// plainLine is a line of plain text up to a comment, less the spaces before it; comment says
// one follows. Text that holds ": " or ends in ':' would make a mapping, and is declined.
func (p *parser) plainLine(line string) (text string, comment bool) {
	if c := strings.Index(line, " #"); c >= 0 {
		line, comment = line[:c], true
	}
	text = strings.TrimRight(line, " ")
	if strings.Contains(text, ": ") || strings.HasSuffix(text, ":") {
		p.decline()
	}
	return text, comment
}

// flowPlain parses a plain value inside a flow collection, up to a comma, closing bracket or
// comment, over lines indented more than indent as blockPlain folds them.
func (p *parser) flowPlain(indent int) *yaml.Node {
	n := p.node(yaml.ScalarNode, 0, "", p.pos)
	text, end := p.flowPlainLine(p.pos)
	p.pos = end
	n.Value, n.Tag = text, plainTag(text)
	if end < p.textEnd {
		return n
	}
	var folded strings.Builder
	last, breaks := p.cursor, 0
	for {
		p.nextLine()
		if p.pos == len(p.src) {
			break
		}
		i := p.pos
		for i < p.textEnd && p.src[i] == ' ' {
			i++
		}
		if i == p.textEnd {
			breaks++
			continue
		}
		if strings.ContainsRune("#,]}", rune(p.src[i])) {
			break // a comment or the collection's next entry ends the text
		}
		if i-p.pos <= indent {
			p.decline()
		}
		more, end := p.flowPlainLine(i)
		if folded.Len() == 0 {
			folded.WriteString(text)
		}
		if breaks == 0 {
			folded.WriteByte(' ')
		}
		folded.WriteString(strings.Repeat("\n", breaks))
		folded.WriteString(more)
		p.pos, breaks = end, 0
		last = p.cursor
		if end < p.textEnd {
			break
		}
	}
	p.cursor = last
	if folded.Len() > 0 {
		n.Value, n.Tag = folded.String(), plainTag(folded.String())
	}
	return n
}

// flowPlainLine reads plain text in a flow collection from i to a comma, closing bracket,
// comment or the line's end, and returns it less the spaces after it, and where it stopped.
func (p *parser) flowPlainLine(i int) (text string, end int) {
	start := i
	for i < p.textEnd && !strings.ContainsRune(",]}[{:#?", rune(p.src[i])) {
		i++
	}
	if i < p.textEnd && !strings.ContainsRune(",]}", rune(p.src[i])) && (p.src[i] != '#' || p.src[i-1] != ' ') {
		p.decline() // a key, bracket or '?' inside the value
	}
	return strings.TrimRight(p.src[start:i], " "), i
}

// quoted parses text in quotes (quote is ' or "). Text closed on its line without escapes is
// cut from the file as it is; other text is read as yaml.v3 reads it.
func (p *parser) quoted(quote byte, indent int) *yaml.Node {
	start := p.pos
	style, special := yaml.DoubleQuotedStyle, `"\`
	if quote == '\'' {
		style, special = yaml.SingleQuotedStyle, `'`
	}
	n := p.node(yaml.ScalarNode, style, "", start)
	if q := strings.IndexAny(p.src[start+1:p.textEnd], special); q >= 0 && p.src[start+1+q] == quote {
		end := start + 1 + q
		if quote == '"' || end+1 >= p.textEnd || p.src[end+1] != '\'' {
			n.Value, p.pos = p.src[start+1:end], end+1
			return n
		}
	}
	n.Value = p.foldQuoted(quote, indent)
	return n
}

// foldQuoted reads quoted text from the quote at pos to its closing quote, as yaml.v3 does:
// in single quotes two quotes stand for one; in double quotes escapes are read, and a
// backslash at a line's end joins the lines; lines are folded (a line break is a space, a
// blank line a line break, spaces around a break dropped). Every line it goes on to must be
// indented more than indent.
func (p *parser) foldQuoted(quote byte, indent int) string {
	var b strings.Builder
	i := p.pos + 1
	for {
		leadingBlanks, leadingBreak := false, false
	chars:
		for i < p.textEnd && p.src[i] != ' ' {
			switch c := p.src[i]; {
			case c == '\'' && quote == '\'' && i+1 < p.textEnd && p.src[i+1] == '\'':
				b.WriteByte('\'')
				i += 2
			case c == quote:
				break chars
			case c == '\\' && quote == '"' && i+1 == p.textEnd:
				if p.textEnd == len(p.src) {
					p.decline()
				}
				p.nextLine() // an escaped line break: the lines join without a space
				i, leadingBlanks = p.pos, true
				break chars
			case c == '\\' && quote == '"':
				i = p.escape(&b, i)
			default:
				b.WriteByte(c)
				i++
			}
		}
		if i < p.textEnd && p.src[i] == quote {
			p.pos = i + 1
			return b.String()
		}
		spaces, breaks := 0, 0
		for {
			if i < p.textEnd && p.src[i] == ' ' {
				spaces++ // written only when no line break follows
				i++
				continue
			}
			if i == p.textEnd && p.textEnd < len(p.src) {
				if leadingBlanks {
					breaks++
				} else {
					spaces, leadingBlanks, leadingBreak = 0, true, true
				}
				p.nextLine()
				i = p.pos
				continue
			}
			break
		}
		if i == len(p.src) || leadingBlanks && i-p.lineStart <= indent {
			p.decline() // not closed, or a line not indented under the text's key
		}
		switch {
		case leadingBreak && breaks == 0:
			b.WriteByte(' ')
		case leadingBlanks:
			b.WriteString(strings.Repeat("\n", breaks))
		default:
			b.WriteString(strings.Repeat(" ", spaces))
		}
	}
}

// escape writes the character the escape at i stands for and returns the index after it;
// one yaml.v3 does not know is declined.
func (p *parser) escape(b *strings.Builder, i int) int {
	if i+1 >= p.textEnd {
		p.decline()
	}
	digits := 0
	switch c := p.src[i+1]; c {
	case 'x':
		digits = 2
	case 'u':
		digits = 4
	case 'U':
		digits = 8
	default:
		r, ok := oneLetterEscape(c)
		if !ok {
			p.decline()
		}
		b.WriteString(r)
		return i + 2
	}
	if i+2+digits > p.textEnd {
		p.decline()
	}
	code := 0
	for _, c := range []byte(p.src[i+2 : i+2+digits]) {
		switch {
		case c >= '0' && c <= '9':
			code = code<<4 | int(c-'0')
		case c >= 'a' && c <= 'f', c >= 'A' && c <= 'F':
			code = code<<4 | int(c|0x20-'a'+10)
		default:
			p.decline()
		}
	}
	if code >= 0xd800 && code <= 0xdfff || code > 0x10ffff {
		p.decline()
	}
	b.WriteRune(rune(code))
	return i + 2 + digits
}

// oneLetterEscape is what yaml.v3's one-letter escape \c stands for.
func oneLetterEscape(c byte) (string, bool) {
	switch c {
	case '0':
		return "\x00", true
	case 'a':
		return "\a", true
	case 'b':
		return "\b", true
	case 't':
		return "\t", true
	case 'n':
		return "\n", true
	case 'v':
		return "\v", true
	case 'f':
		return "\f", true
	case 'r':
		return "\r", true
	case 'e':
		return "\x1b", true
	case ' ', '"', '\'', '\\':
		return string(c), true
	case 'N':
		return "\u0085", true
	case '_':
		return "\u00a0", true
	case 'L':
		return "\u2028", true
	case 'P':
		return "\u2029", true
	}
	return "", false
}
