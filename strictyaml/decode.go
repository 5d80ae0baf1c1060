package strictyaml

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"hashhaven/cited"
	"hashhaven/plainyaml"
)

// MaxFileSize bounds one data file: larger ones are refused before parsing.
const MaxFileSize = 1 << 20

// Pos is where a field's value starts in its file.
type Pos struct{ Line, Col int }

// Doc is the outcome of decoding one file: its issues and its tree, so that checks made
// after decoding (cross-references, file names) can point at the right line.
type Doc struct {
	File   string
	Issues Issues
	root   *yaml.Node
}

// At is the position of a field's value, or of its nearest parent present in the file. A
// field left empty is where its name is. The tree is searched only when a check asks, which
// is cheaper than noting every field's position while decoding.
func (d *Doc) At(field string) Pos {
	n := d.root
	if n == nil {
		return Pos{}
	}
	at := Pos{n.Line, n.Column}
	for rest := field; rest != ""; {
		key, val, tail := child(n, rest)
		switch {
		case val == nil:
			return at
		case key != nil && isNull(val):
			return Pos{key.Line, key.Column}
		}
		n, rest, at = val, tail, Pos{val.Line, val.Column}
	}
	return at
}

// child follows the first step of a field path from n: a list item ([2]…), or the value of
// the longest key the path starts with, as a map key may hold a dot. It returns the key (nil
// for an item), the value (nil when there is none) and the rest of the path.
func child(n *yaml.Node, field string) (key, val *yaml.Node, rest string) {
	switch n.Kind {
	case yaml.SequenceNode:
		end := strings.IndexByte(field, ']')
		if !strings.HasPrefix(field, "[") || end < 0 {
			return nil, nil, ""
		}
		i, err := strconv.Atoi(field[1:end])
		if err != nil || i < 0 || i >= len(n.Content) {
			return nil, nil, ""
		}
		return nil, n.Content[i], strings.TrimPrefix(field[end+1:], ".")
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			after, ok := strings.CutPrefix(field, k.Value)
			if ok && (after == "" || after[0] == '.' || after[0] == '[') && (key == nil || len(k.Value) > len(key.Value)) {
				key, val, rest = k, n.Content[i+1], strings.TrimPrefix(after, ".")
			}
		}
	}
	return key, val, rest
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// Errorf records an issue at a field.
func (d *Doc) Errorf(field, format string, args ...any) {
	p := d.At(field)
	d.Issues = append(d.Issues, Issue{File: d.File, Line: p.Line, Col: p.Col, Field: field, Msg: fmt.Sprintf(format, args...)})
}

// fail records an issue at a node, naming the field only now that there is a message.
func (d *Doc) fail(at *yaml.Node, field *path, format string, args ...any) {
	d.Issues = append(d.Issues, Issue{File: d.File, Line: at.Line, Col: at.Column, Field: field.String(), Msg: fmt.Sprintf(format, args...)})
}

// NodeDecoder lets a type read itself from a node, for fields with more than one form.
type NodeDecoder interface {
	DecodeNode(d *Doc, n *yaml.Node, field string)
}

var numberType = reflect.TypeFor[cited.Number]()

// Decode reads src (named file in messages) into v, a pointer to a struct.
func Decode(file string, src []byte, v any) *Doc {
	return DecodeWith(new(plainyaml.Parser), file, src, v)
}

// DecodeWith is Decode parsing with ps, whose memory a loader reuses from file to file: the
// Doc's positions (At, Errorf) hold until ps parses again.
func DecodeWith(ps *plainyaml.Parser, file string, src []byte, v any) *Doc {
	d := &Doc{File: file}
	root, ok := d.parse(ps, src)
	if ok {
		d.root = root
		if root.Kind != yaml.MappingNode {
			d.fail(root, nil, "the file must be a mapping of fields, found %s", kindName(root))
		} else {
			d.decode(root, reflect.ValueOf(v).Elem(), nil, Rules{})
		}
	}
	d.Issues.Sort()
	return d
}

func (d *Doc) parse(ps *plainyaml.Parser, src []byte) (*yaml.Node, bool) {
	if len(src) > MaxFileSize {
		d.Issues = append(d.Issues, Issue{File: d.File, Msg: fmt.Sprintf("file is %d bytes, over the %d-byte limit for a data file", len(src), MaxFileSize)})
		return nil, false
	}
	if len(bytes.TrimSpace(src)) == 0 {
		d.Issues = append(d.Issues, Issue{File: d.File, Msg: "file is empty"})
		return nil, false
	}
	if root, ok := ps.Parse(src); ok {
		// The subset has no control characters, anchors, tags or second documents to refuse.
		return root, true
	}
	if at, msg, bad := badText(src); bad {
		d.Issues = append(d.Issues, Issue{File: d.File, Line: at.Line, Col: at.Col, Msg: msg})
		return nil, false
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); errors.Is(err, io.EOF) {
		d.Issues = append(d.Issues, Issue{File: d.File, Msg: "file has only comments, no fields"})
		return nil, false
	} else if err != nil {
		d.Issues = append(d.Issues, syntaxIssue(d.File, src, err))
		return nil, false
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		d.Issues = append(d.Issues, Issue{File: d.File, Line: extra.Line, Col: extra.Column, Msg: "a data file holds one YAML document; remove the second '---'"})
		return nil, false
	} else if !errors.Is(err, io.EOF) {
		d.Issues = append(d.Issues, syntaxIssue(d.File, src, err))
		return nil, false
	}
	if len(doc.Content) == 0 {
		d.Issues = append(d.Issues, Issue{File: d.File, Msg: "file has no content"})
		return nil, false
	}
	if d.refuseAliases(doc.Content[0]) || d.refuseTags(doc.Content[0]) {
		return nil, false
	}
	return doc.Content[0], true
}

// refuseAliases reports anchors and aliases before anything is decoded: they have no use in a
// data file, and refusing them outright makes alias bombs harmless.
func (d *Doc) refuseAliases(root *yaml.Node) bool {
	const most = 5
	found := 0
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Anchor != "" || n.Kind == yaml.AliasNode {
			found++
			if found <= most {
				d.Issues = append(d.Issues, Issue{File: d.File, Line: n.Line, Col: n.Column,
					Msg: "anchors (&) and aliases (*) are not allowed in data files; write the value out"})
			}
		}
		if n.Kind != yaml.AliasNode {
			for _, c := range n.Content {
				walk(c)
			}
		}
	}
	walk(root)
	if found > most {
		d.Issues = append(d.Issues, Issue{File: d.File, Msg: fmt.Sprintf("and %d more anchors or aliases", found-most)})
	}
	return found > 0
}

// refuseTags reports explicit YAML tags (!!binary, !foo): a data file's values are plain
// numbers, text and booleans, and a tag would otherwise be silently ignored.
func (d *Doc) refuseTags(n *yaml.Node) bool {
	found := n.Style&yaml.TaggedStyle != 0
	if found {
		d.Issues = append(d.Issues, Issue{File: d.File, Line: n.Line, Col: n.Column,
			Msg: fmt.Sprintf("YAML tags (%s) are not allowed in data files; write the plain value", n.Tag)})
	}
	for _, c := range n.Content {
		found = d.refuseTags(c) || found
	}
	return found
}

func (d *Doc) decode(n *yaml.Node, v reflect.Value, field *path, r Rules) {
	info := infoOf(v.Type())
	if info.decoder && v.CanAddr() {
		v.Addr().Interface().(NodeDecoder).DecodeNode(d, n, field.String())
		return
	}
	if v.Type() == numberType {
		d.decodeNumber(n, v.Addr().Interface().(*cited.Number), field, r)
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		d.decodeStruct(n, v, info, field)
	case reflect.Slice:
		d.decodeSlice(n, v, field)
	case reflect.Map:
		d.decodeMap(n, v, field)
	case reflect.String:
		if s, ok := d.scalar(n, field, "text"); ok {
			if msg := controlInText(s); msg != "" {
				d.fail(n, field, "%s", msg)
				return
			}
			if msg := r.checkString(s); msg != "" {
				d.fail(n, field, "%s", msg)
			}
			v.SetString(s)
		}
	case reflect.Int:
		if f, ok := d.number(n, field); ok {
			r.Whole = true
			if msg := r.checkNumber(f); msg != "" {
				d.fail(n, field, "%s", msg)
				return
			}
			v.SetInt(int64(f))
		}
	case reflect.Float64:
		if f, ok := d.number(n, field); ok {
			if msg := r.checkNumber(f); msg != "" {
				d.fail(n, field, "%s", msg)
			}
			v.SetFloat(f)
		}
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			d.fail(n, field, "must be true or false, found %s", describe(n))
			return
		}
		v.SetBool(n.Value == "true")
	default:
		panic(fmt.Sprintf("strictyaml: cannot decode into %s", v.Type()))
	}
}

// scalar returns a scalar's text; what names the expected thing in the message.
func (d *Doc) scalar(n *yaml.Node, field *path, what string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		d.fail(n, field, "must be %s, found %s", what, describe(n))
		return "", false
	}
	return n.Value, true
}

func (d *Doc) number(n *yaml.Node, field *path) (float64, bool) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!str" && n.Style == 0 && overflows(n.Value) {
		d.fail(n, field, "must be a finite number, found %q", n.Value)
		return 0, false
	}
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
		d.fail(n, field, "must be a number, found %s", describe(n))
		return 0, false
	}
	var f float64
	var err error
	if n.Tag == "!!int" {
		var i int64
		i, err = parseInt(n.Value)
		f = float64(i)
	} else {
		f, err = strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
	}
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		d.fail(n, field, "must be a finite number, found %q", n.Value)
		return 0, false
	}
	return f, true
}

// overflows says plain text is a number too large for a float (1e400), which YAML reads as
// text: it is said to be out of range, not to be text.
func overflows(text string) bool {
	_, err := strconv.ParseFloat(strings.ReplaceAll(text, "_", ""), 64)
	return errors.Is(err, strconv.ErrRange)
}

// citedForm is a number written with its provenance.
type citedForm struct {
	Value    float64 `yaml:"value" check:"required"`
	Source   string  `yaml:"source"`
	AsOf     string  `yaml:"as_of"`
	Estimate bool    `yaml:"estimate"`
	Stable   bool    `yaml:"stable"`
}

func (d *Doc) decodeNumber(n *yaml.Node, out *cited.Number, field *path, r Rules) {
	num := cited.Number{Line: n.Line, Col: n.Column}
	valueNode := n
	if n.Kind == yaml.MappingNode {
		var c citedForm
		before := len(d.Issues)
		v := reflect.ValueOf(&c).Elem()
		d.decodeStruct(n, v, infoOf(v.Type()), field)
		if len(d.Issues) > before {
			return
		}
		if c.AsOf != "" || valueOf(n, "as_of") != n { // written, even empty: it must be a date
			if _, ok := cited.ParseAsOf(c.AsOf); !ok {
				asOf := field.field("as_of")
				d.fail(valueOf(n, "as_of"), &asOf, "must be a year, year-month or date (2023, 2023-12, 2023-12-31), found %q", c.AsOf)
				return
			}
		}
		num.Value, num.Source, num.AsOf, num.Estimate, num.Stable = c.Value, c.Source, c.AsOf, c.Estimate, c.Stable
		valueNode = valueOf(n, "value")
		num.Line, num.Col = valueNode.Line, valueNode.Column
	} else {
		f, ok := d.number(n, field)
		if !ok {
			return
		}
		num.Value = f
	}
	if msg := r.checkNumber(num.Value); msg != "" {
		if valueNode != n {
			value := field.field("value")
			field = &value
		}
		d.fail(valueNode, field, "%s", msg)
		return
	}
	num.Set = true
	*out = num
}

func valueOf(mapping *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(mapping.Content); i += 2 {
		if mapping.Content[i].Value == key {
			return mapping.Content[i+1]
		}
	}
	return mapping
}

func (d *Doc) decodeStruct(n *yaml.Node, v reflect.Value, info *typeInfo, field *path) {
	if n.Kind != yaml.MappingNode {
		d.fail(n, field, "must be a mapping of fields, found %s", describe(n))
		return
	}
	// Fields seen so far; structs have few fields, so this stays off the heap.
	var seenBuf [32]bool
	seen := seenBuf[:0]
	if len(info.fields) <= len(seenBuf) {
		seen = seenBuf[:len(info.fields)]
	} else {
		seen = make([]bool, len(info.fields))
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		sub := field.field(key.Value)
		if key.Kind != yaml.ScalarNode {
			d.fail(key, field, "field names must be plain text (line %d)", key.Line)
			continue
		}
		idx, known := info.byName[key.Value]
		switch {
		case !known:
			d.fail(key, &sub, "unknown field (expected one of: %s)", info.expected)
			continue
		case seen[idx]:
			d.fail(key, &sub, "field appears twice")
			continue
		}
		seen[idx] = true
		f := &info.fields[idx]
		if isNull(val) {
			if f.rules.Required {
				d.fail(key, &sub, "needs a value")
			}
			continue
		}
		d.decode(val, v.Field(f.index), &sub, f.rules)
	}
	for i, f := range info.fields {
		if !seen[i] && f.rules.Required {
			sub := field.field(f.name)
			d.fail(n, &sub, "required field is missing")
		}
	}
}

func (d *Doc) decodeSlice(n *yaml.Node, v reflect.Value, field *path) {
	if n.Kind != yaml.SequenceNode {
		d.fail(n, field, "must be a list, found %s", describe(n))
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, item := range n.Content {
		sub := field.item(i)
		d.decode(item, s.Index(i), &sub, Rules{})
	}
	v.Set(s)
}

func (d *Doc) decodeMap(n *yaml.Node, v reflect.Value, field *path) {
	if n.Kind != yaml.MappingNode {
		d.fail(n, field, "must be a mapping, found %s", describe(n))
		return
	}
	m := reflect.MakeMap(v.Type())
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		sub := field.field(key.Value)
		if key.Kind != yaml.ScalarNode {
			d.fail(key, field, "keys must be plain text (line %d)", key.Line)
			continue
		}
		if msg := controlInText(key.Value); msg != "" {
			d.fail(key, &sub, "%s", msg)
			continue
		}
		k := reflect.ValueOf(key.Value)
		if m.MapIndex(k).IsValid() {
			d.fail(key, &sub, "appears twice")
			continue
		}
		elem := reflect.New(v.Type().Elem()).Elem()
		d.decode(val, elem, &sub, Rules{})
		m.SetMapIndex(k, elem)
	}
	v.Set(m)
}

// FieldName is a struct field's name in the file, from its yaml tag; "" for fields it skips.
func FieldName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	if name == "-" {
		return ""
	}
	return name
}

func join(parent, name string) string {
	if parent == "" {
		return name
	}
	return parent + "." + name
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.AliasNode:
		return "an alias"
	}
	return "a single value"
}

// describe names what a node holds, for "must be X, found Y" messages.
func describe(n *yaml.Node) string {
	if n.Kind != yaml.ScalarNode {
		return kindName(n)
	}
	switch n.Tag {
	case "!!null":
		return "nothing"
	case "!!str":
		return fmt.Sprintf("text %q", n.Value)
	}
	return fmt.Sprintf("%q", n.Value)
}

// DecodeInto decodes a node into v with the same strictness, for NodeDecoder implementations.
func (d *Doc) DecodeInto(n *yaml.Node, v reflect.Value, field string) {
	d.decode(n, v, &path{name: field}, Rules{})
}

// parseInt reads a YAML integer. A leading zero does not make it octal (YAML 1.2, and what a
// person typing 010 means); 0x, 0o and 0b prefixes are honoured.
func parseInt(text string) (int64, error) {
	t := strings.ReplaceAll(text, "_", "")
	sign := ""
	if strings.HasPrefix(t, "-") || strings.HasPrefix(t, "+") {
		sign, t = t[:1], t[1:]
	}
	if len(t) > 2 && t[0] == '0' && strings.ContainsRune("xXoObB", rune(t[1])) {
		return strconv.ParseInt(sign+t, 0, 64)
	}
	return strconv.ParseInt(sign+t, 10, 64)
}
