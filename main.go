// Command hashhaven tells a mining operator where to move a fleet, and why.
// This file only reads the command line and hands over to the packages that do the work.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"hashhaven/cli"
)

const usage = `hashhaven — where to move a mining fleet, and why.

Usage:
  hashhaven [--data DIR] [--scenario FILE|NAME] [--theme dark|light|high-contrast|mono]   open the interactive comparison
  hashhaven rank      [--data DIR] [--scenario FILE] [--format table|markdown|csv|json|html] [--sort FIELD] [--top N] [--paths N --seed S]
  hashhaven validate  [--data DIR] [--scenario FILE]
  hashhaven audit     [--data DIR] [--stale-after 18mo]
  hashhaven init DIR
  hashhaven schema    [--out DIR]
  hashhaven snapshot  --out FILE.png|FILE.svg [--width 160 --height 45] [--screen main|detail|compare|chart|present|help] [--select ID] [--theme NAME] [--now DATE]

Run 'hashhaven COMMAND --help' for a command's options.
`

func main() {
	os.Exit(run(os.Args[1:], cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Environ: os.Environ()}))
}

// errUsage marks a command line that cannot be understood: exit status 2.
var errUsage = errors.New("usage")

func run(args []string, env cli.Env) int {
	cmd := ""
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, args = args[0], args[1:]
	}
	var err error
	switch cmd {
	case "":
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
			fmt.Fprint(env.Stdout, usage)
			return 0
		}
		err = tui(args, env)
	case "rank":
		err = rank(args, env)
	case "validate":
		err = validate(args, env)
	case "init":
		err = initData(args, env)
	case "audit":
		err = audit(args, env)
	case "schema":
		err = schema(args, env)
	case "snapshot":
		err = snapshot(args, env)
	case "help":
		fmt.Fprint(env.Stdout, usage)
		return 0
	default:
		fmt.Fprintf(env.Stderr, "hashhaven: unknown command %q; run 'hashhaven --help' for the list\n", cmd)
		return 2
	}
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	case errors.Is(err, cli.ErrReported):
		return 1
	}
	fmt.Fprintln(env.Stderr, "hashhaven:", err)
	return 1
}

// flags makes a command's flag set; parse reports usage errors as one line plus a hint.
func flags(name, synopsis string, env cli.Env) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		fmt.Fprintf(env.Stdout, "Usage: hashhaven %s\n\n%s\n\nOptions:\n", name, synopsis)
		fs.SetOutput(env.Stdout)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	return fs
}

func parse(fs *flag.FlagSet, args []string, env cli.Env) error {
	// flag calls Usage on every parse error; print it only when it was asked for.
	help := fs.Usage
	fs.Usage = func() {}
	err := fs.Parse(args)
	fs.Usage = help
	if errors.Is(err, flag.ErrHelp) {
		help()
		return err
	}
	if err == nil && fs.NArg() > 0 {
		err = fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "hashhaven %s: %v (see 'hashhaven %s --help')\n", fs.Name(), err, fs.Name())
		return errUsage
	}
	return nil
}

func dataFlags(fs *flag.FlagSet, o *cli.Source) {
	fs.StringVar(&o.Dir, "data", "", "data folder to read instead of the embedded data set")
	fs.StringVar(&o.Scenario, "scenario", "", "scenario file, or the name of one in the data set (default: default)")
}

func tui(args []string, env cli.Env) error {
	var o cli.TUIOptions
	fs := flags("[--data DIR] [--scenario FILE] [--theme NAME]", "Opens the interactive comparison.", env)
	dataFlags(fs, &o.Source)
	fs.StringVar(&o.Theme, "theme", "", "dark, light, high-contrast or mono (default: follows the terminal)")
	if err := parse(fs, args, env); err != nil {
		return err
	}
	if err := o.Check(); err != nil {
		fmt.Fprintf(env.Stderr, "hashhaven: %v (see 'hashhaven --help')\n", err)
		return errUsage
	}
	return cli.TUI(o, env)
}

func rank(args []string, env cli.Env) error {
	var o cli.RankOptions
	fs := flags("rank", "Ranks the destinations for the scenario's fleet and prints the table.", env)
	dataFlags(fs, &o.Source)
	fs.StringVar(&o.Format, "format", "table", "table, markdown, csv, json or html")
	fs.StringVar(&o.Sort, "sort", "npv_usd", "field to sort by: "+cli.SortFields())
	fs.BoolVar(&o.Reverse, "reverse", false, "reverse the sort order")
	fs.IntVar(&o.Top, "top", 0, "show only the first N ranked destinations (0: all)")
	fs.IntVar(&o.Paths, "paths", 0, "simulate N futures for outcome bands (P10, P50, P90, chance of doing worse than not moving); 0: none")
	fs.Uint64Var(&o.Seed, "seed", 1, "seed of the simulation: the same seed gives the same bands")
	if err := parse(fs, args, env); err != nil {
		return err
	}
	if err := o.Check(); err != nil {
		fmt.Fprintf(env.Stderr, "hashhaven rank: %v (see 'hashhaven rank --help')\n", err)
		return errUsage
	}
	return cli.Rank(o, env)
}

func validate(args []string, env cli.Env) error {
	var o cli.Source
	fs := flags("validate", "Checks every file of the data set (and the scenario) and lists every problem.", env)
	dataFlags(fs, &o)
	if err := parse(fs, args, env); err != nil {
		return err
	}
	return cli.Validate(o, env)
}

func initData(args []string, env cli.Env) error {
	fs := flags("init DIR", "Writes the bundled data set into DIR for editing; never overwrites a file.", env)
	var dir string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		dir, args = args[0], args[1:]
	}
	if err := parse(fs, args, env); err != nil {
		return err
	}
	if dir == "" {
		fmt.Fprintln(env.Stderr, "hashhaven init: name the folder to write, e.g. 'hashhaven init mydata' (see 'hashhaven init --help')")
		return errUsage
	}
	return cli.Init(dir, env)
}

func snapshot(args []string, env cli.Env) error {
	var o cli.SnapshotOptions
	fs := flags("snapshot", "Draws a screen of the app into a PNG or SVG file, without a terminal.", env)
	dataFlags(fs, &o.Source)
	fs.StringVar(&o.Out, "out", "", "picture to write: FILE.png or FILE.svg (never overwritten)")
	fs.IntVar(&o.Width, "width", 160, "screen width in cells")
	fs.IntVar(&o.Height, "height", 45, "screen height in cells")
	fs.StringVar(&o.Screen, "screen", "main", "main, detail, compare, chart, present or help")
	fs.StringVar(&o.Select, "select", "", "destination id to select (default: the best ranked)")
	fs.StringVar(&o.Theme, "theme", "dark", "dark, light, high-contrast or mono")
	fs.StringVar(&o.Now, "now", "", "date to measure the figures' age at, YYYY-MM-DD (default: today), for reproducible pictures")
	if err := parse(fs, args, env); err != nil {
		return err
	}
	if err := o.Check(); err != nil {
		fmt.Fprintf(env.Stderr, "hashhaven snapshot: %v (see 'hashhaven snapshot --help')\n", err)
		return errUsage
	}
	return cli.Snapshot(o, env)
}

func audit(args []string, env cli.Env) error {
	var o cli.AuditOptions
	fs := flags("audit", "Lists the figures to review: those with no source, the estimates, and those whose as_of\nis older than --stale-after. Exits 0 whenever the data loads: an audit informs.", env)
	fs.StringVar(&o.Dir, "data", "", "data folder to read instead of the embedded data set")
	fs.StringVar(&o.StaleAfter, "stale-after", "18mo", "age after which a figure's as_of is stale: 18mo, 2y, or a number of months")
	if err := parse(fs, args, env); err != nil {
		return err
	}
	if err := o.Check(); err != nil {
		fmt.Fprintf(env.Stderr, "hashhaven audit: %v (see 'hashhaven audit --help')\n", err)
		return errUsage
	}
	return cli.Audit(o, env)
}

func schema(args []string, env cli.Env) error {
	var dir string
	fs := flags("schema", "Writes the JSON Schemas of the data files (country, machines, scenario) into a folder,\nfor editors that check YAML as you type. Never overwrites a file.", env)
	fs.StringVar(&dir, "out", ".", "folder to write the schemas into (created if needed)")
	if err := parse(fs, args, env); err != nil {
		return err
	}
	return cli.Schema(dir, env)
}
