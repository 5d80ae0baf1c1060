// Package report writes a ranking for people and programs: a terminal table, markdown for
// meeting notes, CSV and JSON with raw numbers, and a self-contained HTML page.
package report

import (
	"fmt"
	"hashhaven/cited"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"hashhaven/countries"
	"hashhaven/economics"
	"hashhaven/human"
)

// Report is a ranking as shown: the plan it came from, the results in display order, and
// notes that say what the reader should know (filters, what-if edits).
type Report struct {
	Plan      *economics.Plan
	Results   []economics.Result
	Data      string // the data set's label
	AsOf      string // the newest as-of date in the data set
	Notes     []string
	Countries []countries.Country  // the destinations as ranked (what-ifs applied), for sources and charts
	Portfolio *economics.Portfolio // the best split of the fleet; nil when not solved
	// Ranking is every row as ranked when Results is a filtered view of it; nil otherwise.
	Ranking []economics.Result
	// Now and StaleMonths mark figures older than their age in the sources (no marks at 0).
	Now         time.Time
	StaleMonths int
	// Bands are each ranked row's outcomes over simulated futures, by id; nil when not run.
	Bands map[string]economics.Uncertainty
	Paths int    // how many futures the bands summarise
	Seed  uint64 // of the simulation, so the bands can be made again
}

// column is one column of the human-readable formats.
type column struct {
	header string
	right  bool
	cell   func(economics.Result) string
}

var baseColumns = []column{
	{"#", true, func(r economics.Result) string { return Cell(economics.MustField("rank"), &r) }},
	{"Option", false, Destination},
	{"Gain", true, func(r economics.Result) string { return Cell(economics.MustField("gain_usd"), &r) }},
	{"Value", true, func(r economics.Result) string { return Cell(economics.MustField("npv_usd"), &r) }},
	{"Moved", true, func(r economics.Result) string { return Cell(economics.MustField("moved_machines"), &r) }},
	{"Net/month", true, func(r economics.Result) string { return Cell(economics.MustField("monthly_net_usd"), &r) }},
	{"All-in", true, func(r economics.Result) string { return Cell(economics.MustField("all_in_usd_per_kwh"), &r) }},
	{"Uptime", true, func(r economics.Result) string { return Cell(economics.MustField("uptime"), &r) }},
	{"Fits", true, func(r economics.Result) string { return Cell(economics.MustField("deployable_fraction"), &r) }},
	{"Payback", true, func(r economics.Result) string { return Cell(economics.MustField("payback_months"), &r) }},
	{"Score", true, func(r economics.Result) string { return Cell(economics.MustField("score"), &r) }},
	{"Status", false, Status},
}

// Exported is figure f of row r as the CSV and JSON carry it: ok is false (an empty cell,
// null) where the figure does not exist or, by the rule the tables follow (Applies), does not
// apply. The model's specification fixes some of those figures, and they stay: the stay
// row's move-all gain, relocation (with its parts) and start month at 0, the sell row's
// move-all gain and running figures (it runs nothing) at 0, and for a destination nothing
// moves to, a relocation of 0 and its set-up time as the start month.
func Exported(f economics.Field, r *economics.Result) (v float64, ok bool) {
	if f.Value == nil {
		return 0, false
	}
	if v, ok = f.Value(r); !ok {
		return 0, false
	}
	if economics.Applies(f, r) || specified(f, r) {
		return v, true
	}
	return 0, false
}

// specified says whether the specification fixes figure f of row r though it does not apply:
// at 0, or for a destination nothing moves to, at what the move would be (a start month).
func specified(f economics.Field, r *economics.Result) bool {
	if r.Excluded {
		return false
	}
	switch r.Kind {
	case economics.Destination: // one nothing moves to: its move's cost and start
		return true
	case economics.Stay:
		switch f.Key {
		case "move_all_gain_usd", "relocation_cost_usd", "freight_usd", "duty_usd", "setup_usd", "start_month":
			return true
		}
	case economics.Sell:
		switch f.Key {
		case "move_all_gain_usd", "moved_machines", "fit_machines", "facility_kw", "deployable_fraction",
			"monthly_revenue_usd", "monthly_tariff_usd", "monthly_levy_usd", "monthly_power_cost_usd",
			"monthly_opex_usd", "monthly_tax_usd", "monthly_net_usd":
			return true
		}
	}
	return false
}

// Cell is figure f of row r as people read it: "–" where it does not apply.
func Cell(f economics.Field, r *economics.Result) string {
	if !economics.Applies(f, r) {
		return "–"
	}
	switch f.Key {
	case "moved_machines":
		if r.Kind == economics.Stay {
			if k := Kept(r); k > 0 {
				return "keeps " + human.Thousands(float64(k), 0)
			}
			return "sells all"
		}
		return human.Thousands(float64(r.MovedMachines), 0) + " of " + human.Thousands(float64(countOf(r)), 0)
	case "payback_months":
		return Payback(*r)
	case "gain_usd":
		if MovesNothing(r) {
			return "all " + SignedUSD(r.MoveAllGain)
		}
		return SignedUSD(r.Gain)
	}
	v, ok := f.Value(r)
	if !ok {
		return "–"
	}
	return FormatValue(f.Unit, v)
}

// FormatValue renders a figure in its unit, as the tables show it.
func FormatValue(u economics.Unit, v float64) string {
	switch u {
	case economics.USD:
		return human.USD(v)
	case economics.USDPerKWh:
		return human.Cents(v) + "/kWh"
	case economics.Share:
		return human.Percent(v)
	case economics.Months:
		return fmt.Sprintf("%.0f mo", v)
	case economics.Km:
		return human.Distance(v)
	case economics.KW:
		return human.Power(v)
	case economics.Points:
		return fmt.Sprintf("%.0f", v)
	case economics.USDPerUnitDay:
		return "$" + strconv.FormatFloat(v, 'g', 3, 64) + "/day"
	}
	return human.Thousands(v, 0)
}

// SignedUSD is an amount with its sign, for gains: +$1.2M, -$300k, $0.
func SignedUSD(v float64) string {
	s := human.USD(v)
	if v > 0 && s != "$0" {
		return "+" + s
	}
	return s
}

// MovesNothing reports a ranked destination where no machine is worth moving: its gain cell
// says instead what moving everything that fits would change ("all -$1.3M").
func MovesNothing(r *economics.Result) bool {
	return r.Kind == economics.Destination && !r.Excluded && r.MovedMachines == 0
}

// Kept counts the machines the stay row keeps running at the origin rather than selling.
func Kept(r *economics.Result) int {
	n := 0
	for _, b := range r.Batches {
		if b.Alternative == economics.Stay {
			n += b.Count
		}
	}
	return n
}

func countOf(r *economics.Result) int {
	n := 0
	for _, b := range r.Batches {
		n += b.Count
	}
	return n
}

// Destination is a destination's name as tables show it, marking the origin as the stay option.
func Destination(r economics.Result) string {
	if r.Kind == economics.Stay {
		return r.Name + " (stay)"
	}
	return r.Name
}

// Payback renders the payback month, "now" for a free move or staying, "none" past the
// horizon, and "–" where nothing moves or the fleet cannot run at all.
func Payback(r economics.Result) string {
	switch {
	case r.Excluded || r.Kind == economics.Sell || (r.Kind == economics.Destination && r.MovedMachines == 0):
		return "–"
	case !r.HasPayback:
		return "none"
	case r.Payback == 0:
		return "now"
	}
	return fmt.Sprintf("%d mo", r.Payback)
}

// Status is the legal status, or why the destination is excluded.
func Status(r economics.Result) string {
	switch {
	case r.Excluded:
		return "excluded: " + r.ExcludedReason
	case r.Kind == economics.Sell:
		return "no site risk"
	}
	return strings.ReplaceAll(r.LegalStatus, "_", "-")
}

// Summary is the one-line description of the fleet and market, for titles.
func (rep Report) Summary() string {
	p := rep.Plan
	sc := p.Scenario
	out := fmt.Sprintf("%s machines · %s IT · from %s · %d-month horizon · %s discount",
		human.Thousands(float64(p.Machines), 0), human.Power(p.ITkW), p.OriginName, sc.Horizon(), human.Percent(sc.DiscountRate.Value))
	for _, name := range slices.Sorted(maps.Keys(sc.Market.Algorithms)) {
		a := sc.Market.Algorithms[name]
		out += fmt.Sprintf(" · %s hashprice $%s/%s/day", name, cited.Format(a.USDPerUnitDay.Value), a.Unit)
		switch {
		case a.USDPerUnitDay.Edited: // a what-if has no date of evidence
			out += " (what-if)"
		case a.USDPerUnitDay.AsOf != "":
			out += " as of " + a.USDPerUnitDay.AsOf // the input that drives everything, and the one that ages fastest
		}
	}
	return out
}

// bandColumns show the simulated outcomes, when the report has them.
var bandColumns = []column{
	{"P10–P90", true, func(r economics.Result) string {
		if r.Band == nil {
			return "–"
		}
		return human.CompactUSD(r.Band.P10) + " – " + human.CompactUSD(r.Band.P90)
	}},
	{"Worse", true, func(r economics.Result) string { return Cell(economics.MustField("p_worse"), &r) }},
}

// columns are the human-readable formats' columns: the bands after the value when simulated.
func (rep Report) columns() []column {
	if rep.Bands == nil {
		return baseColumns
	}
	cols := slices.Clone(baseColumns[:4])
	cols = append(cols, bandColumns...)
	return append(cols, baseColumns[4:]...)
}

func (rep Report) cells(r economics.Result) []string {
	columns := rep.columns()
	row := make([]string, len(columns))
	for i, c := range columns {
		row[i] = Clean(c.cell(r), false)
	}
	return row
}

func (rep Report) headers() []string {
	columns := rep.columns()
	h := make([]string, len(columns))
	for i, c := range columns {
		h[i] = c.header
	}
	return h
}
