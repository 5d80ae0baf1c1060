package economics

import (
	"context"
	"math"
	"strings"
	"testing"

	"hashhaven/cited"
	"hashhaven/countries"
	"hashhaven/machines"
	"hashhaven/scenario"
)

// Each case below is worked by hand in its comments; the code must agree to a cent.

func n(v float64) cited.Number { return cited.Plain(v) }

// rig: 100 TH/s, 1,000 W (1 kW), sells used for $1,000, 10 kg.
func rig(id string, th, watts, price float64) machines.Machine {
	return machines.Machine{ID: id, Name: id, Algorithm: "sha256", Unit: "TH/s",
		Hashrate: n(th), PowerW: n(watts), PriceUSD: n(price), WeightKg: n(10)}
}

func place(id string, lat, lon float64) countries.Country {
	c := countries.Country{ID: id, Name: id, Currency: "USD", USDPerLocal: n(1)}
	c.Location = countries.Location{Lat: n(lat), Lon: n(lon)}
	c.Risk.LegalStatus = countries.Legal
	c.Site.PUE = n(1)
	c.Power.Uptime, c.Power.AvailableMW = n(1), n(10)
	return c
}

func near(t *testing.T, name string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 0.005+1e-9*math.Abs(want) {
		t.Errorf("%s = %.6f, want %.6f", name, got, want)
	}
}

func byID(t *testing.T, rs []Result, id string) Result {
	t.Helper()
	for _, r := range rs {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("no row %s", id)
	return Result{}
}

func mustPlan(t *testing.T, sc scenario.Scenario, cat []machines.Machine, dests []countries.Country) *Plan {
	t.Helper()
	p, err := NewPlan(sc, machines.Catalogue{Machines: cat}, dests)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// gapScenario: hashprice $0.024/TH/day rising 5 % a month, halved from month 2 (no fees),
// no pool fee, 6 months, no discount, used prices −2 % a month, 10 % sale fee.
//
//	revenue of one rig (uptime 1) = 100 × 730/24 × hashprice:
//	    m0 73.00, m1 76.65, m2 40.24125, m3 42.2533125, m4 44.36597813, m5 46.58427703
func gapScenario(origin string, count int) scenario.Scenario {
	return scenario.Scenario{
		Origin: scenario.Origin{Country: origin},
		Fleet:  []scenario.Batch{{Machine: "rig", Count: count}},
		Market: scenario.Market{PoolFee: n(0), SaleFee: n(0.1), Algorithms: map[string]scenario.Algorithm{
			"sha256": {USDPerUnitDay: n(0.024), Unit: "TH/s", MonthlyChange: n(0.05), HalvingMonth: n(2),
				FeeShare: n(0), ResaleMonthlyChange: n(-0.02)}}},
		FreightUSDPerKgPer1000km: n(0), HorizonMonths: n(6), DiscountRate: n(0),
		Weights: scenario.Weights{NPV: n(1)},
	}
}

// Switch-off, a gap in the paying months, the sale month, stay against sell, and a move.
//
//	kz (origin): $0.06/kWh → a running month costs 1 kW × 730 h × 0.06 = $43.80
//	    margins 29.20, 32.85, −3.55875, −1.5466875, 0.56597813, 2.78427703
//	    → switched off in months 2–3, runs again in 4–5; last paying month 5 → sold at T = 6
//	    resale(6) = 1,000 × 0.98⁶ × 0.9 = 797.25814278
//	    V_kz = 29.20 + 32.85 + 0.56597813 + 2.78427703 + 797.25814278 = 862.65839794
//	    S = 1,000 × 0.9 = 900 > V_kz → not moving sells every rig: baseline = 10 × 900 = 9,000
//	py: $0.02/kWh → $14.60 a month; set-up $10/kW, one month; same coordinates (no freight)
//	    runs months 1–5: 62.05 + 25.64125 + 27.6533125 + 29.76597813 + 31.98427703 = 177.09481766
//	    V_py = −10 + 177.09481766 + 797.25814278 = 964.35296044; gain = 64.35296044 a rig
//	    5 kW free → 5 rigs fit and move: npv = 9,000 + 5 × 64.35296044 = 9,321.7648022
//	    relocation 5 × 10 = 50; cash from month 1: 5 × 62.05 = 310.25 ≥ 50 → payback 2 months
//
// gapMove is the plan worked by hand above: 10 rigs at kz, room for 5 in py.
func gapMove(t *testing.T) (*Plan, []countries.Country) {
	t.Helper()
	kz := place("kz", 50, 70)
	kz.Power.PriceUSDPerKWh = n(0.06)
	py := place("py", 50, 70)
	py.Power.PriceUSDPerKWh, py.Power.AvailableMW = n(0.02), n(0.005)
	py.Site.SetupUSDPerKW, py.Site.SetupMonths = n(10), n(1)
	dests := []countries.Country{kz, py}
	p := mustPlan(t, gapScenario("kz", 10), []machines.Machine{rig("rig", 100, 1000, 1000)}, dests)
	return p, dests
}

func TestSwitchOffGapSaleMonthAndMove(t *testing.T) {
	p, dests := gapMove(t)
	rs := p.Rank(dests)

	stay := byID(t, rs, "kz")
	if stay.Kind != Stay || stay.Batches[0].ExitMonth != 6 || stay.Batches[0].Alternative != Sell {
		t.Errorf("stay row: kind %s, exit %d, alternative %s; want stay, 6, sell", stay.Kind, stay.Batches[0].ExitMonth, stay.Batches[0].Alternative)
	}
	near(t, "V at the origin", stay.Batches[0].Value, 862.65839794)
	near(t, "A (sell)", stay.Batches[0].AlternativeValue, 900)
	near(t, "baseline", stay.NPV, 9000)

	mv := byID(t, rs, "py")
	near(t, "V at py", mv.Batches[0].Value, 964.35296044)
	near(t, "npv", mv.NPV, 9321.7648022)
	near(t, "gain", mv.Gain, 321.7648022)
	near(t, "move-all gain", mv.MoveAllGain, 321.7648022)
	near(t, "relocation", mv.Relocation, 50)
	if mv.FitMachines != 5 || mv.MovedMachines != 5 || mv.Batches[0].ExitMonth != 6 || !mv.HasPayback || mv.Payback != 2 {
		t.Errorf("py: fit %d moved %d exit %d payback %v/%d; want 5, 5, 6, 2", mv.FitMachines, mv.MovedMachines, mv.Batches[0].ExitMonth, mv.HasPayback, mv.Payback)
	}
	sell := byID(t, rs, SellID)
	near(t, "sell", sell.NPV, 9000)
	near(t, "sell gain", sell.Gain, 0)
	if rs[0].ID != "py" || sell.Scored || !stay.Scored {
		t.Errorf("py should rank first, sell unscored, stay scored: first %s, sell scored %v, stay scored %v", rs[0].ID, sell.Scored, stay.Scored)
	}
	// Stay and sell tie on value and on the move-all gain (0): the id orders them.
	if stay.Rank != 2 || sell.Rank != 3 {
		t.Errorf("ranks: stay %d, sell %d; want 2, 3", stay.Rank, sell.Rank)
	}
}

// Best-first fill of scarce room with a batch that does not fit whole, and a batch that
// loses by moving. Coordinate origin: no stay row; not moving sells everything.
//
//	a: 1 kW, sells at $200 → S = 200 (no sale fee); b: 2 kW, 200 TH/s, S = 300
//	hashprice $0.03/TH/day flat, 2 months, no tax, no discount, no resale change
//	dest d: $0.01/kWh, 5 kW of room, no move costs, same coordinates
//	    a: revenue 100 × 30.416667 × 0.03 = 91.25, cost 7.30 → 83.95 × 2 + 200 = 367.90
//	       gain 167.90, per kW 167.90
//	    b: revenue 182.50, cost 14.60 → 167.90 × 2 + 300 = 635.80; gain 335.80, per kW 167.90
//	    equal per kW → fleet order: a first: 3 of 3 (3 kW), then b: floor(2 / 2) = 1 of 4
//	npv = 3 × 200 + 4 × 300 + 3 × 167.90 + 1 × 335.80 = 2,639.50
func TestBestFirstFillAndCoordinateOrigin(t *testing.T) {
	sc := scenario.Scenario{
		Origin: scenario.Origin{Point: &scenario.Point{Lat: n(10), Lon: n(10)}},
		Fleet:  []scenario.Batch{{Machine: "a", Count: 3}, {Machine: "b", Count: 4}},
		Market: scenario.Market{PoolFee: n(0), Algorithms: map[string]scenario.Algorithm{
			"sha256": {USDPerUnitDay: n(0.03), Unit: "TH/s"}}},
		FreightUSDPerKgPer1000km: n(1), HorizonMonths: n(2), DiscountRate: n(0),
		Weights: scenario.Weights{NPV: n(1)},
	}
	d := place("d", 10, 10)
	d.Power.PriceUSDPerKWh, d.Power.AvailableMW = n(0.01), n(0.005)
	dests := []countries.Country{d}
	p := mustPlan(t, sc, []machines.Machine{rig("a", 100, 1000, 200), rig("b", 200, 2000, 300)}, dests)
	rs := p.Rank(dests)
	if len(rs) != 2 {
		t.Fatalf("rows %d, want d and sell (no stay row for a coordinate origin)", len(rs))
	}
	r := byID(t, rs, "d")
	if r.Batches[0].Fit != 3 || r.Batches[1].Fit != 1 || r.MovedMachines != 4 {
		t.Errorf("fit a %d, b %d, moved %d; want 3, 1, 4", r.Batches[0].Fit, r.Batches[1].Fit, r.MovedMachines)
	}
	near(t, "value a", r.Batches[0].Value, 367.90)
	near(t, "value b", r.Batches[1].Value, 635.80)
	near(t, "npv", r.NPV, 2639.50)
	near(t, "facility", r.FacilityKW, 5)
	near(t, "deployable", r.Deployable, 5.0/11)
	near(t, "revenue", r.MonthlyRevenue, 3*91.25+182.5)
	near(t, "not moving", NotMoving(rs), 1800)
}

// Staying beats selling, a destination that does not pay, and a banned origin.
//
//	origin o: $0.02/kWh → one rig earns 73 − 14.60 = 58.40 a month; 3 months; S = 100
//	    V_o = 3 × 58.40 + 100 = 275.20 > 100 → keep: baseline = 2 × 275.20 = 550.40
//	d: $0.05/kWh → 73 − 36.50 = 36.50 × 3 + 100 = 209.50; gain −65.70: nothing moves,
//	    npv = baseline, move-all gain = 2 × −65.70 = −131.40; payback none
//	same origin banned: no stay row, baseline = sell = 200, d gains 109.50 a rig → moves both
func TestStayBeatsSellAndBannedOrigin(t *testing.T) {
	sc := gapScenario("o", 2)
	sc.Market.SaleFee, sc.Market.Algorithms["sha256"] = n(0), scenario.Algorithm{USDPerUnitDay: n(0.024), Unit: "TH/s"}
	sc.HorizonMonths = n(3)
	o := place("o", 0, 0)
	o.Power.PriceUSDPerKWh = n(0.02)
	d := place("d", 0, 0)
	d.Power.PriceUSDPerKWh = n(0.05)
	dests := []countries.Country{o, d}
	cat := []machines.Machine{rig("rig", 100, 1000, 100)}
	rs := mustPlan(t, sc, cat, dests).Rank(dests)
	stay := byID(t, rs, "o")
	near(t, "V at origin", stay.Batches[0].Value, 275.20)
	near(t, "baseline", stay.NPV, 550.40)
	if stay.Batches[0].Alternative != Stay {
		t.Errorf("alternative %s, want stay", stay.Batches[0].Alternative)
	}
	mv := byID(t, rs, "d")
	near(t, "npv when nothing moves", mv.NPV, 550.40)
	near(t, "move-all gain", mv.MoveAllGain, -131.40)
	if mv.MovedMachines != 0 || mv.HasPayback || rs[0].ID != "o" || rs[1].ID != "d" {
		t.Errorf("moved %d payback %v order %s %s; want 0, none, o then d", mv.MovedMachines, mv.HasPayback, rs[0].ID, rs[1].ID)
	}

	o.Risk.LegalStatus = countries.Banned
	dests = []countries.Country{o, d}
	rs = mustPlan(t, sc, cat, dests).Rank(dests)
	for _, r := range rs {
		if r.ID == "o" {
			t.Fatalf("a banned origin has no stay row: %+v", r)
		}
	}
	mv = byID(t, rs, "d")
	near(t, "baseline sells", NotMoving(rs), 200)
	near(t, "gain over selling", mv.Gain, 2*109.50)
}

// Shutdown risk and discounting weight income and the sale alike.
//
//	one rig at the origin, running every month: margin 58.40 (as above), 2 months, S = 100
//	20 %/yr risk → s = 0.8^(1/12) = 0.98157650; 12 %/yr discount → δ(k) = 1.12^(−k/12)
//	V = 58.40 × (s·δ(1) + s²·δ(2)) + 100 × s²·δ(2)
//	  = 58.40 × (0.97235010 + 0.94546472) + 100 × 0.94546472 = 206.54685741
func TestShutdownRiskAndDiscount(t *testing.T) {
	sc := gapScenario("o", 1)
	sc.Market.SaleFee, sc.Market.Algorithms["sha256"] = n(0), scenario.Algorithm{USDPerUnitDay: n(0.024), Unit: "TH/s"}
	sc.HorizonMonths, sc.DiscountRate = n(2), n(0.12)
	o := place("o", 0, 0)
	o.Power.PriceUSDPerKWh, o.Risk.AnnualShutdownProbability = n(0.02), n(0.2)
	dests := []countries.Country{o}
	rs := mustPlan(t, sc, []machines.Machine{rig("rig", 100, 1000, 100)}, dests).Rank(dests)
	s := math.Pow(0.8, 1.0/12)
	d1, d2 := math.Pow(1.12, -1.0/12), math.Pow(1.12, -2.0/12)
	near(t, "V", byID(t, rs, "o").Batches[0].Value, 58.40*(s*d1+s*s*d2)+100*s*s*d2)
	near(t, "V (hand)", byID(t, rs, "o").Batches[0].Value, 206.54685741)
}

// Exclusion: banned, no uptime, no room for one machine; excluded rows last and unscored.
func TestExclusionAndScore(t *testing.T) {
	sc := gapScenario("o", 2)
	sc.Weights = scenario.Weights{NPV: n(3), Stability: n(1)}
	o := place("o", 0, 0)
	o.Power.PriceUSDPerKWh = n(0.06)
	mk := func(id string, price, stability float64) countries.Country {
		c := place(id, 0, 0)
		c.Power.PriceUSDPerKWh, c.Risk.PoliticalStability = n(price), n(stability)
		return c
	}
	banned := mk("cn", 0.01, 50)
	banned.Risk.LegalStatus = countries.Banned
	dark := mk("dark", 0.01, 50)
	dark.Power.Uptime = n(0)
	full := mk("full", 0.01, 50)
	full.Power.AvailableMW = n(0.0009)
	dests := []countries.Country{o, banned, dark, full, mk("cheap", 0.01, 10), mk("dear", 0.03, 90)}
	rs := mustPlan(t, sc, []machines.Machine{rig("rig", 100, 1000, 1000)}, dests).Rank(dests)
	excluded := 0
	for i, r := range rs {
		if r.Excluded {
			excluded++
			if r.Rank != 0 || r.Scored || r.ExcludedReason == "" {
				t.Errorf("%s excluded but rank %d scored %v reason %q", r.ID, r.Rank, r.Scored, r.ExcludedReason)
			}
		} else if excluded > 0 {
			t.Errorf("%s ranked after an excluded row (position %d)", r.ID, i)
		}
	}
	if excluded != 3 {
		t.Errorf("excluded %d, want banned, dark and full", excluded)
	}
	// Scored rows: cheap (best NPV, stability 10), dear, o (stay). NPV weight 0.75.
	cheap, dear := byID(t, rs, "cheap"), byID(t, rs, "dear")
	if cheap.Score <= dear.Score || rs[0].ID != "cheap" {
		t.Errorf("cheap %.1f should outscore dear %.1f and rank first (first: %s)", cheap.Score, dear.Score, rs[0].ID)
	}
}

func TestSortByIsDeterministicAndKeepsExcludedLast(t *testing.T) {
	rs := []Result{{ID: "a", NPV: 1, Score: 10, Scored: true}, {ID: "x", Excluded: true}, {ID: "b", NPV: 2, Score: 10, Scored: true}, {ID: "sell", NPV: 3}}
	SortBy(rs, MustField("score"), false)
	if rs[0].ID != "b" || rs[1].ID != "a" || rs[2].ID != "sell" || rs[3].ID != "x" {
		t.Errorf("by score (ties by NPV, unscored after scored): %s %s %s %s", rs[0].ID, rs[1].ID, rs[2].ID, rs[3].ID)
	}
}

func TestSortByReverseKeepsMissingFiguresLast(t *testing.T) {
	rs := []Result{{ID: "sell", NPV: 3}, {ID: "a", NPV: 1, Payback: 5, HasPayback: true}, {ID: "x", Excluded: true},
		{ID: "none", NPV: 2}, {ID: "b", NPV: 0, Payback: 9, HasPayback: true}}
	for _, reverse := range []bool{false, true} {
		SortBy(rs, MustField("payback_months"), reverse)
		got := make([]string, len(rs))
		for i := range rs {
			got[i] = rs[i].ID
		}
		want := "a b sell none x"
		if reverse {
			want = "b a sell none x"
		}
		if strings.Join(got, " ") != want {
			t.Errorf("reverse %v: %s, want %s", reverse, strings.Join(got, " "), want)
		}
	}
}

// The split on a real plan: the cap moves part of the fleet elsewhere, never over a limit.
// capped is 1,000 rigs that all gain in py, which may take only 40 % of the load.
func capped(t *testing.T) (*Plan, []countries.Country, []Result, Portfolio) {
	t.Helper()
	kz := place("kz", 50, 70)
	kz.Power.PriceUSDPerKWh = n(0.06)
	py := place("py", 50, 70)
	py.Power.PriceUSDPerKWh, py.Power.AvailableMW = n(0.02), n(1)
	sc := gapScenario("kz", 1000)
	sc.Portfolio.MaxSharePerDestination = n(0.4)
	dests := []countries.Country{kz, py}
	p := mustPlan(t, sc, []machines.Machine{rig("rig", 100, 1000, 1000)}, dests)
	rs := p.Rank(dests)
	pf, err := p.Split(context.Background(), rs)
	if err != nil {
		t.Fatal(err)
	}
	return p, dests, rs, pf
}

func TestSplitHoldsTheCap(t *testing.T) {
	_, _, rs, pf := capped(t)
	counts := map[string]int{}
	for _, a := range pf.Allocations {
		counts[a.Option] += a.Count
	}
	// py gains on every rig but may take only 40 % of the load; the rest is sold (worth more than kept).
	if counts["py"] != 400 || counts[SellID] != 600 {
		t.Errorf("allocations %v, want py 400, sell 600", counts)
	}
	mv := byID(t, rs, "py")
	near(t, "split value", pf.NPV, 400*mv.Batches[0].Value+600*900)
	near(t, "split gain", pf.Gain, 400*(mv.Batches[0].Value-900))
}

// Break-even hashprice and origin power price, by hand.
//
//	one 1-kW rig, 100 TH/s, 2 months, no tax, discount or resale change, S = 100
//	dest d: $0.02/kWh → cost 14.60 a month; set-up $10/kW
//	    hashprice h: revenue 100 × 30.416667 × h; V_d = 2 × (3,041.6667 h − 14.60) − 10 + 100
//	coordinate origin (not moving = selling, 100): V_d = 100 when 3,041.6667 h = 19.60
//	    → h = 0.0064438
//	origin o at price p (hashprice 0.024, revenue 73): V_o = 2 × (73 − 730 p) + 100,
//	    V_d = 2 × 58.40 − 10 + 100 = 206.80 → equal when 73 − 730 p = 53.40 → p = 0.0268493
func TestBreakevens(t *testing.T) {
	sc := gapScenario("o", 1)
	sc.Market.SaleFee, sc.Market.Algorithms["sha256"] = n(0), scenario.Algorithm{USDPerUnitDay: n(0.024), Unit: "TH/s"}
	sc.HorizonMonths = n(2)
	d := place("d", 0, 0)
	d.Power.PriceUSDPerKWh, d.Site.SetupUSDPerKW = n(0.02), n(10)
	o := place("o", 0, 0)
	o.Power.PriceUSDPerKWh = n(0.05)
	cat := []machines.Machine{rig("rig", 100, 1000, 100)}

	dests := []countries.Country{o, d}
	p := mustPlan(t, sc, cat, dests)
	_, _, power, okPower := p.Breakeven(dests, "d")
	if !okPower {
		t.Fatal("no origin break-even")
	}
	near(t, "origin power break-even ×1000", power*1000, 26.8493151)

	sc.Origin = scenario.Origin{Point: &scenario.Point{Lat: n(0), Lon: n(0)}}
	p = mustPlan(t, sc, cat, []countries.Country{d})
	hp, okHP, _, okPower := p.Breakeven([]countries.Country{d}, "d")
	if !okHP || okPower {
		t.Fatalf("hashprice break-even %v, origin power %v; want one and none (no origin to stay at)", okHP, okPower)
	}
	near(t, "hashprice break-even ×10⁶", hp*1e6, 6443.8356164)
	if _, ok, _, _ := p.Breakeven([]countries.Country{d}, "nowhere"); ok {
		t.Error("a break-even for a row that does not exist")
	}
}

// Sensitivities name their steps and come largest first; a cheaper tariff never lowers the gain.
func TestSensitivities(t *testing.T) {
	p, dests := gapMove(t)
	ss := p.Sensitivities(dests, "py")
	if len(ss) != 9 {
		t.Fatalf("%d sensitivities, want 9", len(ss))
	}
	for i, s := range ss {
		if s.Step == "" || (i > 0 && s.Impact() > ss[i-1].Impact()) {
			t.Errorf("%d: %+v out of order or without a step", i, s)
		}
		if s.Input == "Power price" && s.Down < 0 {
			t.Errorf("a 20 %% cheaper tariff lowered the gain by %v", s.Down)
		}
		if s.Input == "Set-up cost" {
			// 5 rigs move; half the set-up saves 5 × $5 = $25.
			near(t, "set-up −50 %", s.Down, 25)
		}
	}
	if p.Sensitivities(dests, "kz") != nil {
		t.Error("the stay row has no sensitivities to moving")
	}
}

// With nothing uncertain the split's band is its value, on every path.
func TestSplitBandWithoutUncertainty(t *testing.T) {
	p, dests, rs, pf := capped(t)
	bands, err := p.Simulate(context.Background(), dests, rs, SimOptions{Paths: 300, Seed: 1, Split: &pf})
	if err != nil {
		t.Fatal(err)
	}
	u, ok := bands[SplitID]
	if !ok {
		t.Fatal("no band for the split")
	}
	for name, v := range map[string]float64{"mean": u.Mean, "P10": u.P10, "P50": u.P50, "P90": u.P90} {
		near(t, "split "+name, v, pf.NPV)
	}
	if u.PWorse != 0 {
		t.Errorf("the split beats not moving here, yet p_worse = %v", u.PWorse)
	}
}

// "Power" alone would read as the tariff; the total says it holds the levies too, and every
// label fits a compare row.
func TestPowerLabelsSayWhatTheyHold(t *testing.T) {
	want := map[string]string{"monthly_tariff_usd": "tariff/month", "monthly_levy_usd": "levies/month",
		"monthly_power_cost_usd": "power all-in/month"}
	for k, l := range want {
		if got := MustField(k).Label; got != l {
			t.Errorf("%s labelled %q, want %q", k, got, l)
		}
	}
	for _, f := range Fields {
		if len([]rune(f.Label)) > 20 {
			t.Errorf("%s: label %q is longer than a compare row's 20 cells", f.Key, f.Label)
		}
	}
}
