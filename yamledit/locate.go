package yamledit

import (
	"errors"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// lookup follows a dotted path through nested mappings of the first document.
func lookup(docs []*yaml.Node, path string) (*yaml.Node, error) {
	if len(docs) == 0 || len(docs[0].Content) == 0 {
		return nil, errors.New("the file is empty")
	}
	keys := strings.Split(path, ".")
	n := docs[0].Content[0]
	for i, key := range keys {
		if key == "" {
			return nil, errors.New("malformed path")
		}
		if n.Kind != yaml.MappingNode {
			return nil, fmt.Errorf("%s is %s, not a mapping", describePath(keys[:i]), describe(n))
		}
		_, child, err := entry(n, key)
		if err != nil {
			return nil, err
		}
		if child == nil {
			return nil, fmt.Errorf("no key %q in %s", key, describePath(keys[:i]))
		}
		n = child
	}
	return n, nil
}

// entry returns the key and value nodes for key in mapping m, or nils when it is absent.
// A key written twice is an error: there is no telling which one the caller means.
func entry(m *yaml.Node, key string) (k, v *yaml.Node, err error) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if c := m.Content[i]; c.Kind == yaml.ScalarNode && c.Value == key {
			if k != nil {
				return nil, nil, fmt.Errorf("key %q is written twice (lines %d and %d)", key, k.Line, c.Line)
			}
			k, v = c, m.Content[i+1]
		}
	}
	return k, v, nil
}

func describePath(keys []string) string {
	if len(keys) == 0 {
		return "the top level"
	}
	return strings.Join(keys, ".")
}

// describe names what a node is, for messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias (*" + n.Value + ")"
	case yaml.ScalarNode:
		if n.Tag == "!!null" && n.Value == "" {
			return fmt.Sprintf("empty (line %d)", n.Line)
		}
		return fmt.Sprintf("%q (line %d)", n.Value, n.Line)
	}
	return "nothing"
}
