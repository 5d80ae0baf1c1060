package economics_test

import (
	"maps"
	"testing"

	"hashhaven/data"
	"hashhaven/dataset"
	"hashhaven/economics"
)

// The break-evens of a whole ranking, searched together over shared grid plans on every core,
// are those of each destination searched alone, to the last bit; on the bundled set and at a
// hashprice where moving often pays, so both searches find crossings.
func TestAddBreakevensMatchEachDestination(t *testing.T) {
	set, issues := dataset.Open(data.FS(), "")
	if len(issues) > 0 {
		t.Fatal(issues)
	}
	found := map[string]int{}
	for _, name := range []string{"default", "exodus"} {
		for _, k := range []float64{1, 2.4} {
			sc := set.Scenarios[name]
			sc.Market.Algorithms = maps.Clone(sc.Market.Algorithms)
			alg := sc.Market.Algorithms["sha256"]
			alg.USDPerUnitDay.Value *= k
			sc.Market.Algorithms["sha256"] = alg
			p, err := economics.NewPlan(sc, set.Machines, set.Countries)
			if err != nil {
				t.Fatal(err)
			}
			results := p.Rank(set.Countries)
			p.AddBreakevens(set.Countries, results)
			for _, r := range results {
				if r.Kind != economics.Destination || r.Excluded {
					continue
				}
				h, okH, o, okO := p.Breakeven(set.Countries, r.ID)
				if h != r.BreakevenHashprice || okH != r.HasBreakevenHashprice || o != r.BreakevenOriginPower || okO != r.HasBreakevenOriginPower {
					t.Errorf("%s ×%v %s: together %v %v, %v %v; alone %v %v, %v %v", name, k, r.ID,
						r.BreakevenHashprice, r.HasBreakevenHashprice, r.BreakevenOriginPower, r.HasBreakevenOriginPower, h, okH, o, okO)
				}
				if okH {
					found["hashprice"]++
				}
				if okO {
					found["origin power"]++
				}
			}
		}
	}
	if found["hashprice"] == 0 || found["origin power"] == 0 {
		t.Errorf("break-evens found %v; want some of each", found)
	}
}
