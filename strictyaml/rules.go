package strictyaml

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"
)

// Rules are the checks a field's `check` tag asks for, e.g. `check:"required,min=0,max=1"`.
// The same rules drive the JSON Schemas, so the editor and the loader agree.
type Rules struct {
	Required bool
	Min, Max *float64 // inclusive bounds
	Above    *float64 // exclusive lower bound
	Whole    bool     // a whole number
	Enum     []string
	Pattern  string
	pattern  *regexp.Regexp // Pattern compiled, so no value checked against it compiles it again
}

// FieldRules reads the rules from a struct field's tag.
func FieldRules(f reflect.StructField) Rules {
	var r Rules
	tag := f.Tag.Get("check")
	if tag == "" {
		return r
	}
	for _, part := range strings.Split(tag, ",") {
		name, arg, _ := strings.Cut(part, "=")
		switch name {
		case "required":
			r.Required = true
		case "int":
			r.Whole = true
		case "min":
			r.Min = parseBound(arg)
		case "max":
			r.Max = parseBound(arg)
		case "above":
			r.Above = parseBound(arg)
		case "enum":
			r.Enum = strings.Split(arg, "|")
		case "pattern":
			r.Pattern = arg
			r.pattern = regexp.MustCompile("^(?:" + arg + ")$")
		default:
			panic(fmt.Sprintf("strictyaml: unknown check %q on field %s", name, f.Name))
		}
	}
	return r
}

func parseBound(s string) *float64 {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		panic(fmt.Sprintf("strictyaml: bad bound %q", s))
	}
	return &v
}

// checkNumber returns what is wrong with v under the rules, or "".
func (r Rules) checkNumber(v float64) string {
	switch {
	case r.Whole && v != math.Trunc(v):
		return fmt.Sprintf("must be a whole number, got %s", fmtNum(v))
	case r.Min != nil && v < *r.Min:
		return fmt.Sprintf("must be at least %s, got %s", fmtNum(*r.Min), fmtNum(v))
	case r.Max != nil && v > *r.Max:
		return fmt.Sprintf("must be at most %s, got %s", fmtNum(*r.Max), fmtNum(v))
	case r.Above != nil && v <= *r.Above:
		return fmt.Sprintf("must be greater than %s, got %s", fmtNum(*r.Above), fmtNum(v))
	}
	return ""
}

// checkString returns what is wrong with s under the rules, or "".
func (r Rules) checkString(s string) string {
	if len(r.Enum) > 0 {
		for _, e := range r.Enum {
			if s == e {
				return ""
			}
		}
		return fmt.Sprintf("must be one of %s, got %q", strings.Join(r.Enum, ", "), s)
	}
	if r.pattern != nil && !r.pattern.MatchString(s) {
		return fmt.Sprintf("%q does not match %s", s, r.Pattern)
	}
	if r.Required && strings.TrimSpace(s) == "" {
		return "must not be empty"
	}
	return ""
}

func fmtNum(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// Check returns what is wrong with a number under the rules, or "" — the loader's own test,
// for values typed in the app.
func (r Rules) Check(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "must be a finite number"
	}
	return r.checkNumber(v)
}

// RulesAt finds the rules of the field at a dotted yaml path (e.g. power.uptime) in struct
// type t; ok is false when there is no such field.
func RulesAt(t reflect.Type, path string) (Rules, bool) {
	var r Rules
	for _, name := range strings.Split(path, ".") {
		if t.Kind() == reflect.Map {
			t = t.Elem() // the name is a key of the map
			continue
		}
		if t.Kind() != reflect.Struct {
			return Rules{}, false
		}
		found := false
		for i := range t.NumField() {
			f := t.Field(i)
			if FieldName(f) == name {
				r, t, found = FieldRules(f), f.Type, true
				r.Whole = r.Whole || t.Kind() == reflect.Int
				break
			}
		}
		if !found {
			return Rules{}, false
		}
	}
	return r, true
}
