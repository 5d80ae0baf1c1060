package economics

import (
	"cmp"
	"slices"
	"strings"
)

// Unit says how a figure is measured, so every table, export and chart formats it alike.
type Unit int

// The units of a result's figures.
const (
	USD       Unit = iota // US dollars
	USDPerKWh             // US dollars per kWh
	Share                 // 0–1
	Months                // whole months
	Km
	KW
	Machines      // a count of machines
	Points        // 0–100
	USDPerUnitDay // a hashprice: USD per hashrate unit per day
	Text          // not a number: sorted by name
)

// Field is one figure of a result: the single declaration that the JSON and CSV exports,
// the tables, compare and the sort keys all read.
type Field struct {
	Key          string // as in the JSON and CSV output and --sort
	Label        string // short, for column headers
	Unit         Unit
	HigherBetter bool
	// Value is the figure for r; ok is false where it does not exist (null in JSON).
	Value func(r *Result) (v float64, ok bool)
	// Group names the JSON object the figure is written in ("" for the row itself).
	Group string
}

func always(f func(r *Result) float64) func(*Result) (float64, bool) {
	return func(r *Result) (float64, bool) { return f(r), true }
}

// Fields are a result's figures, in export order.
var Fields = []Field{
	{"rank", "rank", Machines, false, func(r *Result) (float64, bool) { return float64(r.Rank), !r.Excluded }, ""},
	{"name", "name", Text, false, nil, ""},
	{"gain_usd", "gain", USD, true, always(func(r *Result) float64 { return r.Gain }), ""},
	{"npv_usd", "value", USD, true, always(func(r *Result) float64 { return r.NPV }), ""},
	{"move_all_gain_usd", "move-all gain", USD, true, always(func(r *Result) float64 { return r.MoveAllGain }), ""},
	{"moved_machines", "moved", Machines, true, always(func(r *Result) float64 { return float64(r.MovedMachines) }), ""},
	{"fit_machines", "fit", Machines, true, always(func(r *Result) float64 { return float64(r.FitMachines) }), ""},
	{"monthly_net_usd", "net/month", USD, true, always(func(r *Result) float64 { return r.MonthlyNet }), ""},
	{"all_in_usd_per_kwh", "¢/kWh", USDPerKWh, false, always(func(r *Result) float64 { return r.AllInUSDPerKWh }), ""},
	{"tariff_usd_per_kwh", "tariff", USDPerKWh, false, always(func(r *Result) float64 { return r.TariffUSDPerKWh }), ""},
	{"uptime", "uptime", Share, true, always(func(r *Result) float64 { return r.Uptime }), ""},
	{"deployable_fraction", "fits", Share, true, always(func(r *Result) float64 { return r.Deployable }), ""},
	{"payback_months", "payback", Months, false, func(r *Result) (float64, bool) { return float64(r.Payback), r.HasPayback }, ""},
	{"score", "score", Points, true, func(r *Result) (float64, bool) { return r.Score, r.Scored }, ""},
	{"relocation_cost_usd", "move cost", USD, false, always(func(r *Result) float64 { return r.Relocation }), ""},
	{"freight_usd", "freight", USD, false, always(func(r *Result) float64 { return r.Freight }), ""},
	{"duty_usd", "duty", USD, false, always(func(r *Result) float64 { return r.Duty }), ""},
	{"setup_usd", "set-up", USD, false, always(func(r *Result) float64 { return r.Setup }), ""},
	{"distance_km", "distance", Km, false, always(func(r *Result) float64 { return r.DistanceKm }), ""},
	{"start_month", "start", Months, false, always(func(r *Result) float64 { return float64(r.StartMonth) }), ""},
	{"facility_kw", "facility", KW, false, always(func(r *Result) float64 { return r.FacilityKW }), ""},
	{"monthly_revenue_usd", "revenue/month", USD, true, always(func(r *Result) float64 { return r.MonthlyRevenue }), ""},
	{"monthly_tariff_usd", "tariff/month", USD, false, always(func(r *Result) float64 { return r.MonthlyPower }), ""},
	{"monthly_levy_usd", "levies/month", USD, false, always(func(r *Result) float64 { return r.MonthlyLevy }), ""},
	{"monthly_power_cost_usd", "power all-in/month", USD, false, always(func(r *Result) float64 { return r.MonthlyPowerCost }), ""},
	{"monthly_opex_usd", "opex/month", USD, false, always(func(r *Result) float64 { return r.MonthlyOpex }), ""},
	{"monthly_tax_usd", "tax/month", USD, false, always(func(r *Result) float64 { return r.MonthlyTax }), ""},
	{"breakeven_usd_per_kwh", "break-even", USDPerKWh, true, func(r *Result) (float64, bool) { return r.Breakeven, r.HasBreakeven }, ""},
	{"breakeven_hashprice", "break-even hashprice", USDPerUnitDay, false, func(r *Result) (float64, bool) {
		return r.BreakevenHashprice, r.HasBreakevenHashprice
	}, ""},
	{"breakeven_origin_power_usd_per_kwh", "origin break-even", USDPerKWh, true, func(r *Result) (float64, bool) {
		return r.BreakevenOriginPower, r.HasBreakevenOriginPower
	}, ""},
	{"political_stability", "stability", Points, true, always(func(r *Result) float64 { return r.Stability }), ""},
	{"annual_shutdown_probability", "shutdown risk", Share, false, always(func(r *Result) float64 { return r.ShutdownYear }), ""},
	{"mean_usd", "mean", USD, true, band(func(u *Uncertainty) float64 { return u.Mean }), Uncertain},
	{"p10_usd", "P10", USD, true, band(func(u *Uncertainty) float64 { return u.P10 }), Uncertain},
	{"p50_usd", "P50", USD, true, band(func(u *Uncertainty) float64 { return u.P50 }), Uncertain},
	{"p90_usd", "P90", USD, true, band(func(u *Uncertainty) float64 { return u.P90 }), Uncertain},
	{"p_worse", "worse", Share, false, band(func(u *Uncertainty) float64 { return u.PWorse }), Uncertain},
}

// Uncertain is the group of the figures of a row's simulated outcomes.
const Uncertain = "uncertainty"

func band(f func(u *Uncertainty) float64) func(*Result) (float64, bool) {
	return func(r *Result) (float64, bool) {
		if r.Band == nil {
			return 0, false
		}
		return f(r.Band), true
	}
}

// FieldByKey finds a field by its key, or by its label as the tables show it ("payback").
func FieldByKey(key string) (Field, bool) {
	for _, f := range Fields {
		if f.Key == key {
			return f, true
		}
	}
	for _, f := range Fields {
		if strings.EqualFold(f.Label, key) {
			return f, true
		}
	}
	return Field{}, false
}

// MustField is a field the program itself names; a misspelt key is a programming error.
func MustField(key string) Field {
	f, ok := FieldByKey(key)
	if !ok {
		panic("economics: no field " + key)
	}
	return f
}

// FieldKeys lists the keys, for help and error messages.
func FieldKeys() string {
	keys := make([]string, len(Fields))
	for i, f := range Fields {
		keys[i] = f.Key
	}
	return strings.Join(keys, ", ")
}

// SortBy orders results by the field, best first (reverse flips it). Excluded results stay
// last whatever the order; a figure that does not exist sorts after every one that does; ties
// fall back to the ranking's own order, so a sort key always gives the same order.
func SortBy(results []Result, f Field, reverse bool) {
	order := make([]int, len(results))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		a, b := &results[i], &results[j]
		if a.Excluded != b.Excluded {
			return boolCmp(a.Excluded, b.Excluded)
		}
		if ma, mb := missing(f, a), missing(f, b); ma != mb {
			return boolCmp(ma, mb) // after every figure that exists, in either direction
		}
		c := compareBy(f, a, b)
		if c == 0 {
			return byNPV(a, b)
		}
		if reverse {
			return -c
		}
		return c
	})
	permute(results, order)
}

// Applies reports whether figure f means something for row r: an excluded destination has
// no plan, the sell row runs nothing, and staying, or a destination no machine gains by
// moving to, moves nothing. Tables show "–" where it does not, and sorting puts those rows
// after every row with the figure.
func Applies(f Field, r *Result) bool {
	switch f.Key {
	case "name", "political_stability", "annual_shutdown_probability", "uptime", "all_in_usd_per_kwh", "tariff_usd_per_kwh", "distance_km":
		return r.Kind != Sell // figures of a site, which the sale has not
	}
	if r.Excluded {
		return false
	}
	switch r.Kind {
	case Sell:
		return f.Key == "gain_usd" || f.Key == "npv_usd" || f.Key == "rank" || f.Group == Uncertain
	case Stay:
		return !movingFigure(f) && f.Key != "move_all_gain_usd"
	}
	return r.MovedMachines > 0 || !movingFigure(f)
}

// movingFigure says whether f is a figure of the move itself: its cost and when it starts.
func movingFigure(f Field) bool {
	switch f.Key {
	case "relocation_cost_usd", "freight_usd", "duty_usd", "setup_usd", "start_month":
		return true
	}
	return false
}

// missing reports a row without figure f, or one where it does not apply.
func missing(f Field, r *Result) bool {
	if f.Value == nil {
		return false
	}
	_, ok := f.Value(r)
	return !ok || !Applies(f, r)
}

// compareBy is −1 when a is better than b on f.
func compareBy(f Field, a, b *Result) int {
	if f.Value == nil {
		return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
	}
	va, oka := f.Value(a)
	vb, okb := f.Value(b)
	if oka != okb {
		return boolCmp(!oka, !okb)
	}
	if f.HigherBetter {
		return cmp.Compare(vb, va)
	}
	return cmp.Compare(va, vb)
}
