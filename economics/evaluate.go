package economics

import (
	"math"

	"hashhaven/countries"
)

// Result is one destination valued for the plan's fleet. Money is USD; monthly figures are
// month 0 at full operation.
type Result struct {
	ID, Name, Region string
	LegalStatus      string
	Rank             int // 1 = best NPV among ranked destinations; 0 when excluded
	Excluded         bool
	ExcludedReason   string
	Stay             bool // the origin: no move, no relocation cost

	FacilityKW     float64
	Deployable     float64 // share of the fleet that fits in the spare capacity
	HeadroomRatio  float64 // spare capacity / facility load, uncapped
	Uptime         float64
	AllInUSDPerKWh float64
	EnergyKWh      float64 // per month

	MonthlyRevenue   float64
	MonthlyPower     float64 // energy at the tariff
	MonthlyLevy      float64 // the per-kWh levy and the share-of-bill levy
	MonthlyPowerCost float64 // power + levy
	MonthlyOpex      float64
	MonthlyTax       float64
	MonthlyNet       float64

	DistanceKm float64
	Freight    float64
	Duty       float64
	Setup      float64
	Relocation float64
	StartMonth int

	NPV            float64
	Payback        int  // months until the move has paid for itself
	HasPayback     bool // false: not within the horizon
	Breakeven      float64
	HasBreakeven   bool
	Stability      float64
	AvgTempC       float64
	ShutdownYear   float64
	MonthlySurvive float64

	Score float64 // 0–100, ranked destinations only
}

// Evaluate values one destination for the plan's fleet.
func (p *Plan) Evaluate(c *countries.Country) Result {
	r := Result{ID: c.ID, Name: c.Name, Region: c.Region, LegalStatus: c.Risk.LegalStatus,
		Stability: c.Risk.PoliticalStability.Value, AvgTempC: c.Site.AvgTempC.Value,
		ShutdownYear: c.Risk.AnnualShutdownProbability.Value, Uptime: c.Power.Uptime.Value}
	r.Stay = c.ID == p.OriginID

	r.FacilityKW = p.ITkW * c.Site.PUE.Value
	spareKW := c.Power.AvailableMW.Value * 1000
	r.HeadroomRatio = spareKW / r.FacilityKW
	r.Deployable = math.Min(1, r.HeadroomRatio)
	levyUSD := c.Taxes.MiningLevyPerKWh.Value * c.USDPerLocal.Value
	share := c.Taxes.LevyShareOfPowerBill.Value
	price := c.Power.PriceUSDPerKWh.Value
	r.AllInUSDPerKWh = (price + levyUSD) * (1 + share)
	running := r.Deployable * r.Uptime
	r.EnergyKWh = r.FacilityKW * running * HoursPerMonth
	r.MonthlyPowerCost = r.EnergyKWh * r.AllInUSDPerKWh
	r.MonthlyPower = r.EnergyKWh * price
	r.MonthlyLevy = r.MonthlyPowerCost - r.MonthlyPower
	r.MonthlyOpex = c.Site.OpexUSDPerKWMonth.Value * r.FacilityKW * r.Deployable

	op := operation{running: running, fixed: r.MonthlyPowerCost + r.MonthlyOpex, tax: c.Taxes.CorporateIncomeTax.Value}
	if len(p.fullRevenue) > 0 {
		r.MonthlyRevenue = p.fullRevenue[0] * running
		r.MonthlyNet = p.net(op, 0)
		r.MonthlyTax = r.MonthlyRevenue - op.fixed - r.MonthlyNet
	}
	if r.EnergyKWh > 0 {
		r.Breakeven, r.HasBreakeven = (r.MonthlyRevenue-r.MonthlyOpex)/r.EnergyKWh, true
	}

	dest := Point{c.Location.Lat.Value, c.Location.Lon.Value}
	r.DistanceKm = Distance(p.Origin, dest)
	if !r.Stay {
		r.Freight = r.Deployable * p.WeightKg * r.DistanceKm / 1000 * p.Scenario.FreightUSDPerKgPer1000km.Value
		r.Duty = r.Deployable * c.Taxes.ImportDuty.Value * p.ValueUSD
		r.Setup = c.Site.SetupUSDPerKW.Value * r.FacilityKW * r.Deployable
		r.Relocation = r.Freight + r.Duty + r.Setup
		r.StartMonth = int(c.Site.SetupMonths.Value)
	}

	s := math.Pow(1-r.ShutdownYear, 1.0/12)
	r.MonthlySurvive = s
	r.NPV = -r.Relocation
	r.HasPayback = r.Relocation == 0
	survive := math.Pow(s, float64(r.StartMonth+1))
	cum := 0.0
	for m := r.StartMonth; m < len(p.fullRevenue); m++ {
		n := p.net(op, m)
		r.NPV += n * survive * p.discount[m]
		cum += n * survive
		if !r.HasPayback && cum >= r.Relocation {
			r.Payback, r.HasPayback = m+1, true
		}
		survive *= s
	}

	switch {
	case r.LegalStatus == countries.Banned:
		r.Excluded, r.ExcludedReason = true, "mining is banned"
	case r.Deployable <= 0:
		r.Excluded, r.ExcludedReason = true, "no spare grid capacity"
	case r.Uptime <= 0:
		r.Excluded, r.ExcludedReason = true, "no uptime: the fleet cannot run"
	}
	return r
}

// Cumulative is the expected cash position at the end of each month (index m = after month m−1;
// index 0 = the relocation outlay), undiscounted but weighted by the chance of still running:
// the curve whose crossing of zero is the payback month.
func (p *Plan) Cumulative(c *countries.Country) []float64 {
	r := p.Evaluate(c)
	out := make([]float64, len(p.fullRevenue)+1)
	out[0] = -r.Relocation
	op := operation{running: r.Deployable * r.Uptime, fixed: r.MonthlyPowerCost + r.MonthlyOpex, tax: c.Taxes.CorporateIncomeTax.Value}
	survive := 1.0
	for m := range p.fullRevenue {
		survive *= r.MonthlySurvive
		out[m+1] = out[m]
		if m >= r.StartMonth {
			out[m+1] += p.net(op, m) * survive
		}
	}
	return out
}

// operation is what a destination does to every month's cash: the share of the fleet running,
// the month's power and opex bill, and the profit tax.
type operation struct{ running, fixed, tax float64 }

// net is month m's cash after power, opex and tax.
func (p *Plan) net(o operation, m int) float64 {
	profit := p.fullRevenue[m]*o.running - o.fixed
	return profit - o.tax*math.Max(0, profit)
}
