package safefile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteNewCreatesFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	if err := WriteNew(path, []byte("hello")); err != nil {
		t.Fatal(err)
	}
	assertContent(t, path, "hello")
	assertPerm(t, path, 0o644)
	assertNoTempFiles(t, dir)
}

func TestWriteNewRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	writeFile(t, path, "original", 0o600)

	err := WriteNew(path, []byte("new"))
	if !errors.Is(err, fs.ErrExist) {
		t.Fatalf("WriteNew over an existing file: got %v, want an error wrapping fs.ErrExist", err)
	}
	assertContent(t, path, "original")
	assertPerm(t, path, 0o600)
	assertNoTempFiles(t, dir)
}

func TestWriteNewFailsWhenDirectoryIsMissing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "missing", "out.txt")
	if err := WriteNew(path, []byte("x")); err == nil {
		t.Fatal("WriteNew into a missing directory succeeded")
	}
	assertNoTempFiles(t, dir)
}

func TestReplaceOverwritesAndKeepsPermissions(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "settings.yaml")
	writeFile(t, path, "old contents that are longer", 0o600)

	if err := Replace(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	assertContent(t, path, "new")
	assertPerm(t, path, 0o600)
	assertNoTempFiles(t, dir)
}

func TestReplaceCreatesMissingFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "new.yaml")
	if err := Replace(path, []byte("fresh")); err != nil {
		t.Fatal(err)
	}
	assertContent(t, path, "fresh")
	assertPerm(t, path, 0o644)
	assertNoTempFiles(t, dir)
}

func TestReplaceFailsWhenDirectoryIsMissing(t *testing.T) {
	dir := t.TempDir()
	if err := Replace(filepath.Join(dir, "missing", "x.yaml"), []byte("x")); err == nil {
		t.Fatal("Replace into a missing directory succeeded")
	}
	assertNoTempFiles(t, dir)
}

// A directory in the way makes the final rename fail after the temporary file was written,
// which exercises the clean-up path even when running as root.
func TestReplaceLeavesOriginalWhenRenameFails(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "taken")
	if err := os.Mkdir(path, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(path, "keep.txt"), "kept", 0o644)

	if err := Replace(path, []byte("x")); err == nil {
		t.Fatal("Replace over a non-empty directory succeeded")
	}
	assertContent(t, filepath.Join(path, "keep.txt"), "kept")
	assertNoTempFiles(t, dir)
}

func TestWritersLeaveOriginalInUnwritableDirectory(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores directory permissions")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "data.txt")
	writeFile(t, path, "original", 0o644)
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })

	if err := Replace(path, []byte("new")); err == nil {
		t.Error("Replace in a read-only directory succeeded")
	}
	if err := WriteNew(filepath.Join(dir, "other.txt"), []byte("new")); err == nil {
		t.Error("WriteNew in a read-only directory succeeded")
	}
	assertContent(t, path, "original")
	assertNoTempFiles(t, dir)
}

func writeFile(t *testing.T, path, content string, perm fs.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), perm); err != nil {
		t.Fatal(err)
	}
	// WriteFile's mode is subject to the umask; tests want the exact bits.
	if err := os.Chmod(path, perm); err != nil {
		t.Fatal(err)
	}
}

func assertContent(t *testing.T, path, want string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("%s contains %q, want %q", path, got, want)
	}
}

func assertPerm(t *testing.T, path string, want fs.FileMode) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != want {
		t.Errorf("%s has mode %v, want %v", path, got, want)
	}
}

func assertNoTempFiles(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

func TestWriteNewSetAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	taken := filepath.Join(dir, "r.json")
	if err := os.WriteFile(taken, []byte("theirs"), 0o644); err != nil {
		t.Fatal(err)
	}
	files := []File{{filepath.Join(dir, "r.md"), []byte("md")}, {filepath.Join(dir, "r.csv"), []byte("csv")}, {taken, []byte("json")}}
	if err := WriteNewSet(files); !errors.Is(err, fs.ErrExist) {
		t.Fatalf("WriteNewSet over a taken name: %v, want ErrExist", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left %d files, want only the one that was there", len(entries))
	}
	if b, _ := os.ReadFile(taken); string(b) != "theirs" {
		t.Errorf("the existing file now holds %q", b)
	}
	if err := WriteNewSet(files[:2]); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(files[1].Path); string(b) != "csv" {
		t.Errorf("r.csv holds %q", b)
	}
}

func TestReplaceWritesThroughLinksAndRefusesReadOnly(t *testing.T) {
	dir := t.TempDir()
	shared := filepath.Join(dir, "shared.yaml")
	if err := os.WriteFile(shared, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "kz.yaml")
	if err := os.Symlink("shared.yaml", link); err != nil {
		t.Fatal(err)
	}
	if err := Replace(link, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", err)
	}
	if info, _ := os.Stat(shared); info.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", info.Mode().Perm())
	}
	assertContent(t, shared, "new")
	if err := os.Chmod(shared, 0o444); err != nil {
		t.Fatal(err)
	}
	if err := Replace(link, []byte("newer")); !errors.Is(err, fs.ErrPermission) || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("Replace of a read-only file: %v", err)
	}
	assertContent(t, shared, "new")
}
