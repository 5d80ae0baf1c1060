package dataset

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"hashhaven/data"
)

// big returns the bundled data set grown to n destination files of real size: the bundled
// countries, then copies of them under new ids.
func big(tb testing.TB, n int) fstest.MapFS {
	tb.Helper()
	fsys := fstest.MapFS{}
	err := fs.WalkDir(data.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := fs.ReadFile(data.FS(), p)
		fsys[p] = &fstest.MapFile{Data: src}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	bundled, _ := fs.Glob(fsys, "countries/*.yaml")
	idLine := regexp.MustCompile(`(?m)^id: .*$`)
	for i := 0; len(bundled)+i < n; i++ {
		id := fmt.Sprintf("x%04d", i)
		src := fsys[bundled[i%len(bundled)]].Data
		fsys["countries/"+id+".yaml"] = &fstest.MapFile{Data: idLine.ReplaceAll(src, []byte("id: "+id))}
	}
	return fsys
}

func benchmarkLoad(b *testing.B, n int) {
	fsys := big(b, n)
	b.ReportAllocs()
	for b.Loop() {
		set, issues := Load(fsys, "big")
		if len(issues) > 0 || len(set.Countries) != n {
			b.Fatalf("%d countries, issues %v", len(set.Countries), issues)
		}
	}
}

// BenchmarkLoad1000 reads and validates a data set of 1,000 real-size destination files.
func BenchmarkLoad1000(b *testing.B) { benchmarkLoad(b, 1000) }

// BenchmarkLoad5000 is the same at the folder limit: it should take five times as long.
func BenchmarkLoad5000(b *testing.B) { benchmarkLoad(b, MaxFiles) }

// onDisk writes fsys into a new folder, its files last changed an hour ago as in a data
// folder at rest, and returns the folder.
func onDisk(tb testing.TB, fsys fstest.MapFS) string {
	tb.Helper()
	dir := tb.TempDir()
	old := time.Now().Add(-time.Hour)
	for name, f := range fsys {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			tb.Fatal(err)
		}
		if err := os.Chtimes(p, old, old); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

// BenchmarkReload is the app's reload after one file of 5,000 was saved: from the change to
// a reloaded, cross-checked set. Target: at most 250 ms.
func BenchmarkReload(b *testing.B) {
	dir := onDisk(b, big(b, MaxFiles))
	var cache Cache
	if _, issues := cache.Open(nil, dir); len(issues) > 0 {
		b.Fatal(issues)
	}
	file := filepath.Join(dir, "countries", "kz.yaml")
	src, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		edited := strings.Replace(string(src), "uptime: {value: 0.8", fmt.Sprintf("uptime: {value: 0.%d", 1+i%9), 1)
		if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
			b.Fatal(err)
		}
		set, issues := cache.Open(nil, dir)
		if len(issues) > 0 || len(set.Countries) != MaxFiles {
			b.Fatalf("%d countries, issues %v", len(set.Countries), issues)
		}
	}
}
