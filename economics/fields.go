package economics

import (
	"sort"
	"strings"
)

// Field is a figure of a result that tables can show, sort by and compare.
type Field struct {
	Key          string // machine name, as in the JSON output and --sort
	Label        string
	HigherBetter bool
	Value        func(Result) float64
}

// Fields are the sortable figures of a result, in table order.
var Fields = []Field{
	{"rank", "rank", false, func(r Result) float64 { return float64(r.Rank) }},
	{"npv_usd", "NPV", true, func(r Result) float64 { return r.NPV }},
	{"monthly_net_usd", "net/month", true, func(r Result) float64 { return r.MonthlyNet }},
	{"all_in_usd_per_kwh", "all-in ¢/kWh", false, func(r Result) float64 { return r.AllInUSDPerKWh }},
	{"uptime", "uptime", true, func(r Result) float64 { return r.Uptime }},
	{"deployable_fraction", "fits", true, func(r Result) float64 { return r.Deployable }},
	{"payback_months", "payback", false, func(r Result) float64 {
		if !r.HasPayback {
			return 1e9
		}
		return float64(r.Payback)
	}},
	{"score", "score", true, func(r Result) float64 { return r.Score }},
	{"relocation_cost_usd", "move cost", false, func(r Result) float64 { return r.Relocation }},
	{"distance_km", "distance", false, func(r Result) float64 { return r.DistanceKm }},
	{"start_month", "start", false, func(r Result) float64 { return float64(r.StartMonth) }},
	{"monthly_revenue_usd", "revenue/month", true, func(r Result) float64 { return r.MonthlyRevenue }},
	{"monthly_power_cost_usd", "power/month", false, func(r Result) float64 { return r.MonthlyPowerCost }},
	{"breakeven_usd_per_kwh", "break-even", true, func(r Result) float64 { return r.Breakeven }},
	{"facility_kw", "facility kW", false, func(r Result) float64 { return r.FacilityKW }},
	{"political_stability", "stability", true, func(r Result) float64 { return r.Stability }},
	{"annual_shutdown_probability", "shutdown risk", false, func(r Result) float64 { return r.ShutdownYear }},
	{"name", "name", false, nil},
}

// FieldByKey finds a field by its key.
func FieldByKey(key string) (Field, bool) {
	for _, f := range Fields {
		if f.Key == key {
			return f, true
		}
	}
	return Field{}, false
}

// FieldKeys lists the keys, for help and error messages.
func FieldKeys() string {
	keys := make([]string, len(Fields))
	for i, f := range Fields {
		keys[i] = f.Key
	}
	return strings.Join(keys, ", ")
}

// SortBy orders results by the field, best first (reverse flips it); excluded results stay
// last whatever the order, and ties keep NPV order.
func SortBy(results []Result, f Field, reverse bool) {
	sort.SliceStable(results, func(i, j int) bool {
		a, b := results[i], results[j]
		if a.Excluded != b.Excluded {
			return !a.Excluded
		}
		var less bool
		if f.Value == nil {
			if strings.EqualFold(a.Name, b.Name) {
				return false
			}
			less = strings.ToLower(a.Name) < strings.ToLower(b.Name)
		} else {
			va, vb := f.Value(a), f.Value(b)
			if va == vb {
				return false
			}
			less = (va > vb) == f.HigherBetter
		}
		return less != reverse
	})
}
