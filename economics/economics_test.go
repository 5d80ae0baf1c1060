package economics

import (
	"math"
	"testing"

	"hashhaven/cited"
	"hashhaven/countries"
	"hashhaven/machines"
	"hashhaven/scenario"
)

// Each case below is worked by hand in its comments; the code must agree to a cent.

func n(v float64) cited.Number { return cited.Plain(v) }

func rig() machines.Catalogue {
	return machines.Catalogue{Machines: []machines.Machine{{
		ID: "rig", Algorithm: "sha256", Unit: "TH/s",
		Hashrate: n(100), PowerW: n(3000), PriceUSD: n(2000), WeightKg: n(15),
	}}}
}

func place(id string, lat, lon float64) countries.Country {
	c := countries.Country{ID: id, Name: id, Currency: "USD", USDPerLocal: n(1)}
	c.Location = countries.Location{Lat: n(lat), Lon: n(lon)}
	c.Risk.LegalStatus = countries.Legal
	c.Site.PUE = n(1)
	return c
}

func near(t *testing.T, name string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 0.005+1e-9*math.Abs(want) {
		t.Errorf("%s = %.6f, want %.6f", name, got, want)
	}
}

// A capacity-limited destination: half the fleet fits.
//
//	fleet: 100 rigs × 3000 W, 100 TH/s, $2,000, 15 kg; origin (0,0); destination (0,10)
//	it_kw = 300; facility_kw = 300 × PUE 1.2 = 360
//	deployable = min(1, 0.18 MW × 1000 / 360) = 0.5
//	energy = 360 × 0.5 × uptime 0.9 × 730 = 118,260 kWh; power = × $0.05 = $5,913
//	opex = $2/kW × 360 × 0.5 = $360
//	revenue = (1 − 0.02) × 100 × 100 TH/s × 0.5 × 0.9 × 730/24 × $0.05 = $6,706.875
//	operating = 6,706.875 − 5,913 − 360 = 433.875; tax 20 % = 86.775; net = $347.10
//	distance = 6371 × 10° in radians = 1,111.949 km
//	freight = 0.5 × 1,500 kg × 1.111949 × $0.5 = $416.981
//	duty = 0.5 × 10 % × $200,000 = $10,000; setup = $100/kW × 360 × 0.5 = $18,000
//	relocation = $28,416.981; start month 2; horizon 12, no discount, no shutdown risk
//	npv = −28,416.981 + 10 months × 347.10 = −$24,945.981; payback: 3,471 < 28,417 → none
//	breakeven = (6,706.875 − 360) / 118,260 = $0.0536688/kWh
func TestCapacityLimitedDestination(t *testing.T) {
	sc := scenario.Scenario{
		Origin: scenario.Origin{Point: &scenario.Point{Lat: n(0), Lon: n(0)}},
		Fleet:  []scenario.Batch{{Machine: "rig", Count: 100}},
		Market: scenario.Market{PoolFee: n(0.02), Algorithms: map[string]scenario.Algorithm{
			"sha256": {USDPerUnitDay: n(0.05), Unit: "TH/s"}}},
		FreightUSDPerKgPer1000km: n(0.5), HorizonMonths: 12, DiscountRate: n(0),
	}
	c := place("tight", 0, 10)
	c.Site.PUE, c.Power.AvailableMW, c.Power.Uptime, c.Power.PriceUSDPerKWh = n(1.2), n(0.18), n(0.9), n(0.05)
	c.Site.OpexUSDPerKWMonth, c.Taxes.CorporateIncomeTax, c.Taxes.ImportDuty = n(2), n(0.2), n(0.1)
	c.Site.SetupUSDPerKW, c.Site.SetupMonths = n(100), n(2)

	p, err := NewPlan(sc, rig(), nil)
	if err != nil {
		t.Fatal(err)
	}
	r := p.Evaluate(&c)
	near(t, "facility_kw", r.FacilityKW, 360)
	near(t, "deployable", r.Deployable, 0.5)
	near(t, "energy", r.EnergyKWh, 118260)
	near(t, "power cost", r.MonthlyPowerCost, 5913)
	near(t, "opex", r.MonthlyOpex, 360)
	near(t, "revenue", r.MonthlyRevenue, 6706.875)
	near(t, "tax", r.MonthlyTax, 86.775)
	near(t, "net", r.MonthlyNet, 347.1)
	near(t, "distance", r.DistanceKm, 1111.9492664)
	near(t, "freight", r.Freight, 416.9809749)
	near(t, "duty", r.Duty, 10000)
	near(t, "setup", r.Setup, 18000)
	near(t, "relocation", r.Relocation, 28416.9809749)
	near(t, "npv", r.NPV, -24945.9809749)
	near(t, "breakeven", r.Breakeven, 0.0536688229)
	if r.StartMonth != 2 || r.HasPayback || r.Excluded || r.Stay {
		t.Errorf("start %d, payback %v, excluded %v, stay %v; want 2, none, false, false", r.StartMonth, r.HasPayback, r.Excluded, r.Stay)
	}
}

// Staying put at the origin, with a levy in local currency and a halving inside the horizon.
//
//	fleet: 10 rigs → it 30 kW, PUE 1 → facility 30 kW, uptime 1, 10 MW spare → all fits
//	all-in = ($0.04 + 1 KZT × $0.002) × (1 + 10 % levy on the bill) = $0.0462/kWh
//	energy = 30 × 730 = 21,900 kWh; power bill = $1,011.78 (tariff $876 + levies $135.78)
//	hashprice $0.06/TH/day; halving in month 2 with 20 % of revenue from fees:
//	    × (1 − 0.8/2) = × 0.6 → $0.036 from month 2
//	revenue: months 0–1 = 10 × 100 × 730/24 × 0.06 = $1,825; months 2–3 = $1,095
//	net (no tax, no opex, no pool fee): 813.22, 813.22, 83.22, 83.22
//	staying: relocation 0, start 0, payback 0 ("now")
//	discount 12 %/yr: factors 1.12^(−1/12..−4/12) = 0.990600, 0.981289, 0.972065, 0.962928
//	npv = 813.22 × (0.990600 + 0.981289) + 83.22 × (0.972065 + 0.962928) = $1,764.61
func TestStayAtOriginWithLevyAndHalving(t *testing.T) {
	kz := place("kz", 51.7, 75.3)
	kz.Currency, kz.USDPerLocal = "KZT", n(0.002)
	kz.Power.PriceUSDPerKWh, kz.Power.AvailableMW, kz.Power.Uptime = n(0.04), n(10), n(1)
	kz.Taxes.MiningLevyPerKWh, kz.Taxes.LevyShareOfPowerBill = n(1), n(0.1)
	kz.Site.SetupUSDPerKW, kz.Site.SetupMonths, kz.Taxes.ImportDuty = n(500), n(6), n(0.5) // all ignored when staying
	sc := scenario.Scenario{
		Origin: scenario.Origin{Country: "kz"},
		Fleet:  []scenario.Batch{{Machine: "rig", Count: 10}},
		Market: scenario.Market{PoolFee: n(0), Algorithms: map[string]scenario.Algorithm{
			"sha256": {USDPerUnitDay: n(0.06), Unit: "TH/s", HalvingMonth: n(2), FeeShare: n(0.2)}}},
		FreightUSDPerKgPer1000km: n(1), HorizonMonths: 4, DiscountRate: n(0.12),
	}
	p, err := NewPlan(sc, rig(), []countries.Country{kz})
	if err != nil {
		t.Fatal(err)
	}
	r := p.Evaluate(&kz)
	near(t, "all-in", r.AllInUSDPerKWh, 0.0462)
	near(t, "power bill", r.MonthlyPowerCost, 1011.78)
	near(t, "tariff part", r.MonthlyPower, 876)
	near(t, "levy part", r.MonthlyLevy, 135.78)
	near(t, "revenue month 0", r.MonthlyRevenue, 1825)
	near(t, "net month 0", r.MonthlyNet, 813.22)
	near(t, "npv", r.NPV, 1764.6102021)
	near(t, "hashprice month 1", Hashprice(sc.Market.Algorithms["sha256"], 1), 0.06)
	near(t, "hashprice month 2", Hashprice(sc.Market.Algorithms["sha256"], 2)*1000, 36)
	if !r.Stay || r.Relocation != 0 || r.StartMonth != 0 || !r.HasPayback || r.Payback != 0 || r.DistanceKm != 0 {
		t.Errorf("stay option: stay %v relocation %v start %d payback %v/%d distance %v", r.Stay, r.Relocation, r.StartMonth, r.HasPayback, r.Payback, r.DistanceKm)
	}
}

// Shutdown risk weights every month by the chance of still running.
//
//	10 rigs, facility 30 kW, $0.03/kWh → power $657; revenue $1,825; net $1,168/month
//	set-up $100/kW × 30 = $3,000 (no freight, no duty); start month 1; horizon 6; no discount
//	20 %/yr shutdown risk → s = 0.8^(1/12) = 0.9815765
//	cumulative net × s^(m+1) from m = 1: 1,125.36 (k=2), 2,229.99 (k=3), 3,314.26 (k=4) ≥ 3,000
//	→ payback 4 months
//	npv = −3,000 + 1,168 × (s² + s³ + s⁴ + s⁵ + s⁶) = $2,423.25
func TestShutdownRiskAndPayback(t *testing.T) {
	sc := scenario.Scenario{
		Origin: scenario.Origin{Point: &scenario.Point{Lat: n(0), Lon: n(0)}},
		Fleet:  []scenario.Batch{{Machine: "rig", Count: 10}},
		Market: scenario.Market{PoolFee: n(0), Algorithms: map[string]scenario.Algorithm{
			"sha256": {USDPerUnitDay: n(0.06), Unit: "TH/s"}}},
		FreightUSDPerKgPer1000km: n(0), HorizonMonths: 6, DiscountRate: n(0),
	}
	c := place("py", -25, -57)
	c.Power.PriceUSDPerKWh, c.Power.AvailableMW, c.Power.Uptime = n(0.03), n(1), n(1)
	c.Site.SetupUSDPerKW, c.Site.SetupMonths, c.Risk.AnnualShutdownProbability = n(100), n(1), n(0.2)
	p, err := NewPlan(sc, rig(), nil)
	if err != nil {
		t.Fatal(err)
	}
	r := p.Evaluate(&c)
	near(t, "net", r.MonthlyNet, 1168)
	near(t, "relocation", r.Relocation, 3000)
	near(t, "npv", r.NPV, 2423.2505719)
	if !r.HasPayback || r.Payback != 4 {
		t.Errorf("payback = %v/%d, want 4 months", r.HasPayback, r.Payback)
	}
	cum := p.Cumulative(&c)
	near(t, "cash at start", cum[0], -3000)
	near(t, "cash after month 1 (not running yet)", cum[1], -3000)
	near(t, "cash after month 4", cum[4], 3314.2605722-3000)
	near(t, "cash at horizon", cum[6], 5423.2505719-3000)
}

func TestRankExcludesAndScores(t *testing.T) {
	sc := scenario.Scenario{
		Origin: scenario.Origin{Point: &scenario.Point{Lat: n(0), Lon: n(0)}},
		Fleet:  []scenario.Batch{{Machine: "rig", Count: 10}},
		Market: scenario.Market{PoolFee: n(0), Algorithms: map[string]scenario.Algorithm{
			"sha256": {USDPerUnitDay: n(0.06), Unit: "TH/s"}}},
		HorizonMonths: 6, DiscountRate: n(0), FreightUSDPerKgPer1000km: n(0),
		Weights: scenario.Weights{NPV: 3, Stability: 1},
	}
	mk := func(id string, price, stability float64) countries.Country {
		c := place(id, 0, 0)
		c.Power.PriceUSDPerKWh, c.Power.AvailableMW, c.Power.Uptime = n(price), n(1), n(1)
		c.Risk.PoliticalStability = n(stability)
		return c
	}
	banned := mk("cn", 0.01, 50)
	banned.Risk.LegalStatus = countries.Banned
	full := mk("full", 0.01, 50)
	full.Power.AvailableMW = n(0)
	dark := mk("dark", 0.01, 50)
	dark.Power.Uptime = n(0)
	p, _ := NewPlan(sc, rig(), nil)
	// Weights 3:1 → 0.75 NPV, 0.25 stability.
	// cheap: best NPV (1), worst stability (0) → 75; dear: worst NPV, best stability → 25;
	// mid (0.03): NPV halfway → 0.75 × 0.5 + 0.25 × 0.5 = 50.
	got := p.Rank([]countries.Country{banned, mk("dear", 0.05, 90), full, mk("cheap", 0.01, 10), dark, mk("mid", 0.03, 50)})
	wantOrder := []string{"cheap", "mid", "dear", "cn", "dark", "full"}
	wantScore := []float64{75, 50, 25}
	for i, r := range got {
		if r.ID != wantOrder[i] {
			t.Fatalf("position %d = %s, want %s", i, r.ID, wantOrder[i])
		}
		if i < 3 {
			near(t, r.ID+" score", r.Score, wantScore[i])
			if r.Rank != i+1 || r.Excluded {
				t.Errorf("%s rank %d excluded %v", r.ID, r.Rank, r.Excluded)
			}
		} else if !r.Excluded || r.Rank != 0 || r.ExcludedReason == "" {
			t.Errorf("%s should be excluded with a reason: %+v", r.ID, r)
		}
	}
}

func TestSortByKeepsExcludedLast(t *testing.T) {
	rs := []Result{{ID: "a", NPV: 1, Score: 10}, {ID: "x", Excluded: true, Score: 99}, {ID: "b", NPV: 2, Score: 5}}
	f, _ := FieldByKey("score")
	SortBy(rs, f, false)
	if rs[0].ID != "a" || rs[1].ID != "b" || rs[2].ID != "x" {
		t.Errorf("by score: %s %s %s", rs[0].ID, rs[1].ID, rs[2].ID)
	}
	SortBy(rs, f, true)
	if rs[0].ID != "b" || rs[2].ID != "x" {
		t.Errorf("reversed: %s %s %s", rs[0].ID, rs[1].ID, rs[2].ID)
	}
}
