package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestVersion(t *testing.T) {
	for _, flag := range []string{"--version", "-v"} {
		code, out, errOut := hhRun(t, flag)
		if code != 0 || errOut != "" || !regexp.MustCompile(`^hashhaven version \S+`).MatchString(out) || strings.Count(out, "\n") != 1 {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want one line naming the version", flag, code, out, errOut)
		}
	}
}

func TestCompletion(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish"} {
		code, out, errOut := hhRun(t, "completion", shell)
		if code != 0 || errOut != "" || !strings.Contains(out, "hashhaven") || len(out) < 1000 {
			t.Errorf("completion %s: exit %d, %d bytes, stderr %q", shell, code, len(out), errOut)
		}
	}
	// The shell asks the program itself; the lists come from the code that defines them.
	for args, want := range map[string][]string{
		"rank --format ":     {"table", "markdown", "csv", "json", "html"},
		"rank --sort ":       {"npv_usd", "score", "payback_months"},
		"snapshot --screen ": {"main", "detail", "portfolio"},
		"snapshot --theme ":  {"dark", "light", "high-contrast", "mono"},
		"--scenario ":        {"default", "exodus", "hamster", "s19j-pro"},
		"ra":                 {"rank"},
	} {
		words := append([]string{"__complete"}, strings.Split(args, " ")...)
		code, out, _ := hhRun(t, words...)
		for _, w := range want {
			if code != 0 || !regexp.MustCompile(`(?m)^`+regexp.QuoteMeta(w)+`(\t|$)`).MatchString(out) {
				t.Errorf("completing %q: exit %d, no %q in\n%s", args, code, w, out)
			}
		}
	}
}

func TestManPage(t *testing.T) {
	code, out, errOut := hhRun(t, "man")
	if code != 0 || errOut != "" || !strings.HasPrefix(out, ".TH HASHHAVEN 1") {
		t.Fatalf("exit %d, stderr %q, page starts %.40q", code, errOut, out)
	}
	for _, want := range []string{"rank", "snapshot", "--stale-after"} {
		if !strings.Contains(out, want) {
			t.Errorf("the man page does not mention %s", want)
		}
	}
}

// Exit 0 for success, 1 when the data or the work fails, 2 when the command line cannot be
// understood; a usage error is one line, on stderr only.
func TestExitCodes(t *testing.T) {
	out := filepath.Join(t.TempDir(), "screen.png")
	broken := copyMini(t)
	editFile(t, filepath.Join(broken, "countries", "py.yaml"), "uptime: 0.8", "uptime: 1.8")
	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{"validate"}, 0},
		{[]string{"rank", "-format", "csv", "-top", "2"}, 0}, // one dash, as the earlier command line took
		{[]string{"snapshot", "--out", out, "--width", "80", "--height", "24"}, 0},
		{[]string{"validate", "--data", broken}, 1},
		{[]string{"rank", "--data", broken}, 1},
		{[]string{"snapshot", "--out", out}, 1}, // never overwrites
		{[]string{"snapshot", "--out", "x.jpg"}, 2},
		{[]string{"rnak"}, 2},
		{[]string{"rank", "--paths", "-1"}, 2},
		{[]string{"completion", "tcsh"}, 2},
		{[]string{"man", "extra"}, 2},
		{[]string{"schema", "--out", out}, 2}, // a file (written above), not a folder
		{[]string{"schema", "--out", filepath.Join(out, "schemas")}, 2},
		{[]string{"init", out}, 2},
	} {
		code, stdout, stderr := hhRun(t, c.args...)
		if code != c.code {
			t.Errorf("%s: exit %d, want %d\n%s", strings.Join(c.args, " "), code, c.code, stderr)
		}
		if c.code == 2 && (stdout != "" || strings.Count(stderr, "\n") != 1) {
			t.Errorf("%s: stdout %q, stderr %q; want nothing and one line", strings.Join(c.args, " "), stdout, stderr)
		}
	}
	if _, stderr := hhRunErr(t, "schema", "--out", out); !strings.Contains(stderr, "--out must be a folder: "+out+" is a file") {
		t.Errorf("a file given as --out is not named as such: %q", stderr)
	}
	if _, stderr := hhRunErr(t, "rnak"); !strings.Contains(stderr, `did you mean "rank"?`) {
		t.Errorf("a mistyped command is not named: %q", stderr)
	}
}

// Messages speak of what the user typed and the files they named, not of the program's
// insides: no parser or package names, no temporary file names.
func TestMessagesHideInternals(t *testing.T) {
	// A file where a folder should be stops a write even for root.
	notDir := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(notDir, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	inside := regexp.MustCompile(`strconv|pflag|cobra|safefile|\.tmp-|Parse(Int|Uint)`)
	for _, args := range [][]string{
		{"rank", "--top", "five"},
		{"rank", "--seed", "-1"},
		{"snapshot", "--width", "wide", "--out", "x.png"},
		{"snapshot", "--out", filepath.Join(notDir, "x.png")},
		{"schema", "--out", notDir},
	} {
		_, stderr := hhRunErr(t, args...)
		if stderr == "" || inside.MatchString(stderr) {
			t.Errorf("%s: stderr %q", strings.Join(args, " "), stderr)
		}
	}
}

func hhRunErr(t *testing.T, args ...string) (code int, stderr string) {
	t.Helper()
	code, _, stderr = hhRun(t, args...)
	return code, stderr
}

// With the bundled data no move pays: the HTML report says so instead of showing a destination
// that moves nothing as the best move, and its charts never label two ticks alike.
func TestHTMLWhenNoMovePays(t *testing.T) {
	code, out, stderr := hhRun(t, "rank", "--format", "html")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Contains(out, "Best move · rank") || !strings.Contains(out, "No move pays") {
		t.Errorf("no move pays, yet a best move card shows (or no card says so)")
	}
	if strings.Contains(out, "within 0.00 %") {
		t.Errorf("the split is said to be within 0.00 %% of the bound")
	}
	for _, svg := range regexp.MustCompile(`(?s)<svg.*?</svg>`).FindAllString(out, -1) {
		seen := map[string]bool{}
		for _, m := range regexp.MustCompile(`class="tick">([^<]*)<`).FindAllStringSubmatch(svg, -1) {
			if seen[m[1]] {
				t.Errorf("a chart labels two ticks %s", m[1])
				break
			}
			seen[m[1]] = true
		}
	}
}
