// Package scenario reads a relocation scenario: the fleet, where it stands today, the market
// it mines into, and the operator's assumptions about time, money and what matters.
package scenario

import (
	"hashhaven/cited"
)

// Scenario is one scenario file.
type Scenario struct {
	Name                     string       `yaml:"name" check:"required"`
	Description              string       `yaml:"description"`
	Origin                   Origin       `yaml:"origin" check:"required"`
	Fleet                    []Batch      `yaml:"fleet" check:"required"`
	Market                   Market       `yaml:"market" check:"required"`
	FreightUSDPerKgPer1000km cited.Number `yaml:"freight_usd_per_kg_per_1000km" check:"required,min=0,max=10000"`
	HorizonMonths            int          `yaml:"horizon_months" check:"required,min=1,max=600"`
	DiscountRate             cited.Number `yaml:"discount_rate" check:"required,min=0,max=10"`
	Weights                  Weights      `yaml:"weights" check:"required"`
}

// Batch is a number of identical machines in the fleet.
type Batch struct {
	Machine string `yaml:"machine" check:"required"`
	Count   int    `yaml:"count" check:"required,min=1,max=100000000"`
}

// Market is what the fleet's work earns.
type Market struct {
	PoolFee    cited.Number         `yaml:"pool_fee" check:"required,min=0,max=1"`
	Algorithms map[string]Algorithm `yaml:"algorithms" check:"required"`
}

// Algorithm is the hashprice of one proof-of-work algorithm and how it moves.
type Algorithm struct {
	USDPerUnitDay cited.Number `yaml:"usd_per_unit_day" check:"required,min=0,max=1000000"`
	Unit          string       `yaml:"unit" check:"required,enum=H/s|kH/s|MH/s|GH/s|TH/s|PH/s|EH/s"`
	MonthlyChange cited.Number `yaml:"monthly_change" check:"above=-1,max=1"`
	HalvingMonth  cited.Number `yaml:"halving_month" check:"int,min=0,max=600"`
	FeeShare      cited.Number `yaml:"fee_share" check:"min=0,max=1"`
}

// Weights say how much each criterion counts in the score; they are normalised to sum 1.
type Weights struct {
	NPV       float64 `yaml:"npv" check:"min=0,max=1000"`
	Stability float64 `yaml:"stability" check:"min=0,max=1000"`
	Headroom  float64 `yaml:"headroom" check:"min=0,max=1000"`
	Proximity float64 `yaml:"proximity" check:"min=0,max=1000"`
}

// Normalised returns the weights scaled to sum 1 (all zero stays zero).
func (w Weights) Normalised() Weights {
	sum := w.NPV + w.Stability + w.Headroom + w.Proximity
	if sum == 0 {
		return w
	}
	return Weights{w.NPV / sum, w.Stability / sum, w.Headroom / sum, w.Proximity / sum}
}
