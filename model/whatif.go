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

// apply returns the destinations with the what-if figures in place, marked edited. Without
// what-ifs it returns base itself, which every reader only reads; with them, a copy in which
// only the edited destinations differ.
func (v variant) apply(base []countries.Country) []countries.Country {
	if len(v.WhatIfs) == 0 {
		return base
	}
	// The edited destinations, by id, each with its position in base once found: a few
	// string compares a destination, rather than an index of every one.
	at := make(map[string]int, len(v.WhatIfs))
	for _, w := range v.WhatIfs {
		at[w.Country] = -1
	}
	found := 0
	for i := range base {
		if j, ok := at[base[i].ID]; ok && j < 0 {
			at[base[i].ID] = i
			if found++; found == len(at) {
				break
			}
		}
	}
	out := slices.Clone(base)
	fields := map[int][]countries.NumberField{} // each edited destination's figures, listed once
	for _, w := range v.WhatIfs {
		i := at[w.Country]
		if i < 0 {
			continue // the destination left the data set on a reload
		}
		nums, ok := fields[i]
		if !ok {
			nums = countries.Numbers(&out[i])
			fields[i] = nums
		}
		for _, f := range nums {
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
