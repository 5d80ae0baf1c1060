package strictyaml

import (
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// typeInfo is what decoding needs to know about a Go type, worked out once per type rather
// than for every value of every file.
type typeInfo struct {
	decoder  bool        // *T is a NodeDecoder
	fields   []fieldInfo // a struct's fields read from the file, in declaration order
	byName   map[string]int
	expected string // the field names in order, for "unknown field" messages
}

type fieldInfo struct {
	name  string
	index int // in the struct
	rules Rules
}

var (
	types           sync.Map // reflect.Type → *typeInfo
	nodeDecoderType = reflect.TypeFor[NodeDecoder]()
)

func infoOf(t reflect.Type) *typeInfo {
	if info, ok := types.Load(t); ok {
		return info.(*typeInfo)
	}
	info := &typeInfo{decoder: reflect.PointerTo(t).Implements(nodeDecoderType)}
	if t.Kind() == reflect.Struct {
		info.byName = map[string]int{}
		var names []string
		for i := range t.NumField() {
			f := t.Field(i)
			if name := FieldName(f); name != "" {
				info.byName[name] = len(info.fields)
				info.fields = append(info.fields, fieldInfo{name: name, index: i, rules: FieldRules(f)})
				names = append(names, name)
			}
		}
		sort.Strings(names)
		info.expected = strings.Join(names, ", ")
	}
	stored, _ := types.LoadOrStore(t, info)
	return stored.(*typeInfo)
}

// path is where a value sits in its file, kept as a chain of steps and spelled out
// (power.uptime, fleet[0].machine) only for a message: most values never need one.
type path struct {
	parent *path
	name   string // a field or map key; for a root, the whole field it stands for
	index  int
	isItem bool // a list item: parent[index]
}

func (p *path) field(name string) path { return path{parent: p, name: name} }

func (p *path) item(i int) path { return path{parent: p, index: i, isItem: true} }

func (p *path) String() string {
	if p == nil {
		return ""
	}
	if p.isItem {
		return p.parent.String() + "[" + strconv.Itoa(p.index) + "]"
	}
	return join(p.parent.String(), p.name)
}
