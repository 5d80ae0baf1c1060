package report

import (
	"encoding/json"
	"io"

	"hashhaven/economics"
)

type jsonReport struct {
	Scenario jsonScenario `json:"scenario"`
	Results  []jsonResult `json:"results"`
}

type jsonScenario struct {
	Name          string   `json:"name"`
	Origin        string   `json:"origin"`
	Machines      int      `json:"machines"`
	ITkW          float64  `json:"it_kw"`
	HorizonMonths int      `json:"horizon_months"`
	DiscountRate  float64  `json:"discount_rate"`
	PoolFee       float64  `json:"pool_fee"`
	Freight       float64  `json:"freight_usd_per_kg_per_1000km"`
	Data          string   `json:"data"`
	DataAsOf      string   `json:"data_as_of"`
	Notes         []string `json:"notes"`
}

type jsonResult struct {
	ID             string   `json:"id"`
	Name           string   `json:"name"`
	Region         string   `json:"region"`
	LegalStatus    string   `json:"legal_status"`
	Rank           *int     `json:"rank"`
	Excluded       bool     `json:"excluded"`
	ExcludedReason *string  `json:"excluded_reason"`
	Stay           bool     `json:"stay"`
	FacilityKW     float64  `json:"facility_kw"`
	Deployable     float64  `json:"deployable_fraction"`
	AllIn          float64  `json:"all_in_usd_per_kwh"`
	Uptime         float64  `json:"uptime"`
	Revenue        float64  `json:"monthly_revenue_usd"`
	PowerCost      float64  `json:"monthly_power_cost_usd"`
	Levy           float64  `json:"monthly_levy_usd"`
	Opex           float64  `json:"monthly_opex_usd"`
	Tax            float64  `json:"monthly_tax_usd"`
	Net            float64  `json:"monthly_net_usd"`
	DistanceKm     float64  `json:"distance_km"`
	Freight        float64  `json:"freight_usd"`
	Duty           float64  `json:"duty_usd"`
	Setup          float64  `json:"setup_usd"`
	Relocation     float64  `json:"relocation_cost_usd"`
	StartMonth     int      `json:"start_month"`
	NPV            float64  `json:"npv_usd"`
	Payback        *int     `json:"payback_months"`
	Breakeven      *float64 `json:"breakeven_usd_per_kwh"`
	Score          *float64 `json:"score"`
}

// WriteJSON writes {"scenario": …, "results": […]} with raw numbers; figures that do not
// exist (no payback within the horizon, no rank for an excluded destination) are null.
func WriteJSON(w io.Writer, rep Report) error {
	p := rep.Plan
	out := jsonReport{Scenario: jsonScenario{
		Name: p.Scenario.Name, Origin: p.Scenario.Origin.String(), Machines: p.Machines, ITkW: p.ITkW,
		HorizonMonths: p.Scenario.HorizonMonths, DiscountRate: p.Scenario.DiscountRate.Value,
		PoolFee: p.Scenario.Market.PoolFee.Value, Freight: p.Scenario.FreightUSDPerKgPer1000km.Value,
		Data: rep.Data, DataAsOf: rep.AsOf, Notes: rep.Notes,
	}, Results: make([]jsonResult, len(rep.Results))}
	if out.Scenario.Notes == nil {
		out.Scenario.Notes = []string{}
	}
	for i, r := range rep.Results {
		out.Results[i] = toJSON(r)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func toJSON(r economics.Result) jsonResult {
	j := jsonResult{
		ID: r.ID, Name: r.Name, Region: r.Region, LegalStatus: r.LegalStatus, Excluded: r.Excluded, Stay: r.Stay,
		FacilityKW: r.FacilityKW, Deployable: r.Deployable, AllIn: r.AllInUSDPerKWh, Uptime: r.Uptime,
		Revenue: r.MonthlyRevenue, PowerCost: r.MonthlyPowerCost, Levy: r.MonthlyLevy, Opex: r.MonthlyOpex,
		Tax: r.MonthlyTax, Net: r.MonthlyNet, DistanceKm: r.DistanceKm, Freight: r.Freight, Duty: r.Duty,
		Setup: r.Setup, Relocation: r.Relocation, StartMonth: r.StartMonth, NPV: r.NPV,
	}
	if r.Excluded {
		j.ExcludedReason = &r.ExcludedReason
	} else {
		j.Rank, j.Score = &r.Rank, &r.Score
	}
	if r.HasPayback {
		j.Payback = &r.Payback
	}
	if r.HasBreakeven {
		j.Breakeven = &r.Breakeven
	}
	return j
}
