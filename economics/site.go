package economics

import (
	"math"

	"hashhaven/countries"
)

// site is what valuing a machine needs of a place: a destination, or the origin when the
// fleet stays (no move, no set-up, running from month 0).
type site struct {
	stay       bool
	pue        float64
	uptime     float64
	price      float64 // tariff, USD/kWh
	allIn      float64 // tariff and levies, USD/kWh
	opexPerKW  float64 // USD per facility kW a month
	tax        float64
	survive    float64 // s: monthly chance of not being shut down
	logSurvive float64 // ln s, so s^k costs one exp
	start      int     // first month machines run there
	distanceKm float64
	duty       float64 // share of hardware value
	setupPerKW float64 // USD per facility kW
	capacityKW float64 // facility kW a new entrant can contract
}

func (p *Plan) site(c *countries.Country, stay bool) site {
	levyUSD := c.Taxes.MiningLevyPerKWh.Value * c.USDPerLocal.Value
	s := site{
		stay:       stay,
		pue:        c.Site.PUE.Value,
		uptime:     c.Power.Uptime.Value,
		price:      c.Power.PriceUSDPerKWh.Value,
		allIn:      (c.Power.PriceUSDPerKWh.Value + levyUSD) * (1 + c.Taxes.LevyShareOfPowerBill.Value),
		opexPerKW:  c.Site.OpexUSDPerKWMonth.Value,
		tax:        c.Taxes.CorporateIncomeTax.Value,
		capacityKW: c.Power.AvailableMW.Value * 1000,
	}
	s.logSurvive = math.Log1p(-c.Risk.AnnualShutdownProbability.Value) / 12
	s.survive = math.Exp(s.logSurvive)
	if !stay {
		s.start = int(c.Site.SetupMonths.Value)
		s.distanceKm = Distance(p.Origin, Point{c.Location.Lat.Value, c.Location.Lon.Value})
		s.duty = c.Taxes.ImportDuty.Value
		s.setupPerKW = c.Site.SetupUSDPerKW.Value
	}
	return s
}

// machineValue is one machine of a batch kept at a site.
type machineValue struct {
	value    float64 // V: today's value of keeping it there, after moving it
	exit     int     // T: the month it is sold
	freight  float64
	duty     float64
	setup    float64
	fkw      float64 // facility kW it draws there
	revenue0 float64 // month 0 revenue, running
	cost     float64 // a running month's power and opex
}

func (v machineValue) relocation() float64 { return v.freight + v.duty + v.setup }

// value is V_bx: the machine moved (unless staying), run in the months that pay from the
// site's start, sold at the start of the month after its last paying one (or at the horizon),
// each month's cash weighted by the chance the site still operates and discounted.
func (p *Plan) value(b *Batch, s *site) machineValue {
	v := machineValue{fkw: b.KW * s.pue}
	if !s.stay {
		v.freight = b.Machine.WeightKg.Value * s.distanceKm / 1000 * p.Scenario.FreightUSDPerKgPer1000km.Value
		v.duty = s.duty * b.Machine.PriceUSD.Value
		v.setup = s.setupPerKW * v.fkw
	}
	revenue := b.revenue * s.uptime // per unit of hashprice
	v.cost = v.fkw*s.uptime*HoursPerMonth*s.allIn + s.opexPerKW*v.fkw
	hp := b.hashprice
	if len(hp) > 0 {
		v.revenue0 = revenue * hp[0]
	}
	v.exit = s.start
	for m := len(hp) - 1; m >= s.start; m-- {
		if revenue*hp[m]-v.cost > 0 {
			v.exit = m + 1
			break
		}
	}
	v.value = -v.relocation()
	alive := s.alive(s.start + 1)
	for m := s.start; m < v.exit; m++ {
		if margin := revenue*hp[m] - v.cost; margin > 0 {
			v.value += (1 - s.tax) * margin * alive * p.discount[m+1]
		}
		alive *= s.survive
	}
	v.value += b.Resale(v.exit) * s.alive(v.exit) * p.discountAt(v.exit)
	return v
}

// alive is s^k, the chance the site still operates after k months.
func (s *site) alive(k int) float64 { return math.Exp(float64(k) * s.logSurvive) }

// net is the machine's cash in month m at the site: its margin after tax in a month that pays,
// nothing in a month it is switched off or not yet running.
func (p *Plan) net(b *Batch, s *site, v machineValue, m int) float64 {
	if m < s.start || m >= v.exit {
		return 0
	}
	margin := b.revenue*s.uptime*b.hashprice[m] - v.cost
	if margin <= 0 {
		return 0
	}
	return (1 - s.tax) * margin
}

// discountAt is δ(k), also past the horizon (a machine sold after a set-up longer than it).
func (p *Plan) discountAt(k int) float64 {
	if k < len(p.discount) {
		return p.discount[k]
	}
	return p.Discount(k)
}
