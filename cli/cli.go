// Package cli carries out hashhaven's commands once the command line has been read: it loads
// the data, hands it to the package that does the work, and reports the outcome.
package cli

import (
	"errors"
	"io"

	"hashhaven/data"
	"hashhaven/dataset"
	"hashhaven/economics"
	"hashhaven/scenario"
	"hashhaven/strictyaml"
)

// Env is what a command may touch of the outside world.
type Env struct {
	Stdout, Stderr io.Writer
	Environ        []string
}

// ErrReported means the command has already told the user what went wrong: exit 1, say no more.
var ErrReported = errors.New("reported")

// Source names the data set and scenario to work on.
type Source struct {
	Dir      string         // "" for the embedded data set
	Scenario string         // a file, a scenario name, or "" for default
	cache    *dataset.Cache // when set, a load re-reads only the files changed since the last
}

// loaded is a data set with its chosen scenario, ready to rank.
type loaded struct {
	set  *dataset.Set
	sc   scenario.Scenario
	plan *economics.Plan
	// saving is closed once the decodings read are kept for the next run.
	saving <-chan struct{}
}

// load reads the source, printing every problem to stderr.
func load(src Source, env Env) (loaded, error) {
	// A --data folder opens through the decodings kept from the last run, brought up to date.
	var kept, build string
	keep := false
	if src.Dir != "" {
		kept, build, keep = env.keptDecodings(src.Dir)
	}
	if keep {
		if src.cache == nil {
			src.cache = &dataset.Cache{}
		}
		src.cache.Restore(kept, build)
	}
	set, sc, issues := open(src)
	saving := make(chan struct{})
	go func() {
		defer close(saving)
		if keep {
			src.cache.Save(kept, build) // one that cannot be written costs only time next run
		}
	}()
	if len(issues) > 0 {
		<-saving
		printIssues(issues, env)
		return loaded{}, ErrReported
	}
	plan, err := economics.NewPlan(sc, set.Machines, set.Countries)
	if err != nil {
		<-saving
		return loaded{}, err
	}
	return loaded{set, sc, plan, saving}, nil
}

// kept waits until the decodings are kept for the next run: they are written while the
// command ranks and writes, which is where a first run's time goes.
func (l loaded) kept() { <-l.saving }

// open reads the data set and picks the scenario from it.
func open(src Source) (*dataset.Set, scenario.Scenario, strictyaml.Issues) {
	openSet := dataset.Open
	if src.cache != nil {
		openSet = src.cache.Open
	}
	set, issues := openSet(data.FS(), src.Dir)
	if len(issues) > 0 {
		return nil, scenario.Scenario{}, issues
	}
	sc, issues := set.PickScenario(src.Scenario)
	return set, sc, issues
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// noColor reports whether the user asked for no colour (https://no-color.org: set and not empty).
func (e Env) noColor() bool { return e.getenv("NO_COLOR") != "" }
