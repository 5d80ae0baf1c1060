package economics

import (
	"math"
	"runtime"
	"sync"
	"sync/atomic"

	"hashhaven/countries"
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
	var r Result
	p.newSearch(dests).find(&r, pr, newScratch(len(p.Batches)), make([]BatchResult, len(p.Batches)))
	return r.BreakevenHashprice, r.HasBreakevenHashprice, r.BreakevenOriginPower, r.HasBreakevenOriginPower
}

// AddBreakevens fills the break-even figures of every ranked destination in results. Each grid
// point's plan and baseline are worked out once for all destinations, and the destinations are
// searched on every core.
func (p *Plan) AddBreakevens(dests []countries.Country, results []Result) {
	var rows []*Result
	for i := range results {
		if r := &results[i]; r.Kind == Destination && !r.Excluded {
			rows = append(rows, r)
		}
	}
	if len(rows) == 0 {
		return
	}
	// A probe per row without looking through dests for each: the last of an id, as probe does.
	at := make(map[string]int, len(dests))
	for i := range dests {
		at[dests[i].ID] = i
	}
	pr, _ := p.probe(dests, "")
	s := p.newSearch(dests)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(rows)) {
		wg.Go(func() {
			w, batches := newScratch(len(p.Batches)), make([]BatchResult, len(p.Batches))
			for i := int(next.Add(1)) - 1; i < len(rows); i = int(next.Add(1)) - 1 {
				if j, ok := at[rows[i].ID]; ok && rows[i].ID != p.OriginID {
					pr := pr
					pr.dest = dests[j]
					s.find(rows[i], pr, w, batches)
				}
			}
		})
	}
	wg.Wait()
}

// search is what both break-even searches share across destinations: the plan, with its
// baseline, at each point of their grids.
type search struct {
	p      *Plan
	plan   *Plan // today's inputs; nil where they make no plan
	today  float64
	scales []gridPoint // hashprice search, k × today's; nil where today's is not above 0
	prices []gridPoint // origin power search; nil where the fleet cannot stay
	origin *countries.Country
}

// gridPoint is one point of a search's grid: the plan and its baseline there, plan nil
// where the inputs make none.
type gridPoint struct {
	x    float64
	plan *Plan
	base notMoving
}

func (p *Plan) newSearch(dests []countries.Country) *search {
	s := &search{p: p}
	if len(p.Batches) == 0 {
		return s
	}
	for i := range dests {
		if dests[i].ID == p.OriginID {
			s.origin = &dests[i]
		}
	}
	cat := p.catalogue()
	plan, err := NewPlan(p.Scenario, cat, dests)
	if err != nil {
		return s
	}
	s.plan = plan
	if s.today = p.Scenario.Market.Algorithms[p.Batches[0].Machine.Algorithm].USDPerUnitDay.Value; s.today > 0 {
		for _, k := range logGrid(0.01, 100, 30) {
			g := gridPoint{x: k}
			if g.plan, err = NewPlan(scaled(p.Scenario, k), cat, dests); err == nil {
				g.base = g.plan.notMoving(s.origin)
			}
			s.scales = append(s.scales, g)
		}
	}
	if StayPossible(s.origin) {
		for _, price := range linearGrid(0, 1, 30) {
			o := *s.origin
			o.Power.PriceUSDPerKWh.Value = price
			s.prices = append(s.prices, gridPoint{x: price, plan: plan, base: plan.notMoving(&o)})
		}
	}
	return s
}

// find fills r's break-evens for the destination of pr, with w and batches to work in.
func (s *search) find(r *Result, pr probe, w *scratch, batches []BatchResult) {
	if s.plan == nil {
		return
	}
	p, dest := s.p, &pr.dest
	site := s.plan.site(dest, false) // the same at every grid point: the origin does not move
	gain := func(g *gridPoint) float64 {
		if g.plan == nil {
			return math.NaN()
		}
		r := g.plan.fill(dest, &site, &g.base, w, batches)
		guardFinite(&r)
		return moveAllGain(r, true)
	}
	if s.scales != nil {
		k, ok := crossing(s.scales, func(g *gridPoint) float64 {
			g.plan.valueAll(&site, w)
			return gain(g)
		}, func(k float64) float64 {
			return moveAllGain(pr.row(scaled(p.Scenario, k), pr.origin, pr.dest))
		})
		r.BreakevenHashprice, r.HasBreakevenHashprice = k*s.today, ok
	}
	if s.prices != nil {
		s.plan.valueAll(&site, w) // the destination's machines are worth the same at any origin price
		r.BreakevenOriginPower, r.HasBreakevenOriginPower = crossing(s.prices, gain, func(price float64) float64 {
			o := *pr.origin
			o.Power.PriceUSDPerKWh.Value = price
			return moveAllGain(pr.row(p.Scenario, &o, pr.dest))
		})
	}
}

// moveAllGain is what moving everything that fits adds to not moving; NaN where the row is
// missing or excluded, so a search skips it.
func moveAllGain(r Result, ok bool) float64 {
	if !ok || r.Excluded {
		return math.NaN()
	}
	return r.MoveAllGain
}

// crossing finds where a destination's value crosses zero: the first sign change along the
// grid (valued by at), refined by regula falsi on one, its value anywhere.
func crossing(grid []gridPoint, at func(*gridPoint) float64, one func(x float64) float64) (float64, bool) {
	prev, yPrev := -1, 0.0
	for i := range grid {
		g := &grid[i]
		y := at(g)
		switch {
		case math.IsNaN(y):
			prev = -1
			continue
		case y == 0:
			return g.x, true
		case prev >= 0 && (y > 0) != (yPrev > 0):
			return refine(one, grid[prev].x, yPrev, g.x, y), true
		}
		prev, yPrev = i, y
	}
	return 0, false
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
