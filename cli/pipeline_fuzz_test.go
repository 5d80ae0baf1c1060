package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"hashhaven/model"
)

// notFinite finds a non-finite figure as the formats would print it.
var notFinite = regexp.MustCompile(`\bNaN\b|[+-]?Inf\b|∞`)

// figures are the numbers of the hostile base folder the pipeline fuzz sets.
type figures struct {
	price, megawatts, levy, setup, opex, hashrate, watts, machinePrice, hashprice, change, discount, freight float64
	horizon, count                                                                                           int64
}

// write puts the base folder, with the figures in place, into a fresh folder.
func (f figures) write(t testing.TB) string {
	num := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	dir := copyBase(t)
	edit(t, dir, "countries/kz.yaml", map[string]string{
		"value: 0.05   # fixture": "value: " + num(f.price),
		"{value: 100,":            "{value: " + num(f.megawatts) + ",",
		"mining_levy_per_kwh: 1":  "mining_levy_per_kwh: " + num(f.levy),
		"setup_usd_per_kw: 150":   "setup_usd_per_kw: " + num(f.setup) + "\n  opex_usd_per_kw_month: " + num(f.opex),
	})
	edit(t, dir, "machines.yaml", map[string]string{
		"hashrate: {value: 95,": "hashrate: {value: " + num(f.hashrate) + ",",
		"power_w: 3250":         "power_w: " + num(f.watts),
		"price_usd: 400":        "price_usd: " + num(f.machinePrice),
	})
	edit(t, dir, "scenarios/default.yaml", map[string]string{
		"usd_per_unit_day: 0.04":              "usd_per_unit_day: " + num(f.hashprice),
		"monthly_change: -0.01":               "monthly_change: " + num(f.change),
		"horizon_months: 36":                  "horizon_months: " + strconv.FormatInt(f.horizon, 10),
		"discount_rate: 0.15":                 "discount_rate: " + num(f.discount),
		"freight_usd_per_kg_per_1000km: 0.35": "freight_usd_per_kg_per_1000km: " + num(f.freight),
		"count: 100}":                         "count: " + strconv.FormatInt(f.count, 10) + "}",
	})
	return dir
}

// FuzzPipeline loads a data folder with any figures, ranks it and renders every format and
// screen: nothing may panic, and either the loader names the file and field that is out of
// bounds, or every figure printed is finite.
func FuzzPipeline(f *testing.F) {
	f.Add(0.05, 100.0, 1.0, 150.0, 0.0, 95.0, 3250.0, 400.0, 0.04, -0.01, 0.15, 0.35, int64(36), int64(100))
	f.Add(10.0, 1e5, 1e6, 1e5, 1e4, 1e9, 1e6, 1e7, 1e6, 0.035, 0.0, 1e4, int64(600), int64(100000000))
	f.Add(0.0, 0.0, 0.0, 0.0, 0.0, 0.001, 1.0, 0.0, 0.0, -0.999999999, 10.0, 0.0, int64(1), int64(1))
	f.Add(0.05, 100.0, 1.0, 150.0, 1e308, 1e308, 3250.0, 400.0, 1e308, 3.0, 0.15, 0.35, int64(600), int64(100))
	f.Add(5e-324, 5e-324, 5e-324, 5e-324, 5e-324, 0.001, 1.0, 5e-324, 5e-324, -0.9999999999999999, 5e-324, 5e-324, int64(600), int64(1))
	f.Add(10.0, 1e5, 0.0, 0.0, 0.0, 1e9, 1.0, 0.0, 1e6, 1.0, 0.0, 0.0, int64(20), int64(100000000))
	f.Fuzz(func(t *testing.T, price, megawatts, levy, setup, opex, hashrate, watts, machinePrice, hashprice, change, discount, freight float64, horizon, count int64) {
		dir := figures{price, megawatts, levy, setup, opex, hashrate, watts, machinePrice, hashprice, change, discount, freight, horizon, count}.write(t)
		checkPipeline(t, dir)
	})
}

// checkPipeline runs every output of the data folder dir and checks its outcome; loaded
// reports whether the folder loaded (else the loader refused it, naming the problem).
func checkPipeline(t *testing.T, dir string) (loaded bool) {
	t.Helper()
	for _, format := range []string{"json", "html", "csv", "markdown", "table"} {
		var out, errs bytes.Buffer
		err := Rank(RankOptions{Source: Source{Dir: dir}, Format: format, Sort: "npv_usd"}, Env{Stdout: &out, Stderr: &errs})
		if errors.Is(err, ErrReported) {
			checkRefusal(t, dir, errs.String())
			return false
		}
		if err != nil {
			t.Fatalf("rank --format %s: %v", format, err)
		}
		if format == "json" {
			var v any
			if err := json.Unmarshal(out.Bytes(), &v); err != nil {
				t.Fatalf("rank --format json is not JSON: %v", err)
			}
		}
		if m := notFinite.FindString(out.String()); m != "" {
			t.Fatalf("rank --format %s prints %q", format, m)
		}
	}
	for screen := range model.Views {
		out := filepath.Join(t.TempDir(), screen+".svg")
		err := Snapshot(SnapshotOptions{Source: Source{Dir: dir}, Out: out, Width: 120, Height: 40, Screen: screen, Now: "2026-12-01"},
			Env{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}})
		if err != nil {
			t.Fatalf("snapshot --screen %s: %v", screen, err)
		}
		svg, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if m := notFinite.FindString(string(svg)); m != "" {
			t.Fatalf("snapshot --screen %s shows %q", screen, m)
		}
	}
	return true
}

// located is a loader message naming a file of the folder, its line and column, and a field.
var located = regexp.MustCompile(`^\S+\.yaml:\d+:\d+: \S+: `)

func checkRefusal(t *testing.T, dir, stderr string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	for _, line := range lines[:len(lines)-1] {
		if !strings.HasPrefix(line, dir+"/") || !located.MatchString(line) {
			t.Errorf("refused without naming the file, line and field: %q", line)
		}
	}
}

// copyBase copies testdata/hostile/base into a fresh folder.
func copyBase(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../testdata/hostile/base")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// edit replaces text in a file of dir; each old text must be there.
func edit(t testing.TB, dir, file string, replace map[string]string) {
	t.Helper()
	path := filepath.Join(dir, file)
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	for old, new := range replace {
		if !strings.Contains(text, old) {
			t.Fatalf("%s holds no %q", file, old)
		}
		text = strings.Replace(text, old, new, 1)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
