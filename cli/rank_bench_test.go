package cli

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"hashhaven/data"
)

// bigFolder writes the bundled data set grown to n real-size destination files into a new
// folder: the bundled countries, then copies of them under new ids.
func bigFolder(tb testing.TB, n int) string {
	tb.Helper()
	dir := tb.TempDir()
	if err := os.CopyFS(dir, data.FS()); err != nil {
		tb.Fatal(err)
	}
	bundled, err := fs.Glob(data.FS(), "countries/*.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	idLine := regexp.MustCompile(`(?m)^id: .*$`)
	for i := 0; len(bundled)+i < n; i++ {
		src, err := fs.ReadFile(data.FS(), bundled[i%len(bundled)])
		if err != nil {
			tb.Fatal(err)
		}
		id := fmt.Sprintf("x%04d", i)
		if err := os.WriteFile(filepath.Join(dir, "countries", id+".yaml"), idLine.ReplaceAll(src, []byte("id: "+id)), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

func benchmarkRankJSON(b *testing.B, n int) {
	dir := bigFolder(b, n)
	o := RankOptions{Source: Source{Dir: dir}, Format: "json", Sort: "npv_usd"}
	b.ReportAllocs()
	for b.Loop() {
		if err := Rank(o, Env{Stdout: io.Discard, Stderr: io.Discard}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRankJSON1000 is `rank --format json` over 1,000 real-size destination files, from
// reading the folder to the last byte written. Target: no slower than yaml.v3 merely parsing
// the same files into nodes, and at most 0.35× PyYAML's yaml.safe_load of them.
func BenchmarkRankJSON1000(b *testing.B) { benchmarkRankJSON(b, 1000) }

// BenchmarkRankJSON5000 is the same at the folder limit: it should take five times as long.
func BenchmarkRankJSON5000(b *testing.B) { benchmarkRankJSON(b, 5000) }
