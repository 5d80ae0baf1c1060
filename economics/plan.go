// Package economics values a fleet relocation: for each destination, what the fleet would
// earn and cost there month by month, what moving costs, and what it is worth today after
// discounting and the risk of being shut down. It does no I/O; every formula is in docs/model.md.
package economics

import (
	"fmt"
	"math"

	"hashhaven/countries"
	"hashhaven/machines"
	"hashhaven/scenario"
)

// Hours and days in the model's month.
const (
	HoursPerMonth = 730.0
	DaysPerMonth  = HoursPerMonth / 24
)

// Plan is a scenario prepared for valuing many destinations: everything that does not depend
// on the destination is computed once, so a re-rank after a what-if stays cheap.
type Plan struct {
	Scenario scenario.Scenario
	ITkW     float64 // machines' own draw, all machines running
	WeightKg float64 // shipping weight of the whole fleet
	ValueUSD float64 // hardware value of the whole fleet
	Machines int     // number of machines
	Origin   Point
	OriginID string // the destination the fleet stands in today; "" for a bare coordinate
	// OriginName is the origin as people read it: the destination's name, or the coordinate.
	OriginName string

	fullRevenue []float64 // revenue(m) if the whole fleet ran every hour: revenue = fullRevenue·deployable·uptime
	discount    []float64 // (1+r)^(−(m+1)/12)
}

// Point is a place on the globe in degrees.
type Point struct{ Lat, Lon float64 }

// NewPlan prepares sc for valuing destinations. It needs the catalogue for the fleet's machines
// and the destinations to find the origin; it fails only on references a loaded data set
// has already checked.
func NewPlan(sc scenario.Scenario, cat machines.Catalogue, dests []countries.Country) (*Plan, error) {
	p := &Plan{Scenario: sc, OriginName: sc.Origin.String()}
	if sc.Origin.Point != nil {
		p.Origin = Point{sc.Origin.Point.Lat.Value, sc.Origin.Point.Lon.Value}
	} else {
		found := false
		for _, c := range dests {
			if c.ID == sc.Origin.Country {
				p.Origin, p.OriginID, found = Point{c.Location.Lat.Value, c.Location.Lon.Value}, c.ID, true
				p.OriginName = c.Name
				break
			}
		}
		if !found {
			return nil, fmt.Errorf("origin %q is not among the destinations", sc.Origin.Country)
		}
	}
	hashrate := map[string]float64{} // per algorithm
	for _, b := range sc.Fleet {
		m, ok := cat.ByID(b.Machine)
		if !ok {
			return nil, fmt.Errorf("fleet machine %q is not in the catalogue", b.Machine)
		}
		if _, ok := sc.Market.Algorithms[m.Algorithm]; !ok {
			return nil, fmt.Errorf("no market for %s, the algorithm of %s", m.Algorithm, m.ID)
		}
		n := float64(b.Count)
		p.Machines += b.Count
		p.ITkW += n * m.PowerW.Value / 1000
		p.WeightKg += n * m.WeightKg.Value
		p.ValueUSD += n * m.PriceUSD.Value
		hashrate[m.Algorithm] += n * m.Hashrate.Value
	}
	horizon := sc.HorizonMonths
	p.fullRevenue = make([]float64, horizon)
	p.discount = make([]float64, horizon)
	keep := 1 - sc.Market.PoolFee.Value
	for m := range horizon {
		for alg, h := range hashrate {
			p.fullRevenue[m] += keep * h * DaysPerMonth * Hashprice(sc.Market.Algorithms[alg], m)
		}
		p.discount[m] = math.Pow(1+sc.DiscountRate.Value, -float64(m+1)/12)
	}
	return p, nil
}

// Hashprice is the USD earned per hashrate unit per day in month m: today's price moved by
// the monthly change, and cut by the halving of the block subsidy (fees are not halved).
func Hashprice(a scenario.Algorithm, m int) float64 {
	hp := a.USDPerUnitDay.Value * math.Pow(1+a.MonthlyChange.Value, float64(m))
	if a.HalvingMonth.Set && float64(m) >= a.HalvingMonth.Value {
		hp *= 1 - (1-a.FeeShare.Value)/2
	}
	return hp
}

// Distance is the great-circle distance in km (haversine, R = 6371 km).
func Distance(a, b Point) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dLat := (b.Lat - a.Lat) * rad
	dLon := (b.Lon - a.Lon) * rad
	h := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(a.Lat*rad)*math.Cos(b.Lat*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(h)))
}
