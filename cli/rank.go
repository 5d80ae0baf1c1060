package cli

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/colorprofile"

	"hashhaven/economics"
	"hashhaven/report"
	"hashhaven/theme"
)

// RankOptions are the options of the rank command.
type RankOptions struct {
	Source
	Format  string
	Sort    string
	Reverse bool
	Top     int
	Paths   int    // simulated futures for the outcome bands; 0: none
	Seed    uint64 // of the simulation, for reproducible bands
}

// staleMonths is the age after which an ordinary figure counts as stale in reports, as in the
// app and the audit's default.
const staleMonths = 18

// SortFields lists what --sort accepts.
func SortFields() string { return economics.FieldKeys() }

// Formats lists what --format accepts; Rank writes each.
func Formats() []string { return []string{"table", "markdown", "csv", "json", "html"} }

// Check reports options that cannot work, before any data is read.
func (o RankOptions) Check() error {
	if !slices.Contains(Formats(), o.Format) {
		return fmt.Errorf("unknown format %q: use %s", o.Format, strings.Join(Formats(), ", "))
	}
	if _, ok := economics.FieldByKey(o.Sort); !ok {
		return fmt.Errorf("unknown sort field %q: use one of %s", o.Sort, SortFields())
	}
	if f, _ := economics.FieldByKey(o.Sort); f.Group == economics.Uncertain && o.Paths == 0 {
		return fmt.Errorf("sorting by %s needs simulated futures: add --paths N (10000 gives stable bands)", f.Key)
	}
	if o.Paths < 0 || o.Paths > 1_000_000 {
		return fmt.Errorf("--paths must be from 0 (no simulation) to 1,000,000, got %d", o.Paths)
	}
	if o.Top < 0 {
		return fmt.Errorf("--top must be 0 (all) or more, got %d", o.Top)
	}
	return nil
}

// Rank prints the ranking in the chosen format.
func Rank(o RankOptions, env Env) error {
	l, err := load(o.Source, env)
	if err != nil {
		return err
	}
	results := l.plan.Rank(l.set.Countries)
	l.plan.AddBreakevens(l.set.Countries, results)
	portfolio, err := l.plan.Split(context.Background(), results)
	if err != nil {
		return err
	}
	var bands map[string]economics.Uncertainty
	if o.Paths > 0 {
		if bands, err = l.plan.Simulate(context.Background(), l.set.Countries, results, economics.SimOptions{Paths: o.Paths, Seed: o.Seed, Split: &portfolio}); err != nil {
			return err
		}
		economics.AttachBands(results, bands)
	}
	field, _ := economics.FieldByKey(o.Sort)
	economics.SortBy(results, field, o.Reverse)
	rep := report.Report{Plan: l.plan, Results: results, Data: l.set.Name(), AsOf: l.set.AsOf, Countries: l.set.Countries,
		Portfolio: &portfolio, Bands: bands, Paths: o.Paths, Seed: o.Seed, Now: time.Now(), StaleMonths: staleMonths}
	if o.Top > 0 {
		rep.Ranking = results
		rep.Results = top(results, o.Top)
		rep.Notes = append(rep.Notes, fmt.Sprintf("showing the top %d of %d ranked destinations", min(o.Top, ranked(results)), ranked(results)))
	}
	switch o.Format {
	case "markdown":
		return report.WriteMarkdown(env.Stdout, rep)
	case "csv":
		return report.WriteCSV(env.Stdout, rep)
	case "json":
		return report.WriteJSON(env.Stdout, rep)
	case "html":
		return report.WriteHTML(env.Stdout, rep)
	}
	out := colorprofile.NewWriter(env.Stdout, env.Environ)
	th := theme.Default(true)
	if out.Profile <= colorprofile.ASCII {
		th = theme.Mono()
	}
	return report.WriteTable(out, rep, th)
}

// top keeps the first n ranked results; excluded ones are dropped with the rest.
func top(results []economics.Result, n int) []economics.Result {
	var out []economics.Result
	for _, r := range results {
		if !r.Excluded && len(out) < n {
			out = append(out, r)
		}
	}
	return out
}

func ranked(results []economics.Result) int {
	n := 0
	for _, r := range results {
		if !r.Excluded {
			n++
		}
	}
	return n
}
