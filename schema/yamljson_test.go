package schema

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// fromYAML turns a YAML file into the JSON value an editor's schema check sees. Numbers and
// booleans follow their YAML tags and every other scalar stays text: decoding into `any`
// would turn as_of: 2023-12-31 into a time.Time. It refuses what JSON cannot hold (aliases,
// infinite and NaN numbers) and a file with no document; like a JSON parser, it keeps the
// last of a repeated key, and reads only the first of several documents.
func fromYAML(src []byte) (any, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 {
		return nil, errors.New("no YAML document")
	}
	return jsonValue(doc.Content[0])
}

func jsonValue(n *yaml.Node) (any, error) {
	switch n.Kind {
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := jsonValue(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			m[n.Content[i].Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		list := make([]any, len(n.Content))
		for i, item := range n.Content {
			v, err := jsonValue(item)
			if err != nil {
				return nil, err
			}
			list[i] = v
		}
		return list, nil
	case yaml.ScalarNode:
		return scalar(n)
	}
	// Following aliases could also blow up: an alias bomb is a few lines long.
	return nil, fmt.Errorf("line %d: aliases have no JSON form", n.Line)
}

func scalar(n *yaml.Node) (any, error) {
	plain := strings.ReplaceAll(n.Value, "_", "")
	switch n.Tag {
	case "!!null":
		return nil, nil
	case "!!bool":
		return strings.EqualFold(n.Value, "true"), nil
	case "!!int":
		if i, err := strconv.ParseInt(plain, 0, 64); err == nil {
			return i, nil
		}
	case "!!float":
		f, err := strconv.ParseFloat(plain, 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return nil, fmt.Errorf("line %d: %s has no JSON form", n.Line, n.Value)
		}
		return f, nil
	}
	return n.Value, nil
}
