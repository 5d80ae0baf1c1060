package safefile

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestUniqueNameCountsUpWhileTaken(t *testing.T) {
	dir := t.TempDir()
	at := time.Date(2026, 11, 24, 15, 30, 12, 0, time.UTC)
	want := []string{
		"export-20261124-153012.png",
		"export-20261124-153012-2.png",
		"export-20261124-153012-3.png",
	}
	for _, name := range want {
		got := UniqueName(dir, "export", "png", at)
		if got != filepath.Join(dir, name) {
			t.Fatalf("UniqueName = %s, want %s", got, filepath.Join(dir, name))
		}
		if err := WriteNew(got, nil); err != nil {
			t.Fatal(err)
		}
	}
}

func TestUniqueNameExtensionForms(t *testing.T) {
	dir := t.TempDir()
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for ext, want := range map[string]string{
		".svg": "shot-20260102-030405.svg",
		"svg":  "shot-20260102-030405.svg",
		"":     "shot-20260102-030405",
	} {
		if got := UniqueName(dir, "shot", ext, at); got != filepath.Join(dir, want) {
			t.Errorf("UniqueName(ext %q) = %s, want %s", ext, got, want)
		}
	}
}

func TestUniqueNameCountsDirectoriesAsTaken(t *testing.T) {
	dir := t.TempDir()
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	if err := os.Mkdir(filepath.Join(dir, "shot-20260102-030405.csv"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got, want := UniqueName(dir, "shot", "csv", at), filepath.Join(dir, "shot-20260102-030405-2.csv"); got != want {
		t.Errorf("UniqueName = %s, want %s", got, want)
	}
}

func TestUniqueStemFreeForEveryExtension(t *testing.T) {
	dir := t.TempDir()
	at := time.Date(2026, 11, 24, 15, 30, 12, 0, time.UTC)
	if err := os.WriteFile(filepath.Join(dir, "hashhaven-20261124-153012.csv"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	got := UniqueStem(dir, "hashhaven", []string{".md", "csv"}, at)
	if want := filepath.Join(dir, "hashhaven-20261124-153012-2"); got != want {
		t.Errorf("UniqueStem = %s, want %s", got, want)
	}
}
