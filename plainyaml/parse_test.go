package plainyaml

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"hashhaven/data"
)

// reference is yaml.v3's root node of src as the data loader reads it: one document, no
// second; ok is false when yaml.v3 refuses src.
func reference(src []byte) (*yaml.Node, bool) {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc, extra yaml.Node
	if err := dec.Decode(&doc); err != nil || len(doc.Content) != 1 {
		return nil, false
	}
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return nil, false
	}
	return doc.Content[0], true
}

// difference names the first way two trees differ in what a decoder reads — kind, style,
// tag, value, position, anchor and children — or is "".
func difference(got, want *yaml.Node, at string) string {
	g := fmt.Sprintf("kind %v style %v tag %q value %q at %d:%d anchor %q children %d",
		got.Kind, got.Style, got.Tag, got.Value, got.Line, got.Column, got.Anchor, len(got.Content))
	w := fmt.Sprintf("kind %v style %v tag %q value %q at %d:%d anchor %q children %d",
		want.Kind, want.Style, want.Tag, want.Value, want.Line, want.Column, want.Anchor, len(want.Content))
	if g != w {
		return fmt.Sprintf("%s: got %s, yaml.v3 has %s", at, g, w)
	}
	for i := range got.Content {
		if d := difference(got.Content[i], want.Content[i], fmt.Sprintf("%s/%d", at, i)); d != "" {
			return d
		}
	}
	return ""
}

// checkSame fails when ps accepts src but yaml.v3 refuses it or reads it otherwise, or when
// it faults.
func checkSame(t *testing.T, ps *Parser, src []byte) (accepted bool) {
	t.Helper()
	got, ok, fault := ps.parse(src)
	if fault != nil {
		t.Fatalf("fault %v on %s", fault, short(src))
	}
	if !ok {
		return false
	}
	want, wantOK := reference(src)
	if !wantOK {
		t.Fatalf("accepted %s, which yaml.v3 refuses", short(src))
	}
	if d := difference(got, want, ""); d != "" {
		t.Fatalf("%s: %s", short(src), d)
	}
	return true
}

// short quotes src, or says how long it is when it would fill the screen.
func short(src []byte) string {
	if len(src) > 300 {
		return fmt.Sprintf("a file of %d bytes", len(src))
	}
	return fmt.Sprintf("%q", src)
}

func bundledFiles(t testing.TB) map[string][]byte {
	files := map[string][]byte{}
	err := fs.WalkDir(data.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".yaml") {
			return err
		}
		files[p], err = fs.ReadFile(data.FS(), p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// The bundled data set is written in the subset, so its files never wait for yaml.v3, and
// they read exactly as yaml.v3 reads them.
func TestBundledFilesTakeTheFastPath(t *testing.T) {
	var ps Parser // one for all, as a loader reuses it
	for name, src := range bundledFiles(t) {
		t.Run(name, func(t *testing.T) {
			if !checkSame(t, &ps, src) {
				t.Error("declined")
			}
		})
	}
}

// Files as other tools write them take the fast path too: country files dumped by PyYAML
// (escapes, wrapped and folded text, flow mappings over several lines, plain text wrapped
// inside them) and formatted by Prettier (flow mappings one entry a line, with a trailing
// comma), in testdata/written.
func TestWrittenByOtherToolsTakeTheFastPath(t *testing.T) {
	files, _ := filepath.Glob("testdata/written/*.yaml")
	if len(files) < 12 {
		t.Fatalf("%d files in testdata/written", len(files))
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.Base(file), func(t *testing.T) {
			if !checkSame(t, new(Parser), src) {
				t.Error("declined")
			}
		})
	}
}

var accepted = []string{
	"a: 1\n",
	"a: 1",
	"a: 1\r\nb: two words\r\n",
	"# head\n\nid: kz   # trailing\nname: Kazakhstan\n",
	"a:\n  b: 1\n  c:\n    d: x\ne: 2\n",
	"a:\n- 1\n- two\nb: 3\n",
	"a:\n  - {x: 1, y: \"t\"}\n  - [1, 2.5, true, null, ~]\n",
	"list:\n  - x: 1\n    y: 2\n  - x: 3\n",
	"a:\n  -\n    b: 1\n",
	"- 1\n- 2\n",
	"v: {value: 0.05, source: \"estimate: a, b # not a comment\", as_of: 2022-02, estimate: true}\n",
	"v: {}\nw: []\n",
	"s: 'it''s'\n",
	"d: 2022-07-11\nn: -5\nf: .5\nh: 0x1F\ni: 1_000\nb: yes\nu: http://x.y/z?a=b#frag\n",
	"name: Côte d’Ivoire — north\nw: {t: \"é\", n: 1}\n",
	"  a: 1\n  b: 2\n",
	"a: b}c, d]\n",
	"a: {b: {c: [1, [2, {d: 3}]]}}\n",
	"a: two\n  lines\n",
	"- a\n  b\n",
	"a: long text\n  wrapped over\n\n  three lines # and a comment\nb: 1\n",
	"a: \"open\n  quote\"\n",
	"a: \"esc\\n \\u00e9\\x41\\U0001F600 \\\" \\\\ \\t\"\n",
	"a: \"joined\\\n  \\ here\"\n",
	"a: 'it''s\n  folded\n\n  twice'\n",
	"a:\n  b: 'x'\n  c: \"y\n    z\"   # after\n",
	"a: {x: 1,\n  y: 2}\n",
	"a: {x: 1,}\n",
	"a: {x: 1 y}\n",
	"a: {t: one\n  two, u: 3}\n",
	"- {date: 2021-10, text: Grid operator starts cutting power to\n    miners during shortages}\n",
	"a: [x\n\n  y  # c\n  ]\n",
	"a: x\n  # c\nb: 1\n",
	"a: \"\\' quote\"\n",
	"---\na: 1\n",
	"--- # the one document\r\n# c\r\na: 1\r\n",
	"a: {x: \"two\n  lines\"}\n",
	"a:\n  { x: 1, # one\n    y: [2,\n      3, ],\n  }\nb:\n  plain on its own line\n",
}

func TestAcceptsTheSubsetAsYAMLv3ReadsIt(t *testing.T) {
	for _, src := range accepted {
		if !checkSame(t, new(Parser), []byte(src)) {
			t.Errorf("declined %q", src)
		}
	}
}

var declinedSrc = []string{
	"",
	"# only a comment\n",
	"a: 1\n---\nb: 2\n",
	"a: &x 1\nb: *x\n",
	"a: !!str 1\n",
	"a: |\n  text\n",
	"a: >\n  text\n",
	"a:\n",
	"a:\nb: 1\n",
	"a:\tb\n",
	"\"quoted key\": 1\n",
	"a key: 1\n",
	"a: b: c\n",
	"a: b:\n",
	"a: {x:1}\n",
	"a: [x: 1]\n",
	"a: {x: http://y}\n",
	"a: 1\n  b: 2\n",
	"a:\n    b: 1\n  c: 2\n",
	"a: 1\n- b\n",
	"a: \"x\"#c\n",
	"a: - b\n",
	"a: @b\n",
	"\ufeffa: 1\n",
	"a: 1\rb: 2\n",
	"a: \u2028\n",
	"? a\n: b\n",
	"<<: {a: 1}\n",
	"0: {0: 0?}",
	"a: \"\\q\"\n",
	"a: \"\\ud800\"\n",
	"a: \"not\nclosed under a\"\n",
	"a: b\n  - c\n",
	"a: b\n  c # d\n  e\n",
	"a: {x: 1,\ny: 2}\n",
	"---\n",
	"  a: 1\nb: 2\n",
	"- [a]\n  - b\n",
	"-\n- x\n",
	"a: {t: one\ntwo}\n",
	"a: \"\\/\"\n",
	"a: [x\n  [y]]\n",
	"hello\n",
	"...\n",
	"{a: 1,\n...\n}\n",
	"--- a\nb: 1\n",
	"---x: 1\n",
	"a: {x: 1\n",
}

func TestDeclinesWhatItDoesNotTake(t *testing.T) {
	for _, src := range declinedSrc {
		if checkSame(t, new(Parser), []byte(src)) {
			t.Errorf("accepted %q", src)
		}
	}
}

// FuzzSameAsYAMLv3 holds every file Parse accepts to yaml.v3's reading of it.
func FuzzSameAsYAMLv3(f *testing.F) {
	for _, src := range bundledFiles(f) {
		f.Add(src)
	}
	written, _ := filepath.Glob("testdata/written/*.yaml")
	for _, file := range written {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	for _, src := range append(accepted, declinedSrc...) {
		f.Add([]byte(src))
	}
	kz := bundledFiles(f)["countries/kz.yaml"]
	f.Fuzz(func(t *testing.T, src []byte) {
		var ps Parser
		ps.Parse(kz) // memory a parse has used before
		checkSame(t, &ps, src)
	})
}

// BenchmarkParse parses every bundled data file with one Parser, as the loader does.
func BenchmarkParse(b *testing.B) {
	files := bundledFiles(b)
	var ps Parser
	b.ReportAllocs()
	for b.Loop() {
		for _, src := range files {
			if _, ok := ps.Parse(src); !ok {
				b.Fatal("declined")
			}
		}
	}
}

// BenchmarkParseYAMLv3 is the same files through yaml.v3, for comparison.
func BenchmarkParseYAMLv3(b *testing.B) {
	files := bundledFiles(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, src := range files {
			if _, ok := reference(src); !ok {
				b.Fatal("refused")
			}
		}
	}
}

// Deep nesting declines past a bound, so the parse's recursion stays shallow.
func TestDeclinesDeepNesting(t *testing.T) {
	var block strings.Builder
	for i := range 300 {
		fmt.Fprintf(&block, "%sk:\n", strings.Repeat(" ", i))
	}
	block.WriteString(strings.Repeat(" ", 300) + "k: 1\n")
	flow := "a: " + strings.Repeat("[", 300) + strings.Repeat("]", 300) + "\n"
	for _, src := range []string{block.String(), flow} {
		if _, ok, fault := new(Parser).parse([]byte(src)); ok || fault != nil {
			t.Errorf("ok %v, fault %v on %d bytes of nesting", ok, fault, len(src))
		}
	}
}

// BenchmarkLongLine parses one line holding a flow list of 100,000 values: each value costs
// the same whatever the line's length, so this takes milliseconds, not minutes.
func BenchmarkLongLine(b *testing.B) {
	src := []byte("a: [" + strings.Repeat("1, ", 100_000) + "1]\n")
	for b.Loop() {
		if _, ok := Parse(src); !ok {
			b.Fatal("declined")
		}
	}
}
