package scenario

import (
	"maps"
	"slices"

	"hashhaven/cited"
)

// NumberField is one figure of a scenario, addressed by its dotted path in the file. The
// market's algorithms are map values, which cannot be pointed into, so a figure is read and
// written through functions.
type NumberField struct {
	Path    string // e.g. market.algorithms.sha256.usd_per_unit_day
	Section string // the group it is shown in: "Market: sha256", "Money and time", …
	Label   string // for people: "Hashprice"
	Unit    string // "USD/TH/s/day", "share", …
	Get     func(*Scenario) cited.Number
	// Set writes the figure into s; for a market figure that is s's algorithm map, which
	// the caller clones first when another scenario shares it.
	Set func(s *Scenario, n cited.Number)
}

// WeightsSection heads the score weights, which the ranking normalises to sum 1.
const WeightsSection = "Score weights (normalised to sum 1)"

// Numbers lists every figure of s, the market of each algorithm first (in name order), then
// money and time, then the score weights: the one list the assumptions editor shows.
func Numbers(s *Scenario) []NumberField {
	var out []NumberField
	for _, a := range slices.Sorted(maps.Keys(s.Market.Algorithms)) {
		section, path := "Market: "+a, "market.algorithms."+a+"."
		alg := func(label, unit, key string, at func(*Algorithm) *cited.Number) NumberField {
			return NumberField{Path: path + key, Section: section, Label: label, Unit: unit,
				Get: func(s *Scenario) cited.Number { x := s.Market.Algorithms[a]; return *at(&x) },
				Set: func(s *Scenario, n cited.Number) {
					x := s.Market.Algorithms[a]
					*at(&x) = n
					s.Market.Algorithms[a] = x
				}}
		}
		unit := s.Market.Algorithms[a].Unit
		out = append(out,
			alg("Hashprice", "USD/"+unit+"/day", "usd_per_unit_day", func(x *Algorithm) *cited.Number { return &x.USDPerUnitDay }),
			alg("Monthly change", "share", "monthly_change", func(x *Algorithm) *cited.Number { return &x.MonthlyChange }),
			alg("Halving month", "month", "halving_month", func(x *Algorithm) *cited.Number { return &x.HalvingMonth }),
			alg("Fee share", "share", "fee_share", func(x *Algorithm) *cited.Number { return &x.FeeShare }),
			alg("Resale change", "share/month", "resale_monthly_change", func(x *Algorithm) *cited.Number { return &x.ResaleMonthlyChange }),
			alg("Volatility", "σ/month", "monthly_volatility", func(x *Algorithm) *cited.Number { return &x.MonthlyVolatility }),
		)
	}
	field := func(section, label, unit, path string, at func(*Scenario) *cited.Number) NumberField {
		return NumberField{Path: path, Section: section, Label: label, Unit: unit,
			Get: func(s *Scenario) cited.Number { return *at(s) },
			Set: func(s *Scenario, n cited.Number) { *at(s) = n }}
	}
	const money = "Money and time"
	return append(out,
		field(money, "Pool fee", "share", "market.pool_fee", func(s *Scenario) *cited.Number { return &s.Market.PoolFee }),
		field(money, "Sale fee", "share", "market.sale_fee", func(s *Scenario) *cited.Number { return &s.Market.SaleFee }),
		field(money, "Horizon", "months", "horizon_months", func(s *Scenario) *cited.Number { return &s.HorizonMonths }),
		field(money, "Discount rate", "share/year", "discount_rate", func(s *Scenario) *cited.Number { return &s.DiscountRate }),
		field(money, "Freight", "USD/kg/1000km", "freight_usd_per_kg_per_1000km", func(s *Scenario) *cited.Number { return &s.FreightUSDPerKgPer1000km }),
		field(money, "Max share per place", "share", "portfolio.max_share_per_destination", func(s *Scenario) *cited.Number { return &s.Portfolio.MaxSharePerDestination }),
		field(WeightsSection, "NPV", "weight", "weights.npv", func(s *Scenario) *cited.Number { return &s.Weights.NPV }),
		field(WeightsSection, "Stability", "weight", "weights.stability", func(s *Scenario) *cited.Number { return &s.Weights.Stability }),
		field(WeightsSection, "Headroom", "weight", "weights.headroom", func(s *Scenario) *cited.Number { return &s.Weights.Headroom }),
		field(WeightsSection, "Proximity", "weight", "weights.proximity", func(s *Scenario) *cited.Number { return &s.Weights.Proximity }),
	)
}
