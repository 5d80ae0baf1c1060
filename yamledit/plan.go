package yamledit

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// plan finds the node e.Path names and the splices that make it the cited number e asks for.
// A key absent from a mapping that exists is added at the mapping's end; the node returned
// is then that mapping, and inserted is set.
func plan(file *text, docs []*yaml.Node, e Edit) (target *yaml.Node, splices []splice, inserted bool, err error) {
	if math.IsNaN(e.Value) || math.IsInf(e.Value, 0) {
		return nil, nil, false, fmt.Errorf("value %v is not a finite number", e.Value)
	}
	if !utf8.ValidString(e.Source) || !utf8.ValidString(e.AsOf) {
		return nil, nil, false, errors.New("source and as_of must be valid UTF-8")
	}
	n, err := lookup(docs, e.Path)
	if err != nil {
		parent, key, absent := absentKey(docs, e.Path)
		if !absent {
			return nil, nil, false, err
		}
		s, err := planInsert(file, parent, key, e)
		return parent, []splice{s}, true, err
	}
	switch {
	case isPlainNumber(n):
		splices, err = planPlain(file, n, e)
	case n.Kind == yaml.MappingNode:
		splices, err = planCited(file, n, e)
	default:
		err = fmt.Errorf("is %s, not a number", describe(n))
	}
	return n, splices, false, err
}

// absentKey reports whether path names a key missing from a mapping that is there, and
// returns that mapping and the key.
func absentKey(docs []*yaml.Node, path string) (*yaml.Node, string, bool) {
	i := strings.LastIndex(path, ".")
	parentPath, key := "", path
	if i >= 0 {
		parentPath, key = path[:i], path[i+1:]
	}
	var parent *yaml.Node
	if parentPath == "" {
		if len(docs) == 0 || len(docs[0].Content) == 0 {
			return nil, "", false
		}
		parent = docs[0].Content[0]
	} else {
		var err error
		if parent, err = lookup(docs, parentPath); err != nil {
			return nil, "", false
		}
	}
	if parent.Kind != yaml.MappingNode || key == "" {
		return nil, "", false
	}
	k, _, err := entry(parent, key)
	return parent, key, err == nil && k == nil
}

// planInsert adds `key: {value: …, source: …, as_of: …}` as the last entry of mapping m: a
// line of its own, indented like the other keys, in a block mapping; an entry before the
// closing brace in a flow mapping.
func planInsert(file *text, m *yaml.Node, key string, e Edit) (splice, error) {
	if len(m.Content) == 0 {
		return splice{}, fmt.Errorf("the mapping at line %d is empty: add %s by hand", m.Line, key)
	}
	item := key + ": " + citedText(e)
	if m.Style&yaml.FlowStyle != 0 {
		return file.addToFlow(m, []string{item})
	}
	lastKey, lastValue := m.Content[len(m.Content)-2], m.Content[len(m.Content)-1]
	end, err := file.end(lastValue, lastKey.Column-1)
	if err != nil {
		return splice{}, err
	}
	lineEnd := file.lineEnd(end)
	indent := strings.Repeat(" ", m.Content[0].Column-1)
	return splice{start: lineEnd, end: lineEnd, text: file.lineBreak(end) + indent + item}, nil
}

// citedText is e as a flow mapping: {value: 0.95, source: "...", as_of: 2026-11-24}.
func citedText(e Edit) string {
	entries := []string{"value: " + formatNumber(e.Value)}
	for _, f := range citedFields(e) {
		entries = append(entries, f.key+": "+f.fresh(f.value))
	}
	return "{" + strings.Join(entries, ", ") + "}"
}

// isPlainNumber reports whether n is a number written plainly, with no anchor or tag to keep.
func isPlainNumber(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Style == 0 && n.Anchor == "" && (n.Tag == "!!int" || n.Tag == "!!float")
}

// citedField is source or as_of: fresh writes it when it is added, unquoted when it replaces
// an unquoted scalar (a quoted one keeps its quotes, see restyled).
type citedField struct {
	key, value      string
	fresh, unquoted func(string) string
}

func citedFields(e Edit) []citedField {
	return []citedField{
		{key: "source", value: e.Source, fresh: doubleQuoted, unquoted: plainOrQuoted},
		{key: "as_of", value: e.AsOf, fresh: asOfText, unquoted: asOfText},
	}
}

// planPlain turns `uptime: 0.92` into `uptime: {value: 0.95, source: "...", as_of: ...}`.
func planPlain(file *text, n *yaml.Node, e Edit) ([]splice, error) {
	s, err := file.replace(n, 0, citedText(e))
	return []splice{s}, err
}

// planCited sets value, source and as_of in a cited mapping, adding source and as_of when
// missing. Other keys (estimate, notes) are left as they are.
func planCited(file *text, m *yaml.Node, e Edit) ([]splice, error) {
	valueKey, value, err := entry(m, "value")
	if err != nil {
		return nil, err
	}
	if value == nil {
		return nil, errors.New("is a mapping without a value key, not a cited number")
	}
	if !isPlainNumber(value) {
		return nil, fmt.Errorf("value is %s, not a plain number", describe(value))
	}
	s, err := file.replace(value, 0, formatNumber(e.Value))
	if err != nil {
		return nil, err
	}
	splices := []splice{s}
	var added []string
	for _, f := range citedFields(e) {
		k, v, err := entry(m, f.key)
		if err != nil {
			return nil, err
		}
		if k == nil {
			added = append(added, f.key+": "+f.fresh(f.value))
			continue
		}
		if v.Kind != yaml.ScalarNode || v.Anchor != "" || v.Style&yaml.TaggedStyle != 0 {
			return nil, fmt.Errorf("%s is not a plain, quoted or block scalar (line %d): edit it by hand", f.key, v.Line)
		}
		s, err := file.replace(v, k.Column-1, restyled(v, f.value, f.unquoted))
		if err != nil {
			return nil, err
		}
		splices = append(splices, s)
	}
	if len(added) == 0 {
		return splices, nil
	}
	if m.Style&yaml.FlowStyle != 0 {
		s, err = file.addToFlow(m, added)
	} else {
		s, err = file.addToBlock(valueKey, value, added)
	}
	return append(splices, s), err
}

// addToFlow adds entries after the last one of a flow mapping, before its closing brace and
// any trailing comma.
func (t *text) addToFlow(m *yaml.Node, entries []string) (splice, error) {
	last := len(m.Content) - 1
	end, err := t.end(m.Content[last], m.Content[last-1].Column-1)
	if err != nil {
		return splice{}, err
	}
	return splice{start: end, end: end, text: ", " + strings.Join(entries, ", ")}, nil
}

// addToBlock adds entries as lines after the value line, indented like the value key.
func (t *text) addToBlock(valueKey, value *yaml.Node, entries []string) (splice, error) {
	valueEnd, err := t.end(value, 0)
	if err != nil {
		return splice{}, err
	}
	lineEnd := t.lineEnd(valueEnd)
	lineBreak, indent := t.lineBreak(valueEnd), strings.Repeat(" ", valueKey.Column-1)
	var text strings.Builder
	for _, entry := range entries {
		text.WriteString(lineBreak + indent + entry)
	}
	return splice{start: lineEnd, end: lineEnd, text: text.String()}, nil
}
