// Package countries reads destination profiles: one YAML file per country or region with
// its power, taxes, risk and site figures, each carrying its source.
package countries

import "hashhaven/cited"

// Country is one destination a fleet could move to.
type Country struct {
	ID          string       `yaml:"id" check:"required,pattern=[a-z0-9-]+"`
	Name        string       `yaml:"name" check:"required"`
	Region      string       `yaml:"region" check:"required"`
	Currency    string       `yaml:"currency" check:"required,pattern=[A-Z]{3}"`
	USDPerLocal cited.Number `yaml:"usd_per_local" check:"above=0,max=10000"`
	Location    Location     `yaml:"location" check:"required"`
	Power       Power        `yaml:"power" check:"required"`
	Taxes       Taxes        `yaml:"taxes" check:"required"`
	Risk        Risk         `yaml:"risk" check:"required"`
	Site        Site         `yaml:"site" check:"required"`
}

// Location is a representative mining site, used for the freight distance.
type Location struct {
	Lat cited.Number `yaml:"lat" check:"required,min=-90,max=90"`
	Lon cited.Number `yaml:"lon" check:"required,min=-180,max=180"`
}

// Power is what a miner pays for electricity and how much of it can be had.
type Power struct {
	PriceUSDPerKWh cited.Number `yaml:"price_usd_per_kwh" check:"required,min=0,max=10"`
	AvailableMW    cited.Number `yaml:"available_mw" check:"required,min=0,max=100000"`
	Uptime         cited.Number `yaml:"uptime" check:"required,min=0,max=1"`
}

// Taxes are the levies and taxes specific to mining there.
type Taxes struct {
	MiningLevyPerKWh     cited.Number `yaml:"mining_levy_per_kwh" check:"min=0,max=1000000"`
	LevyShareOfPowerBill cited.Number `yaml:"levy_share_of_power_bill" check:"min=0,max=1"`
	CorporateIncomeTax   cited.Number `yaml:"corporate_income_tax" check:"required,min=0,max=1"`
	ImportDuty           cited.Number `yaml:"import_duty" check:"required,min=0,max=1"`
}

// Legal statuses a destination can have; banned ones are listed but never ranked.
const (
	Legal      = "legal"
	Licensed   = "licensed"
	Restricted = "restricted"
	StateRun   = "state_run"
	Banned     = "banned"
)

// Risk is the chance of losing the fleet's operation there.
type Risk struct {
	LegalStatus               string       `yaml:"legal_status" check:"required,enum=legal|licensed|restricted|state_run|banned"`
	AnnualShutdownProbability cited.Number `yaml:"annual_shutdown_probability" check:"required,min=0,max=1"`
	PoliticalStability        cited.Number `yaml:"political_stability" check:"required,min=0,max=100"`
	// LevyShock is a sudden rise of the per-kWh mining levy that may come (Kazakhstan's
	// proposed 1 → 10 KZT/kWh, Feb 2022); used by the outcome simulation only.
	LevyShock LevyShock `yaml:"levy_shock"`
	Events    []Event   `yaml:"events"`
}

// LevyShock is a once-only multiplication of the per-kWh mining levy, arriving with the given
// chance per year; both absent means none.
type LevyShock struct {
	AnnualProbability cited.Number `yaml:"annual_probability" check:"min=0,max=1"`
	Multiplier        cited.Number `yaml:"multiplier" check:"min=0,max=1000"`
}

// Event is a dated policy change worth knowing about.
type Event struct {
	Date string `yaml:"date" check:"required"`
	Text string `yaml:"text" check:"required"`
}

// Site is what it takes to build and run there.
type Site struct {
	PUE               cited.Number `yaml:"pue" check:"required,min=1,max=3"`
	AvgTempC          cited.Number `yaml:"avg_temp_c" check:"required,min=-60,max=60"`
	SetupUSDPerKW     cited.Number `yaml:"setup_usd_per_kw" check:"required,min=0,max=100000"`
	SetupMonths       cited.Number `yaml:"setup_months" check:"required,int,min=0,max=120"`
	OpexUSDPerKWMonth cited.Number `yaml:"opex_usd_per_kw_month" check:"min=0,max=10000"`
}
