package scenario

import (
	"reflect"
	"strings"
	"testing"

	"hashhaven/cited"
	"hashhaven/strictyaml"
)

// Numbers is the one list of a scenario's figures the assumptions editor shows: every path it
// declares must be a field the loader knows, every cited figure of the struct (each
// algorithm's included) must be declared, and Set must change the figure Get reads.
func TestNumbersDeclareEveryFigure(t *testing.T) {
	s := Scenario{Market: Market{Algorithms: map[string]Algorithm{"sha256": {Unit: "TH/s"}, "etchash": {Unit: "MH/s"}}}}
	declared := map[string]bool{}
	for i, f := range Numbers(&s) {
		if _, ok := strictyaml.RulesAt(reflect.TypeFor[Scenario](), f.Path); !ok {
			t.Errorf("declared path %q does not resolve to a field of the scenario file", f.Path)
		}
		if declared[f.Path] {
			t.Errorf("path %q declared twice", f.Path)
		}
		declared[f.Path] = true
		f.Set(&s, cited.Number{Value: float64(i + 1), Set: true})
	}
	for i, f := range Numbers(&s) {
		if got := f.Get(&s).Value; got != float64(i+1) {
			t.Errorf("%s: Set wrote %d, Get reads %v: they address different figures", f.Path, i+1, got)
		}
	}
	var walk func(typ reflect.Type, prefix string)
	walk = func(typ reflect.Type, prefix string) {
		for i := range typ.NumField() {
			f := typ.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			path := prefix + name
			switch {
			case f.Type == reflect.TypeFor[cited.Number]():
				for _, p := range expand(path) {
					if !declared[p] {
						t.Errorf("figure %q is not declared in Numbers", p)
					}
				}
			case f.Type.Kind() == reflect.Struct:
				walk(f.Type, path+".")
			case f.Type.Kind() == reflect.Map && f.Type.Elem().Kind() == reflect.Struct:
				walk(f.Type.Elem(), path+".*.")
			}
		}
	}
	walk(reflect.TypeFor[Scenario](), "")
}

// expand names a map item's figure once for each algorithm of the test scenario.
func expand(path string) []string {
	if !strings.Contains(path, ".*.") {
		return []string{path}
	}
	return []string{strings.Replace(path, "*", "etchash", 1), strings.Replace(path, "*", "sha256", 1)}
}
