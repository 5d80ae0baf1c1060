package economics

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"hashhaven/countries"
	"hashhaven/machines"
	"hashhaven/scenario"
)

// simCase is the uncertainty put on simFixture's market.
type simCase struct {
	sigma    float64 // monthly hashprice volatility
	shutdown float64 // annual forced-shutdown chance of every site
	shock    float64 // annual chance of a tenfold per-kWh levy at every site
	dests    int
}

// simFixture is a fleet of five models (3,000 machines) in Kazakhstan, where staying pays,
// and destinations with cheaper power, room for the whole fleet, set-up delays and levies,
// so that, at a low shutdown risk, every machine moves to each of them. It returns the plan, the destinations (the origin
// among them) and their ranking.
func simFixture(tb testing.TB, c simCase) (*Plan, []countries.Country, []Result) {
	tb.Helper()
	var cat []machines.Machine
	var fleet []scenario.Batch
	for i := range 5 {
		id := fmt.Sprintf("m%d", i)
		cat = append(cat, machines.Machine{ID: id, Name: id, Algorithm: "sha256", Unit: "TH/s",
			Hashrate: n(100 + 40*float64(i)), PowerW: n(3000 + 100*float64(i)), PriceUSD: n(300 + 400*float64(i)), WeightKg: n(15)})
		fleet = append(fleet, scenario.Batch{Machine: id, Count: 600})
	}
	shock := countries.LevyShock{AnnualProbability: n(c.shock), Multiplier: n(10)}
	origin := place("kz", 51, 75)
	origin.Currency, origin.USDPerLocal = "KZT", n(0.0021)
	origin.Power.PriceUSDPerKWh, origin.Power.Uptime = n(0.05), n(0.95)
	origin.Taxes.MiningLevyPerKWh, origin.Taxes.CorporateIncomeTax = n(1), n(0.2)
	origin.Risk.AnnualShutdownProbability, origin.Risk.LevyShock = n(c.shutdown), shock
	origin.Site.PUE = n(1.1)
	dests := []countries.Country{origin}
	for i := range c.dests {
		d := place(fmt.Sprintf("d%02d", i), float64(40+i%10), float64(60+i))
		d.Power.PriceUSDPerKWh, d.Power.Uptime, d.Power.AvailableMW = n(0.015+0.0005*float64(i)), n(0.9+0.003*float64(i%10)), n(100)
		d.Taxes.MiningLevyPerKWh, d.Taxes.CorporateIncomeTax = n(0.002*float64(i%3)), n(0.15)
		d.Site.PUE, d.Site.SetupUSDPerKW, d.Site.SetupMonths = n(1.05+0.01*float64(i%5)), n(10+float64(i)), n(float64(i%4))
		d.Risk.AnnualShutdownProbability, d.Risk.LevyShock = n(c.shutdown), shock
		dests = append(dests, d)
	}
	sc := scenario.Scenario{
		Origin: scenario.Origin{Country: "kz"},
		Fleet:  fleet,
		Market: scenario.Market{PoolFee: n(0.02), SaleFee: n(0.05), Algorithms: map[string]scenario.Algorithm{
			"sha256": {USDPerUnitDay: n(0.05), Unit: "TH/s", MonthlyChange: n(-0.01), HalvingMonth: n(17), FeeShare: n(0.01),
				ResaleMonthlyChange: n(-0.03), MonthlyVolatility: n(c.sigma)}}},
		FreightUSDPerKgPer1000km: n(0.3), HorizonMonths: n(36), DiscountRate: n(0.15),
		Weights: scenario.Weights{NPV: n(1)},
	}
	p, err := NewPlan(sc, machines.Catalogue{Machines: cat}, dests)
	if err != nil {
		tb.Fatal(err)
	}
	return p, dests, p.Rank(dests)
}

// fleetMachines is the catalogue entries of p's fleet, to build a changed plan from.
func fleetMachines(p *Plan) []machines.Machine {
	var cat []machines.Machine
	for _, b := range p.Batches {
		cat = append(cat, b.Machine)
	}
	return cat
}

func simulate(t *testing.T, p *Plan, dests []countries.Country, results []Result, o SimOptions) map[string]Uncertainty {
	t.Helper()
	bands, err := p.Simulate(context.Background(), dests, results, o)
	if err != nil {
		t.Fatal(err)
	}
	ranked := 0
	for _, r := range results {
		if !r.Excluded {
			ranked++
			if _, ok := bands[r.ID]; !ok {
				t.Fatalf("no band for ranked row %s", r.ID)
			}
		}
	}
	if len(bands) != ranked {
		t.Fatalf("%d bands for %d ranked rows", len(bands), ranked)
	}
	return bands
}

func relativelyNear(got, want, tolerance float64) bool {
	return math.Abs(got-want) <= tolerance*math.Max(1, math.Abs(want))
}

// With no volatility, no shocks and no shutdown risk every path is the deterministic plan:
// every band of every row is its NPV, and a row ends below not moving on all paths or none.
func TestSimulationWithoutUncertaintyIsTheDeterministicValue(t *testing.T) {
	p, dests, _ := simFixture(t, simCase{dests: 12})
	dests[5].Risk.LegalStatus = countries.Banned // excluded: no band
	results := p.Rank(dests)
	bands := simulate(t, p, dests, results, SimOptions{Paths: 500, Seed: 7})
	for _, r := range results {
		if r.Excluded {
			continue
		}
		b := bands[r.ID]
		for name, v := range map[string]float64{"mean": b.Mean, "P10": b.P10, "P50": b.P50, "P90": b.P90} {
			if !relativelyNear(v, r.NPV, 1e-6) {
				t.Errorf("%s %s = %.4f, want the NPV %.4f", r.ID, name, v, r.NPV)
			}
		}
		want := 0.0
		if r.Gain < -1e-6*math.Abs(r.NPV) {
			want = 1
		}
		if b.PWorse != want {
			t.Errorf("%s p_worse = %v, want %v (gain %.2f)", r.ID, b.PWorse, want, r.Gain)
		}
	}
	if byID(t, results, "d00").MovedMachines == 0 || byID(t, results, SellID).Gain >= 0 {
		t.Fatal("the fixture should move machines and make selling worse than staying")
	}
}

// A hand-worked case with shutdown risk only. Ten rigs (100 TH/s, 1 kW, $100 used, no sale fee,
// flat prices) earn $73 a month at $0.024/TH/day over two months, no discount, no tax:
//
//	home (origin): $0.06/kWh, margin 29.20 a month, survives a month with s = 0.8
//	    V = 29.20·0.8 + 29.20·0.64 + 100·0.64 = 106.048 > S = 100: the baseline stays.
//	    On a path the site operates D whole months, P(D ≥ k) = 0.8^k:
//	    D = 0 (20 %): 0;  D = 1 (16 %): 292;  D ≥ 2 (64 %): 10 × (58.40 + 100) = 1,584
//	    → P10 = 0, P50 = P90 = 1,584, mean ≈ 0.16·292 + 0.64·1,584 = 1,060.48
//	away: $0.03/kWh, margin 51.10, no risk, set-up $50/kW:
//	    V = −50 + 102.20 + 100 = 152.20 on every path; all ten move, the row is 1,522 always,
//	    below not moving whenever home survives (64 %).
//	sell: 1,000 always, below not moving whenever home survives (64 %).
func TestSimulationBandsHandWorked(t *testing.T) {
	home, away := place("home", 0, 0), place("away", 0, 0)
	home.Power.PriceUSDPerKWh = n(0.06)
	home.Risk.AnnualShutdownProbability = n(1 - math.Pow(0.8, 12))
	away.Power.PriceUSDPerKWh, away.Site.SetupUSDPerKW = n(0.03), n(50)
	sc := scenario.Scenario{
		Origin:                   scenario.Origin{Country: "home"},
		Fleet:                    []scenario.Batch{{Machine: "rig", Count: 10}},
		Market:                   scenario.Market{Algorithms: map[string]scenario.Algorithm{"sha256": {USDPerUnitDay: n(0.024), Unit: "TH/s"}}},
		FreightUSDPerKgPer1000km: n(0), HorizonMonths: n(2), DiscountRate: n(0), Weights: scenario.Weights{NPV: n(1)},
	}
	dests := []countries.Country{home, away}
	p := mustPlan(t, sc, []machines.Machine{rig("rig", 100, 1000, 100)}, dests)
	results := p.Rank(dests)
	near(t, "home NPV", byID(t, results, "home").NPV, 1060.48)
	const paths = 20000
	bands := simulate(t, p, dests, results, SimOptions{Paths: paths, Seed: 42})

	stay, moved, sold := bands["home"], bands["away"], bands[SellID]
	near(t, "stay P10", stay.P10, 0)
	near(t, "stay P50", stay.P50, 1584)
	near(t, "stay P90", stay.P90, 1584)
	near(t, "away P10", moved.P10, 1522)
	near(t, "away P90", moved.P90, 1522)
	near(t, "away mean", moved.Mean, 1522)
	near(t, "sell P50", sold.P50, 1000)
	if stay.PWorse != 0 {
		t.Errorf("stay p_worse = %v, want 0", stay.PWorse)
	}
	// Sampling: the mean's standard error is about 640/√20,000 ≈ 4.5, a share's about 0.0034.
	if math.Abs(stay.Mean-1060.48) > 20 {
		t.Errorf("stay mean %.2f, want about 1,060.48", stay.Mean)
	}
	if math.Abs(moved.PWorse-0.64) > 0.015 || moved.PWorse != sold.PWorse {
		t.Errorf("p_worse away %v, sell %v; want both about 0.64, equal (the same paths)", moved.PWorse, sold.PWorse)
	}
	// The seeded figures themselves, so a change to the draws shows.
	near(t, "seeded stay mean", stay.Mean, 1055.6258)
	if moved.PWorse != 0.637 {
		t.Errorf("seeded p_worse %v, want 0.637", moved.PWorse)
	}
}

// A regression of the bands with every kind of uncertainty at once, at a fixed seed.
func TestSimulationSeededRegression(t *testing.T) {
	p, dests, results := simFixture(t, simCase{sigma: 0.1, shutdown: 0.05, shock: 0.2, dests: 4})
	bands := simulate(t, p, dests, results, SimOptions{Paths: 4000, Seed: 2026})
	want := map[string]Uncertainty{
		"d00":  {Mean: 9.813221390997902e+06, P10: 5.627433032115303e+06, P50: 9.348938896890461e+06, P90: 1.4808935205517812e+07, PWorse: 0.04},
		"d01":  {Mean: 8.362008623132241e+06, P10: 4.359119848947412e+06, P50: 7.847678957222757e+06, P90: 1.3226231679099794e+07, PWorse: 0.0495},
		"d03":  {Mean: 8.051684377070731e+06, P10: 3.9120667184084454e+06, P50: 7.545467443728298e+06, P90: 1.298967414463083e+07, PWorse: 0.062},
		"d02":  {Mean: 7.095454231687541e+06, P10: 3.004812750961525e+06, P50: 6.586287764201932e+06, P90: 1.1963865606491234e+07, PWorse: 0.1745},
		"kz":   {Mean: 5.070452888273099e+06, P10: 2.376943703625623e+06, P50: 4.713566757747777e+06, P90: 8.258420738696277e+06, PWorse: 0},
		SellID: {Mean: 3.135e+06, P10: 3.135e+06, P50: 3.135e+06, P90: 3.135e+06, PWorse: 0.79525},
	}
	for id, got := range bands {
		w, ok := want[id]
		if !ok {
			t.Errorf("%s: %#v", id, got)
			continue
		}
		for name, pair := range map[string][2]float64{"mean": {got.Mean, w.Mean}, "P10": {got.P10, w.P10},
			"P50": {got.P50, w.P50}, "P90": {got.P90, w.P90}, "p_worse": {got.PWorse, w.PWorse}} {
			if !relativelyNear(pair[0], pair[1], 1e-9) {
				t.Errorf("%s %s = %.6f, want %.6f", id, name, pair[0], pair[1])
			}
		}
	}
}

// On random markets: percentiles in order, shares within 0–1, staying never worse than itself.
func TestSimulationBandsAreOrderedOnRandomInputs(t *testing.T) {
	random := rand.New(rand.NewPCG(1, 2))
	for trial := range 25 {
		c := simCase{sigma: 0.3 * random.Float64(), shutdown: 0.3 * random.Float64(), shock: random.Float64(),
			dests: 1 + random.IntN(6)}
		p, dests, _ := simFixture(t, c)
		alg := p.Scenario.Market.Algorithms["sha256"]
		alg.USDPerUnitDay = n(0.02 + 0.06*random.Float64())
		p.Scenario.Market.Algorithms = map[string]scenario.Algorithm{"sha256": alg}
		for i := range dests {
			dests[i].Power.PriceUSDPerKWh = n(0.01 + 0.08*random.Float64())
			dests[i].Power.AvailableMW = n(20 * random.Float64())
			dests[i].Site.SetupMonths = n(float64(random.IntN(50)))
		}
		p = mustPlan(t, p.Scenario, fleetMachines(p), dests)
		results := p.Rank(dests)
		bands := simulate(t, p, dests, results, SimOptions{Paths: 1000, Seed: uint64(trial)})
		for id, b := range bands {
			if !(b.P10 <= b.P50 && b.P50 <= b.P90) || math.IsNaN(b.Mean) || b.PWorse < 0 || b.PWorse > 1 {
				t.Errorf("trial %d %s: %+v", trial, id, b)
			}
		}
		if b, ok := bands["kz"]; ok && b.PWorse != 0 {
			t.Errorf("trial %d: staying worse than staying on %v of paths", trial, b.PWorse)
		}
	}
}

// Machines switch off in months that do not pay, so a row's value is convex in the hashprice
// and a mean-preserving spread of it cannot lower the mean: with the same seed (the same
// shutdowns and shocks), adding volatility keeps every row's mean at least where it was, up
// to sampling error.
func TestVolatilityNeverLowersTheMean(t *testing.T) {
	const paths = 20000
	calm, calmDests, calmResults := simFixture(t, simCase{shutdown: 0.1, shock: 0.2, dests: 6})
	before := simulate(t, calm, calmDests, calmResults, SimOptions{Paths: paths, Seed: 3})
	p, dests, results := simFixture(t, simCase{sigma: 0.15, shutdown: 0.1, shock: 0.2, dests: 6})
	after := simulate(t, p, dests, results, SimOptions{Paths: paths, Seed: 3})
	rose := false
	for id, b := range after {
		// P10–P90 of a bell spans about 2.56 standard deviations.
		standardError := (b.P90 - b.P10) / 2.56 / math.Sqrt(paths)
		if b.Mean < before[id].Mean-4*standardError {
			t.Errorf("%s: mean %.0f with volatility, %.0f without (standard error %.0f)", id, b.Mean, before[id].Mean, standardError)
		}
		rose = rose || b.Mean > before[id].Mean+4*standardError
	}
	if !rose {
		t.Error("volatility should raise some row's mean: its machines switch off in bad months")
	}
}

// With shutdown risk only, the mean over many paths approaches the deterministic NPV, which
// weights each month by the chance the site still operates.
func TestShutdownOnlyMeanApproachesTheNPV(t *testing.T) {
	p, dests, results := simFixture(t, simCase{shutdown: 0.15, dests: 5})
	bands := simulate(t, p, dests, results, SimOptions{Paths: 40000, Seed: 11})
	for _, r := range results {
		// A path's value lies within about ±50 % of the NPV here, so the standard error of
		// the mean is below 0.25 %; 1 % is four of them.
		if b := bands[r.ID]; !relativelyNear(b.Mean, r.NPV, 0.01) {
			t.Errorf("%s: mean %.0f, NPV %.0f", r.ID, b.Mean, r.NPV)
		}
	}
}

// A levy shock that is certain arrives in month 0: every path then values the plan at the
// multiplied levy. At a high hashprice with no halving every month pays either way, so the
// plan (moves, baseline, sale months) is the same and the values must agree.
func TestCertainLevyShockIsTheMultipliedLevy(t *testing.T) {
	p, dests, _ := simFixture(t, simCase{shock: 1, dests: 2})
	sc := p.Scenario
	sc.Market.Algorithms = map[string]scenario.Algorithm{"sha256": {USDPerUnitDay: n(0.1), Unit: "TH/s"}}
	p = mustPlan(t, sc, fleetMachines(p), dests)
	results := p.Rank(dests)
	bands := simulate(t, p, dests, results, SimOptions{Paths: 200, Seed: 5})
	for i := range dests {
		dests[i].Taxes.MiningLevyPerKWh.Value *= 10
		dests[i].Risk.LevyShock = countries.LevyShock{}
	}
	shocked := mustPlan(t, sc, fleetMachines(p), dests)
	for _, r := range shocked.Rank(dests) {
		plan := byID(t, results, r.ID)
		for i, b := range r.Batches {
			if pb := plan.Batches[i]; b.Move != pb.Move || b.ExitMonth != pb.ExitMonth || b.Alternative != pb.Alternative {
				t.Fatalf("%s: the multiplied levy changes the plan: %+v, was %+v", r.ID, b, pb)
			}
		}
		if b := bands[r.ID]; !relativelyNear(b.P50, r.NPV, 1e-6) || !relativelyNear(b.Mean, r.NPV, 1e-6) {
			t.Errorf("%s: P50 %.2f, mean %.2f; at the multiplied levy %.2f", r.ID, b.P50, b.Mean, r.NPV)
		}
	}
}

func TestSimulationIsTheSameWhateverTheWorkers(t *testing.T) {
	p, dests, results := simFixture(t, simCase{sigma: 0.1, shutdown: 0.1, shock: 0.3, dests: 5})
	one := simulate(t, p, dests, results, SimOptions{Paths: 3000, Seed: 9, Workers: 1})
	for _, workers := range []int{2, 3, 0} {
		if got := simulate(t, p, dests, results, SimOptions{Paths: 3000, Seed: 9, Workers: workers}); !reflect.DeepEqual(got, one) {
			t.Errorf("%d workers: %v\n1 worker: %v", workers, got, one)
		}
	}
	if other := simulate(t, p, dests, results, SimOptions{Paths: 3000, Seed: 10}); reflect.DeepEqual(other, one) {
		t.Error("another seed gave the same bands")
	}
}

func TestSimulationStopsWhenCancelled(t *testing.T) {
	p, dests, results := simFixture(t, simCase{sigma: 0.1, shutdown: 0.1, dests: 10})
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := p.Simulate(cancelled, dests, results, SimOptions{Paths: 1000}); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled before: %v", err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	const paths = 300_000 // seconds of work on one worker if it did not stop
	calls := 0
	began := time.Now()
	_, err := p.Simulate(ctx, dests, results, SimOptions{Paths: paths, Workers: 1, Progress: func(done, total int) {
		calls++
		if total != paths || done <= 0 || done > total {
			t.Errorf("progress %d of %d", done, total)
		}
		cancel()
	}})
	if !errors.Is(err, context.Canceled) || calls != 1 {
		t.Fatalf("cancelled during the run: %v after %d progress calls", err, calls)
	}
	if took := time.Since(began); took > time.Second {
		t.Errorf("took %v to stop", took)
	}
}

func TestSimulationProgressReachesTheTotal(t *testing.T) {
	p, dests, results := simFixture(t, simCase{dests: 3})
	var last int
	simulate(t, p, dests, results, SimOptions{Paths: 1000, Workers: 1, Progress: func(done, total int) { last = done }})
	if last != 1000 {
		t.Errorf("last progress %d, want 1000", last)
	}
}

// Percentiles by selection agree with reading them off a sorted copy, ties and all.
func TestPercentileBySelectionMatchesSorting(t *testing.T) {
	random := rand.New(rand.NewPCG(3, 4))
	for trial := range 300 {
		size := 1 + random.IntN(60)
		if trial%50 == 0 {
			size = 10000
		}
		values := make([]float64, size)
		for i := range values {
			values[i] = float64(random.IntN(1 + trial%20)) // many ties in some trials
			if trial%3 == 0 {
				values[i] = random.NormFloat64()
			}
		}
		sorted := slices.Sorted(slices.Values(values))
		for _, q := range []float64{0, 0.1, 0.5, 0.9, 1} {
			h := q * float64(size-1)
			i := int(h)
			want := sorted[i]
			if i+1 < size {
				want += (h - float64(i)) * (sorted[i+1] - sorted[i])
			}
			if got := percentile(values, q); got != want {
				t.Fatalf("trial %d, %d values, q %v: %v, want %v", trial, size, q, got, want)
			}
		}
	}
}
