package schema

import (
	"fmt"
	"reflect"

	"hashhaven/cited"
	"hashhaven/scenario"
	"hashhaven/strictyaml"
)

const draft = "https://json-schema.org/draft/2020-12/schema"

var (
	numberType      = reflect.TypeFor[cited.Number]()
	originType      = reflect.TypeFor[scenario.Origin]()
	nodeDecoderType = reflect.TypeFor[strictyaml.NodeDecoder]()
)

// builder turns a Go type into a schema the way strictyaml.Decode reads it, field by field.
type builder struct {
	docs         map[string]doc
	used         map[string]bool // docs entries that matched a field
	undocumented []string        // field paths with no docs entry
	cited        bool            // a cited number was met: the document needs citedDefs
}

func newBuilder(docs map[string]doc) *builder {
	return &builder{docs: docs, used: map[string]bool{}}
}

// document is the schema of a whole file whose root is the struct t.
func (b *builder) document(t reflect.Type) *node {
	n := b.value(t, "", strictyaml.Rules{})
	n.Schema = draft
	b.describe(n, "")
	if b.cited {
		n.Defs = citedDefs()
	}
	return n
}

// value is the schema of a value of type t at path: list items are written path[], map
// values path.*, as in the docs tables.
func (b *builder) value(t reflect.Type, path string, r strictyaml.Rules) *node {
	switch {
	case t == numberType:
		return b.citedNumber(r)
	case t == originType:
		return b.origin(path)
	case reflect.PointerTo(t).Implements(nodeDecoderType):
		// Such a type reads itself in forms reflection cannot see: describe them here.
		panic(fmt.Sprintf("schema: %s decodes itself; add its forms to the schema builder", t))
	}
	switch t.Kind() {
	case reflect.Struct:
		return b.object(t, path)
	case reflect.Slice:
		return &node{Type: types{"array"}, Items: b.value(t.Elem(), path+"[]", strictyaml.Rules{})}
	case reflect.Map:
		return &node{Type: types{"object"}, AdditionalProperties: b.value(t.Elem(), path+".*", strictyaml.Rules{})}
	case reflect.String:
		return text(r)
	case reflect.Int:
		r.Whole = true
		return number(r)
	case reflect.Float64:
		return number(r)
	case reflect.Bool:
		return &node{Type: types{"boolean"}}
	}
	panic(fmt.Sprintf("schema: no JSON Schema for %s", t))
}

// object is a struct: its yaml fields, nothing else, the required ones required.
func (b *builder) object(t reflect.Type, path string) *node {
	n := &node{Type: types{"object"}, AdditionalProperties: false}
	for i := range t.NumField() {
		f := t.Field(i)
		name := strictyaml.FieldName(f)
		if name == "" {
			continue
		}
		sub := join(path, name)
		r := strictyaml.FieldRules(f)
		p := b.value(f.Type, sub, r)
		b.describe(p, sub)
		if r.Required {
			n.Required = append(n.Required, name)
		} else {
			p.allowNull()
		}
		n.Properties = append(n.Properties, prop{name, p})
	}
	return n
}

// origin mirrors scenario.Origin.DecodeNode: a destination id, or a point.
func (b *builder) origin(path string) *node {
	id := &node{Description: "A destination id from countries/, such as kz: the fleet's current site, the \"stay\" option.", Type: types{"string"}}
	point := b.object(reflect.TypeFor[scenario.Point](), path)
	return &node{OneOf: []*node{id, point}}
}

func (b *builder) describe(n *node, path string) {
	d, ok := b.docs[path]
	if !ok {
		b.undocumented = append(b.undocumented, path)
		return
	}
	b.used[path] = true
	n.Title, n.Description = d.title, d.text
}

// text is a string field. The loader reads any scalar as text, so free text accepts numbers
// and booleans too; a field with a pattern or a list of values must be written as text.
func text(r strictyaml.Rules) *node {
	switch {
	case len(r.Enum) > 0:
		n := &node{Type: types{"string"}}
		for _, e := range r.Enum {
			n.Enum = append(n.Enum, e)
		}
		return n
	case r.Pattern != "":
		return &node{Type: types{"string"}, Pattern: "^(?:" + r.Pattern + ")$"}
	case r.Required:
		// Required text must not be blank; the pattern looks for one visible character.
		return &node{Type: types{"string", "number", "boolean"}, Pattern: `\S`}
	}
	return &node{Type: types{"string", "number", "boolean"}}
}

// number is a plain number under the rules' bounds.
func number(r strictyaml.Rules) *node {
	n := &node{Type: types{"number"}, Minimum: r.Min, ExclusiveMinimum: r.Above, Maximum: r.Max}
	if r.Whole {
		n.Type = types{"integer"}
	}
	return n
}

// citedNumber is a cited.Number: written plain, or as {value, source, as_of, estimate, stable}. The
// object mirrors the one strictyaml's decodeNumber reads; its parts other than the value are
// the same for every figure, so they are written once, under $defs.
func (b *builder) citedNumber(r strictyaml.Rules) *node {
	b.cited = true
	value := number(r)
	value.Description = "The figure itself."
	return &node{OneOf: []*node{
		number(r),
		{
			Type: types{"object"},
			Properties: props{
				{"value", value},
				{"source", &node{Ref: "#/$defs/source"}},
				{"as_of", &node{Ref: "#/$defs/as_of"}},
				{"estimate", &node{Ref: "#/$defs/estimate"}},
				{"stable", &node{Ref: "#/$defs/stable"}},
			},
			Required:             []string{"value"},
			AdditionalProperties: false,
		},
	}}
}

// citedDefs are the parts of a cited number that citedNumber refers to.
func citedDefs() props {
	return props{
		{"source", &node{
			Title:       "Source",
			Description: "Where the figure comes from: publication, table, page, or why it is an estimate.",
			Type:        types{"string", "number", "boolean", "null"},
		}},
		{"as_of", &node{
			Title:       "As of",
			Description: "When the figure was true: a year (2023), year-month (2023-12) or date (2023-12-31). The audit flags figures older than its age as stale.",
			Type:        types{"string", "integer", "null"},
			// A year may be written bare (2023); anything else is text of this shape.
			Pattern: `^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$`,
			Minimum: ptr(1000),
			Maximum: ptr(9999),
		}},
		{"estimate", &node{
			Title:       "Estimate",
			Description: "true when the figure is a judgement rather than a published fact.",
			Type:        types{"boolean", "null"},
		}},
		{"stable", &node{
			Title:       "Stable",
			Description: "true when the figure does not go stale (a climate normal, a site's coordinates, a machine's nameplate spec): the audit and the stale count skip its age.",
			Type:        types{"boolean", "null"},
		}},
	}
}

func ptr(v float64) *float64 { return &v }

func join(parent, name string) string {
	if parent == "" {
		return name
	}
	return parent + "." + name
}
