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
	HorizonMonths            cited.Number `yaml:"horizon_months" check:"required,int,min=1,max=600"`
	DiscountRate             cited.Number `yaml:"discount_rate" check:"required,min=0,max=10"`
	Weights                  Weights      `yaml:"weights" check:"required"`
	Portfolio                Portfolio    `yaml:"portfolio"`
}

// Horizon is the number of months valued.
func (s Scenario) Horizon() int { return int(s.HorizonMonths.Value) }

// Portfolio limits how the fleet may be split over several options.
type Portfolio struct {
	// MaxSharePerDestination caps the share of the fleet's IT load in any one destination,
	// and in staying, so one government cannot strand the whole fleet. 1 when absent.
	MaxSharePerDestination cited.Number `yaml:"max_share_per_destination" check:"above=0,max=1"`
}

// MaxShare is the cap on any one option's share of the fleet's IT load, 1 when not set.
func (p Portfolio) MaxShare() float64 {
	if !p.MaxSharePerDestination.Set {
		return 1
	}
	return p.MaxSharePerDestination.Value
}

// Batch is a number of identical machines in the fleet.
type Batch struct {
	Machine string `yaml:"machine" check:"required"`
	Count   int    `yaml:"count" check:"required,min=1,max=100000000"`
}

// Market is what the fleet's work earns.
type Market struct {
	PoolFee    cited.Number         `yaml:"pool_fee" check:"required,min=0,max=1"`
	SaleFee    cited.Number         `yaml:"sale_fee" check:"min=0,max=1"` // share of resale value lost in a sale
	Algorithms map[string]Algorithm `yaml:"algorithms" check:"required"`
}

// Algorithm is the hashprice of one proof-of-work algorithm and how it moves.
type Algorithm struct {
	USDPerUnitDay cited.Number `yaml:"usd_per_unit_day" check:"required,min=0,max=1000000"`
	Unit          string       `yaml:"unit" check:"required,enum=H/s|kH/s|MH/s|GH/s|TH/s|PH/s|EH/s"`
	MonthlyChange cited.Number `yaml:"monthly_change" check:"above=-1,max=1"`
	HalvingMonth  cited.Number `yaml:"halving_month" check:"int,min=0,max=600"`
	FeeShare      cited.Number `yaml:"fee_share" check:"min=0,max=1"`
	// ResaleMonthlyChange is how a used machine's price moves each month (negative: it falls).
	ResaleMonthlyChange cited.Number `yaml:"resale_monthly_change" check:"above=-1,max=1"`
	// MonthlyVolatility is σ of the hashprice's monthly log change around its trend, for the
	// outcome simulation; 0 when absent.
	MonthlyVolatility cited.Number `yaml:"monthly_volatility" check:"min=0,max=2"`
}

// Weights say how much each criterion counts in the score; they are normalised to sum 1.
type Weights struct {
	NPV       cited.Number `yaml:"npv" check:"min=0,max=1000"`
	Stability cited.Number `yaml:"stability" check:"min=0,max=1000"`
	Headroom  cited.Number `yaml:"headroom" check:"min=0,max=1000"`
	Proximity cited.Number `yaml:"proximity" check:"min=0,max=1000"`
}

// Shares are the weights as plain shares of the score.
type Shares struct{ NPV, Stability, Headroom, Proximity float64 }

// Sum is the total of the weights as written.
func (w Weights) Sum() float64 {
	return w.NPV.Value + w.Stability.Value + w.Headroom.Value + w.Proximity.Value
}

// Check says why the weights cannot score, or "" when they can: all zero weigh nothing.
// The loader and the app's editor both refuse such weights with it.
func (w Weights) Check() string {
	if w.Sum() == 0 {
		return "at least one weight must be above 0"
	}
	return ""
}

// Normalised returns the weights scaled to sum 1 (all zero stays zero).
func (w Weights) Normalised() Shares {
	sum := w.Sum()
	if sum == 0 {
		return Shares{}
	}
	return Shares{w.NPV.Value / sum, w.Stability.Value / sum, w.Headroom.Value / sum, w.Proximity.Value / sum}
}
