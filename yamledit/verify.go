package yamledit

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

// edited is what Apply changed: nodes turned into cited numbers, and keys added to mappings.
type edited struct {
	nodes   map[*yaml.Node]Edit
	inserts map[*yaml.Node]map[string]Edit
}

// verify re-reads the edited file and checks it says what the original said, node for node,
// except at the edited fields, which must now read as the cited numbers the edits asked for.
func verify(before []*yaml.Node, out []byte, edits edited) error {
	after, err := parseAll(out)
	if err != nil {
		return fmt.Errorf("it does not parse: %w", err)
	}
	if len(after) != len(before) {
		return fmt.Errorf("it has %d documents instead of %d", len(after), len(before))
	}
	for i := range before {
		if err := same(before[i], after[i], edits); err != nil {
			return err
		}
	}
	return nil
}

// same compares two trees, ignoring positions and comments (their bytes are untouched).
func same(a, b *yaml.Node, edits edited) error {
	if e, ok := edits.nodes[a]; ok {
		return isEdited(a, b, e, edits)
	}
	added := edits.inserts[a]
	if a.Kind != b.Kind || a.Tag != b.Tag || a.Value != b.Value || a.Anchor != b.Anchor ||
		a.Style != b.Style || len(a.Content)+2*len(added) != len(b.Content) {
		return fmt.Errorf("line %d would change (now line %d)", a.Line, b.Line)
	}
	for i := range a.Content {
		if err := same(a.Content[i], b.Content[i], edits); err != nil {
			return err
		}
	}
	// Added keys come last, each once, as the cited numbers asked for.
	seen := map[string]bool{}
	for i := len(a.Content); i+1 < len(b.Content); i += 2 {
		key := b.Content[i].Value
		e, ok := added[key]
		if !ok || seen[key] {
			return fmt.Errorf("line %d would gain key %q", b.Content[i].Line, key)
		}
		seen[key] = true
		if err := isEdited(&yaml.Node{}, b.Content[i+1], e, edits); err != nil {
			return err
		}
	}
	return nil
}

// isEdited checks that b, the edited form of a, is a cited number with e's value, source
// and as_of, and that a's other keys are still there, unchanged and in order.
func isEdited(a, b *yaml.Node, e Edit, edits edited) error {
	if b.Kind != yaml.MappingNode {
		return fmt.Errorf("%s would be %s, not a cited number", e.Path, describe(b))
	}
	var value float64
	var source, asOf string
	fields := map[string]any{"value": &value, "source": &source, "as_of": &asOf}
	seen := map[string]int{}
	var rest []*yaml.Node
	for i := 0; i+1 < len(b.Content); i += 2 {
		k, v := b.Content[i], b.Content[i+1]
		field, cited := fields[k.Value]
		if !cited || k.Kind != yaml.ScalarNode {
			rest = append(rest, k, v)
			continue
		}
		seen[k.Value]++
		if err := v.Decode(field); err != nil {
			return fmt.Errorf("%s.%s would not read back: %w", e.Path, k.Value, err)
		}
	}
	if seen["value"] != 1 || seen["source"] != 1 || seen["as_of"] != 1 ||
		value != e.Value || source != e.Source || asOf != e.AsOf {
		return fmt.Errorf("%s would read back as {value: %v, source: %q, as_of: %q}", e.Path, value, source, asOf)
	}
	var kept []*yaml.Node
	if a.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(a.Content); i += 2 {
			if _, cited := fields[a.Content[i].Value]; !cited || a.Content[i].Kind != yaml.ScalarNode {
				kept = append(kept, a.Content[i], a.Content[i+1])
			}
		}
	}
	if len(kept) != len(rest) {
		return fmt.Errorf("%s would lose or gain keys", e.Path)
	}
	for i := range kept {
		if err := same(kept[i], rest[i], edits); err != nil {
			return err
		}
	}
	return nil
}
