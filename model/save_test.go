package model

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hashhaven/cited"
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
	if m.mode != modeNote {
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
	// A what-if without a cited source stays an estimate on the old figure's evidence: its
	// source names the old one and the note, and its date is the old figure's.
	if len(changed) != 1 || !strings.Contains(changed[0], "value: 10") ||
		!strings.Contains(changed[0], `what-if of: Law 135-VII`) || !strings.Contains(changed[0], "(was 1); ministry draft") ||
		!strings.Contains(changed[0], "as_of: 2023") || !strings.Contains(changed[0], "estimate: true") {
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
	if m.mode == modeNote || !strings.Contains(m.toast, "hashhaven init") {
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

func TestSaveKeepsTheDataDate(t *testing.T) {
	m, dir := dataCopy(t)
	asOf := m.set.AsOf
	m = selectID(t, m, "kz")
	m.current = m.current.withWhatIf(whatIf{Country: "kz", Path: "power.available_mw", Value: 40})
	m = send(t, m, m.rerank()())
	m = keys(t, m, "w")
	m = slow(t, m, "enter")
	if !strings.Contains(m.toast, "saved to") {
		t.Fatalf("toast %q", m.toast)
	}
	if m.set.AsOf != asOf {
		t.Errorf("one saved what-if moved the data set's date from %s to %s", asOf, m.set.AsOf)
	}
	c, _ := m.set.Country("kz")
	n := c.Power.AvailableMW
	if n.Value != 40 || !n.Estimate || !strings.HasPrefix(n.Source, "what-if of: estimate: share of the ~640 MW") ||
		!strings.Contains(n.Source, "(was 100); edited in hashhaven 2026-11-24") {
		t.Errorf("saved figure %+v", n)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "countries", "kz.yaml"))
	if strings.Count(string(b), "estimate: true") != strings.Count(string(mustRead(t, data.FS(), "countries/kz.yaml")), "estimate: true") {
		t.Error("the estimate flag was added or dropped somewhere else")
	}
}

func TestSaveWithACitedSourceIsNoLongerAnEstimate(t *testing.T) {
	m, dir := dataCopy(t)
	m = selectID(t, m, "kz")
	m.current = m.current.withWhatIf(whatIf{Country: "kz", Path: "power.uptime", Value: 0.7})
	m = send(t, m, m.rerank()())
	m = keys(t, m, "w")
	m = typeText(t, m, "source: KOREM curtailment report 2026")
	m = slow(t, m, "enter")
	b, _ := os.ReadFile(filepath.Join(dir, "countries", "kz.yaml"))
	var line string
	for _, l := range strings.Split(string(b), "\n") {
		if strings.Contains(l, "uptime:") {
			line = l
		}
	}
	if !strings.Contains(line, `source: "KOREM curtailment report 2026"`) || !strings.Contains(line, "as_of: 2026-11-24") ||
		!strings.Contains(line, "estimate: false") || strings.Contains(line, "what-if") {
		t.Errorf("uptime line %q", line)
	}
}

func TestSavedProvenance(t *testing.T) {
	day := testNow
	plain := savedProvenance(cited.Plain(3), "", day)
	// A figure with no date takes the month of the judgement: an empty as_of is not a date.
	if plain.source != "what-if of: no source (was 3); edited in hashhaven 2026-11-24" || plain.asOf != "2026-11" || !plain.estimate {
		t.Errorf("what-if of a plain number: %+v", plain)
	}
	sourced := cited.Number{Value: 0.066, Source: "EIA", AsOf: "2023", Set: true}
	if p := savedProvenance(sourced, "  board's view ", day); p.source != "what-if of: EIA (was 0.066); board's view" || p.asOf != "2023" || !p.estimate {
		t.Errorf("what-if of a sourced figure: %+v", p)
	}
	if p := savedProvenance(sourced, "source: EIA Electric Power Monthly, Apr 2025", day); p.source != "EIA Electric Power Monthly, Apr 2025" || p.asOf != "2026-11-24" || p.estimate {
		t.Errorf("a cited source: %+v", p)
	}
	if p := savedProvenance(sourced, "source:", day); !p.estimate {
		t.Errorf("an empty source is no source: %+v", p)
	}
}

func mustRead(t *testing.T, fsys fs.FS, name string) []byte {
	t.Helper()
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
