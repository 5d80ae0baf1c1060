package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"hashhaven/cli"
	"hashhaven/cmd"
	"hashhaven/data"
)

// hhRun runs the command line as main does, with buffers for the terminal. The environment
// claims a colour terminal, so a test of plain output shows that a pipe is detected as such.
func hhRun(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = cmd.Execute(args, cli.Env{Stdout: &out, Stderr: &errOut, Environ: []string{"TERM=xterm-256color", "COLORTERM=truecolor"}})
	return code, out.String(), errOut.String()
}

// rankedDest is one destination of rank --format json, with nulls as nil pointers.
type rankedDest struct {
	ID             string   `json:"id"`
	Name           string   `json:"name"`
	Rank           *int     `json:"rank"`
	Excluded       bool     `json:"excluded"`
	ExcludedReason *string  `json:"excluded_reason"`
	NPV            float64  `json:"npv_usd"`
	Payback        *int     `json:"payback_months"`
	Score          *float64 `json:"score"`
}

type rankOutput struct {
	Scenario struct {
		Name  string   `json:"name"`
		Notes []string `json:"notes"`
	} `json:"scenario"`
	Results []rankedDest `json:"results"`
}

// bundledDestinations counts the bundled country files.
func bundledDestinations(t *testing.T) int {
	t.Helper()
	entries, err := fs.ReadDir(data.FS(), "countries")
	if err != nil {
		t.Fatal(err)
	}
	return len(entries)
}

// bundledRows is how many rows a ranking of the bundled data has: every destination (the
// origin as the stay row) and the sell row.
func bundledRows(t *testing.T) int { return bundledDestinations(t) + 1 }

// excludedRows counts the excluded rows of a ranking.
func excludedRows(rk rankOutput) int {
	n := 0
	for _, r := range rk.Results {
		if r.Excluded {
			n++
		}
	}
	return n
}

func rankJSON(t *testing.T, args ...string) rankOutput {
	t.Helper()
	code, out, errOut := hhRun(t, append([]string{"rank", "--format", "json"}, args...)...)
	if code != 0 || errOut != "" {
		t.Fatalf("rank %v: exit %d\n%s", args, code, errOut)
	}
	var r rankOutput
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("rank %v: invalid JSON: %v\n%s", args, err, out)
	}
	return r
}

// specFields lists the fields every rankedDest must carry (docs: Machine-readable output).
var specFields = []string{"id", "name", "kind", "rank", "excluded", "excluded_reason", "facility_kw", "deployable_fraction",
	"fit_machines", "moved_machines", "all_in_usd_per_kwh", "monthly_revenue_usd", "monthly_power_cost_usd",
	"monthly_net_usd", "distance_km", "relocation_cost_usd", "start_month", "npv_usd", "gain_usd", "move_all_gain_usd",
	"payback_months", "breakeven_usd_per_kwh", "score", "batches"}

func TestRankJSON(t *testing.T) {
	code, out, errOut := hhRun(t, "rank", "--format", "json")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("invalid JSON: %v", err)
	}
	if _, ok := raw["scenario"]; !ok {
		t.Error("no scenario")
	}
	var results []map[string]any
	if err := json.Unmarshal(raw["results"], &results); err != nil {
		t.Fatalf("results: %v", err)
	}
	if len(results) != bundledRows(t) {
		t.Fatalf("%d results, want the %d bundled destinations and the sell row", len(results), bundledRows(t))
	}
	for _, r := range results {
		for _, f := range specFields {
			if _, ok := r[f]; !ok {
				t.Errorf("%v lacks %s", r["id"], f)
			}
		}
	}

	rk := rankJSON(t)
	if rk.Scenario.Name != "3,000 mixed rigs leaving Ekibastuz" {
		t.Errorf("scenario name = %q", rk.Scenario.Name)
	}
	last := rk.Results[len(rk.Results)-1]
	if !last.Excluded || last.Rank != nil || last.Score != nil || last.ExcludedReason == nil || *last.ExcludedReason == "" {
		t.Errorf("last = %+v, want a banned destination excluded with a reason and no rank or score", last)
	}
	seen := map[string]bool{}
	for i, r := range rk.Results {
		if seen[r.ID] {
			t.Errorf("%s listed twice", r.ID)
		}
		seen[r.ID] = true
		if r.Excluded {
			continue
		}
		if r.Rank == nil || *r.Rank != i+1 || r.ExcludedReason != nil || (r.Score == nil) != (r.ID == "sell") {
			t.Errorf("position %d: %s rank %v reason %v score %v", i, r.ID, r.Rank, r.ExcludedReason, r.Score)
		}
		if i > 0 && r.NPV > rk.Results[i-1].NPV {
			t.Errorf("%s (NPV %.0f) ranked below %s (NPV %.0f)", r.ID, r.NPV, rk.Results[i-1].ID, rk.Results[i-1].NPV)
		}
	}
}

func TestRankCSV(t *testing.T) {
	code, out, errOut := hhRun(t, "rank", "--format", "csv")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v", err)
	}
	if len(rows) != 1+bundledRows(t) {
		t.Fatalf("%d rows, want a header and %d", len(rows), bundledRows(t))
	}
	if rows[0][0] != "id" || rows[0][2] != "kind" || rows[0][7] != "rank" {
		t.Errorf("header = %v", rows[0])
	}
	if last := rows[len(rows)-1]; last[5] != "true" || last[7] != "" {
		t.Errorf("last row = %v, want an excluded destination with no rank", last)
	}
}

func TestRankMarkdown(t *testing.T) {
	code, out, errOut := hhRun(t, "rank", "--format", "markdown")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var table []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "|") {
			table = append(table, l)
		}
	}
	if len(table) != 2+bundledRows(t) {
		t.Fatalf("%d table lines, want header, separator and %d rows:\n%s", len(table), bundledRows(t), out)
	}
	if !strings.Contains(table[1], "|---:|") {
		t.Errorf("separator = %q", table[1])
	}
	if !strings.Contains(table[len(table)-1], "~~") {
		t.Errorf("last row = %q", table[len(table)-1])
	}
}

func TestRankTop(t *testing.T) {
	rk := rankJSON(t, "--top", "5")
	if len(rk.Results) != 5 {
		t.Fatalf("%d results with --top 5", len(rk.Results))
	}
	for i, r := range rk.Results {
		if r.Excluded || r.Rank == nil || *r.Rank != i+1 {
			t.Errorf("position %d: %+v", i, r)
		}
	}
	all := rankJSON(t)
	ranked := len(all.Results) - excludedRows(all)
	if len(rk.Scenario.Notes) != 1 || !strings.Contains(rk.Scenario.Notes[0], fmt.Sprintf("top 5 of %d", ranked)) {
		t.Errorf("notes = %q", rk.Scenario.Notes)
	}

	code, out, _ := hhRun(t, "rank", "--top", "5")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	rows := 0
	for _, l := range strings.Split(out, "\n") {
		if regexp.MustCompile(`^\s*\d+\s{2}`).MatchString(l) {
			rows++
		}
	}
	if rows != 5 || strings.Contains(out, "excluded") {
		t.Errorf("table shows %d ranked rows, want 5 and no excluded:\n%s", rows, out)
	}
	if n := len(rankJSON(t, "--top", "100").Results); n != ranked {
		t.Errorf("--top 100 shows %d, want the %d ranked", n, ranked)
	}
}

func TestRankSort(t *testing.T) {
	check := func(name string, rk rankOutput, ok func(prev, cur float64) bool) {
		t.Helper()
		excluded := false
		for i, r := range rk.Results {
			if r.Excluded {
				excluded = true
				continue
			}
			if excluded {
				t.Errorf("%s: ranked %s after an excluded one", name, r.ID)
			}
			if i == 0 || r.Score == nil || rk.Results[i-1].Score == nil {
				continue // the sell row is not scored
			}
			if !ok(*rk.Results[i-1].Score, *r.Score) {
				t.Errorf("%s: %s (%.2f) after %s (%.2f)", name, r.ID, *r.Score, rk.Results[i-1].ID, *rk.Results[i-1].Score)
			}
		}
		if len(rk.Results) != bundledRows(t) || !rk.Results[len(rk.Results)-1].Excluded {
			t.Errorf("%s: %d results, last excluded %v", name, len(rk.Results), rk.Results[len(rk.Results)-1].Excluded)
		}
	}
	byNPV := rankJSON(t)
	byScore := rankJSON(t, "--sort", "score")
	check("--sort score", byScore, func(prev, cur float64) bool { return prev >= cur })
	check("--sort score --reverse", rankJSON(t, "--sort", "score", "--reverse"), func(prev, cur float64) bool { return prev <= cur })
	if byScore.Results[0].ID == byNPV.Results[0].ID && byScore.Results[1].ID == byNPV.Results[1].ID && byScore.Results[2].ID == byNPV.Results[2].ID {
		t.Error("--sort score gives the NPV order; the bundled data should tell them apart")
	}
	// Sorting reorders; it does not re-rank: rank stays the NPV rank.
	for _, r := range byScore.Results {
		if !r.Excluded && r.Rank != nil {
			want := 0
			for i, s := range byNPV.Results {
				if s.ID == r.ID {
					want = i + 1
				}
			}
			if *r.Rank != want {
				t.Errorf("%s: rank %d under --sort score, NPV rank %d", r.ID, *r.Rank, want)
			}
		}
	}
}

func TestRankPipedIsPlainText(t *testing.T) {
	code, out, errOut := hhRun(t, "rank")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if strings.Contains(out, "\x1b") {
		t.Errorf("escape sequences in piped output:\n%q", out)
	}
	for _, want := range []string{"3,000 mixed rigs leaving Ekibastuz", "Kazakhstan (stay)", "excluded: mining is banned"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q", want)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new")
	cases := [][]string{
		{"bogus"},
		{"rank", "--bogus"},
		{"--bogus"},
		{"rank", "--format", "xml"},
		{"rank", "--sort", "nope"},
		{"rank", "--top", "-1"},
		{"rank", "--top", "five"},
		{"init"},
		{"rank", "extra"},
		{"validate", "extra"},
		{"validate", "--format", "json"},
		{"init", dir, "extra"},
		{"rank", "--format"},
		{"rank", "--seed", "-1"},
		{"--theme", "purple"},
		{"snapshot"},
		{"snapshot", "--out", "x.jpg"},
		{"snapshot", "--out", "x.png", "--screen", "nope"},
		{"snapshot", "--out", "x.png", "--width", "5"},
		{"audit", "--stale-after", "soon"},
		{"schema", "extra"},
	}
	for _, args := range cases {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code, _, errOut := hhRun(t, args...) // stdout: TestUsageErrorsLeaveStdoutAlone
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if strings.Count(errOut, "\n") != 1 || !strings.HasSuffix(errOut, "\n") || !strings.Contains(errOut, "--help") {
				t.Errorf("stderr must be one line with a hint to --help, got %q", errOut)
			}
		})
	}
	if _, err := os.Stat(dir); err == nil {
		t.Error("init with a usage error wrote its folder")
	}
}

// A usage error writes only its one line to stderr: nothing reaches stdout, which may be
// piped into another program (hashhaven rank --fromat json | jq).
func TestUsageErrorsLeaveStdoutAlone(t *testing.T) {
	for _, args := range [][]string{{"rank", "--bogus"}, {"rank", "--top", "five"}, {"validate", "--format", "json"}, {"--bogus"},
		{"rank", "--format", "xml"}, {"rank", "extra"}, {"init"}, {"bogus"}} {
		if code, out, _ := hhRun(t, args...); code != 2 || out != "" {
			t.Errorf("%s: exit %d, stdout %q; want 2 and nothing", strings.Join(args, " "), code, out)
		}
	}
}

func TestHelp(t *testing.T) {
	cases := [][]string{{"--help"}, {"-h"}, {"help"}, {"rank", "--help"}, {"rank", "-h"}, {"validate", "--help"}, {"init", "--help"}}
	for _, args := range cases {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code, out, errOut := hhRun(t, args...)
			if code != 0 || errOut != "" {
				t.Errorf("exit %d, stderr %q; want 0 and nothing", code, errOut)
			}
			if !strings.Contains(out, "USAGE") {
				t.Errorf("no usage on stdout: %q", out)
			}
		})
	}
	_, out, _ := hhRun(t, "rank", "--help")
	for _, flag := range []string{"-data", "-scenario", "-format", "-sort", "-top", "monthly_power_cost_usd", "p_worse"} {
		if !strings.Contains(out, flag) {
			t.Errorf("rank --help does not mention %s", flag)
		}
	}
}

// Help is printed once, not once by the flag package and again by the command.
func TestHelpPrintedOnce(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"rank", "--help"}, {"validate", "--help"}, {"init", "--help"}} {
		_, out, _ := hhRun(t, args...)
		if n := strings.Count(out, "USAGE"); n != 1 {
			t.Errorf("%s prints the usage %d times", strings.Join(args, " "), n)
		}
	}
}

// Every command the overall usage lists answers --help.
func TestEveryListedCommandExists(t *testing.T) {
	_, out, _ := hhRun(t, "--help")
	_, listed, _ := strings.Cut(out, "COMMANDS")
	listed, _, _ = strings.Cut(listed, "FLAGS")
	cmds := regexp.MustCompile(`(?m)^    ([a-z]+) `).FindAllStringSubmatch(listed, -1)
	if len(cmds) < 3 {
		t.Fatalf("found %d commands in:\n%s", len(cmds), out)
	}
	for _, m := range cmds {
		if code, _, errOut := hhRun(t, m[1], "--help"); code != 0 {
			t.Errorf("'%s --help' exits %d: %s", m[1], code, errOut)
		}
	}
}

func TestValidateEmbedded(t *testing.T) {
	code, out, errOut := hhRun(t, "validate")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if strings.Count(out, "\n") != 1 || !strings.Contains(out, fmt.Sprintf("%d destinations", bundledDestinations(t))) || !strings.Contains(out, "all valid") {
		t.Errorf("summary = %q", out)
	}
	if code, _, errOut := hhRun(t, "validate", "--scenario", "exodus"); code != 0 {
		t.Errorf("validate --scenario exodus: exit %d %s", code, errOut)
	}
}

// copyMini copies the loader's small test data set into a fresh folder.
func copyMini(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	if err := os.CopyFS(dir, os.DirFS("dataset/testdata/mini")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// editFile replaces text in a file of a data folder, failing when the text is not there.
func editFile(t *testing.T, file string, pairs ...string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for i := 0; i < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			t.Fatalf("%s lacks %q", file, pairs[i])
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	if err := os.WriteFile(file, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestValidateBrokenCountry(t *testing.T) {
	dir := copyMini(t)
	if code, out, errOut := hhRun(t, "validate", "--data", dir); code != 0 || !strings.Contains(out, "3 destinations") {
		t.Fatalf("the intact copy: exit %d %q %q", code, out, errOut)
	}
	editFile(t, filepath.Join(dir, "countries", "py.yaml"),
		"region: South America\n", "region: South America\nflag: red\n", // an unknown field
		"uptime: 0.8", "uptime: 1.8", // out of range
		"political_stability: 40", "political_stability: high") // wrong type

	check := func(t *testing.T, given string) {
		code, out, errOut := hhRun(t, "validate", "--data", given)
		if code != 1 || out != "" {
			t.Errorf("exit %d, stdout %q; want 1 and nothing", code, out)
		}
		file := filepath.ToSlash(given) + "/countries/py.yaml"
		want := file + ":5:1: flag: unknown field (expected one of: currency, id, location, name, power, region, risk, site, taxes, usd_per_local)\n" +
			file + ":16:11: power.uptime: must be at most 1, got 1.8\n" +
			file + ":24:24: risk.political_stability: must be a number, found text \"high\"\n" +
			"3 problems found\n"
		if errOut != want {
			t.Errorf("stderr:\n%s\nwant:\n%s", errOut, want)
		}
	}
	t.Run("absolute", func(t *testing.T) { check(t, dir) })
	t.Run("relative", func(t *testing.T) {
		wd, err := os.Getwd()
		if err != nil {
			t.Fatal(err)
		}
		rel, err := filepath.Rel(wd, dir)
		if err != nil {
			t.Skip("no relative path to the temporary folder")
		}
		check(t, rel)
	})
	// rank refuses the same set with the same list.
	code, _, errOut := hhRun(t, "rank", "--data", dir)
	if code != 1 || !strings.HasSuffix(errOut, "3 problems found\n") {
		t.Errorf("rank on a broken set: exit %d\n%s", code, errOut)
	}
}

// A scenario whose origin's file is broken gets the file's own problems, not a second,
// misleading one saying the destination does not exist (compare the catalogue, which
// dataset.Load reports once rather than as an unknown machine on every fleet line).
func TestBrokenOriginFileIsNotCalledUnknown(t *testing.T) {
	dir := copyMini(t)
	editFile(t, filepath.Join(dir, "countries", "kz.yaml"), "uptime: 0.8", "uptime: 1.8")
	code, _, errOut := hhRun(t, "validate", "--data", dir)
	if code != 1 || !strings.Contains(errOut, "power.uptime: must be at most 1, got 1.8") {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	if strings.Contains(errOut, `unknown destination "kz"`) {
		t.Errorf("the broken origin file is also reported as an unknown destination:\n%s", errOut)
	}
}

func TestDataFolderMissing(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-such-folder")
	for _, cmd := range []string{"validate", "rank"} {
		code, out, errOut := hhRun(t, cmd, "--data", missing)
		if code != 1 || out != "" {
			t.Errorf("%s: exit %d stdout %q", cmd, code, out)
		}
		if !strings.Contains(errOut, missing) || !strings.Contains(errOut, "does not exist") {
			t.Errorf("%s: stderr %q does not say the folder is missing", cmd, errOut)
		}
	}
	file := filepath.Join(t.TempDir(), "file.yaml")
	os.WriteFile(file, []byte("x: 1\n"), 0o644)
	code, _, errOut := hhRun(t, "validate", "--data", file)
	if code != 1 || !strings.Contains(errOut, file+": is not a folder") {
		t.Errorf("--data FILE: exit %d %q", code, errOut)
	}
	// A folder that is not a data set names what is missing.
	code, _, errOut = hhRun(t, "validate", "--data", t.TempDir())
	if code != 1 || !strings.Contains(errOut, "machines.yaml: missing") {
		t.Errorf("--data EMPTY: exit %d %q", code, errOut)
	}
}

func TestScenarios(t *testing.T) {
	for name, title := range map[string]string{"hamster": "50 RTX 3090 in a Shymkent shed", "exodus": "80,000 rigs leaving Kazakhstan", "s19j-pro": "3,000 S19j Pro leaving Ekibastuz"} {
		rk := rankJSON(t, "--scenario", name)
		if rk.Scenario.Name != title || len(rk.Results) != bundledRows(t) {
			t.Errorf("--scenario %s: %q with %d results", name, rk.Scenario.Name, len(rk.Results))
		}
	}

	code, out, errOut := hhRun(t, "rank", "--scenario", "/no/such.yaml")
	if code != 1 || out != "" || !strings.Contains(errOut, "/no/such.yaml: no such scenario file") {
		t.Errorf("missing scenario file: exit %d stdout %q stderr %q", code, out, errOut)
	}

	// A scenario file outside the data set.
	src, err := fs.ReadFile(data.FS(), "scenarios/default.yaml")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "mine.yaml")
	own := strings.Replace(string(src), "name: 3,000 mixed rigs leaving Ekibastuz", "name: my own", 1)
	os.WriteFile(file, []byte(own), 0o644)
	if rk := rankJSON(t, "--scenario", file); rk.Scenario.Name != "my own" {
		t.Errorf("scenario file: name %q", rk.Scenario.Name)
	}
	// Its problems are reported against the file as given, checked against the data set.
	os.WriteFile(file, []byte(strings.Replace(own, "origin: kz", "origin: atlantis", 1)), 0o644)
	code, _, errOut = hhRun(t, "validate", "--scenario", file)
	if code != 1 || !strings.Contains(errOut, file+":") || !strings.Contains(errOut, `origin: unknown destination "atlantis"`) {
		t.Errorf("bad scenario file: exit %d %q", code, errOut)
	}
}

// fileStates records every file under dir with its content and modification time.
func fileStates(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		b, err := os.ReadFile(p)
		files[p] = info.ModTime().Format(time.RFC3339Nano) + "\n" + string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestInit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "mydata")
	code, out, errOut := hhRun(t, "init", dir)
	if code != 0 || errOut != "" || !strings.Contains(out, dir) {
		t.Fatalf("init: exit %d\n%s%s", code, out, errOut)
	}
	written := len(fileStates(t, dir))
	if !strings.Contains(out, fmt.Sprintf("wrote %d files", written)) {
		t.Errorf("init says %q; %d files are there", out, written)
	}
	// Every bundled file is written with its bundled content (init may add a header line).
	n := 0
	err := fs.WalkDir(data.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		n++
		want, _ := fs.ReadFile(data.FS(), p)
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil || !bytes.HasSuffix(got, want) {
			t.Errorf("%s not written as bundled: %v", p, err)
		}
		return nil
	})
	if err != nil || n < 25 {
		t.Fatalf("walked %d bundled files: %v", n, err)
	}
	if written < n {
		t.Errorf("init wrote %d files, the bundle has %d", written, n)
	}

	code, out, errOut = hhRun(t, "validate", "--data", dir)
	if code != 0 || !strings.Contains(out, fmt.Sprintf("%d destinations", bundledDestinations(t))) {
		t.Errorf("validate the written folder: exit %d %q %q", code, out, errOut)
	}

	// The consultant edits a file; a second init must not touch it, nor anything else.
	editFile(t, filepath.Join(dir, "machines.yaml"), "machines:", "# edited\nmachines:")
	before := fileStates(t, dir)
	code, out, errOut = hhRun(t, "init", dir)
	if code != 1 || out != "" || !strings.Contains(errOut, "already exist") {
		t.Errorf("second init: exit %d stdout %q stderr %q", code, out, errOut)
	}
	after := fileStates(t, dir)
	if len(after) != len(before) {
		t.Errorf("second init changed the file count: %d → %d", len(before), len(after))
	}
	for p, was := range before {
		if after[p] != was {
			t.Errorf("second init changed %s", p)
		}
	}

	// One file in the way is enough to refuse, and nothing else is written.
	other := t.TempDir()
	os.MkdirAll(filepath.Join(other, "countries"), 0o755)
	os.WriteFile(filepath.Join(other, "countries", "kz.yaml"), []byte("mine\n"), 0o644)
	if code, _, errOut := hhRun(t, "init", other); code != 1 || !strings.Contains(errOut, "kz.yaml") {
		t.Errorf("init over one file: exit %d %q", code, errOut)
	}
	if got := fileStates(t, other); len(got) != 1 {
		t.Errorf("init over one file wrote %d files", len(got)-1)
	}
}

// Every broken country file of the loader's tests, dropped into a valid set, fails validation
// cleanly: exit 1 (no panic), naming the file.
func TestBrokenCountryFixtures(t *testing.T) {
	files, _ := filepath.Glob("countries/testdata/bad/*.yaml")
	if len(files) < 25 {
		t.Fatalf("only %d bad fixtures", len(files))
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			dir := copyMini(t)
			if err := os.WriteFile(filepath.Join(dir, "countries", name), src, 0o644); err != nil {
				t.Fatal(err)
			}
			code, out, errOut := hhRun(t, "validate", "--data", dir)
			if code != 1 || out != "" {
				t.Errorf("exit %d stdout %q; want 1 and nothing", code, out)
			}
			path := filepath.ToSlash(dir) + "/countries/" + name
			if !strings.Contains(errOut, path) {
				t.Errorf("stderr does not name %s:\n%s", path, errOut)
			}
			if !regexp.MustCompile(`\n\d+ problems? found\n$`).MatchString(errOut) {
				t.Errorf("no count line:\n%s", errOut)
			}
		})
	}
}

// The split in rank's JSON places every machine of every batch exactly once, on ranked rows,
// and is worth no more than the linear programme's bound.
func TestRankJSONPortfolio(t *testing.T) {
	for _, name := range []string{"default", "exodus", "s19j-pro"} {
		code, out, errOut := hhRun(t, "rank", "--format", "json", "--scenario", name)
		if code != 0 {
			t.Fatalf("%s: exit %d %s", name, code, errOut)
		}
		var rk struct {
			Scenario struct {
				Fleet []struct {
					Machine string `json:"machine"`
					Count   int    `json:"count"`
				} `json:"fleet"`
			} `json:"scenario"`
			Results []struct {
				ID       string `json:"id"`
				Excluded bool   `json:"excluded"`
			} `json:"results"`
			Portfolio struct {
				NPV         float64 `json:"npv_usd"`
				Bound       float64 `json:"lp_bound_usd"`
				MaxShare    float64 `json:"max_share_per_destination"`
				Allocations []struct {
					Option  string `json:"option"`
					Machine string `json:"machine"`
					Count   int    `json:"count"`
				} `json:"allocations"`
			} `json:"portfolio"`
		}
		if err := json.Unmarshal([]byte(out), &rk); err != nil {
			t.Fatal(err)
		}
		ranked := map[string]bool{}
		for _, r := range rk.Results {
			ranked[r.ID] = !r.Excluded
		}
		placed := map[string]int{}
		for _, a := range rk.Portfolio.Allocations {
			if !ranked[a.Option] || a.Count <= 0 {
				t.Errorf("%s: allocation %+v is not a positive count on a ranked row", name, a)
			}
			placed[a.Machine] += a.Count
		}
		for _, b := range rk.Scenario.Fleet {
			if placed[b.Machine] != b.Count {
				t.Errorf("%s: %s placed %d of %d", name, b.Machine, placed[b.Machine], b.Count)
			}
		}
		if rk.Portfolio.NPV > rk.Portfolio.Bound*(1+1e-9) || rk.Portfolio.MaxShare <= 0 {
			t.Errorf("%s: split %v above its bound %v (cap %v)", name, rk.Portfolio.NPV, rk.Portfolio.Bound, rk.Portfolio.MaxShare)
		}
	}
}

// --paths adds outcome bands to every ranked row, reproducibly for a seed; staying is never
// worse than itself.
func TestRankPaths(t *testing.T) {
	type band struct {
		P10    float64 `json:"p10_usd"`
		P50    float64 `json:"p50_usd"`
		P90    float64 `json:"p90_usd"`
		PWorse float64 `json:"p_worse"`
	}
	read := func(seed string) map[string]*band {
		code, out, errOut := hhRun(t, "rank", "--format", "json", "--paths", "2000", "--seed", seed)
		if code != 0 {
			t.Fatalf("exit %d %s", code, errOut)
		}
		var rk struct {
			Results []struct {
				ID          string `json:"id"`
				Kind        string `json:"kind"`
				Excluded    bool   `json:"excluded"`
				Uncertainty *band  `json:"uncertainty"`
			} `json:"results"`
		}
		if err := json.Unmarshal([]byte(out), &rk); err != nil {
			t.Fatal(err)
		}
		bands := map[string]*band{}
		for _, r := range rk.Results {
			if (r.Uncertainty == nil) != r.Excluded {
				t.Errorf("%s: excluded %v, band %v", r.ID, r.Excluded, r.Uncertainty)
			}
			if u := r.Uncertainty; u != nil {
				if u.P10 > u.P50 || u.P50 > u.P90 || u.PWorse < 0 || u.PWorse > 1 {
					t.Errorf("%s: band %+v out of order", r.ID, *u)
				}
				if r.Kind == "stay" && u.PWorse != 0 {
					t.Errorf("staying is worse than not moving on %v of futures", u.PWorse)
				}
			}
			bands[r.ID] = r.Uncertainty
		}
		return bands
	}
	a, b := read("7"), read("7")
	for id, u := range a {
		if u != nil && *u != *b[id] {
			t.Errorf("%s: seed 7 gave %+v, then %+v", id, *u, *b[id])
		}
	}
	if code, _, _ := hhRun(t, "rank", "--paths", "-1"); code != 2 {
		t.Errorf("--paths -1 exits %d, want 2", code)
	}
}
