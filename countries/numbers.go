package countries

import "hashhaven/cited"

// NumberField is one figure of a profile, addressed by its dotted path in the file.
type NumberField struct {
	Path  string // e.g. taxes.mining_levy_per_kwh
	Label string // for people: "Mining levy"
	Unit  string // "USD/kWh", "KZT/kWh", "share", …
	Num   *cited.Number
}

// Numbers lists every figure of c in file order, pointing into c so a what-if can change it.
// Optional figures absent from the file are listed too (as zero, not Set).
func Numbers(c *Country) []NumberField {
	local := c.Currency + "/kWh"
	return []NumberField{
		{"usd_per_local", "USD per " + c.Currency, "USD", &c.USDPerLocal},
		{"location.lat", "Latitude", "°", &c.Location.Lat},
		{"location.lon", "Longitude", "°", &c.Location.Lon},
		{"power.price_usd_per_kwh", "Power price", "USD/kWh", &c.Power.PriceUSDPerKWh},
		{"power.available_mw", "Spare capacity", "MW", &c.Power.AvailableMW},
		{"power.uptime", "Uptime", "share", &c.Power.Uptime},
		{"taxes.mining_levy_per_kwh", "Mining levy", local, &c.Taxes.MiningLevyPerKWh},
		{"taxes.levy_share_of_power_bill", "Levy on power bill", "share", &c.Taxes.LevyShareOfPowerBill},
		{"taxes.corporate_income_tax", "Corporate income tax", "share", &c.Taxes.CorporateIncomeTax},
		{"taxes.import_duty", "Import duty", "share", &c.Taxes.ImportDuty},
		{"risk.annual_shutdown_probability", "Shutdown risk / year", "share", &c.Risk.AnnualShutdownProbability},
		{"risk.political_stability", "Political stability", "percentile", &c.Risk.PoliticalStability},
		{"risk.levy_shock.annual_probability", "Levy shock / year", "share", &c.Risk.LevyShock.AnnualProbability},
		{"risk.levy_shock.multiplier", "Levy shock multiplier", "×", &c.Risk.LevyShock.Multiplier},
		{"site.pue", "PUE", "ratio", &c.Site.PUE},
		{"site.avg_temp_c", "Average temperature", "°C", &c.Site.AvgTempC},
		{"site.setup_usd_per_kw", "Set-up cost", "USD/kW", &c.Site.SetupUSDPerKW},
		{"site.setup_months", "Set-up time", "months", &c.Site.SetupMonths},
		{"site.opex_usd_per_kw_month", "Opex", "USD/kW/month", &c.Site.OpexUSDPerKWMonth},
	}
}
