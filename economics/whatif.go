package economics

import (
	"cmp"
	"maps"
	"math"
	"slices"

	"hashhaven/countries"
	"hashhaven/machines"
	"hashhaven/scenario"
)

// probe re-values one destination against not moving after changing an input, for break-even
// searches and sensitivity: it ranks just the origin and that destination.
type probe struct {
	sc     scenario.Scenario
	cat    machines.Catalogue
	origin *countries.Country // nil for a bare-coordinate origin
	dest   countries.Country
}

func (p *Plan) probe(dests []countries.Country, id string) (probe, bool) {
	pr := probe{sc: p.Scenario, cat: p.catalogue()}
	found := false
	for i := range dests {
		switch dests[i].ID {
		case p.OriginID:
			c := dests[i]
			pr.origin = &c
		case id:
			pr.dest, found = dests[i], true
		}
	}
	return pr, found
}

func (p *Plan) catalogue() machines.Catalogue {
	var cat machines.Catalogue
	for _, b := range p.Batches {
		cat.Machines = append(cat.Machines, b.Machine)
	}
	return cat
}

// row values the destination under sc with the origin and destination as given.
func (pr probe) row(sc scenario.Scenario, origin *countries.Country, dest countries.Country) (Result, bool) {
	dests := []countries.Country{dest}
	if origin != nil {
		dests = append(dests, *origin)
	}
	plan, err := NewPlan(sc, pr.cat, dests)
	if err != nil {
		return Result{}, false
	}
	for _, r := range plan.Rank(dests) {
		if r.ID == dest.ID {
			return r, true
		}
	}
	return Result{}, false
}

// scaled is sc with every hashprice multiplied by k.
func scaled(sc scenario.Scenario, k float64) scenario.Scenario {
	sc.Market.Algorithms = maps.Clone(sc.Market.Algorithms)
	for a, alg := range sc.Market.Algorithms {
		alg.USDPerUnitDay.Value *= k
		sc.Market.Algorithms[a] = alg
	}
	return sc
}

// Sensitivity is how much a row's gain over not moving changes when one input moves by a
// stated step in each direction.
type Sensitivity struct {
	Input, Step string
	Down, Up    float64 // the gain's change with the input moved down and up; one-sided steps leave Down 0
}

// Impact is the larger of the two changes, for ordering a tornado chart.
func (s Sensitivity) Impact() float64 { return math.Max(math.Abs(s.Down), math.Abs(s.Up)) }

// Sensitivities are destination id's sensitivities, largest impact first; none for a row that
// is not a destination.
func (p *Plan) Sensitivities(dests []countries.Country, id string) []Sensitivity {
	pr, found := p.probe(dests, id)
	if !found {
		return nil
	}
	base, ok := pr.row(p.Scenario, pr.origin, pr.dest)
	if !ok {
		return nil
	}
	change := func(sc scenario.Scenario, d countries.Country) float64 {
		r, ok := pr.row(sc, pr.origin, d)
		if !ok {
			return 0
		}
		return r.Gain - base.Gain
	}
	dest := func(edit func(c *countries.Country)) float64 {
		d := pr.dest
		edit(&d)
		return change(p.Scenario, d)
	}
	market := func(edit func(a *scenario.Algorithm)) float64 {
		sc := p.Scenario
		sc.Market.Algorithms = maps.Clone(sc.Market.Algorithms)
		for k, a := range sc.Market.Algorithms {
			edit(&a)
			sc.Market.Algorithms[k] = a
		}
		return change(sc, pr.dest)
	}
	out := []Sensitivity{
		{"Power price", "±20 %",
			dest(func(c *countries.Country) { c.Power.PriceUSDPerKWh.Value *= 0.8 }),
			dest(func(c *countries.Country) { c.Power.PriceUSDPerKWh.Value *= 1.2 })},
		{"Uptime", "±10 points",
			dest(func(c *countries.Country) { c.Power.Uptime.Value = math.Max(0, c.Power.Uptime.Value-0.1) }),
			dest(func(c *countries.Country) { c.Power.Uptime.Value = math.Min(1, c.Power.Uptime.Value+0.1) })},
		{"Hashprice", "±30 %",
			market(func(a *scenario.Algorithm) { a.USDPerUnitDay.Value *= 0.7 }),
			market(func(a *scenario.Algorithm) { a.USDPerUnitDay.Value *= 1.3 })},
		{"Hashprice trend", "±1 point a month",
			market(func(a *scenario.Algorithm) { a.MonthlyChange.Value -= 0.01 }),
			market(func(a *scenario.Algorithm) { a.MonthlyChange.Value += 0.01 })},
		{"Mining levy", "×10", 0,
			dest(func(c *countries.Country) { c.Taxes.MiningLevyPerKWh.Value *= 10 })},
		{"Spare capacity", "±50 %",
			dest(func(c *countries.Country) { c.Power.AvailableMW.Value *= 0.5 }),
			dest(func(c *countries.Country) { c.Power.AvailableMW.Value *= 1.5 })},
		{"Shutdown risk", "×2", 0,
			dest(func(c *countries.Country) {
				c.Risk.AnnualShutdownProbability.Value = math.Min(1, 2*c.Risk.AnnualShutdownProbability.Value)
			})},
		{"Set-up cost", "±50 %",
			dest(func(c *countries.Country) { c.Site.SetupUSDPerKW.Value *= 0.5 }),
			dest(func(c *countries.Country) { c.Site.SetupUSDPerKW.Value *= 1.5 })},
		{"Resale decline", "±1 point a month",
			market(func(a *scenario.Algorithm) { a.ResaleMonthlyChange.Value -= 0.01 }),
			market(func(a *scenario.Algorithm) { a.ResaleMonthlyChange.Value += 0.01 })},
	}
	slices.SortStableFunc(out, func(a, b Sensitivity) int { return cmp.Compare(b.Impact(), a.Impact()) })
	return out
}
