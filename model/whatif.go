package model

import (
	"maps"
	"slices"
	"sync"
	"unsafe"

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
	out := slices.Clone(base)
	v.edit(out, nil)
	return out
}

// edit puts the what-ifs in place in dests, marked edited, adding to edited the positions of
// the destinations it changed.
func (v variant) edit(dests []countries.Country, edited []int) []int {
	// The edited destinations, by id, each with its position once found: a few string
	// compares a destination, rather than an index of every one.
	at := make(map[string]int, len(v.WhatIfs))
	for _, w := range v.WhatIfs {
		at[w.Country] = -1
	}
	found := 0
	for i := range dests {
		if j, ok := at[dests[i].ID]; ok && j < 0 {
			at[dests[i].ID] = i
			edited = append(edited, i)
			if found++; found == len(at) {
				break
			}
		}
	}
	fields := map[int][]countries.NumberField{} // each edited destination's figures, listed once
	for _, w := range v.WhatIfs {
		i := at[w.Country]
		if i < 0 {
			continue // the destination left the data set on a reload
		}
		nums, ok := fields[i]
		if !ok {
			nums = countries.Numbers(&dests[i])
			fields[i] = nums
		}
		for _, f := range nums {
			if f.Path == w.Path {
				f.Num.Value, f.Num.Edited, f.Num.Set = w.Value, true, true
			}
		}
	}
	return edited
}

// withApplied calls f with the destinations the what-ifs applied, like apply, for f to read
// and not keep. The copy it reads is the spare one the last call left, restored and edited
// where the what-ifs differ, so an edit copies only the edited destinations rather than
// every one.
func (v variant) withApplied(base []countries.Country, f func(dests []countries.Country)) {
	if len(v.WhatIfs) == 0 {
		f(base)
		return
	}
	spareApplied.Lock()
	buf := spareApplied.buf
	spareApplied.buf = nil
	spareApplied.Unlock()
	if buf == nil || len(buf.base) != len(base) || unsafe.SliceData(buf.base) != unsafe.SliceData(base) {
		buf = &appliedCopy{base: base, out: slices.Clone(base)}
	} else {
		for _, i := range buf.edited {
			buf.out[i] = base[i]
		}
	}
	buf.edited = v.edit(buf.out, buf.edited[:0])
	f(buf.out)
	spareApplied.Lock()
	spareApplied.buf = buf
	spareApplied.Unlock()
}

// appliedCopy is a copy of base with what-ifs in place at the positions edited.
type appliedCopy struct {
	base   []countries.Country // what it copies; held, so its address names it
	out    []countries.Country
	edited []int
}

// spareApplied is the copy the last re-rank used, for the next to reuse: a re-rank takes it
// (one at a time; one running meanwhile makes its own) and leaves it when done.
var spareApplied struct {
	sync.Mutex
	buf *appliedCopy
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
