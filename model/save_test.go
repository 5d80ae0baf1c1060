package model

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hashhaven/data"
	"hashhaven/dataset"
)

// dataCopy writes the bundled data set into a temporary folder and opens the app on it.
func dataCopy(t *testing.T) (Model, string) {
	t.Helper()
	dir := t.TempDir()
	err := fs.WalkDir(data.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(data.FS(), p)
		if err != nil {
			return err
		}
		target := filepath.Join(dir, p)
		os.MkdirAll(filepath.Dir(target), 0o755)
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	set, issues := dataset.Open(nil, dir)
	if len(issues) > 0 {
		t.Fatal(issues)
	}
	sc, _ := set.PickScenario("")
	m, err := New(Options{Set: set, Scenario: sc, Theme: "dark", Now: testNow, Width: 120, Height: 40, DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	return m, dir
}

func TestSaveWritesOnlyTheEditedValue(t *testing.T) {
	m, dir := dataCopy(t)
	path := filepath.Join(dir, "countries", "kz.yaml")
	before, _ := os.ReadFile(path)
	m = selectID(t, m, "kz")
	m.current = m.current.withWhatIf(whatIf{Country: "kz", Path: "taxes.mining_levy_per_kwh", Value: 10})
	m = send(t, m, m.rerank()())
	m = keys(t, m, "w")
	if !m.saving {
		t.Fatal("w asks for a note first")
	}
	m = typeText(t, m, "ministry draft")
	m = slow(t, m, "enter")
	after, _ := os.ReadFile(path)
	var changed []string
	a, b := strings.Split(string(before), "\n"), strings.Split(string(after), "\n")
	if len(a) != len(b) {
		t.Fatalf("line count changed: %d → %d", len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			changed = append(changed, b[i])
		}
	}
	if len(changed) != 1 || !strings.Contains(changed[0], "value: 10") || !strings.Contains(changed[0], `"ministry draft"`) ||
		!strings.Contains(changed[0], "as_of: 2026-11-24") {
		t.Fatalf("changed lines: %q", changed)
	}
	if len(m.current.WhatIfs) != 0 {
		t.Error("saved what-ifs are now the data, not edits")
	}
	if c, _ := m.set.Country("kz"); c.Taxes.MiningLevyPerKWh.Value != 10 {
		t.Error("the app shows the saved value")
	}
	if !strings.Contains(m.toast, "saved to") {
		t.Errorf("toast %q", m.toast)
	}
}

func TestSaveOnTheBundledDataExplainsInit(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m = keys(t, m, "w")
	if m.saving || !strings.Contains(m.toast, "hashhaven init") {
		t.Errorf("w on the bundled data should explain init; toast %q", m.toast)
	}
}

func TestFailedSaveLeavesTheFileUntouched(t *testing.T) {
	m, dir := dataCopy(t)
	path := filepath.Join(dir, "countries", "kz.yaml")
	before, _ := os.ReadFile(path)
	m = selectID(t, m, "kz")
	m.current = m.current.withWhatIf(whatIf{Country: "kz", Path: "taxes.mining_levy_per_kwh", Value: 10})
	os.Chmod(filepath.Join(dir, "countries"), 0o555) // the folder refuses the temp file
	defer os.Chmod(filepath.Join(dir, "countries"), 0o755)
	if os.Geteuid() == 0 {
		// root writes anywhere; make the file itself unreadable as YAML instead
		os.WriteFile(path, append([]byte("{"), before...), 0o644)
		before, _ = os.ReadFile(path)
	}
	m = keys(t, m, "w")
	m = slow(t, m, "enter")
	after, _ := os.ReadFile(path)
	if string(after) != string(before) {
		t.Error("a failed save changed the file")
	}
	if !strings.Contains(m.toast, "not saved") || len(m.current.WhatIfs) != 1 {
		t.Errorf("toast %q, what-ifs %d: the edit stays and the user learns why", m.toast, len(m.current.WhatIfs))
	}
}
