package economics

import (
	"context"
	"fmt"
	"testing"

	"hashhaven/countries"
	"hashhaven/machines"
	"hashhaven/scenario"
)

// synthetic is a market of 1,000 destinations of every size and price, and a fleet of five
// models (3,000 machines) at a hashprice where many of them pay, capped at 20 % a place.
func synthetic(b testing.TB) (*Plan, []countries.Country) {
	b.Helper()
	sc, cat, dests := syntheticParts()
	p, err := NewPlan(sc, cat, nil)
	if err != nil {
		b.Fatal(err)
	}
	return p, dests
}

// syntheticParts are synthetic's scenario, machines and destinations.
func syntheticParts() (scenario.Scenario, machines.Catalogue, []countries.Country) {
	var cat machines.Catalogue
	var fleet []scenario.Batch
	for i := range 5 {
		id := fmt.Sprintf("m%d", i)
		cat.Machines = append(cat.Machines, machines.Machine{ID: id, Algorithm: "sha256", Unit: "TH/s",
			Hashrate: n(100 + 40*float64(i)), PowerW: n(3000 + 100*float64(i)), PriceUSD: n(300 + 400*float64(i)), WeightKg: n(15)})
		fleet = append(fleet, scenario.Batch{Machine: id, Count: 600})
	}
	dests := make([]countries.Country, 1000)
	for i := range dests {
		c := place(fmt.Sprintf("d%04d", i), float64(i%180-90), float64(i%360-180))
		c.Power.PriceUSDPerKWh, c.Power.AvailableMW, c.Power.Uptime = n(0.02+float64(i%50)/1000), n(float64(i%40)/4), n(0.9)
		c.Taxes.CorporateIncomeTax, c.Site.PUE, c.Site.SetupUSDPerKW, c.Site.SetupMonths = n(0.2), n(1.1), n(float64(i%7)*20), n(float64(i%6))
		c.Risk.AnnualShutdownProbability, c.Risk.PoliticalStability = n(0.05), n(float64(i%100))
		dests[i] = c
	}
	sc := scenario.Scenario{
		Origin: scenario.Origin{Point: &scenario.Point{Lat: n(51), Lon: n(75)}},
		Fleet:  fleet,
		Market: scenario.Market{PoolFee: n(0.02), SaleFee: n(0.05), Algorithms: map[string]scenario.Algorithm{
			"sha256": {USDPerUnitDay: n(0.05), Unit: "TH/s", MonthlyChange: n(-0.01), HalvingMonth: n(17), FeeShare: n(0.01),
				ResaleMonthlyChange: n(-0.03)}}},
		FreightUSDPerKgPer1000km: n(0.3), HorizonMonths: n(36), DiscountRate: n(0.15),
		Weights:   scenario.Weights{NPV: n(0.6), Stability: n(0.2), Headroom: n(0.1), Proximity: n(0.1)},
		Portfolio: scenario.Portfolio{MaxSharePerDestination: n(0.2)},
	}
	return sc, cat, dests
}

// BenchmarkRank is a full re-rank as after a what-if: 1,000 destinations, a fleet of five
// models, a 36-month horizon. Target: under 2 ms per op.
func BenchmarkRank(b *testing.B) {
	p, dests := synthetic(b)
	b.ReportAllocs()
	for b.Loop() {
		p.Rank(dests)
	}
}

// BenchmarkPortfolio1000 is the fleet split over 1,000 ranked destinations, many of which pay.
// Target: under 500 ms per op.
func BenchmarkPortfolio1000(b *testing.B) {
	p, dests := synthetic(b)
	results := p.Rank(dests)
	pf, err := p.Split(context.Background(), results)
	if err != nil || len(pf.Allocations) < 3 {
		b.Fatalf("split %+v: %v; want machines spread over several places", pf.Allocations, err)
	}
	b.ReportAllocs()
	for b.Loop() {
		p.Split(context.Background(), results)
	}
}
