package cli

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// initOld writes the bundled data set into a folder, its files at rest.
func initOld(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	if err := Init(dir, Env{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}}); err != nil {
		t.Fatal(err)
	}
	ageFiles(t, dir)
	return dir
}

// ageFiles makes the files in dir an hour old, as files the user has not just saved are:
// ones written moments ago are always read again.
func ageFiles(tb testing.TB, dir string) {
	tb.Helper()
	old := time.Now().Add(-time.Hour)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			err = os.Chtimes(p, old, old)
		}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
}

// A --data folder's decodings are kept in the user's cache folder and give the same
// ranking; HASHHAVEN_CACHE=off and an environment without a home keep nothing.
func TestRankKeepsDecodingsInTheCacheFolder(t *testing.T) {
	dir := initOld(t)
	rank := func(environ ...string) string {
		t.Helper()
		var out, errs bytes.Buffer
		if err := Rank(RankOptions{Source: Source{Dir: dir}, Format: "json", Sort: "npv_usd"}, Env{Stdout: &out, Stderr: &errs, Environ: environ}); err != nil {
			t.Fatalf("%v: %s", err, errs.String())
		}
		return out.String()
	}
	plain := rank()
	cacheHome := t.TempDir()
	kept := func() []string {
		files, _ := filepath.Glob(filepath.Join(cacheHome, "hashhaven", "decoded-*.gob"))
		return files
	}
	if rank("XDG_CACHE_HOME="+cacheHome, "HASHHAVEN_CACHE=off") != plain || len(kept()) != 0 {
		t.Fatalf("HASHHAVEN_CACHE=off kept %v", kept())
	}
	if rank("XDG_CACHE_HOME="+cacheHome) != plain || len(kept()) != 1 {
		t.Fatalf("the first run kept %v, want one file", kept())
	}
	if rank("XDG_CACHE_HOME="+cacheHome) != plain {
		t.Error("the run from kept decodings ranks differently")
	}
	if runtime.GOOS != "linux" {
		return
	}
	if rank("HOME="+cacheHome) != plain || len(kept()) != 1 {
		t.Errorf("the cache folder under HOME is .cache, apart from XDG_CACHE_HOME's: %v", kept())
	}
	if _, err := os.Stat(filepath.Join(cacheHome, ".cache", "hashhaven")); err != nil {
		t.Errorf("no cache under HOME/.cache: %v", err)
	}
}
