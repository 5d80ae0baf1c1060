package strictyaml

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// yamlLine splits the YAML parser's "yaml: line N: problem".
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxIssue turns a YAML syntax error into an issue on the line to fix.
//
// The parser's line is not that line: inside a flow or block collection it names the line
// before the one the collection starts on (a missing comma on line 23 of a flow mapping
// that opens there comes out as line 22; a bad indent deep in a section as the line above the
// section), and a problem on line 1 gets no line at all. The parser stops at the first token
// it cannot take, and the text before that token parses the same way whatever follows, so
// the first line at which a prefix of the file fails with the same error is the line where
// the file goes wrong.
func syntaxIssue(file string, src []byte, err error) Issue {
	msg := err.Error()
	problem := strings.TrimPrefix(msg, "yaml: ")
	lo := 1
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		lo, _ = strconv.Atoi(m[1])
		problem = m[2]
	}
	issue := Issue{File: file, Msg: "not valid YAML: " + problem}
	ends := lineEnds(src)
	// The parser's line is never after the one to fix (it is the start of the enclosing
	// collection, one too low, or the problem's own line).
	lo = min(max(lo, 1), len(ends))
	line := lo + searchLines(len(ends)-lo+1, func(n int) bool {
		return yamlError(src[:ends[lo-1+n-1]]) == msg
	})
	if q, ok := openQuote(src, ends, line); ok {
		issue.Msg = "not valid YAML: a quote opened on this line is not closed, so line " +
			strconv.Itoa(line) + " does not parse: " + problem
		line = q
	}
	issue.Line, issue.Col = line, firstTextCol(src, ends, line)
	return issue
}

// openQuote finds a quoted text still open at the end of the line before line: YAML lets it
// run over several lines, so a missing closing quote only shows where the text after it no
// longer parses. It returns the line the quote opened on.
func openQuote(src []byte, ends []int, line int) (int, bool) {
	if line < 2 {
		return 0, false
	}
	m := yamlLine.FindStringSubmatch(yamlError(src[:ends[line-2]]))
	if m == nil || m[2] != "found unexpected end of stream" { // the parser's words for an open quote
		return 0, false
	}
	q, _ := strconv.Atoi(m[1])
	return q, q >= 1 && q < line
}

// searchLines returns the smallest n in [1, count] for which fails(n) holds, given that
// fails(count) does; like sort.Search but counting lines from 1.
func searchLines(count int, fails func(n int) bool) int {
	lo, hi := 1, count
	for lo < hi {
		mid := lo + (hi-lo)/2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo - 1
}

// yamlError parses src as the decoder does, one document and a check for a second, and
// returns the syntax error's text, or "" when there is none.
func yamlError(src []byte) string {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	for range 2 {
		var n yaml.Node
		if err := dec.Decode(&n); errors.Is(err, io.EOF) {
			return ""
		} else if err != nil {
			return err.Error()
		}
	}
	return ""
}

// lineEnds holds, for each line of src, the offset just past its line break (or the end of
// src for a last line without one).
func lineEnds(src []byte) []int {
	var ends []int
	for i, b := range src {
		if b == '\n' {
			ends = append(ends, i+1)
		}
	}
	if len(src) > 0 && src[len(src)-1] != '\n' {
		ends = append(ends, len(src))
	}
	return ends
}

// firstTextCol is the column (in characters, as YAML counts them) of the first character of
// the line that is not a space: where its content, or its wrong indentation, starts.
func firstTextCol(src []byte, ends []int, line int) int {
	start := 0
	if line > 1 {
		start = ends[line-2]
	}
	text := src[start:ends[line-1]]
	indent := len(text) - len(bytes.TrimLeft(text, " "))
	if indent == len(text) || text[indent] == '\n' || text[indent] == '\r' {
		return 1
	}
	return utf8.RuneCount(text[:indent]) + 1
}
