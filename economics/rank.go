package economics

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"

	"hashhaven/countries"
)

// Rank values every option — each destination, staying (when the origin allows it) and
// selling the whole fleet — scores the ones with a site and orders them: ranked rows by NPV,
// highest first, ties by the gain of moving every machine that fits, then id; excluded
// destinations last. The origin appears only as the stay row.
func (p *Plan) Rank(dests []countries.Country) []Result {
	var origin *countries.Country
	originAt := -1
	for i := range dests {
		if dests[i].ID == p.OriginID {
			origin, originAt = &dests[i], i
		}
	}
	base := p.notMoving(origin)
	nb := len(p.Batches)
	results := make([]Result, len(dests), len(dests)+1) // each destination at its index
	batches := make([]BatchResult, len(dests)*nb)       // one block for every destination's batches
	inParts(len(dests), func(from, to int) {
		work := newScratch(nb)
		for i := from; i < to; i++ {
			if &dests[i] != origin {
				results[i] = p.destination(&dests[i], &base, work, batches[i*nb:(i+1)*nb:(i+1)*nb])
			}
		}
	})
	if origin != nil { // the origin's place goes to the stay row, or to none
		if base.canStay {
			results[originAt] = p.stay(origin, &base)
		} else {
			results = slices.Delete(results, originAt, originAt+1)
		}
	}
	results = append(results, p.sell(&base))
	for i := range results {
		guardFinite(&results[i])
	}
	sortResults(results)
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

// ByNPV is the ranking's order: ranked before excluded, then NPV highest first, then the
// gain of moving everything that fits, then id, so the order is total.
func ByNPV(a, b Result) int { return byNPV(&a, &b) }

func byNPV(a, b *Result) int {
	if a.Excluded != b.Excluded {
		return boolCmp(a.Excluded, b.Excluded)
	}
	if c := compareMoney(b.NPV, a.NPV); c != 0 {
		return c
	}
	if c := compareMoney(b.MoveAllGain, a.MoveAllGain); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

// compareMoney compares two amounts, taking those that differ only in the last digits of a
// float (the same plan summed in another order) as equal, so ties fall to the next key.
func compareMoney(a, b float64) int {
	if math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b)) {
		return 0
	}
	return cmp.Compare(a, b)
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

// sortResults puts results in ranking order, moving each row once: rows are large, so their
// positions are sorted first.
func sortResults(results []Result) {
	order := make([]int, len(results))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return byNPV(&results[a], &results[b]) })
	permute(results, order)
}

// permute puts results[order[i]] at position i, in place, following each cycle of the
// permutation once (order is used up).
func permute(results []Result, order []int) {
	for start := range order {
		if order[start] < 0 {
			continue
		}
		held := results[start]
		i := start
		for {
			j := order[i]
			order[i] = -1
			if j == start {
				results[i] = held
				break
			}
			results[i] = results[j]
			i = j
		}
	}
}

// guardFinite excludes a row whose inputs push a figure past what a float can hold, so no
// screen or export ever shows Inf or NaN.
func guardFinite(r *Result) {
	bad := false
	fix := func(f *float64) {
		if math.IsNaN(*f) || math.IsInf(*f, 0) {
			*f, bad = 0, true
		}
	}
	for _, f := range [...]*float64{&r.FacilityKW, &r.Deployable, &r.HeadroomRatio, &r.AllInUSDPerKWh, &r.EnergyKWh,
		&r.MonthlyRevenue, &r.MonthlyPower, &r.MonthlyLevy, &r.MonthlyPowerCost, &r.MonthlyOpex, &r.MonthlyTax,
		&r.MonthlyNet, &r.DistanceKm, &r.Freight, &r.Duty, &r.Setup, &r.Relocation, &r.NPV, &r.Gain,
		&r.MoveAllGain, &r.Breakeven} {
		fix(f)
	}
	for i := range r.Batches {
		fix(&r.Batches[i].Value)
		fix(&r.Batches[i].AlternativeValue)
		fix(&r.Batches[i].Relocation)
	}
	if bad && !r.Excluded {
		r.Excluded, r.ExcludedReason = true, "figures out of range: check the inputs"
	}
}

// Headroom is the score's capacity criterion: spare capacity over the fleet's load, capped
// at three times (more room than that is no better), scaled to 0–1.
func (r *Result) Headroom() float64 { return math.Min(r.HeadroomRatio, 3) / 3 }

// score fills Score (0–100) for ranked rows with a site (destinations and stay): the weighted
// sum of min–max normalised NPV, political stability, headroom and proximity. A criterion on
// which all are equal counts as fully met for all, so it shifts every score alike.
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
	for i := range results {
		r := &results[i]
		r.Scored = !r.Excluded && r.Kind != Sell
	}
	for _, c := range criteria {
		lo, hi := math.Inf(1), math.Inf(-1)
		for i := range results {
			if results[i].Scored {
				v := c.value(&results[i])
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
		for i := range results {
			r := &results[i]
			if !r.Scored {
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

// NotMoving is the baseline's value: the stay row's NPV, or selling everything when the
// fleet cannot stay.
func NotMoving(results []Result) float64 {
	for _, r := range results {
		if r.Kind == Sell {
			return r.NPV - r.Gain
		}
	}
	return 0
}

// parallelFrom is how many destinations make it worth valuing them on every core.
const parallelFrom = 128

// inParts calls do over [0, n) in one contiguous part per core, side by side, or in one
// part here when n is small; each part has the indexes to itself.
func inParts(n int, do func(from, to int)) {
	parts := min(runtime.GOMAXPROCS(0), max(1, n/(parallelFrom/2)))
	if n < parallelFrom || parts < 2 {
		do(0, n)
		return
	}
	var wg sync.WaitGroup
	for k := range parts {
		wg.Go(func() { do(k*n/parts, (k+1)*n/parts) })
	}
	wg.Wait()
}
