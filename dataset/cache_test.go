package dataset

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"hashhaven/cited"
)

// A cached load gives what a fresh one gives, after edits, additions, removals and breakage.
func TestCacheLoadsWhatLoadLoads(t *testing.T) {
	dir := onDisk(t, big(t, 60))
	var cache Cache
	same := func(step string) {
		t.Helper()
		want, wantIssues := Open(nil, dir)
		got, gotIssues := cache.Open(nil, dir)
		if !reflect.DeepEqual(got, want) || gotIssues.Error() != wantIssues.Error() {
			t.Fatalf("%s: cached load differs:\n%v\nwant\n%v", step, gotIssues, wantIssues)
		}
	}
	same("first load")
	same("nothing changed")
	kz := filepath.Join(dir, "countries", "kz.yaml")
	edit(t, kz, "uptime: {value: 0.8", "uptime: {value: 0.7")
	same("one file edited")
	edit(t, kz, "uptime: {value: 0.7", "uptime: {value: 2")
	same("one file broken")
	if err := os.WriteFile(filepath.Join(dir, "countries", "x9999.yaml"), []byte("id: x9999\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	same("a file added")
	if err := os.Remove(filepath.Join(dir, "countries", "x0001.yaml")); err != nil {
		t.Fatal(err)
	}
	same("a file removed")
	py := filepath.Join(dir, "countries", "py.yaml")
	if err := os.Remove(py); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(py, 0o644); err != nil {
		t.Skip("no named pipes here")
	}
	same("a file became a named pipe")
}

// A file whose size and time did not change is not read again; one changed within the last
// moments is, as a second write in the same clock tick would not change its time.
func TestCacheRereadsOnlyChangedFiles(t *testing.T) {
	dir := onDisk(t, big(t, 45))
	var cache Cache
	if _, issues := cache.Open(nil, dir); len(issues) > 0 {
		t.Fatal(issues)
	}
	kz := filepath.Join(dir, "countries", "kz.yaml")
	info, err := os.Stat(kz)
	if err != nil {
		t.Fatal(err)
	}
	// Same size, same time: the cache cannot tell, and keeps the decoded file.
	edit(t, kz, "uptime: {value: 0.8", "uptime: {value: 0.7")
	if err := os.Chtimes(kz, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	set, _ := cache.Open(nil, dir)
	if c, _ := set.Country("kz"); c.Power.Uptime.Value != 0.8 {
		t.Errorf("an unchanged file was read again: uptime %v", c.Power.Uptime.Value)
	}
	// Written twice within a moment, at the same size and time: the second write is read.
	now, was := time.Now(), "0.7"
	for _, v := range []string{"0.6", "0.5"} {
		edit(t, kz, "uptime: {value: "+was, "uptime: {value: "+v)
		was = v
		if err := os.Chtimes(kz, now, now); err != nil {
			t.Fatal(err)
		}
		set, _ = cache.Open(nil, dir)
		if c, _ := set.Country("kz"); cited.Format(c.Power.Uptime.Value) != v {
			t.Errorf("a file just written was not read again: uptime %v, want %s", c.Power.Uptime.Value, v)
		}
	}
}

// Another file put in a file's place with the same size and time — a copy renamed over it
// with its time kept, or a link to such a copy — is read again.
func TestCacheRereadsAFileSwappedAtTheSameSizeAndTime(t *testing.T) {
	dir := onDisk(t, big(t, 45))
	var cache Cache
	if _, issues := cache.Open(nil, dir); len(issues) > 0 {
		t.Fatal(issues)
	}
	kz := filepath.Join(dir, "countries", "kz.yaml")
	info, err := os.Stat(kz)
	if err != nil {
		t.Fatal(err)
	}
	swap := func(step, uptime string, link bool) {
		t.Helper()
		src, err := os.ReadFile(kz)
		if err != nil {
			t.Fatal(err)
		}
		copied := filepath.Join(dir, step+".copy")
		replaced := regexp.MustCompile(`uptime: \{value: 0\.\d`).ReplaceAllString(string(src), "uptime: {value: "+uptime)
		if err := os.WriteFile(copied, []byte(replaced), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(copied, info.ModTime(), info.ModTime()); err != nil {
			t.Fatal(err)
		}
		if link {
			err = os.Symlink(copied, kz+".link")
			if err == nil {
				err = os.Rename(kz+".link", kz)
			}
		} else {
			err = os.Rename(copied, kz)
		}
		if err != nil {
			t.Skip("cannot swap files here:", err)
		}
		set, _ := cache.Open(nil, dir)
		if c, _ := set.Country("kz"); cited.Format(c.Power.Uptime.Value) != uptime {
			t.Errorf("%s: uptime %v, want %s", step, c.Power.Uptime.Value, uptime)
		}
	}
	swap("a copy renamed over it", "0.7", false)
	swap("a link to a copy", "0.6", true)
}

func edit(t *testing.T, file, old, new string) {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), old) {
		t.Fatalf("%s lacks %q", file, old)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(string(src), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Files decoded side by side report as one by one would: every problem, in file order,
// and a duplicate id against the first file in name order (38 broken copies, one duplicate).
func TestParallelLoadIsDeterministic(t *testing.T) {
	fsys := big(t, 300)
	for i := 0; i < 300; i += 7 {
		name := fmt.Sprintf("countries/x%04d.yaml", i)
		if f, ok := fsys[name]; ok {
			fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(string(f.Data), "uptime: {value: ", "uptime: {value: 1", 1))}
		}
	}
	fsys["countries/kz.yml"] = fsys["countries/kz.yaml"]
	_, first := Load(fsys, "big")
	if len(first) != 39 || !strings.Contains(first.Error(), `big/countries/kz.yml:7:5: id: "kz" is already defined in big/countries/kz.yaml`) {
		t.Fatalf("issues:\n%v", first)
	}
	for range 5 {
		if _, again := Load(fsys, "big"); again.Error() != first.Error() {
			t.Fatalf("a second load reports differently:\n%v\nthen\n%v", first, again)
		}
	}
}
