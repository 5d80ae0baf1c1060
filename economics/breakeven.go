package economics

import (
	"math"
	"slices"

	"hashhaven/countries"
	"hashhaven/scenario"
)

// Breakeven finds, for destination id, the month-0 hashprice of the fleet's first algorithm
// (every month and algorithm scaled alike) at which moving everything that fits gains exactly
// nothing over not moving, and the origin's power price at which not moving and that move are
// worth the same. ok is false where none lies in a wide range (0.01× to 100× today's hashprice;
// 0 to 1 USD/kWh) or the row is not a destination.
func (p *Plan) Breakeven(dests []countries.Country, id string) (hashprice float64, okHashprice bool, originPower float64, okPower bool) {
	pr, found := p.probe(dests, id)
	if !found {
		return 0, false, 0, false
	}
	single := func(one func(id string, x float64) float64) func(float64) map[string]float64 {
		return func(x float64) map[string]float64 { return map[string]float64{id: one(id, x)} }
	}
	h, o := p.breakevens(dests, []string{id}, map[string]probe{id: pr}, single)
	hashprice, okHashprice = h[id]
	originPower, okPower = o[id]
	return hashprice, okHashprice, originPower, okPower
}

// AddBreakevens fills the break-even figures of every ranked destination in results. The
// search grid is valued for all destinations at once, so a large data set costs a few
// rankings per grid point rather than one per destination.
func (p *Plan) AddBreakevens(dests []countries.Country, results []Result) {
	probes := map[string]probe{}
	var ids []string
	for i := range results {
		r := &results[i]
		if r.Kind != Destination || r.Excluded {
			continue
		}
		if pr, ok := p.probe(dests, r.ID); ok {
			probes[r.ID] = pr
			ids = append(ids, r.ID)
		}
	}
	if len(ids) == 0 {
		return
	}
	hashprices, powers := p.breakevens(dests, ids, probes, nil)
	for i := range results {
		r := &results[i]
		r.BreakevenHashprice, r.HasBreakevenHashprice = hashprices[r.ID]
		r.BreakevenOriginPower, r.HasBreakevenOriginPower = powers[r.ID]
	}
}

// breakevens runs both searches for ids. perGrid builds, from the one-destination valuation,
// the valuation of every id at a grid point; nil ranks dests as a whole instead.
func (p *Plan) breakevens(dests []countries.Country, ids []string, probes map[string]probe,
	perGrid func(one func(id string, x float64) float64) func(float64) map[string]float64) (hashprices, powers map[string]float64) {
	hashprices, powers = map[string]float64{}, map[string]float64{}
	if len(p.Batches) == 0 {
		return hashprices, powers
	}
	cat := p.catalogue()
	whole := func(sc scenario.Scenario, ds []countries.Country) map[string]float64 {
		out := map[string]float64{}
		if plan, err := NewPlan(sc, cat, ds); err == nil {
			for _, r := range plan.Rank(ds) {
				out[r.ID] = moveAllGain(r, true)
			}
		}
		return out
	}

	oneAtScale := func(id string, k float64) float64 {
		pr := probes[id]
		return moveAllGain(pr.row(scaled(p.Scenario, k), pr.origin, pr.dest))
	}
	atScale := func(k float64) map[string]float64 { return whole(scaled(p.Scenario, k), dests) }
	if perGrid != nil {
		atScale = perGrid(oneAtScale)
	}
	if today := p.Scenario.Market.Algorithms[p.Batches[0].Machine.Algorithm].USDPerUnitDay.Value; today > 0 {
		for id, k := range crossings(logGrid(0.01, 100, 30), ids, atScale, oneAtScale) {
			hashprices[id] = k * today
		}
	}

	var origin *countries.Country
	for i := range dests {
		if dests[i].ID == p.OriginID {
			origin = &dests[i]
		}
	}
	if !StayPossible(origin) {
		return hashprices, powers
	}
	oneAtPrice := func(id string, price float64) float64 {
		pr := probes[id]
		o := *pr.origin
		o.Power.PriceUSDPerKWh.Value = price
		return moveAllGain(pr.row(p.Scenario, &o, pr.dest))
	}
	atPrice := func(price float64) map[string]float64 {
		ds := slices.Clone(dests)
		for i := range ds {
			if ds[i].ID == p.OriginID {
				ds[i].Power.PriceUSDPerKWh.Value = price
			}
		}
		return whole(p.Scenario, ds)
	}
	if perGrid != nil {
		atPrice = perGrid(oneAtPrice)
	}
	return hashprices, crossings(linearGrid(0, 1, 30), ids, atPrice, oneAtPrice)
}

// moveAllGain is what moving everything that fits adds to not moving; NaN where the row is
// missing or excluded, so a search skips it.
func moveAllGain(r Result, ok bool) float64 {
	if !ok || r.Excluded {
		return math.NaN()
	}
	return r.MoveAllGain
}

// crossings finds, for each id, where its value crosses zero: the first sign change along the
// grid (valued for all ids at once by atGrid), refined on that id alone by regula falsi.
func crossings(grid []float64, ids []string, atGrid func(float64) map[string]float64, one func(id string, x float64) float64) map[string]float64 {
	values := make([]map[string]float64, len(grid))
	for i, x := range grid {
		values[i] = atGrid(x)
	}
	out := map[string]float64{}
	for _, id := range ids {
		prev := -1
		for i := range grid {
			y, ok := values[i][id]
			if !ok || math.IsNaN(y) {
				prev = -1
				continue
			}
			if y == 0 {
				out[id] = grid[i]
				break
			}
			if prev >= 0 && (y > 0) != (values[prev][id] > 0) {
				out[id] = refine(func(x float64) float64 { return one(id, x) }, grid[prev], values[prev][id], grid[i], y)
				break
			}
			prev = i
		}
	}
	return out
}

// refine narrows a bracket [a, b], f(a) and f(b) of opposite signs, to the root by regula
// falsi with the Illinois step, which keeps one end from sticking.
func refine(f func(float64) float64, a, fa, b, fb float64) float64 {
	side := 0
	for range 60 {
		c := (a*fb - b*fa) / (fb - fa)
		fc := f(c)
		switch {
		case math.IsNaN(fc):
			return (a + b) / 2
		case fc == 0 || math.Abs(b-a) <= 1e-10*math.Abs(c):
			return c
		case (fc > 0) == (fb > 0):
			b, fb = c, fc
			if side == -1 {
				fa /= 2
			}
			side = -1
		default:
			a, fa = c, fc
			if side == 1 {
				fb /= 2
			}
			side = 1
		}
	}
	return (a*fb - b*fa) / (fb - fa)
}
func logGrid(lo, hi float64, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = lo * math.Pow(hi/lo, float64(i)/float64(n-1))
	}
	return out
}
func linearGrid(lo, hi float64, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = lo + (hi-lo)*float64(i)/float64(n-1)
	}
	return out
}
