package dataset

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"hashhaven/countries"
	"hashhaven/scenario"
	"hashhaven/strictyaml"
)

// EmbeddedLabel is the folder the bundled data set's files are named under in messages:
// data/, where they live in the project's source.
const EmbeddedLabel = "data"

// Name is the data set as headers and reports name it: "bundled", or the --data folder.
func (s *Set) Name() string {
	if s.Label == EmbeddedLabel && s.bundled {
		return "bundled"
	}
	return s.Label
}

// Open loads the data set in dir, or the bundled one when dir is "".
func Open(bundled fs.FS, dir string) (*Set, strictyaml.Issues) { return open(bundled, dir, nil) }

func open(bundled fs.FS, dir string, cache *Cache) (*Set, strictyaml.Issues) {
	if dir == "" {
		set, issues := load(bundled, EmbeddedLabel, cache)
		set.bundled = true
		return set, issues
	}
	info, err := os.Stat(dir)
	if err != nil || !info.IsDir() {
		msg := "is not a folder"
		if errors.Is(err, fs.ErrNotExist) {
			msg = "does not exist (hashhaven init DIR writes a data folder to start from)"
		}
		return nil, strictyaml.Issues{{File: dir, Msg: msg}}
	}
	// Messages name files the way the user wrote the folder, less a trailing slash.
	label := strings.TrimRight(filepath.ToSlash(dir), "/")
	if label == "" {
		label = "/"
	}
	return load(os.DirFS(dir), label, cache)
}

// PickScenario returns the scenario arg names: a bare name ("hamster") is a scenario of the
// set, never a file in the working folder; a path needs a slash or an extension
// (./default, my.yaml). "" is the set's default scenario.
func (s *Set) PickScenario(arg string) (scenario.Scenario, strictyaml.Issues) {
	if arg == "" {
		arg = "default"
	}
	if !strings.ContainsAny(arg, `/\`) && path.Ext(arg) == "" {
		if sc, ok := s.Scenarios[arg]; ok {
			return sc, nil
		}
		return scenario.Scenario{}, strictyaml.Issues{{File: arg, Msg: "no scenario of that name in the data set (" +
			strings.Join(s.ScenarioNames(), ", ") + "); a scenario file is named by a path with a slash or an extension (./" + arg + ".yaml)"}}
	}
	src, err := ReadFile(arg)
	if err != nil {
		msg := err.Error()
		if errors.Is(err, fs.ErrNotExist) {
			msg = "no such scenario file"
			if name, _ := yamlName(arg); s.Scenarios[name].Name != "" {
				msg += fmt.Sprintf("; the data set's scenario is named without a path or extension: --scenario %s", name)
			}
		}
		return scenario.Scenario{}, strictyaml.Issues{{File: arg, Msg: msg}}
	}
	return DecodeScenario(arg, src, s)
}

// newestAsOf is the latest as-of date of any figure in the destinations, as written.
func newestAsOf(cs []countries.Country) string {
	newest := ""
	for i := range cs {
		for _, n := range countries.Numbers(&cs[i]) {
			// A site's coordinates or a climate normal say nothing about how current the data is.
			if !n.Num.Stable && len(n.Num.AsOf) >= 4 && n.Num.AsOf > newest {
				newest = n.Num.AsOf
			}
		}
	}
	return newest
}
