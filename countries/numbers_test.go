package countries

import (
	"reflect"
	"strings"
	"testing"

	"hashhaven/cited"
	"hashhaven/strictyaml"
)

// Numbers is the one list of a profile's figures that the what-if editor, the audit and the
// detail pane read: every path it declares must be a field the loader knows, and every cited
// figure of the struct must be declared.
func TestNumbersDeclareEveryFigure(t *testing.T) {
	var c Country
	declared := map[string]bool{}
	for _, f := range Numbers(&c) {
		if _, ok := strictyaml.RulesAt(reflect.TypeFor[Country](), f.Path); !ok {
			t.Errorf("declared path %q does not resolve to a field of the country file", f.Path)
		}
		if declared[f.Path] {
			t.Errorf("path %q declared twice", f.Path)
		}
		declared[f.Path] = true
	}
	var walk func(t reflect.Type, prefix string)
	walk = func(typ reflect.Type, prefix string) {
		for i := range typ.NumField() {
			f := typ.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			path := prefix + name
			switch {
			case f.Type == reflect.TypeFor[cited.Number]():
				if !declared[path] {
					t.Errorf("figure %q is not declared in Numbers", path)
				}
			case f.Type.Kind() == reflect.Struct:
				walk(f.Type, path+".")
			}
		}
	}
	walk(reflect.TypeFor[Country](), "")
}
