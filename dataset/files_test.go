package dataset

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestBareScenarioNameIsNeverAFile(t *testing.T) {
	set, issues := Load(mini(t), "mini")
	if len(issues) > 0 {
		t.Fatal(issues)
	}
	t.Chdir(t.TempDir())
	if err := os.WriteFile("default", []byte("not a scenario"), 0o644); err != nil {
		t.Fatal(err)
	}
	if sc, is := set.PickScenario(""); len(is) > 0 || sc.Name == "" {
		t.Errorf("default scenario with a file named default here: %v", is)
	}
	if sc, is := set.PickScenario("default"); len(is) > 0 || sc.Name == "" {
		t.Errorf("--scenario default with a file named default here: %v", is)
	}
	_, is := set.PickScenario("hamster")
	if want := `hamster: no scenario of that name in the data set (default); a scenario file is named by a path with a slash or an extension (./hamster.yaml)`; is.Error() != want {
		t.Errorf("unknown name:\n got %s\nwant %s", is.Error(), want)
	}
	_, is = set.PickScenario("./default")
	if !strings.Contains(is.Error(), "./default:") {
		t.Errorf("a path is read as a file: %v", is)
	}
	_, is = set.PickScenario("gone.yaml")
	if is.Error() != "gone.yaml: no such scenario file" {
		t.Errorf("missing file: %v", is)
	}
}

func TestYAMLExtensionInAnyCase(t *testing.T) {
	fsys := mini(t)
	fsys["countries/PY.yml"] = fsys["countries/py.yaml"]
	delete(fsys, "countries/py.yaml")
	fsys["countries/notes.txt"] = &fstest.MapFile{Data: []byte("ignored")}
	_, issues := Load(fsys, "mini")
	if want := `mini/countries/PY.yml:2:5: id: is "py" but the file is named "PY"; they must match`; issues.Error() != want {
		t.Errorf("got %v, want %s", issues, want)
	}
	fsys["countries/py.YAML"] = fsys["countries/PY.yml"]
	delete(fsys, "countries/PY.yml")
	set, issues := Load(fsys, "mini")
	if _, ok := set.Country("py"); !ok || len(issues) > 0 {
		t.Errorf("py.YAML not loaded: %v", issues)
	}
}

func TestReadPathChecksBeforeReading(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero here")
	}
	dir := t.TempDir()
	link := filepath.Join(dir, "zero.yaml")
	if err := os.Symlink("/dev/zero", link); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFile(link); err == nil || !strings.Contains(err.Error(), "is a device") {
		t.Errorf("a link to /dev/zero: %v", err)
	}
	if _, err := ReadFile(dir); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("a folder: %v", err)
	}
}

func TestScenarioNameWithAnExtensionIsAPath(t *testing.T) {
	set, issues := Load(mini(t), "mini")
	if len(issues) > 0 {
		t.Fatal(issues)
	}
	t.Chdir(t.TempDir())
	_, is := set.PickScenario("default.yaml")
	if want := "default.yaml: no such scenario file; the data set's scenario is named without a path or extension: --scenario default"; is.Error() != want {
		t.Errorf("got %v", is)
	}
}
