//go:build unix

package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// hostileCase is one class of hostile data folder and the exact outcome it must have.
type hostileCase struct {
	name    string
	overlay string                         // a folder of testdata/hostile copied over the base, if any
	setup   func(t *testing.T, dir string) // special files, which git cannot hold
	args    func(dir string) Source        // the source to load; the folder alone when nil
	want    func(dir string) string        // the exact error output; "" means it must load and give finite output
}

func TestHostileFolders(t *testing.T) {
	for _, c := range []hostileCase{
		{name: "hashrate near the float limit", overlay: "huge-hashrate",
			want: func(d string) string {
				return d + "/machines.yaml:5:23: machines[0].hashrate.value: must be at most 1e+09, got 1e+308"
			}},
		{name: "monthly change compounding over 600 months", overlay: "huge-growth",
			want: func(d string) string {
				return d + "/scenarios/default.yaml:8:66: market.algorithms.sha256.monthly_change: must be at most 1, got 3"
			}},
		{name: "monthly change within bounds, compounding past them", overlay: "growth-over-horizon",
			want: func(d string) string {
				return d + "/scenarios/default.yaml:8:66: market.algorithms.sha256.monthly_change: 0.05 a month compounds to ×5.2e+12 over 600 months; " +
					"a hashprice can grow at most a billion-fold (×1e+09) over the horizon"
			}},
		{name: "opex near the float limit", overlay: "huge-opex",
			want: func(d string) string {
				return d + "/countries/kz.yaml:31:26: site.opex_usd_per_kw_month: must be at most 10000, got 1e+308"
			}},
		{name: "every figure at its bound", overlay: "at-the-bounds"},
		{name: "extension in capitals", overlay: "extension-case",
			setup: func(t *testing.T, d string) { remove(t, d, "countries/py.yaml") }},
		{name: "invalid UTF-8", overlay: "bad-utf8",
			want: func(d string) string {
				return d + "/countries/kz.yaml:3:10: not valid UTF-8 (byte 0xff); save the file as UTF-8"
			}},
		{name: "raw control character", overlay: "control-char",
			want: func(d string) string {
				return d + "/countries/kz.yaml:3:10: control character U+001B is not allowed in a data file"
			}},
		{name: "escaped control characters in text", overlay: "escape-in-name",
			want: func(d string) string {
				return d + "/countries/kz.yaml:3:7: name: control character U+001B is not allowed in text"
			}},
		{name: "YAML tag", overlay: "yaml-tag",
			want: func(d string) string {
				return d + "/countries/kz.yaml:3:7: YAML tags (!!binary) are not allowed in data files; write the plain value"
			}},
		{name: "FIFO as a country file",
			setup: func(t *testing.T, d string) { mkfifo(t, filepath.Join(d, "countries/zz.yaml")) },
			want: func(d string) string {
				return d + "/countries/zz.yaml: is a named pipe (FIFO), not a regular file; only regular files are read"
			}},
		{name: "country file linked to /dev/zero",
			setup: func(t *testing.T, d string) { symlink(t, "/dev/zero", filepath.Join(d, "countries/zz.yaml")) },
			want: func(d string) string {
				return d + "/countries/zz.yaml: is a device, not a regular file; only regular files are read"
			}},
		{name: "dangling link",
			setup: func(t *testing.T, d string) { symlink(t, "gone.yaml", filepath.Join(d, "countries/zz.yaml")) },
			want: func(d string) string {
				return d + "/countries/zz.yaml: is a symbolic link to gone.yaml, which does not exist"
			}},
		{name: "file over the size limit",
			setup: func(t *testing.T, d string) { bigFile(t, filepath.Join(d, "countries/zz.yaml")) },
			want: func(d string) string {
				return d + "/countries/zz.yaml: file is 2097152 bytes, over the 1048576-byte limit for a data file"
			}},
		{name: "countries is a file: the cause once, no unknown origins",
			setup: func(t *testing.T, d string) {
				remove(t, d, "countries")
				bigFile(t, filepath.Join(d, "countries"))
			},
			want: func(d string) string { return d + "/countries: cannot read the folder: not a directory" }},
		{name: "FIFO as --scenario",
			setup: func(t *testing.T, d string) { mkfifo(t, filepath.Join(d, "pipe.yaml")) },
			args:  func(d string) Source { return Source{Dir: d, Scenario: d + "/pipe.yaml"} },
			want: func(d string) string {
				return d + "/pipe.yaml: is a named pipe (FIFO), not a regular file; only regular files are read"
			}},
		{name: "huge --scenario file",
			setup: func(t *testing.T, d string) { bigFile(t, filepath.Join(d, "big.yaml")) },
			args:  func(d string) Source { return Source{Dir: d, Scenario: d + "/big.yaml"} },
			want: func(d string) string {
				return d + "/big.yaml: file is 2097152 bytes, over the 1048576-byte limit for a data file"
			}},
		{name: "a file named default in the working folder",
			setup: func(t *testing.T, d string) {
				t.Chdir(d)
				mkfifo(t, filepath.Join(d, "default"))
			}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := copyBase(t)
			if c.overlay != "" {
				overlay(t, dir, c.overlay)
			}
			if c.setup != nil {
				c.setup(t, dir)
			}
			src := Source{Dir: dir}
			if c.args != nil {
				src = c.args(dir)
			}
			if c.want == nil {
				within(t, func() {
					if !checkPipeline(t, src.Dir) {
						t.Error("refused a folder that must load")
					}
				})
				return
			}
			for _, format := range []string{"json", "html"} {
				var out, errs bytes.Buffer
				var err error
				within(t, func() {
					err = Rank(RankOptions{Source: src, Format: format, Sort: "npv_usd"}, Env{Stdout: &out, Stderr: &errs})
				})
				want := c.want(dir) + "\n1 problem found\n"
				if !errors.Is(err, ErrReported) || errs.String() != want || out.Len() > 0 {
					t.Errorf("rank --format %s: %v\n got: %q\nwant: %q", format, err, errs.String(), want)
				}
			}
		})
	}
}

// within fails the test when run takes more than 5 seconds: a hostile file must not hang.
func within(t *testing.T, run func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		run()
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("still running after 5 s")
	}
}

// overlay copies a case's files over the base, replacing what is there.
func overlay(t *testing.T, dir, name string) {
	t.Helper()
	root := filepath.Join("../testdata/hostile", name)
	err := filepath.WalkDir(root, func(path string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		return os.WriteFile(filepath.Join(dir, rel), src, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func remove(t *testing.T, dir, name string) {
	t.Helper()
	if err := os.RemoveAll(filepath.Join(dir, name)); err != nil {
		t.Fatal(err)
	}
}

func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
}

func symlink(t *testing.T, target, path string) {
	t.Helper()
	if err := os.Symlink(target, path); err != nil {
		t.Fatal(err)
	}
}

func bigFile(t *testing.T, path string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(strings.Repeat("# padding\n", 2<<20/10)+"\n\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}
