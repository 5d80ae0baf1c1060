package cli

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hashhaven/data"
	"hashhaven/dataset"
	"hashhaven/schema"
)

// readTree returns every file under dir by slash path, to compare a folder before and after.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestInitWritesDataWithSchemas(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "mydata")
	var out, errOut bytes.Buffer
	if err := Init(dir, Env{Stdout: &out, Stderr: &errOut}); err != nil {
		t.Fatalf("init: %v\n%s", err, errOut.String())
	}
	written := readTree(t, dir)

	// Each data file starts with the line that names its schema, then the bundled text.
	wantSchema := map[string]string{
		"countries": "../schemas/country.schema.json",
		"scenarios": "../schemas/scenario.schema.json",
		".":         "schemas/machines.schema.json",
	}
	dataFiles := 0
	for p, content := range written {
		if strings.HasPrefix(p, "schemas/") {
			continue
		}
		dataFiles++
		bundled, err := fs.ReadFile(data.FS(), p)
		if err != nil {
			t.Fatalf("%s was not in the bundled set: %v", p, err)
		}
		header, rest, _ := strings.Cut(content, "\n")
		ref := wantSchema[filepath.Dir(p)]
		if header != "# yaml-language-server: $schema="+ref || rest != string(bundled) {
			t.Errorf("%s starts %q, want the $schema line for %s, then the bundled file", p, header, ref)
		}
		// The reference leads to the schema from the file's own folder.
		target := filepath.Join(dir, filepath.Dir(p), ref)
		if got, err := os.ReadFile(target); err != nil || !bytes.Equal(got, schema.All()[filepath.Base(ref)]) {
			t.Errorf("%s: schema %s unreadable or not the generated one: %v", p, target, err)
		}
	}
	if dataFiles < 3 {
		t.Errorf("only %d data files written", dataFiles)
	}
	for name, src := range schema.All() {
		if written["schemas/"+name] != string(src) {
			t.Errorf("schemas/%s missing or different", name)
		}
	}
	if !strings.Contains(out.String(), "wrote ") {
		t.Errorf("output: %q", out.String())
	}

	set, issues := dataset.Open(data.FS(), dir)
	if len(issues) > 0 {
		t.Fatalf("the written folder does not load:\n%v", issues)
	}
	embedded, _ := dataset.Open(data.FS(), "")
	if len(set.Countries) != len(embedded.Countries) || len(set.Scenarios) != len(embedded.Scenarios) {
		t.Errorf("loaded %d countries and %d scenarios, the bundled set has %d and %d",
			len(set.Countries), len(set.Scenarios), len(embedded.Countries), len(embedded.Scenarios))
	}

	// A second init refuses and changes nothing.
	errOut.Reset()
	if err := Init(dir, Env{Stdout: &out, Stderr: &errOut}); !errors.Is(err, ErrReported) {
		t.Fatalf("second init: %v", err)
	}
	if !strings.Contains(errOut.String(), "nothing was written") {
		t.Errorf("stderr: %q", errOut.String())
	}
	after := readTree(t, dir)
	if len(after) != len(written) {
		t.Errorf("second init left %d files, want %d", len(after), len(written))
	}
	for p, content := range written {
		if after[p] != content {
			t.Errorf("second init changed %s", p)
		}
	}
}

// One file in the way stops init before it writes anything.
func TestInitRefusesBeforeWriting(t *testing.T) {
	dir := t.TempDir()
	mine := filepath.Join(dir, "schemas", schema.CountryFile)
	if err := os.MkdirAll(filepath.Dir(mine), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(mine, []byte("my edits"), 0o644); err != nil {
		t.Fatal(err)
	}
	var errOut bytes.Buffer
	if err := Init(dir, Env{Stdout: &bytes.Buffer{}, Stderr: &errOut}); !errors.Is(err, ErrReported) {
		t.Fatalf("init over an existing file: %v", err)
	}
	if got := readTree(t, dir); len(got) != 1 || got["schemas/"+schema.CountryFile] != "my edits" {
		t.Errorf("folder after a refused init: %v", got)
	}
	if !strings.Contains(errOut.String(), mine) {
		t.Errorf("stderr does not name the clash: %q", errOut.String())
	}
}
