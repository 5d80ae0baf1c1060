package report

import (
	"encoding/csv"
	"io"
	"strconv"
)

// WriteCSV writes one row per destination with raw numbers (USD, USD/kWh, shares 0–1), the
// same fields as the JSON output; empty cells stand for null. Notes come first as # lines.
func WriteCSV(w io.Writer, rep Report) error {
	for _, n := range rep.Notes {
		if _, err := io.WriteString(w, "# "+n+"\n"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	cw.Write([]string{"rank", "id", "name", "region", "legal_status", "excluded", "excluded_reason", "stay",
		"facility_kw", "deployable_fraction", "all_in_usd_per_kwh", "uptime", "monthly_revenue_usd",
		"monthly_power_cost_usd", "monthly_levy_usd", "monthly_opex_usd", "monthly_tax_usd", "monthly_net_usd",
		"distance_km", "freight_usd", "duty_usd", "setup_usd", "relocation_cost_usd", "start_month", "npv_usd",
		"payback_months", "breakeven_usd_per_kwh", "score"})
	for _, r := range rep.Results {
		j := toJSON(r)
		cw.Write([]string{intp(j.Rank), j.ID, j.Name, j.Region, j.LegalStatus, strconv.FormatBool(j.Excluded), r.ExcludedReason,
			strconv.FormatBool(j.Stay), num(j.FacilityKW), num(j.Deployable), num(j.AllIn), num(j.Uptime), num(j.Revenue),
			num(j.PowerCost), num(j.Levy), num(j.Opex), num(j.Tax), num(j.Net), num(j.DistanceKm), num(j.Freight),
			num(j.Duty), num(j.Setup), num(j.Relocation), strconv.Itoa(j.StartMonth), num(j.NPV), intp(j.Payback),
			floatp(j.Breakeven), floatp(j.Score)})
	}
	cw.Flush()
	return cw.Error()
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func intp(v *int) string {
	if v == nil {
		return ""
	}
	return strconv.Itoa(*v)
}

func floatp(v *float64) string {
	if v == nil {
		return ""
	}
	return num(*v)
}
