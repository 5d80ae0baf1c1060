package model

import (
	"maps"
	"slices"

	"hashhaven/countries"
	"hashhaven/scenario"
)

// whatIf is one changed figure of one destination.
type whatIf struct {
	Country string
	Path    string // countries.Numbers path, e.g. taxes.mining_levy_per_kwh
	Value   float64
}

// variant is everything the user has changed: the scenario (fleet and assumptions) and the
// what-if figures. Undo steps back through earlier variants.
type variant struct {
	Scenario scenario.Scenario
	WhatIfs  []whatIf // later edits of the same figure win
}

// apply returns copies of the destinations with the what-if figures in place, marked edited.
func (v variant) apply(base []countries.Country) []countries.Country {
	out := slices.Clone(base)
	if len(v.WhatIfs) == 0 {
		return out
	}
	index := map[string]int{}
	for i, c := range out {
		index[c.ID] = i
	}
	for _, w := range v.WhatIfs {
		i, ok := index[w.Country]
		if !ok {
			continue // the destination left the data set on a reload
		}
		for _, f := range countries.Numbers(&out[i]) {
			if f.Path == w.Path {
				f.Num.Value, f.Num.Edited, f.Num.Set = w.Value, true, true
			}
		}
	}
	return out
}

// edited lists the paths changed for one destination, with their latest values.
func (v variant) edited(id string) map[string]float64 {
	out := map[string]float64{}
	for _, w := range v.WhatIfs {
		if w.Country == id {
			out[w.Path] = w.Value
		}
	}
	return out
}

// withWhatIf returns a new variant with one more what-if.
func (v variant) withWhatIf(w whatIf) variant {
	v.WhatIfs = append(slices.Clip(v.WhatIfs), w)
	return v
}

// withoutCountry drops the what-ifs of one destination (after they were saved to its file).
func (v variant) withoutCountry(id string) variant {
	v.WhatIfs = slices.DeleteFunc(slices.Clone(v.WhatIfs), func(w whatIf) bool { return w.Country == id })
	return v
}

// cloneScenario copies a scenario deeply enough to edit its fleet and market safely.
func cloneScenario(sc scenario.Scenario) scenario.Scenario {
	sc.Fleet = slices.Clone(sc.Fleet)
	sc.Market.Algorithms = maps.Clone(sc.Market.Algorithms)
	return sc
}
