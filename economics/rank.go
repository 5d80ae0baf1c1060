package economics

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"hashhaven/countries"
)

// Rank values every destination, scores the ones that can be ranked and orders them by NPV,
// highest first, with the excluded ones last.
func (p *Plan) Rank(dests []countries.Country) []Result {
	results := make([]Result, len(dests))
	for i := range dests {
		results[i] = p.Evaluate(&dests[i])
	}
	slices.SortFunc(results, byNPV)
	rank := 0
	for i := range results {
		if !results[i].Excluded {
			rank++
			results[i].Rank = rank
		}
	}
	p.score(results)
	return results
}

// byNPV orders ranked before excluded, then NPV highest first, then id, so the order is total.
func byNPV(a, b Result) int {
	switch {
	case a.Excluded != b.Excluded:
		return boolCmp(a.Excluded, b.Excluded)
	case a.NPV != b.NPV:
		return cmp.Compare(b.NPV, a.NPV)
	}
	return strings.Compare(a.ID, b.ID)
}

func boolCmp(a, b bool) int {
	if a == b {
		return 0
	}
	if a {
		return 1
	}
	return -1
}

// Headroom is the score's capacity criterion: spare capacity over the fleet's load, capped
// at three times (more room than that is no better), scaled to 0–1.
func (r *Result) Headroom() float64 { return math.Min(r.HeadroomRatio, 3) / 3 }

// score fills Score (0–100): the weighted sum of min–max normalised NPV, political stability,
// headroom and proximity across the ranked destinations. A criterion on which all are equal
// counts as fully met for all, so it shifts every score alike and changes no order.
func (p *Plan) score(results []Result) {
	w := p.Scenario.Weights.Normalised()
	criteria := []struct {
		weight float64
		value  func(*Result) float64
	}{
		{w.NPV, func(r *Result) float64 { return r.NPV }},
		{w.Stability, func(r *Result) float64 { return r.Stability }},
		{w.Headroom, (*Result).Headroom},
		{w.Proximity, func(r *Result) float64 { return -r.DistanceKm }},
	}
	for _, c := range criteria {
		lo, hi := math.Inf(1), math.Inf(-1)
		for i := range results {
			if !results[i].Excluded {
				v := c.value(&results[i])
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
		for i := range results {
			r := &results[i]
			if r.Excluded {
				continue
			}
			norm := 1.0
			if hi > lo {
				norm = (c.value(r) - lo) / (hi - lo)
			}
			r.Score += 100 * c.weight * norm
		}
	}
}
