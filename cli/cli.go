// Package cli carries out hashhaven's commands once the command line has been read: it loads
// the data, hands it to the package that does the work, and reports the outcome.
package cli

import (
	"errors"
	"io"
	"strings"

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
}

// load reads the source, printing every problem to stderr.
func load(src Source, env Env) (loaded, error) {
	set, sc, issues := open(src)
	if len(issues) > 0 {
		printIssues(issues, env)
		return loaded{}, ErrReported
	}
	plan, err := economics.NewPlan(sc, set.Machines, set.Countries)
	if err != nil {
		return loaded{}, err
	}
	return loaded{set, sc, plan}, nil
}

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

// getenv is the value of the variable name in the command's environment, or "".
func (e Env) getenv(name string) string {
	for _, kv := range e.Environ {
		if v, ok := strings.CutPrefix(kv, name+"="); ok {
			return v
		}
	}
	return ""
}
