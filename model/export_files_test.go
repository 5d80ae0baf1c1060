package model

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// takeNames puts a stranger's file with extension ext under the names of the next few seconds.
func takeNames(t *testing.T, dir, ext string) {
	t.Helper()
	now := time.Now()
	for s := range 5 {
		name := filepath.Join(dir, "hashhaven-"+now.Add(time.Duration(s)*time.Second).Format("20060102-150405")+ext)
		if err := os.WriteFile(name, []byte("theirs"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestExportTakesOneFreshNameForTheSet(t *testing.T) {
	dir := t.TempDir()
	takeNames(t, dir, ".csv")
	m := newTestModel(t, 120, 40)
	m.outDir = dir
	m = slow(t, m, "x")
	if !strings.Contains(m.toast, "exported") {
		t.Fatalf("toast %q", m.toast)
	}
	sets := map[string][]string{}
	files, _ := filepath.Glob(filepath.Join(dir, "hashhaven-*"))
	for _, f := range files {
		if b, _ := os.ReadFile(f); string(b) == "theirs" {
			continue
		}
		stem := strings.TrimSuffix(f, filepath.Ext(f))
		sets[stem] = append(sets[stem], filepath.Ext(f))
	}
	if len(sets) != 1 {
		t.Fatalf("export wrote %v, want one set under one name", sets)
	}
	for stem, exts := range sets {
		if len(exts) != 4 || !strings.HasSuffix(stem, "-2") {
			t.Errorf("export wrote %s with %v, want .md .csv .json .html under a -2 name", stem, exts)
		}
	}
}

func TestScreenshotTakesOneFreshNameForBoth(t *testing.T) {
	dir := t.TempDir()
	takeNames(t, dir, ".svg")
	m := newTestModel(t, 120, 40)
	m.outDir = dir
	m = slow(t, m, "p")
	pngs, _ := filepath.Glob(filepath.Join(dir, "*.png"))
	if len(pngs) != 1 {
		t.Fatalf("screenshot wrote %v (toast %q)", pngs, m.toast)
	}
	svg := strings.TrimSuffix(pngs[0], ".png") + ".svg"
	if b, err := os.ReadFile(svg); err != nil || string(b) == "theirs" {
		t.Errorf("the screenshot's SVG is not beside its PNG under the same fresh name: %v", err)
	}
}
