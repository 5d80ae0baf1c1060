package strictyaml

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"hashhaven/cited"
)

// sample is a small struct with one field of every kind the decoder handles.
type sample struct {
	Name    string           `yaml:"name" check:"required"`
	Kind    string           `yaml:"kind" check:"enum=a|b"`
	Code    string           `yaml:"code" check:"pattern=[a-z]+"`
	Count   int              `yaml:"count" check:"min=0,max=100"`
	Ratio   float64          `yaml:"ratio" check:"min=0,max=1"`
	Months  cited.Number     `yaml:"months" check:"int,min=0"`
	Price   cited.Number     `yaml:"price" check:"above=0"`
	On      bool             `yaml:"on"`
	Tags    []string         `yaml:"tags"`
	Inner   inner            `yaml:"inner"`
	Prices  map[string]inner `yaml:"prices"`
	Ignored string           `yaml:"-"`
}

type inner struct {
	Level cited.Number `yaml:"level" check:"required,min=1,max=3"`
	Unit  string       `yaml:"unit" check:"enum=kW|MW"`
}

func decode(t *testing.T, src string) (sample, *Doc) {
	t.Helper()
	var s sample
	d := Decode("t.yaml", []byte(src), &s)
	if d.File != "t.yaml" {
		t.Errorf("doc file = %q", d.File)
	}
	for _, is := range d.Issues {
		if is.File != "t.yaml" || is.Msg == "" {
			t.Errorf("malformed issue %+v", is)
		}
	}
	return s, d
}

// messages is every issue as the user sees it, one a line.
func messages(d *Doc) string { return d.Issues.Error() }

func TestDecodeValidFile(t *testing.T) {
	src := `name: Plant
kind: b
code: abc
count: 42
ratio: 0.25
months: 6
price: {value: 0.066, source: "EIA", as_of: 2023-12, estimate: true}
on: true
tags: [x, y]
inner:
  level: 2
  unit: MW
prices:
  kwh: {level: 1}
  mwh:
    level: {value: 3, source: "sheet"}
`
	s, d := decode(t, src)
	if len(d.Issues) > 0 {
		t.Fatalf("issues:\n%v", d.Issues)
	}
	if d.Issues.Err() != nil {
		t.Error("Err() must be nil without issues")
	}
	if s.Name != "Plant" || s.Kind != "b" || s.Code != "abc" || s.Count != 42 || s.Ratio != 0.25 || !s.On {
		t.Errorf("scalars: %+v", s)
	}
	if len(s.Tags) != 2 || s.Tags[1] != "y" {
		t.Errorf("tags = %v", s.Tags)
	}
	if s.Inner.Level.Value != 2 || s.Inner.Unit != "MW" {
		t.Errorf("inner = %+v", s.Inner)
	}
	if len(s.Prices) != 2 || s.Prices["kwh"].Level.Value != 1 || s.Prices["mwh"].Level.Source != "sheet" {
		t.Errorf("prices = %+v", s.Prices)
	}
	if !s.Months.Set || s.Months.Value != 6 || s.Months.Sourced() {
		t.Errorf("months = %+v", s.Months)
	}
}

func TestFieldsNamedDashAreNotRead(t *testing.T) {
	_, d := decode(t, "name: x\nIgnored: y\n")
	want := "t.yaml:2:1: Ignored: unknown field (expected one of: code, count, inner, kind, months, name, on, price, prices, ratio, tags)"
	if messages(d) != want {
		t.Errorf("got:\n%s\nwant:\n%s", messages(d), want)
	}
}

// Each case is one small file and every message it must give, in order.
func TestProblems(t *testing.T) {
	cases := []struct {
		name, src string
		want      []string
	}{
		{"unknown field lists the expected names", "name: x\ncolour: red\n", []string{
			"t.yaml:2:1: colour: unknown field (expected one of: code, count, inner, kind, months, name, on, price, prices, ratio, tags)"}},
		{"unknown nested field", "name: x\ninner:\n  level: 1\n  lvl: 2\n", []string{
			"t.yaml:4:3: inner.lvl: unknown field (expected one of: level, unit)"}},
		{"duplicate key", "name: x\ncount: 1\ncount: 2\n", []string{
			"t.yaml:3:1: count: field appears twice"}},
		{"duplicate map key", "name: x\nprices:\n  kwh: {level: 1}\n  kwh: {level: 2}\n", []string{
			"t.yaml:4:3: prices.kwh: appears twice"}},
		{"text for a number", "name: x\ncount: ten\n", []string{
			`t.yaml:2:8: count: must be a number, found text "ten"`}},
		{"quoted number", "name: x\nratio: \"0.5\"\n", []string{
			`t.yaml:2:8: ratio: must be a number, found text "0.5"`}},
		{"bool for a number", "name: x\nratio: true\n", []string{
			`t.yaml:2:8: ratio: must be a number, found "true"`}},
		{"list for text", "name: [a, b]\n", []string{
			"t.yaml:1:7: name: must be text, found a list"}},
		{"mapping for a number", "name: x\nprice: {}\n", []string{
			"t.yaml:2:8: price.value: required field is missing"}},
		{"text for a bool", "name: x\non: yes\n", []string{
			`t.yaml:2:5: on: must be true or false, found text "yes"`}},
		{"text for a list", "name: x\ntags: x\n", []string{
			`t.yaml:2:7: tags: must be a list, found text "x"`}},
		{"number for a mapping", "name: x\ninner: 3\n", []string{
			`t.yaml:2:8: inner: must be a mapping of fields, found "3"`}},
		{"list for a map", "name: x\nprices: []\n", []string{
			"t.yaml:2:9: prices: must be a mapping, found a list"}},
		{"required field missing", "kind: a\n", []string{
			"t.yaml:1:1: name: required field is missing"}},
		{"required field empty", "name:\n", []string{
			"t.yaml:1:1: name: needs a value"}},
		{"required text blank", "name: \"  \"\n", []string{
			"t.yaml:1:7: name: must not be empty"}},
		{"nested required missing", "name: x\ninner: {unit: kW}\n", []string{
			"t.yaml:2:8: inner.level: required field is missing"}},
		{"enum", "name: x\nkind: c\n", []string{
			`t.yaml:2:7: kind: must be one of a, b, got "c"`}},
		{"pattern", "name: x\ncode: ABC\n", []string{
			`t.yaml:2:7: code: "ABC" does not match [a-z]+`}},
		{"pattern is anchored", "name: x\ncode: abc1\n", []string{
			`t.yaml:2:7: code: "abc1" does not match [a-z]+`}},
		{"below min", "name: x\ncount: -1\n", []string{
			"t.yaml:2:8: count: must be at least 0, got -1"}},
		{"above max", "name: x\nratio: 1.5\n", []string{
			"t.yaml:2:8: ratio: must be at most 1, got 1.5"}},
		{"not above", "name: x\nprice: 0\n", []string{
			"t.yaml:2:8: price: must be greater than 0, got 0"}},
		{"fraction for an int field", "name: x\ncount: 2.5\n", []string{
			"t.yaml:2:8: count: must be a whole number, got 2.5"}},
		{"fraction for an int rule", "name: x\nmonths: 1.5\n", []string{
			"t.yaml:2:9: months: must be a whole number, got 1.5"}},
		{"fraction for an int rule, cited", "name: x\nmonths: {value: 1.5, source: s}\n", []string{
			"t.yaml:2:17: months.value: must be a whole number, got 1.5"}},
		{"NaN", "name: x\nratio: .nan\n", []string{
			`t.yaml:2:8: ratio: must be a finite number, found ".nan"`}},
		{"Inf", "name: x\ncount: .inf\n", []string{
			`t.yaml:2:8: count: must be a finite number, found ".inf"`}},
		{"minus Inf", "name: x\nprice: -.Inf\n", []string{
			`t.yaml:2:8: price: must be a finite number, found "-.Inf"`}},
		{"too large for a float", "name: x\nprice: 1e400\n", []string{
			`t.yaml:2:8: price: must be a finite number, found "1e400"`}},
		{"too large, cited", "name: x\nprice: {value: -1e400}\n", []string{
			`t.yaml:2:16: price.value: must be a finite number, found "-1e400"`}},
		{"NaN in a cited number", "name: x\nprice: {value: .NaN}\n", []string{
			`t.yaml:2:16: price.value: must be a finite number, found ".NaN"`}},
		{"cited unknown key", "name: x\nprice: {value: 1, sauce: s}\n", []string{
			"t.yaml:2:19: price.sauce: unknown field (expected one of: as_of, estimate, source, stable, value)"}},
		{"cited bad as_of", "name: x\nprice: {value: 1, as_of: 2023-13}\n", []string{
			`t.yaml:2:26: price.as_of: must be a year, year-month or date (2023, 2023-12, 2023-12-31), found "2023-13"`}},
		{"cited rules apply to the value", "name: x\nprice: {value: -2, source: s}\n", []string{
			"t.yaml:2:16: price.value: must be greater than 0, got -2"}},
		{"nested cited out of range", "name: x\nprices:\n  kwh: {level: 4}\n", []string{
			"t.yaml:3:16: prices.kwh.level: must be at most 3, got 4"}},
		{"list item of the wrong type", "name: x\ntags: [a, [b]]\n", []string{
			"t.yaml:2:11: tags[1]: must be text, found a list"}},
		{"non-text key", "name: x\n? [a]\n: 1\n", []string{ // points at the key
			"t.yaml:2:3: field names must be plain text (line 2)"}},
		{"every problem, in line order", "ratio: 2\nname: x\ncount: -3\nkind: z\nzzz: 1\n", []string{
			"t.yaml:1:8: ratio: must be at most 1, got 2",
			"t.yaml:3:8: count: must be at least 0, got -3",
			`t.yaml:4:7: kind: must be one of a, b, got "z"`,
			"t.yaml:5:1: zzz: unknown field (expected one of: code, count, inner, kind, months, name, on, price, prices, ratio, tags)"}},
		{"empty", "  \n\n", []string{"t.yaml: file is empty"}},
		{"comments only", "# nothing\n# here\n", []string{"t.yaml: file has only comments, no fields"}},
		{"list root", "- a\n- b\n", []string{"t.yaml:1:1: the file must be a mapping of fields, found a list"}},
		{"scalar root", "hello\n", []string{"t.yaml:1:1: the file must be a mapping of fields, found a single value"}},
		{"two documents", "name: x\n---\nname: y\n", []string{
			"t.yaml:2:1: a data file holds one YAML document; remove the second '---'"}},
		{"not YAML", "name: [x\n", nil}, // checked below: one "not valid YAML" message
		{"anchor and alias", "name: &n x\ncode: *n\n", []string{
			"t.yaml:1:7: anchors (&) and aliases (*) are not allowed in data files; write the value out",
			"t.yaml:2:7: anchors (&) and aliases (*) are not allowed in data files; write the value out"}},
		{"merge key", "inner: &i {level: 1}\nprices:\n  kwh:\n    <<: *i\n", []string{
			"t.yaml:1:8: anchors (&) and aliases (*) are not allowed in data files; write the value out",
			"t.yaml:4:9: anchors (&) and aliases (*) are not allowed in data files; write the value out"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, d := decode(t, c.src)
			if len(d.Issues) == 0 {
				t.Fatal("accepted a bad file")
			}
			if d.Issues.Err() == nil {
				t.Error("Err() is nil with issues")
			}
			if c.want == nil {
				if len(d.Issues) != 1 || !strings.HasPrefix(d.Issues[0].Error(), "t.yaml:") || !strings.Contains(d.Issues[0].Msg, "not valid YAML") {
					t.Errorf("got:\n%s", messages(d))
				}
				return
			}
			if got, want := messages(d), strings.Join(c.want, "\n"); got != want {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func TestNumbersWrittenAsIntegersOrFloats(t *testing.T) {
	cases := []struct {
		src   string
		count int
		ratio float64
	}{
		{"count: 7", 7, 0},
		{"count: 3.0", 3, 0}, // a float that is whole is a whole number
		{"count: 1e2", 100, 0},
		{"count: 0x1F", 31, 0},
		{"count: 0o17", 15, 0},
		{"count: 0b101", 5, 0},
		{"count: 1_0", 10, 0},
		{"count: +5", 5, 0},
		{"ratio: 1", 0, 1}, // an integer is a fine float
		{"ratio: .5", 0, 0.5},
		{"ratio: 0.000_5", 0, 0.0005},
		{"ratio: 5e-1", 0, 0.5},
	}
	for _, c := range cases {
		s, d := decode(t, "name: x\n"+c.src+"\n")
		if len(d.Issues) > 0 {
			t.Errorf("%s: %v", c.src, d.Issues)
			continue
		}
		if s.Count != c.count || s.Ratio != c.ratio {
			t.Errorf("%s: count %d ratio %v, want %d %v", c.src, s.Count, s.Ratio, c.count, c.ratio)
		}
	}
	s, d := decode(t, "name: x\nmonths: 0x10\nprice: 1_000\n")
	if len(d.Issues) > 0 || s.Months.Value != 16 || s.Price.Value != 1000 {
		t.Errorf("cited hex/underscore: %+v %+v %v", s.Months, s.Price, d.Issues)
	}
}

// A hand-written figure with a leading zero ("010") must be read as the decimal a consultant
// means, or refused; silently reading it as octal (8) is neither.
func TestLeadingZeroIsNotOctal(t *testing.T) {
	for _, src := range []string{"count: 010", "count: 0010", "months: 010", "months: {value: 010}"} {
		s, d := decode(t, "name: x\n"+src+"\n")
		if len(d.Issues) > 0 {
			continue // refused: fine
		}
		if s.Count == 8 || s.Months.Value == 8 {
			t.Errorf("%s read as 8 (octal), want 10 or an issue", src)
		}
	}
}

func TestCitedNumbers(t *testing.T) {
	src := `name: x
months: 6
price:
  value: 0.066   # comment
  source: "EIA Electric Power Annual"
  as_of: 2023-12
  estimate: true
inner: {level: {value: 2, as_of: 2024, stable: true}}
`
	s, d := decode(t, src)
	if len(d.Issues) > 0 {
		t.Fatalf("issues:\n%v", d.Issues)
	}
	plain := s.Months
	if !plain.Set || plain.Value != 6 || plain.Line != 2 || plain.Col != 9 || plain.Source != "" || plain.AsOf != "" || plain.Estimate {
		t.Errorf("plain form = %+v, want 6 at 2:9 without provenance", plain)
	}
	p := s.Price
	if !p.Set || p.Value != 0.066 || p.Source != "EIA Electric Power Annual" || p.AsOf != "2023-12" || !p.Estimate || p.Stable {
		t.Errorf("mapping form = %+v", p)
	}
	if p.Line != 4 || p.Col != 10 {
		t.Errorf("mapping form position = %d:%d, want the value's 4:10", p.Line, p.Col)
	}
	l := s.Inner.Level
	if !l.Set || l.Value != 2 || l.AsOf != "2024" || l.Estimate || !l.Stable || l.Line != 8 || l.Col != 24 {
		t.Errorf("flow mapping form = %+v, want 2 as of 2024, stable, at 8:24", l)
	}
	if s.Ratio != 0 || s.Inner.Unit != "" {
		t.Error("absent fields must stay zero")
	}

	// Positions recorded for later checks: a field's value, or its nearest parent.
	if got := d.At("price.value"); got != (Pos{4, 10}) {
		t.Errorf("At(price.value) = %v", got)
	}
	if got := d.At("inner.level.source"); got != (Pos{8, 16}) {
		t.Errorf("At(inner.level.source) = %v, want level's value at 8:16", got)
	}
	if got := d.At("nothing.here"); got != (Pos{1, 1}) {
		t.Errorf("At(nothing.here) = %v, want the root", got)
	}
	d.Errorf("price", "too dear: %d", 3)
	if got := d.Issues[len(d.Issues)-1].Error(); got != "t.yaml:4:3: price: too dear: 3" {
		t.Errorf("Errorf made %q", got)
	}

	// An optional cited number that is absent is zero and not set.
	s, d = decode(t, "name: x\n")
	if len(d.Issues) > 0 || s.Price.Set || s.Price.Value != 0 {
		t.Errorf("absent cited number: %+v %v", s.Price, d.Issues)
	}
}

func TestListPositions(t *testing.T) {
	_, d := decode(t, "name: x\ntags:\n  - a\n  - b\n")
	if len(d.Issues) > 0 {
		t.Fatal(d.Issues)
	}
	if got := d.At("tags[1]"); got != (Pos{4, 5}) {
		t.Errorf("At(tags[1]) = %v", got)
	}
	if got := d.At("tags[7]"); got != (Pos{3, 3}) {
		t.Errorf("At(tags[7]) = %v, want the list's 3:3", got)
	}
}

func TestFileSizeLimit(t *testing.T) {
	head := "name: x\n# "
	atLimit := head + strings.Repeat("a", MaxFileSize-len(head))
	if _, d := decode(t, atLimit); len(d.Issues) > 0 {
		t.Errorf("a file of exactly MaxFileSize bytes is refused: %v", d.Issues)
	}
	_, d := decode(t, atLimit+"a")
	want := "t.yaml: file is 1048577 bytes, over the 1048576-byte limit for a data file"
	if messages(d) != want {
		t.Errorf("got %q, want %q", messages(d), want)
	}
}

// An alias bomb is refused before anything is expanded, with a bounded number of messages:
// 20 anchors and 19 × 9 aliases are 191 findings, 5 shown and 186 summed up.
func TestAliasBombRefused(t *testing.T) {
	var b strings.Builder
	b.WriteString("a: &a [x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 20; i++ {
		prev := string(rune('a' + i - 1))
		cur := string(rune('a' + i))
		b.WriteString(cur + ": &" + cur + " [")
		for j := range 9 {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*" + prev)
		}
		b.WriteString("]\n")
	}
	_, d := decode(t, b.String())
	if len(d.Issues) != 6 {
		t.Fatalf("%d issues, want 5 positioned and one summary:\n%s", len(d.Issues), messages(d))
	}
	last := d.Issues[5]
	if last.Line != 0 || last.Msg != "and 186 more anchors or aliases" {
		t.Errorf("summary = %+v", last)
	}
	for _, is := range d.Issues[:5] {
		if is.Line == 0 || !strings.Contains(is.Msg, "anchors (&) and aliases (*) are not allowed") {
			t.Errorf("issue %+v", is)
		}
	}
}

func TestIssueFormat(t *testing.T) {
	cases := []struct {
		is   Issue
		want string
	}{
		{Issue{File: "a.yaml", Line: 3, Col: 7, Field: "power.uptime", Msg: "bad"}, "a.yaml:3:7: power.uptime: bad"},
		{Issue{File: "a.yaml", Line: 3, Field: "x", Msg: "bad"}, "a.yaml:3:1: x: bad"},
		{Issue{File: "a.yaml", Msg: "file is empty"}, "a.yaml: file is empty"},
		{Issue{File: "a.yaml", Field: "machines", Msg: "none"}, "a.yaml: machines: none"},
	}
	for _, c := range cases {
		if got := c.is.Error(); got != c.want {
			t.Errorf("Error() = %q, want %q", got, c.want)
		}
	}
	var none Issues
	if none.Err() != nil {
		t.Error("no issues must give a nil error")
	}
	two := Issues{cases[0].is, cases[2].is}
	if two.Error() != "a.yaml:3:7: power.uptime: bad\na.yaml: file is empty" {
		t.Errorf("Issues.Error() = %q", two.Error())
	}
}

func TestIssuesSortOrder(t *testing.T) {
	is := Issues{
		{File: "b.yaml", Line: 1, Col: 1, Msg: "b1"},
		{File: "a.yaml", Msg: "a-note-1"},
		{File: "a.yaml", Line: 9, Col: 2, Msg: "a9.2"},
		{File: "a.yaml", Line: 2, Col: 5, Msg: "a2.5"},
		{File: "b.yaml", Msg: "b-note"},
		{File: "a.yaml", Line: 2, Col: 1, Msg: "a2.1"},
		{File: "a.yaml", Msg: "a-note-2"},
		{File: "a.yaml", Line: 9, Col: 1, Msg: "a9.1"},
	}
	is.Sort()
	var got []string
	for _, i := range is {
		got = append(got, i.Msg)
	}
	// By file; within a file by line and column; positionless notes last, in their order.
	want := []string{"a2.1", "a2.5", "a9.1", "a9.2", "a-note-1", "a-note-2", "b1", "b-note"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sorted = %v\nwant     %v", got, want)
	}
}

func TestRulesAt(t *testing.T) {
	typ := reflect.TypeFor[sample]()
	r, ok := RulesAt(typ, "inner.level")
	if !ok || !r.Required || r.Min == nil || *r.Min != 1 || r.Max == nil || *r.Max != 3 || r.Whole {
		t.Errorf("inner.level: %+v %v", r, ok)
	}
	r, ok = RulesAt(typ, "prices.kwh.level") // through a map: any key
	if !ok || !r.Required || *r.Min != 1 || *r.Max != 3 {
		t.Errorf("prices.kwh.level: %+v %v", r, ok)
	}
	r, ok = RulesAt(typ, "prices.anything.unit")
	if !ok || !reflect.DeepEqual(r.Enum, []string{"kW", "MW"}) {
		t.Errorf("prices.anything.unit: %+v %v", r, ok)
	}
	r, ok = RulesAt(typ, "count") // an int field is whole even without the int rule
	if !ok || !r.Whole || *r.Min != 0 || *r.Max != 100 {
		t.Errorf("count: %+v %v", r, ok)
	}
	r, ok = RulesAt(typ, "months")
	if !ok || !r.Whole || *r.Min != 0 {
		t.Errorf("months: %+v %v", r, ok)
	}
	r, ok = RulesAt(typ, "price")
	if !ok || r.Above == nil || *r.Above != 0 || r.Whole || r.Required {
		t.Errorf("price: %+v %v", r, ok)
	}
	r, ok = RulesAt(typ, "code")
	if !ok || r.Pattern != "[a-z]+" {
		t.Errorf("code: %+v %v", r, ok)
	}
	for _, bad := range []string{"nope", "inner.nope", "name.x", "tags.x", "Ignored", "-"} {
		if r, ok := RulesAt(typ, bad); ok {
			t.Errorf("RulesAt(%q) = %+v, true; want no such field", bad, r)
		}
	}
}

func TestRulesCheck(t *testing.T) {
	r, _ := RulesAt(reflect.TypeFor[sample](), "inner.level")
	cases := []struct {
		v    float64
		want string
	}{
		{1, ""},
		{2.5, ""},
		{3, ""},
		{0.5, "must be at least 1, got 0.5"},
		{4, "must be at most 3, got 4"},
		{math.NaN(), "must be a finite number"},
		{math.Inf(1), "must be a finite number"},
		{math.Inf(-1), "must be a finite number"},
	}
	for _, c := range cases {
		if got := r.Check(c.v); got != c.want {
			t.Errorf("level Check(%v) = %q, want %q", c.v, got, c.want)
		}
	}
	months, _ := RulesAt(reflect.TypeFor[sample](), "months")
	if got := months.Check(1.5); got != "must be a whole number, got 1.5" {
		t.Errorf("months Check(1.5) = %q", got)
	}
	if got := months.Check(-1); got != "must be at least 0, got -1" {
		t.Errorf("months Check(-1) = %q", got)
	}
	price, _ := RulesAt(reflect.TypeFor[sample](), "price")
	if got := price.Check(0); got != "must be greater than 0, got 0" {
		t.Errorf("price Check(0) = %q", got)
	}
	if got := price.Check(1e-9); got != "" {
		t.Errorf("price Check(1e-9) = %q", got)
	}
	if got := (Rules{}).Check(-1e300); got != "" {
		t.Errorf("no rules Check = %q", got)
	}
}

func TestFieldRulesRefusesUnknownChecks(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("an unknown check must panic at start-up, not pass silently")
		}
	}()
	type bad struct {
		X float64 `yaml:"x" check:"minimum=0"`
	}
	FieldRules(reflect.TypeFor[bad]().Field(0))
}

// An as_of written empty is not a date: absent is fine, "" is an error at its place.
func TestEmptyAsOfIsRefused(t *testing.T) {
	_, d := decode(t, "name: x\nmonths: 6\nprice: {value: 1, as_of: \"\"}\n")
	if len(d.Issues) != 1 || !strings.Contains(d.Issues.Error(), "3:") || !strings.Contains(d.Issues.Error(), "price.as_of: must be a year") {
		t.Errorf("issues = %v, want one at price.as_of on line 3", d.Issues)
	}
}
