package economics

import (
	"reflect"
	"slices"
	"testing"

	"hashhaven/countries"
	"hashhaven/scenario"
)

// Valued side by side on every core, each of 1,000 destinations gets the value it has when
// ranked alone, and the origin's place is the stay row, or no row where staying is banned.
func TestRankInPartsValuesEachAsAlone(t *testing.T) {
	sc, cat, dests := syntheticParts()
	const at = 500
	sc.Origin = scenario.Origin{Country: dests[at].ID}
	for _, banned := range []bool{false, true} {
		ds := slices.Clone(dests)
		if banned {
			ds[at].Risk.LegalStatus = countries.Banned
		}
		p, err := NewPlan(sc, cat, ds)
		if err != nil {
			t.Fatal(err)
		}
		all := p.Rank(ds)
		if stays := slices.ContainsFunc(all, func(r Result) bool { return r.Kind == Stay }); stays == banned {
			t.Errorf("banned origin %v: a stay row %v", banned, stays)
		}
		if want := len(ds) + 1; banned && len(all) != want-1 || !banned && len(all) != want {
			t.Errorf("banned origin %v: %d rows", banned, len(all))
		}
		for _, r := range all {
			if r.Kind != Destination {
				continue
			}
			i := slices.IndexFunc(ds, func(c countries.Country) bool { return c.ID == r.ID })
			alone := p.Rank([]countries.Country{ds[at], ds[i]})
			j := slices.IndexFunc(alone, func(a Result) bool { return a.ID == r.ID })
			a := alone[j]
			if a.NPV != r.NPV || a.Gain != r.Gain || a.MovedMachines != r.MovedMachines || !reflect.DeepEqual(a.Batches, r.Batches) {
				t.Fatalf("%s: valued with the rest NPV %v gain %v moved %d, alone %v %v %d", r.ID, r.NPV, r.Gain, r.MovedMachines, a.NPV, a.Gain, a.MovedMachines)
			}
		}
	}
}
