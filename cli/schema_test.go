package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hashhaven/schema"
)

func TestSchemaWritesOnceIntoFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "editor")
	var out, errOut bytes.Buffer
	if err := Schema(dir, Env{Stdout: &out, Stderr: &errOut}); err != nil {
		t.Fatalf("%v\n%s", err, errOut.String())
	}
	for name, src := range schema.All() {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || !bytes.Equal(got, src) {
			t.Errorf("%s: %v", name, err)
		}
		if !strings.Contains(out.String(), "wrote "+filepath.Join(dir, name)+"\n") {
			t.Errorf("output does not name %s:\n%s", name, out.String())
		}
	}
	if err := Schema(dir, Env{Stdout: &out, Stderr: &errOut}); !errors.Is(err, ErrReported) || !strings.Contains(errOut.String(), "3 files already exist") {
		t.Errorf("second run: %v, %q", err, errOut.String())
	}
}

func TestSchemaDefaultsToCurrentFolder(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := Schema("", Env{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(schema.ScenarioFile); err != nil {
		t.Error(err)
	}
}
