package strictyaml

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every file of testdata/syntax breaks the YAML syntax of a country file once; its first line,
// "# want: LINE:COL: message", names the line a person has to fix.
func TestSyntaxErrorsNameTheLineToFix(t *testing.T) {
	files, err := filepath.Glob("testdata/syntax/*.yaml")
	if err != nil || len(files) < 8 {
		t.Fatalf("found %d files: %v", len(files), err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			first, _, _ := strings.Cut(string(src), "\n")
			want, ok := strings.CutPrefix(first, "# want: ")
			if !ok {
				t.Fatalf("first line %q does not say what is wanted", first)
			}
			var v struct{}
			d := Decode("f.yaml", src, &v)
			if len(d.Issues) != 1 {
				t.Fatalf("%d issues:\n%s", len(d.Issues), d.Issues.Error())
			}
			if got := strings.TrimPrefix(d.Issues[0].Error(), "f.yaml:"); got != want {
				t.Errorf("got  %s\nwant %s", got, want)
			}
		})
	}
}

// The parser gives no line at all for a problem on the first line, nor for one in a file of
// one line.
func TestSyntaxErrorOnTheFirstLine(t *testing.T) {
	for src, want := range map[string]string{
		"name: [x\n":              "f.yaml:1:1: not valid YAML: did not find expected ',' or ']'",
		"name: x: y\nregion: z\n": "f.yaml:1:1: not valid YAML: mapping values are not allowed in this context",
		"name: x\n  region: z\n":  "f.yaml:2:3: not valid YAML: mapping values are not allowed in this context",
		"{name: x region: y}":     "f.yaml:1:1: not valid YAML: did not find expected ',' or '}'",
	} {
		var v struct{}
		if got := Decode("f.yaml", []byte(src), &v).Issues.Error(); got != want {
			t.Errorf("%q:\ngot  %s\nwant %s", src, got, want)
		}
	}
}
