package dataset

import (
	"errors"
	"io/fs"
	"os"
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
func Open(bundled fs.FS, dir string) (*Set, strictyaml.Issues) {
	if dir == "" {
		set, issues := Load(bundled, EmbeddedLabel)
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
	return Load(os.DirFS(dir), label)
}

// PickScenario returns the scenario arg names: a scenario of the set by name ("hamster"), or a
// YAML file on disk; "" is the set's default scenario.
func (s *Set) PickScenario(arg string) (scenario.Scenario, strictyaml.Issues) {
	if arg == "" {
		arg = "default"
	}
	if sc, ok := s.Scenarios[strings.TrimSuffix(arg, ".yaml")]; ok && !strings.ContainsAny(arg, `/\`) {
		if _, err := os.Stat(arg); err != nil {
			return sc, nil
		}
	}
	src, err := os.ReadFile(arg)
	if err != nil {
		msg := "cannot read: " + unwrapPath(err).Error()
		if errors.Is(err, fs.ErrNotExist) {
			msg = "no such scenario file, and no scenario of that name in the data set (" + strings.Join(s.ScenarioNames(), ", ") + ")"
		}
		return scenario.Scenario{}, strictyaml.Issues{{File: arg, Msg: msg}}
	}
	if len(src) > strictyaml.MaxFileSize {
		return scenario.Scenario{}, strictyaml.Issues{{File: arg, Msg: "file is over the 1 MiB limit for a data file"}}
	}
	return DecodeScenario(arg, src, s)
}

// newestAsOf is the latest as-of date of any figure in the destinations, as written.
func newestAsOf(cs []countries.Country) string {
	newest := ""
	for _, c := range cs {
		for _, n := range countries.Numbers(&c) {
			if len(n.Num.AsOf) >= 4 && n.Num.AsOf > newest {
				newest = n.Num.AsOf
			}
		}
	}
	return newest
}
