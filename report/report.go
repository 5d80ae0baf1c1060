// Package report writes a ranking for people and programs: a terminal table, markdown for
// meeting notes, CSV and JSON with raw numbers, and a self-contained HTML page.
package report

import (
	"fmt"
	"strings"

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
	Countries []countries.Country // the destinations as ranked (what-ifs applied), for sources and charts
}

// column is one column of the human-readable formats.
type column struct {
	header string
	right  bool
	cell   func(economics.Result) string
}

var columns = []column{
	{"#", true, func(r economics.Result) string {
		if r.Excluded {
			return "–"
		}
		return fmt.Sprint(r.Rank)
	}},
	{"Destination", false, Destination},
	{"NPV", true, func(r economics.Result) string { return human.USD(r.NPV) }},
	{"Net/month", true, func(r economics.Result) string { return human.USD(r.MonthlyNet) }},
	{"All-in", true, func(r economics.Result) string { return human.Cents(r.AllInUSDPerKWh) + "/kWh" }},
	{"Uptime", true, func(r economics.Result) string { return human.Percent(r.Uptime) }},
	{"Fits", true, func(r economics.Result) string { return human.Percent(r.Deployable) }},
	{"Payback", true, Payback},
	{"Score", true, func(r economics.Result) string {
		if r.Excluded {
			return "–"
		}
		return fmt.Sprintf("%.0f", r.Score)
	}},
	{"Status", false, Status},
}

// Destination is a destination's name as tables show it, marking the origin as the stay option.
func Destination(r economics.Result) string {
	if r.Stay {
		return r.Name + " (stay)"
	}
	return r.Name
}

// Payback renders the payback month, "now" for a free move, "none" past the horizon and
// "–" where the fleet cannot run at all.
func Payback(r economics.Result) string {
	switch {
	case r.Excluded:
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
	if r.Excluded {
		return "excluded: " + r.ExcludedReason
	}
	return strings.ReplaceAll(r.LegalStatus, "_", "-")
}

// Summary is the one-line description of the fleet and market, for titles.
func (rep Report) Summary() string {
	p := rep.Plan
	sc := p.Scenario
	return fmt.Sprintf("%s machines · %s IT · from %s · %d-month horizon · %s discount",
		human.Thousands(float64(p.Machines), 0), human.Power(p.ITkW), p.OriginName, sc.HorizonMonths, human.Percent(sc.DiscountRate.Value))
}

func (rep Report) cells(r economics.Result) []string {
	row := make([]string, len(columns))
	for i, c := range columns {
		row[i] = c.cell(r)
	}
	return row
}

func headers() []string {
	h := make([]string, len(columns))
	for i, c := range columns {
		h[i] = c.header
	}
	return h
}
