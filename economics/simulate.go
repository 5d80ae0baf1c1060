package economics

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"hashhaven/countries"
)

// Uncertainty is a row's outcome over simulated futures: the mean and percentiles of its value
// (USD) and PWorse, the share of futures in which it ends below not moving.
type Uncertainty struct{ Mean, P10, P50, P90, PWorse float64 }

// DefaultPaths is the number of simulated futures when none is asked for: enough for bands
// that barely move from one seed to the next.
const DefaultPaths = 10000

// SimOptions says how many futures to simulate and how.
type SimOptions struct {
	Paths   int    // DefaultPaths when 0 or less
	Seed    uint64 // the same seed gives the same bands, whatever the number of workers
	Workers int    // goroutines; 0 or less uses every core (runtime.GOMAXPROCS)
	// Progress, when set, is called from the workers (concurrently, possibly out of order)
	// after every few hundred paths with the number of paths done so far.
	Progress func(done, total int)
	// Split, when set, is simulated too, its band under SplitID.
	Split *Portfolio
}

// AttachBands gives each row of results its band from bands (as Simulate returns them).
func AttachBands(results []Result, bands map[string]Uncertainty) {
	for i := range results {
		if u, ok := bands[results[i].ID]; ok {
			results[i].Band = &u
		} else {
			results[i].Band = nil
		}
	}
}

// SplitID is the key of the fleet split's band among the rows'; no destination id can take
// it, since ids are lower-case letters, digits and dashes.
const SplitID = "(split)"

// pathsPerChunk is how many paths a worker takes at a time: the unit of progress reports and
// of checks for cancellation.
const pathsPerChunk = 256

// Simulate runs the spec's simulation for the rows of results (as Rank returned them for
// dests): each ranked row's plan is the deterministic one (which machines move, each
// machine's sale month T); only the paying months, the levy and survival change per path.
// Every ranked row gets an entry under its id; excluded rows get none.
func (p *Plan) Simulate(ctx context.Context, dests []countries.Country, results []Result, o SimOptions) (map[string]Uncertainty, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	sim, err := p.newSimulation(dests, results, o.Split)
	if err != nil {
		return nil, err
	}
	paths := o.Paths
	if paths <= 0 {
		paths = DefaultPaths
	}
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	chunks := (paths + pathsPerChunk - 1) / pathsPerChunk
	workers = min(workers, chunks)

	values := make([]float64, len(sim.series)*paths) // series-major: values[k*paths+path]
	worse := make([][]int, workers)                  // per worker, per series; added up after
	var next, done atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			scratch := sim.newScratch()
			for ctx.Err() == nil {
				from := int(next.Add(1)-1) * pathsPerChunk
				if from >= paths {
					break
				}
				to := min(from+pathsPerChunk, paths)
				for path := from; path < to; path++ {
					sim.run(scratch, o.Seed, path, values, paths)
				}
				if n := done.Add(int64(to - from)); o.Progress != nil {
					o.Progress(int(n), paths)
				}
			}
			worse[w] = scratch.worse
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	bands := summarise(values, paths, workers)
	for k := range sim.series {
		n := 0
		for w := range worse {
			n += worse[w][k]
		}
		bands[k].PWorse = float64(n) / float64(paths)
	}
	out := make(map[string]Uncertainty, len(sim.rowSeries))
	for id, k := range sim.rowSeries {
		out[id] = bands[k]
	}
	return out, nil
}

// simulation is a ranking prepared for simulating: the site and batch pairs ("lanes") whose
// value varies from path to path, and how rows combine them. It is read-only while running.
type simulation struct {
	horizon    int
	lastMonth  int       // the latest month a sale needs the path's hashprice for
	discount   []float64 // δ(k), k = 0…horizon
	algorithms []simAlgorithm
	sites      []simSite
	lanes      []lane // the origin's for the batches that stay, then each moving row's
	batches    []simBatch
	// series are the distinct path values: 0 is not moving (the stay row's, and that of every
	// row that moves nothing), then one per row that moves machines and one for selling
	// everything now (the same on every path).
	series    []simSeries
	sellTotal float64
	rowSeries map[string]int // each ranked row's series
	siteOf    map[string]int // each site's index, by destination id (the origin's when staying)
	laneOf    map[laneKey]int
}

type laneKey struct{ site, batch int }

type simAlgorithm struct {
	hashprice []float64 // the deterministic trend, months 0…horizon−1
	sigma     float64
}

// simSite is a place's risks: a forced shutdown and the levy shock.
type simSite struct{ shutdown, shock monthlyEvent }

// monthlyEvent is something that happens at most once, in any month with the same chance.
type monthlyEvent struct {
	logNot   float64 // ln(1 − the monthly chance)
	allClear float64 // the chance it has not happened by the first month that no longer matters
}

// lane is one machine of a batch at a site, as fixed by the deterministic plan.
type lane struct {
	batch, algorithm, site int
	start, exit            int     // runs in start ≤ m < exit when the month pays; sold at exit
	revenue                float64 // per unit of the path's hashprice
	cost, shockedCost      float64 // a running month's cost before and after the levy shock
	keep                   float64 // 1 − corporate income tax
	sale                   float64 // resale(exit) · δ(exit) on the trend
	relocation             float64
}

type simBatch struct {
	count      float64
	sell       float64 // S_b
	originLane int     // the lane of staying at the origin; −1 when the baseline sells
}

// simSeries is a row's value on a path: not moving, plus count × (lane value − the batch's
// baseline value) over lanes[from:to].
type simSeries struct {
	from, to int
	counts   []float64 // machines moved, per lane in [from, to)
	sell     bool
	// split, when set, is a whole allocation: machines per lane, plus what is sold for sure.
	split *simSplit
}

type simSplit struct {
	lanes  []int
	counts []float64
	sold   float64
}

// pathScratch is a worker's memory, reused from path to path.
type pathScratch struct {
	source    *rand.PCG
	random    *rand.Rand
	hashprice [][]float64 // per algorithm, this path's hashprice, months 0…horizon−1
	drift     [][]float64 // per algorithm, this path's hashprice over the trend, months 0…lastMonth
	survived  []int       // per site: months it operates before a forced shutdown
	shocked   []int       // per site: the month the levy shock arrives
	laneValue []float64
	baseline  []float64 // A_p per batch
	worse     []int     // per series: paths on which it ends below not moving
}

func (p *Plan) newSimulation(dests []countries.Country, results []Result, split *Portfolio) (*simulation, error) {
	sim := &simulation{horizon: p.Scenario.Horizon(), discount: p.discount, rowSeries: map[string]int{},
		siteOf: map[string]int{}, laneOf: map[laneKey]int{}}
	sim.lastMonth = sim.horizon
	var origin *countries.Country
	for i := range dests {
		if dests[i].ID == p.OriginID {
			origin = &dests[i]
		}
	}
	algorithmIndex := map[string]int{}
	batchAlgorithm := make([]int, len(p.Batches))
	for i, b := range p.Batches {
		name := b.Machine.Algorithm
		if _, seen := algorithmIndex[name]; !seen {
			algorithmIndex[name] = len(sim.algorithms)
			sim.algorithms = append(sim.algorithms, simAlgorithm{hashprice: b.hashprice,
				sigma: p.Scenario.Market.Algorithms[name].MonthlyVolatility.Value})
		}
		batchAlgorithm[i] = algorithmIndex[name]
	}
	// at adds the site of c and returns what adds a batch's lane there.
	at := func(c *countries.Country, stay bool) (addLane func(batch int)) {
		s := p.site(c, stay)
		shocked := s
		shocked.allIn = shockedAllIn(c)
		siteIndex := len(sim.sites)
		sim.sites = append(sim.sites, simSite{shutdown: monthlyEvent{logNot: s.logSurvive},
			shock: monthlyEvent{logNot: math.Log1p(-c.Risk.LevyShock.AnnualProbability.Value) / 12}})
		sim.siteOf[c.ID] = siteIndex
		return func(i int) {
			sim.laneOf[laneKey{siteIndex, i}] = len(sim.lanes)
			b := &p.Batches[i]
			v := p.value(b, &s)
			sim.lanes = append(sim.lanes, lane{batch: i, algorithm: batchAlgorithm[i], site: siteIndex,
				start: s.start, exit: v.exit, revenue: b.revenue * s.uptime, cost: v.cost,
				shockedCost: p.value(b, &shocked).cost, keep: 1 - s.tax,
				sale: b.Resale(v.exit) * p.discountAt(v.exit), relocation: v.relocation()})
			sim.lastMonth = max(sim.lastMonth, v.exit)
		}
	}

	adders := map[string]func(int){} // one site per place, shared by the rows and the split
	siteAt := func(c *countries.Country, stay bool) func(int) {
		if add, ok := adders[c.ID]; ok {
			return add
		}
		adders[c.ID] = at(c, stay)
		return adders[c.ID]
	}
	// laneAt is the lane of batch i at c's site, added when no row needed it yet.
	laneAt := func(c *countries.Country, stay bool, i int) int {
		add := siteAt(c, stay)
		key := laneKey{sim.siteOf[c.ID], i}
		if _, ok := sim.laneOf[key]; !ok {
			add(i)
		}
		return sim.laneOf[key]
	}

	base := p.notMoving(origin)
	sim.batches = make([]simBatch, len(p.Batches))
	var stayLane func(int)
	if base.canStay {
		stayLane = siteAt(origin, true)
	}
	for i, b := range p.Batches {
		sim.batches[i] = simBatch{count: float64(b.Count), sell: b.sellValue, originLane: -1}
		if base.altKind[i] == Stay {
			sim.batches[i].originLane = len(sim.lanes)
			stayLane(i)
		}
		sim.sellTotal += float64(b.Count) * b.sellValue
	}

	sim.series = []simSeries{{}}
	for i := range results {
		r := &results[i]
		if r.Excluded {
			continue
		}
		if len(r.Batches) != len(p.Batches) {
			return nil, fmt.Errorf("row %s has %d batches, the fleet %d", r.ID, len(r.Batches), len(p.Batches))
		}
		switch r.Kind {
		case Sell:
			sim.rowSeries[r.ID] = len(sim.series)
			sim.series = append(sim.series, simSeries{sell: true})
			continue
		case Stay:
			sim.rowSeries[r.ID] = 0
			continue
		}
		if r.MovedMachines == 0 {
			sim.rowSeries[r.ID] = 0
			continue
		}
		c := findCountry(dests, r.ID)
		if c == nil {
			return nil, fmt.Errorf("row %s is not among the destinations", r.ID)
		}
		moveLane, from := siteAt(c, false), len(sim.lanes)
		var counts []float64
		for j, br := range r.Batches {
			if br.Move > 0 {
				moveLane(j)
				counts = append(counts, float64(br.Move))
			}
		}
		sim.rowSeries[r.ID] = len(sim.series)
		sim.series = append(sim.series, simSeries{from: from, to: len(sim.lanes), counts: counts})
	}
	if split != nil {
		sp := &simSplit{}
		for _, a := range split.Allocations {
			i := slices.IndexFunc(p.Batches, func(b Batch) bool { return b.Machine.ID == a.Machine })
			if i < 0 {
				return nil, fmt.Errorf("the split places %s, which is not in the fleet", a.Machine)
			}
			var lane int
			switch c := findCountry(dests, a.Option); {
			case a.Kind == Sell:
				sp.sold += float64(a.Count) * p.Batches[i].sellValue
				continue
			case c == nil:
				return nil, fmt.Errorf("the split places machines at %s, which is not among the destinations", a.Option)
			default:
				lane = laneAt(c, a.Kind == Stay, i)
			}
			sp.lanes = append(sp.lanes, lane)
			sp.counts = append(sp.counts, float64(a.Count))
		}
		sim.rowSeries[SplitID] = len(sim.series)
		sim.series = append(sim.series, simSeries{split: sp})
	}
	for i := range sim.sites {
		for _, e := range []*monthlyEvent{&sim.sites[i].shutdown, &sim.sites[i].shock} {
			e.allClear = math.Exp(float64(sim.never()) * e.logNot)
		}
	}
	return sim, nil
}

// shockedAllIn is the all-in power price after the levy shock: the per-kWh mining levy
// multiplied. A shock with no multiplier given changes nothing.
func shockedAllIn(c *countries.Country) float64 {
	multiplier := c.Risk.LevyShock.Multiplier
	if !multiplier.Set {
		multiplier.Value = 1
	}
	levyUSD := c.Taxes.MiningLevyPerKWh.Value * multiplier.Value * c.USDPerLocal.Value
	return (c.Power.PriceUSDPerKWh.Value + levyUSD) * (1 + c.Taxes.LevyShareOfPowerBill.Value)
}

func findCountry(dests []countries.Country, id string) *countries.Country {
	for i := range dests {
		if dests[i].ID == id {
			return &dests[i]
		}
	}
	return nil
}

func (sim *simulation) newScratch() *pathScratch {
	source := rand.NewPCG(0, 0)
	sc := &pathScratch{source: source, random: rand.New(source),
		survived: make([]int, len(sim.sites)), shocked: make([]int, len(sim.sites)),
		laneValue: make([]float64, len(sim.lanes)), baseline: make([]float64, len(sim.batches)),
		worse: make([]int, len(sim.series))}
	for range sim.algorithms {
		sc.hashprice = append(sc.hashprice, make([]float64, sim.horizon))
		sc.drift = append(sc.drift, make([]float64, sim.lastMonth+1))
	}
	return sc
}

// run simulates one path and stores every series' value on it in values[k*paths+path]. The
// path's random numbers come from (seed, path) alone, so any worker can run any path.
func (sim *simulation) run(sc *pathScratch, seed uint64, path int, values []float64, paths int) {
	sc.source.Seed(seed, mix(uint64(path)))
	never := sim.never()
	for s, site := range sim.sites {
		sc.survived[s] = site.shutdown.monthsBefore(sc.random.Float64(), never)
		sc.shocked[s] = site.shock.monthsBefore(sc.random.Float64(), never)
	}
	for a, alg := range sim.algorithms {
		drift, hashprice := sc.drift[a], sc.hashprice[a]
		walk := 0.0
		drift[0] = 1
		for m := 1; m < len(drift); m++ {
			walk += sc.random.NormFloat64()
			drift[m] = math.Exp(alg.sigma*walk - alg.sigma*alg.sigma*float64(m)/2)
		}
		for m := range hashprice {
			hashprice[m] = alg.hashprice[m] * drift[m]
		}
	}
	for i := range sim.lanes {
		l := &sim.lanes[i]
		sc.laneValue[i] = l.value(sc.hashprice[l.algorithm], sc.drift[l.algorithm], sim.discount,
			sc.survived[l.site], sc.shocked[l.site])
	}
	notMoving := 0.0
	for i, b := range sim.batches {
		sc.baseline[i] = b.sell
		if b.originLane >= 0 {
			sc.baseline[i] = sc.laneValue[b.originLane]
		}
		notMoving += b.count * sc.baseline[i]
	}
	values[path] = notMoving
	for k := 1; k < len(sim.series); k++ {
		s := &sim.series[k]
		if s.split != nil {
			v := s.split.sold
			for j, l := range s.split.lanes {
				v += s.split.counts[j] * sc.laneValue[l]
			}
			values[k*paths+path] = v
			if v < notMoving {
				sc.worse[k]++
			}
			continue
		}
		if s.sell {
			values[k*paths+path] = sim.sellTotal
			if sim.sellTotal < notMoving {
				sc.worse[k]++
			}
			continue
		}
		gain := 0.0
		for j, l := range sim.lanes[s.from:s.to] {
			gain += s.counts[j] * (sc.laneValue[s.from+j] - sc.baseline[l.batch])
		}
		values[k*paths+path] = notMoving + gain
		if gain < 0 {
			sc.worse[k]++
		}
	}
}

// value is one machine's value on a path: the months that pay before the site is shut down,
// at the running cost before and after the levy shock, and the sale if the site still
// operates then, at a used price that follows the path's hashprice.
func (l *lane) value(hashprice, drift, discount []float64, survived, shocked int) float64 {
	end := min(l.exit, survived)
	split := min(max(shocked, l.start), end)
	cash := paying(hashprice, discount, l.start, split, l.revenue, l.cost) +
		paying(hashprice, discount, split, end, l.revenue, l.shockedCost)
	v := l.keep*cash - l.relocation
	if l.exit <= survived {
		v += l.sale * drift[l.exit]
	}
	return v
}

// paying is the discounted pre-tax margin of the months from ≤ m < to that pay.
func paying(hashprice, discount []float64, from, to int, revenue, cost float64) float64 {
	if from >= to {
		return 0
	}
	hashprice = hashprice[from:to]
	discount = discount[from+1 : to+1]
	discount = discount[:len(hashprice)]
	cash := 0.0
	for m, h := range hashprice {
		if margin := revenue*h - cost; margin > 0 {
			cash += margin * discount[m]
		}
	}
	return cash
}

// never is the first month past every one a path needs: an event from then on changes nothing.
func (sim *simulation) never() int { return sim.lastMonth + 1 }

// monthsBefore is the number of whole months before the event, from one uniform draw
// (geometric: P(result ≥ k) = (1 − chance)^k), or never when it comes too late to matter or
// cannot come at all. Most draws end there, without a logarithm.
func (e monthlyEvent) monthsBefore(uniform float64, never int) int {
	left := 1 - uniform // in (0, 1]
	if left <= e.allClear {
		return never
	}
	return int(math.Log(left) / e.logNot)
}

// mix spreads path numbers over the generator's state, so neighbouring paths get unrelated
// streams (splitmix64's finaliser).
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// summarise is each series' mean and percentiles, the series shared out over the workers.
func summarise(values []float64, paths, workers int) []Uncertainty {
	bands := make([]Uncertainty, len(values)/paths)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, len(bands)) {
		wg.Go(func() {
			for {
				k := int(next.Add(1) - 1)
				if k >= len(bands) {
					return
				}
				series := values[k*paths : (k+1)*paths]
				sum := 0.0
				for _, v := range series {
					sum += v
				}
				bands[k] = Uncertainty{Mean: sum / float64(paths), P10: percentile(series, 0.1),
					P50: percentile(series, 0.5), P90: percentile(series, 0.9)}
			}
		})
	}
	wg.Wait()
	return bands
}

// percentile interpolates linearly between the order statistics around q·(n−1), the usual
// definition in spreadsheets and numerical libraries. It reorders values, finding the two
// order statistics by selection rather than sorting them all.
func percentile(values []float64, q float64) float64 {
	h := q * float64(len(values)-1)
	i := int(h)
	selectNth(values, i)
	if i+1 == len(values) || h == float64(i) {
		return values[i]
	}
	next := slices.Min(values[i+1:]) // everything after i is at least values[i]
	return values[i] + (h-float64(i))*(next-values[i])
}

// selectNth reorders values so that values[k] is the one a sort would put there, nothing
// before it larger and nothing after it smaller (Hoare's selection, median-of-three pivot).
func selectNth(values []float64, k int) {
	lo, hi := 0, len(values)-1
	for lo < hi {
		a, b, c := values[lo], values[lo+(hi-lo)/2], values[hi]
		pivot := max(min(a, b), min(max(a, b), c))
		i, j := lo, hi
		for i <= j {
			for values[i] < pivot {
				i++
			}
			for values[j] > pivot {
				j--
			}
			if i <= j {
				values[i], values[j] = values[j], values[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default: // between j and i every value equals the pivot
			return
		}
	}
}
