package scenario

import (
	"fmt"
	"maps"
	"math"
	"slices"

	"hashhaven/cited"
	"hashhaven/strictyaml"
)

// maxGrowth is the most a hashprice may multiply by over the horizon: a monthly change that
// compounds past it is a slip, not a forecast, and would push every figure towards infinity.
const maxGrowth = 1e9

// Decode reads a scenario file; file is the path as the user gave it, for messages.
// References to machines and destinations are checked by the data set, which knows them.
func Decode(file string, src []byte) (Scenario, *strictyaml.Doc) {
	var s Scenario
	doc := strictyaml.Decode(file, src, &s)
	if len(doc.Issues) > 0 {
		return s, doc
	}
	if len(s.Fleet) == 0 {
		doc.Errorf("fleet", "the fleet is empty; list at least one {machine, count}")
	}
	seen := map[string]int{}
	for i, b := range s.Fleet {
		if j, dup := seen[b.Machine]; dup {
			doc.Errorf(fmt.Sprintf("fleet[%d].machine", i), "%q is already listed at fleet[%d]; add the counts into one line", b.Machine, j)
		}
		seen[b.Machine] = i
	}
	if msg := s.Weights.Check(); msg != "" {
		doc.Errorf("weights", "%s", msg)
	}
	for _, name := range slices.Sorted(maps.Keys(s.Market.Algorithms)) {
		change := s.Market.Algorithms[name].MonthlyChange.Value
		if growth := math.Pow(1+change, float64(s.Horizon())); growth > maxGrowth {
			doc.Errorf("market.algorithms."+name+".monthly_change", "%s a month compounds to ×%.2g over %d months; a hashprice can grow at most a billion-fold (×%g) over the horizon",
				cited.Format(change), growth, s.Horizon(), maxGrowth)
		}
	}
	doc.Issues.Sort()
	return s, doc
}
