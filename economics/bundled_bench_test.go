package economics_test

import (
	"context"
	"testing"

	"hashhaven/data"
	"hashhaven/dataset"
	"hashhaven/economics"
	"hashhaven/scenario"
)

// BenchmarkPortfolioBundled is the fleet split on the bundled data set with a fleet of five
// machine models. Target: under 5 ms per op.
func BenchmarkPortfolioBundled(b *testing.B) {
	set, issues := dataset.Open(data.FS(), "")
	if len(issues) > 0 {
		b.Fatal(issues)
	}
	sc := set.Scenarios["default"]
	sc.Fleet = []scenario.Batch{{Machine: "antminer-s19j-pro", Count: 1200}, {Machine: "antminer-s19-xp", Count: 800},
		{Machine: "antminer-s21", Count: 600}, {Machine: "antminer-s21-xp", Count: 400}, {Machine: "antminer-s21-pro", Count: 300}}
	// At a hashprice where most models pay, so the split has something to divide.
	alg := sc.Market.Algorithms["sha256"]
	alg.USDPerUnitDay.Value *= 1.5
	sc.Market.Algorithms = map[string]scenario.Algorithm{"sha256": alg}
	p, err := economics.NewPlan(sc, set.Machines, set.Countries)
	if err != nil {
		b.Fatal(err)
	}
	results := p.Rank(set.Countries)
	if _, err := p.Split(context.Background(), results); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		p.Split(context.Background(), results)
	}
}
