package dataset

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// sneakyEdit changes kz's uptime from 0.8 to 0.7 keeping the file's size and time, so only a
// reader of the file sees it: what a kept decoding serves shows it was not read.
func sneakyEdit(t *testing.T, dir string) {
	t.Helper()
	kz := filepath.Join(dir, "countries", "kz.yaml")
	info, err := os.Stat(kz)
	if err != nil {
		t.Fatal(err)
	}
	edit(t, kz, "uptime: {value: 0.8", "uptime: {value: 0.7")
	if err := os.Chtimes(kz, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
}

func uptimeOf(t *testing.T, set *Set) float64 {
	t.Helper()
	c, ok := set.Country("kz")
	if !ok {
		t.Fatal("no kz")
	}
	return c.Power.Uptime.Value
}

// The next run takes the decoded destinations from the saved file, whole, and only from a
// file the same build wrote.
func TestSavedCacheServesTheNextRun(t *testing.T) {
	dir := onDisk(t, big(t, 40))
	kept := filepath.Join(t.TempDir(), "cache", "kept.gob")
	var first Cache
	first.Restore(kept, "build 1") // nothing saved yet: an empty cache
	fresh, _ := Open(nil, dir)
	if got, issues := first.Open(nil, dir); len(issues) > 0 || !reflect.DeepEqual(got, fresh) {
		t.Fatalf("the first run's set differs from a plain load: %v", issues)
	}
	if err := first.Save(kept, "build 1"); err != nil {
		t.Fatal(err)
	}
	var again Cache
	again.Restore(kept, "build 1")
	if got, issues := again.Open(nil, dir); len(issues) > 0 || !reflect.DeepEqual(got, fresh) {
		t.Fatalf("a set from saved decodings differs from a plain load: %v", issues)
	}

	sneakyEdit(t, dir)
	run := func(build string) float64 {
		var c Cache
		c.Restore(kept, build)
		set, issues := c.Open(nil, dir)
		if len(issues) > 0 {
			t.Fatal(issues)
		}
		return uptimeOf(t, set)
	}
	if got := run("build 1"); got != 0.8 {
		t.Errorf("the same build read kz again (uptime %v): the saved decoding was not used", got)
	}
	if got := run("build 2"); got != 0.7 {
		t.Errorf("another build used the saved decodings (uptime %v)", got)
	}
	if err := os.WriteFile(kept, []byte("not a cache"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := run("build 1"); got != 0.7 {
		t.Errorf("a damaged cache file was used (uptime %v)", got)
	}
}

// A file with a problem is never kept, so the next run reports it again; a run that changed
// nothing leaves the saved file alone.
func TestSavedCacheKeepsOnlyCleanFilesAndWritesOnlyChanges(t *testing.T) {
	dir := onDisk(t, big(t, 40))
	kz := filepath.Join(dir, "countries", "kz.yaml")
	edit(t, kz, "uptime: {value: 0.8", "uptime: {value: 2")
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(kz, old, old); err != nil {
		t.Fatal(err)
	}
	kept := filepath.Join(t.TempDir(), "kept.gob")
	_, want := Open(nil, dir)
	var first Cache
	if _, issues := first.Open(nil, dir); issues.Error() != want.Error() || len(want) == 0 {
		t.Fatalf("issues %v, want %v", issues, want)
	}
	if err := first.Save(kept, "b"); err != nil {
		t.Fatal(err)
	}
	var next Cache
	next.Restore(kept, "b")
	if _, issues := next.Open(nil, dir); issues.Error() != want.Error() {
		t.Errorf("the next run reports %v, want %v", issues, want)
	}

	edit(t, kz, "uptime: {value: 2", "uptime: {value: 0.8")
	if err := os.Chtimes(kz, old, old); err != nil {
		t.Fatal(err)
	}
	var mended Cache
	mended.Restore(kept, "b")
	mended.Open(nil, dir)
	if err := mended.Save(kept, "b"); err != nil {
		t.Fatal(err)
	}
	var quiet Cache
	quiet.Restore(kept, "b")
	if _, issues := quiet.Open(nil, dir); len(issues) > 0 {
		t.Fatal(issues)
	}
	if err := os.Remove(kept); err != nil {
		t.Fatal(err)
	}
	if err := quiet.Save(kept, "b"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(kept); err == nil {
		t.Error("a run that changed nothing wrote the cache file again")
	}
}
