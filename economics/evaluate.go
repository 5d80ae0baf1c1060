package economics

import (
	"cmp"
	"math"
	"slices"

	"hashhaven/countries"
)

// Kind says what a row of the ranking is.
type Kind string

// The kinds of row: moving to a destination, keeping the fleet where it is, selling it all.
const (
	Destination Kind = "destination"
	Stay        Kind = "stay"
	Sell        Kind = "sell"
)

// SellID is the id of the row that sells the whole fleet now.
const SellID = "sell"

// Result is one row of the ranking. Money is USD. Running figures (facility, energy and the
// monthly money) are of the machines that fit, in month 0, running; relocation, payback and
// start are of the machines that move.
type Result struct {
	ID, Name, Region string
	Kind             Kind
	LegalStatus      string
	Rank             int // 1 = highest NPV among ranked rows; 0 when excluded
	Excluded         bool
	ExcludedReason   string

	FacilityKW      float64
	CapacityKW      float64 // facility kW a new entrant can contract there
	Deployable      float64 // share of the fleet's IT load that fits
	HeadroomRatio   float64 // capacity / the whole fleet's facility load there, uncapped
	PUE             float64
	Uptime          float64
	TariffUSDPerKWh float64
	AllInUSDPerKWh  float64
	EnergyKWh       float64 // per month

	MonthlyRevenue   float64
	MonthlyPower     float64 // energy at the tariff
	MonthlyLevy      float64 // the per-kWh levy and the share-of-bill levy
	MonthlyPowerCost float64 // tariff + levies
	MonthlyOpex      float64
	MonthlyTax       float64
	MonthlyNet       float64

	FitMachines   int
	MovedMachines int
	DistanceKm    float64
	Freight       float64
	Duty          float64
	Setup         float64
	Relocation    float64
	StartMonth    int

	NPV          float64 // the plan's value: moved machines here, the rest on their baseline
	Gain         float64 // NPV − not moving
	MoveAllGain  float64 // the gain if every machine that fits moved, paying or not
	Payback      int     // months until the moved machines have paid for their move
	HasPayback   bool    // false: not within the horizon, or nothing moves
	Breakeven    float64 // all-in USD/kWh at which month 0 breaks even
	HasBreakeven bool
	// BreakevenHashprice is the month-0 hashprice at which moving everything that fits gains
	// nothing; BreakevenOriginPower the origin's power price at which not moving is worth as
	// much. Filled by AddBreakevens.
	BreakevenHashprice, BreakevenOriginPower       float64
	HasBreakevenHashprice, HasBreakevenOriginPower bool

	Stability      float64
	AvgTempC       float64
	ShutdownYear   float64
	MonthlySurvive float64

	Score  float64 // 0–100
	Scored bool    // destinations and stay; the sell row and excluded rows are not scored

	// Band is the row's outcome over simulated futures; nil until a simulation has run.
	Band *Uncertainty

	Batches []BatchResult // one per fleet batch, in fleet order
}

// BatchResult is what the row's plan does with one batch of the fleet.
type BatchResult struct {
	Machine, Name    string
	Count, Fit, Move int
	Value            float64 // V per machine at this row's site (S on the sell row)
	Alternative      Kind    // the machine's baseline: Stay or Sell
	AlternativeValue float64 // A per machine
	ExitMonth        int     // T: the month it is sold at this row's site
	Relocation       float64 // per machine moved
}

// Gain is what moving one machine of the batch here adds to not moving it.
func (b BatchResult) Gain() float64 { return b.Value - b.AlternativeValue }

// Moves reports whether the row moves machines to another site.
func (r *Result) Moves() bool { return r.Kind == Destination }

// notMoving is the baseline: each batch stays at the origin or is sold now, whichever is
// worth more.
type notMoving struct {
	canStay bool
	origin  site
	values  []machineValue // V at the origin, when staying is possible
	alt     []float64      // A_b
	altKind []Kind
	total   float64
}

// StayPossible reports whether the fleet can keep running at the origin.
func StayPossible(c *countries.Country) bool {
	return c != nil && c.Risk.LegalStatus != countries.Banned && c.Power.Uptime.Value > 0
}

func (p *Plan) notMoving(origin *countries.Country) notMoving {
	n := notMoving{canStay: StayPossible(origin), alt: make([]float64, len(p.Batches)), altKind: make([]Kind, len(p.Batches))}
	if n.canStay {
		n.origin = p.site(origin, true)
		n.values = make([]machineValue, len(p.Batches))
	}
	for i := range p.Batches {
		b := &p.Batches[i]
		n.alt[i], n.altKind[i] = b.sellValue, Sell
		if n.canStay {
			n.values[i] = p.value(b, &n.origin)
			if n.values[i].value > b.sellValue {
				n.alt[i], n.altKind[i] = n.values[i].value, Stay
			}
		}
		n.total += float64(b.Count) * n.alt[i]
	}
	return n
}

// row fills the figures every row shares.
func (p *Plan) row(c *countries.Country, kind Kind) Result {
	return Result{ID: c.ID, Name: c.Name, Region: c.Region, Kind: kind, LegalStatus: c.Risk.LegalStatus,
		Stability: c.Risk.PoliticalStability.Value, AvgTempC: c.Site.AvgTempC.Value,
		ShutdownYear: c.Risk.AnnualShutdownProbability.Value, Uptime: c.Power.Uptime.Value,
		PUE: c.Site.PUE.Value, CapacityKW: c.Power.AvailableMW.Value * 1000}
}

// running fills the month-0 figures of the machines that fit (fit[i] of batch i).
func (p *Plan) running(r *Result, s *site, values []machineValue, fit []int) {
	itKW := 0.0
	for i, v := range values {
		n := float64(fit[i])
		r.FacilityKW += n * v.fkw
		r.MonthlyRevenue += n * v.revenue0
		itKW += n * p.Batches[i].KW
		r.FitMachines += fit[i]
	}
	if p.ITkW > 0 {
		r.Deployable = itKW / p.ITkW
		r.HeadroomRatio = s.capacityKW / (p.ITkW * s.pue)
	}
	r.TariffUSDPerKWh, r.AllInUSDPerKWh = s.price, s.allIn
	r.EnergyKWh = r.FacilityKW * s.uptime * HoursPerMonth
	r.MonthlyPowerCost = r.EnergyKWh * s.allIn
	r.MonthlyPower = r.EnergyKWh * s.price
	r.MonthlyLevy = r.MonthlyPowerCost - r.MonthlyPower
	r.MonthlyOpex = s.opexPerKW * r.FacilityKW
	operating := r.MonthlyRevenue - r.MonthlyPowerCost - r.MonthlyOpex
	r.MonthlyTax = s.tax * math.Max(0, operating)
	r.MonthlyNet = operating - r.MonthlyTax
	if r.EnergyKWh > 0 {
		r.Breakeven, r.HasBreakeven = (r.MonthlyRevenue-r.MonthlyOpex)/r.EnergyKWh, true
	}
	r.MonthlySurvive = s.survive
}

// scratch holds a destination's per-batch working figures, reused from one to the next.
type scratch struct {
	values  []machineValue
	order   []int
	density []float64
	fit     []int
}

func newScratch(n int) *scratch {
	return &scratch{values: make([]machineValue, n), order: make([]int, n), density: make([]float64, n), fit: make([]int, n)}
}

// destination values moving to c: its capacity filled best first in whole machines, only
// the machines that gain moving, the rest on their baseline. batches is where its per-batch
// results go.
func (p *Plan) destination(c *countries.Country, base *notMoving, w *scratch, batches []BatchResult) Result {
	s := p.site(c, false)
	p.valueAll(&s, w)
	r := p.fill(c, &s, base, w, batches)
	p.payback(&r, &s, w.values)
	return r
}

// valueAll values one machine of each batch at s into w.values. Not moving plays no part, so
// a search over the origin's power price values a destination once.
func (p *Plan) valueAll(s *site, w *scratch) {
	for i := range p.Batches {
		w.values[i] = p.value(&p.Batches[i], s)
	}
}

// fill is destination's row but for the payback, from the machines' values in w.
func (p *Plan) fill(c *countries.Country, s *site, base *notMoving, w *scratch, batches []BatchResult) Result {
	r := p.row(c, Destination)
	r.DistanceKm, r.StartMonth = s.distanceKm, s.start
	values, order, density, fit := w.values, w.order, w.density, w.fit
	for i := range p.Batches {
		order[i] = i
		density[i] = math.Inf(1)
		if values[i].fkw > 0 {
			density[i] = (values[i].value - base.alt[i]) / values[i].fkw
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(density[b], density[a]) })
	left := s.capacityKW
	for _, i := range order {
		n := p.Batches[i].Count
		if values[i].fkw > 0 {
			n = int(math.Min(float64(n), math.Max(0, math.Floor((left+1e-6)/values[i].fkw))))
		}
		fit[i] = n
		left -= float64(n) * values[i].fkw
	}
	r.NPV = base.total
	r.Batches = batches
	for i, b := range p.Batches {
		gain := values[i].value - base.alt[i]
		moved := 0
		if gain > 0 {
			moved = fit[i]
		}
		r.Batches[i] = BatchResult{Machine: b.Machine.ID, Name: b.Machine.Name, Count: b.Count, Fit: fit[i], Move: moved,
			Value: values[i].value, Alternative: base.altKind[i], AlternativeValue: base.alt[i],
			ExitMonth: values[i].exit, Relocation: values[i].relocation()}
		r.NPV += float64(moved) * gain
		r.MoveAllGain += float64(fit[i]) * gain
		r.MovedMachines += moved
		r.Freight += float64(moved) * values[i].freight
		r.Duty += float64(moved) * values[i].duty
		r.Setup += float64(moved) * values[i].setup
	}
	r.Relocation = r.Freight + r.Duty + r.Setup
	r.Gain = r.NPV - base.total
	p.running(&r, s, values, fit)

	minFKW := math.Inf(1)
	for _, v := range values {
		minFKW = math.Min(minFKW, v.fkw)
	}
	switch {
	case r.LegalStatus == countries.Banned:
		r.Excluded, r.ExcludedReason = true, "mining is banned"
	case r.Uptime <= 0:
		r.Excluded, r.ExcludedReason = true, "no uptime: the fleet cannot run"
	case s.capacityKW < minFKW:
		r.Excluded, r.ExcludedReason = true, "no spare grid capacity for one machine"
	}
	return r
}

// payback is the first month by whose end the moved machines' expected net cash covers
// their move; none when nothing moves or it takes longer than the horizon.
func (p *Plan) payback(r *Result, s *site, values []machineValue) {
	if r.MovedMachines == 0 {
		return
	}
	if r.Relocation <= 0 {
		r.Payback, r.HasPayback = 0, true
		return
	}
	cum := 0.0
	alive := s.alive(s.start + 1)
	for m := s.start; m < p.Scenario.Horizon(); m++ {
		for i := range p.Batches {
			if moved := r.Batches[i].Move; moved > 0 {
				cum += float64(moved) * p.net(&p.Batches[i], s, values[i], m) * alive
			}
		}
		if cum >= r.Relocation {
			r.Payback, r.HasPayback = m+1, true
			return
		}
		alive *= s.survive
	}
}

// stay is the row that keeps every machine at the origin and sells the ones worth more sold.
func (p *Plan) stay(origin *countries.Country, base *notMoving) Result {
	r := p.row(origin, Stay)
	fit := make([]int, len(p.Batches))
	r.Batches = make([]BatchResult, len(p.Batches))
	for i, b := range p.Batches {
		fit[i] = b.Count
		r.Batches[i] = BatchResult{Machine: b.Machine.ID, Name: b.Machine.Name, Count: b.Count, Fit: b.Count,
			Value: base.values[i].value, Alternative: base.altKind[i], AlternativeValue: base.alt[i],
			ExitMonth: base.values[i].exit}
	}
	p.running(&r, &base.origin, base.values, fit)
	r.NPV = base.total
	r.HasPayback = true
	return r
}

// sell is the row that sells the whole fleet now.
func (p *Plan) sell(base *notMoving) Result {
	r := Result{ID: SellID, Name: "Sell the fleet now", Kind: Sell}
	r.Batches = make([]BatchResult, len(p.Batches))
	for i, b := range p.Batches {
		r.Batches[i] = BatchResult{Machine: b.Machine.ID, Name: b.Machine.Name, Count: b.Count,
			Value: b.sellValue, Alternative: base.altKind[i], AlternativeValue: base.alt[i]}
		r.NPV += float64(b.Count) * b.sellValue
	}
	r.Gain = r.NPV - base.total
	return r
}
