package economics

import (
	"context"
	"testing"
)

// BenchmarkMonteCarlo is the outcome simulation at its default size: 10,000 paths over 36
// months, 30 destinations that each take the whole five-model fleet, with hashprice
// volatility, levy shocks and shutdown risk everywhere. Target: under 150 ms per op on two cores.
func BenchmarkMonteCarlo(b *testing.B) {
	p, dests, results := simFixture(b, simCase{sigma: 0.1, shutdown: 0.05, shock: 0.1, dests: 30})
	for _, r := range results {
		if r.Kind == Destination && r.MovedMachines != p.Machines {
			b.Fatalf("%s moves %d of %d machines; every destination should take the whole fleet", r.ID, r.MovedMachines, p.Machines)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Simulate(context.Background(), dests, results, SimOptions{Paths: 10000, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}
