// Package economics values a fleet relocation machine model by machine model: what one
// machine earns and costs at a site month by month, when it is switched off, when it is
// sold, what moving it costs, and what it is worth today after discounting and the risk of
// being shut down. From those values it builds each destination's plan (its best machines
// first, only the ones that gain), the stay and sell rows, the ranking and the fleet split.
// It does no I/O; every formula is in docs/economics.md.
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
	Batches  []Batch // the fleet, in scenario order
	ITkW     float64 // machines' own draw, all machines running
	Machines int     // number of machines
	Origin   Point
	OriginID string // the destination the fleet stands in today; "" for a bare coordinate
	// OriginName is the origin as people read it: the destination's name, or the coordinate.
	OriginName string

	hashprice map[string][]float64 // per algorithm, months 0…H−1
	discount  []float64            // δ(k) = (1+r)^(−k/12), k = 0…H
}

// Batch is one line of the fleet with what the economics needs of its machine.
type Batch struct {
	Machine      machines.Machine
	Count        int
	KW           float64 // IT kW of one machine
	sellValue    float64 // S_b: one machine sold now, after the sale fee
	resaleChange float64
	saleKeep     float64   // 1 − sale_fee
	revenue      float64   // USD a month per unit of hashprice at full uptime, after the pool fee
	hashprice    []float64 // of the machine's algorithm, months 0…H−1
	resale       []float64 // Resale(m) for m = 0…H
}

// SellValue is what one machine of the batch brings if sold today, after the sale fee.
func (b Batch) SellValue() float64 { return b.sellValue }

// Resale is what one machine brings when sold at the start of month m.
func (b Batch) Resale(m int) float64 {
	if m >= 0 && m < len(b.resale) {
		return b.resale[m]
	}
	return b.Machine.PriceUSD.Value * math.Pow(1+b.resaleChange, float64(m)) * b.saleKeep
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
	horizon := sc.Horizon()
	keep := 1 - sc.Market.PoolFee.Value
	p.hashprice = map[string][]float64{}
	for _, b := range sc.Fleet {
		m, ok := cat.ByID(b.Machine)
		if !ok {
			return nil, fmt.Errorf("fleet machine %q is not in the catalogue", b.Machine)
		}
		alg, ok := sc.Market.Algorithms[m.Algorithm]
		if !ok {
			return nil, fmt.Errorf("no market for %s, the algorithm of %s", m.Algorithm, m.ID)
		}
		if _, done := p.hashprice[m.Algorithm]; !done {
			hp := make([]float64, horizon)
			for k := range hp {
				hp[k] = Hashprice(alg, k)
			}
			p.hashprice[m.Algorithm] = hp
		}
		batch := Batch{Machine: m, Count: b.Count, KW: m.PowerW.Value / 1000,
			resaleChange: alg.ResaleMonthlyChange.Value, saleKeep: 1 - sc.Market.SaleFee.Value,
			revenue: keep * m.Hashrate.Value * DaysPerMonth}
		batch.hashprice = p.hashprice[m.Algorithm]
		for k := 0; k <= horizon; k++ {
			batch.resale = append(batch.resale, batch.Resale(k))
		}
		batch.sellValue = batch.Resale(0)
		p.Batches = append(p.Batches, batch)
		p.Machines += b.Count
		p.ITkW += float64(b.Count) * batch.KW
	}
	p.discount = make([]float64, horizon+1)
	for k := range p.discount {
		p.discount[k] = p.Discount(k)
	}
	return p, nil
}

// Discount is δ(k), the value today of a dollar k months ahead.
func (p *Plan) Discount(k int) float64 {
	return math.Pow(1+p.Scenario.DiscountRate.Value, -float64(k)/12)
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
