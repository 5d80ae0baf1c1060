package schema

import (
	"bytes"
	"encoding/json"
)

// node is one JSON Schema object. The order of its fields is the order of the keys in the
// output, so the files read top-down: what the field is, then what it accepts.
type node struct {
	Schema               string   `json:"$schema,omitempty"`
	Ref                  string   `json:"$ref,omitempty"`
	Title                string   `json:"title,omitempty"`
	Description          string   `json:"description,omitempty"`
	Type                 types    `json:"type,omitempty"`
	Enum                 []any    `json:"enum,omitempty"`
	Pattern              string   `json:"pattern,omitempty"`
	Minimum              *float64 `json:"minimum,omitempty"`
	ExclusiveMinimum     *float64 `json:"exclusiveMinimum,omitempty"`
	Maximum              *float64 `json:"maximum,omitempty"`
	Properties           props    `json:"properties,omitempty"`
	Required             []string `json:"required,omitempty"`
	AdditionalProperties any      `json:"additionalProperties,omitempty"` // false, or the *node of a map's values
	Items                *node    `json:"items,omitempty"`
	OneOf                []*node  `json:"oneOf,omitempty"`
	Defs                 props    `json:"$defs,omitempty"` // parts shared by many fields, for $ref
}

// types is a node's "type": one name is written as a string, several as a list.
type types []string

func (t types) MarshalJSON() ([]byte, error) {
	if len(t) == 1 {
		return marshal(t[0], "")
	}
	return marshal([]string(t), "")
}

// props are an object's properties in the order of the struct's fields, which is the order
// of the spec and of a well-written file (a Go map would come out sorted by name).
type props []prop

type prop struct {
	name   string
	schema *node
}

func (ps props) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, p := range ps {
		if i > 0 {
			b.WriteByte(',')
		}
		name, err := marshal(p.name, "")
		if err != nil {
			return nil, err
		}
		value, err := marshal(p.schema, "")
		if err != nil {
			return nil, err
		}
		b.Write(name)
		b.WriteByte(':')
		b.Write(value)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// marshal is json.Marshal without its HTML escapes (<name> stays readable), indented when
// indent is not empty.
func marshal(v any, indent string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// allowNull lets an optional field be written with no value, which the loader reads as absent.
func (n *node) allowNull() {
	if len(n.OneOf) > 0 {
		n.OneOf = append(n.OneOf, &node{Type: types{"null"}})
		return
	}
	n.Type = append(n.Type, "null")
	if len(n.Enum) > 0 {
		n.Enum = append(n.Enum, nil)
	}
}
