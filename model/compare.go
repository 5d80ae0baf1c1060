package model

import (
	"fmt"
	"strings"

	"hashhaven/economics"
	"hashhaven/human"
	"hashhaven/report"
)

// compareRow is one figure across the compared destinations.
type compareRow struct {
	label  string
	field  string // economics field key, to find the better value; "" for none
	format func(economics.Result) string
}

var compareRows = []compareRow{
	{"Rank", "", func(r economics.Result) string {
		if r.Excluded {
			return "excluded"
		}
		return fmt.Sprintf("#%d", r.Rank)
	}},
	{"NPV", "npv_usd", func(r economics.Result) string { return human.USD(r.NPV) }},
	{"Net / month", "monthly_net_usd", func(r economics.Result) string { return human.USD(r.MonthlyNet) }},
	{"Revenue / month", "monthly_revenue_usd", func(r economics.Result) string { return human.USD(r.MonthlyRevenue) }},
	{"Power / month", "monthly_power_cost_usd", func(r economics.Result) string { return human.USD(r.MonthlyPowerCost) }},
	{"All-in power", "all_in_usd_per_kwh", func(r economics.Result) string { return human.Cents(r.AllInUSDPerKWh) + "/kWh" }},
	{"Break-even", "breakeven_usd_per_kwh", func(r economics.Result) string { return breakeven(r) + "/kWh" }},
	{"Uptime", "uptime", func(r economics.Result) string { return human.Percent(r.Uptime) }},
	{"Fleet that fits", "deployable_fraction", func(r economics.Result) string { return human.Percent(r.Deployable) }},
	{"Move cost", "relocation_cost_usd", func(r economics.Result) string { return human.USD(r.Relocation) }},
	{"Running from", "start_month", func(r economics.Result) string { return fmt.Sprintf("month %d", r.StartMonth) }},
	{"Payback", "payback_months", report.Payback},
	{"Distance", "distance_km", func(r economics.Result) string { return human.Distance(r.DistanceKm) }},
	{"Political stability", "political_stability", func(r economics.Result) string { return fmt.Sprintf("%.0f", r.Stability) }},
	{"Shutdown risk / yr", "annual_shutdown_probability", func(r economics.Result) string { return human.Percent(r.ShutdownYear) }},
	{"Legal status", "", report.Status},
	{"Score", "score", func(r economics.Result) string {
		if r.Excluded {
			return "–"
		}
		return fmt.Sprintf("%.0f", r.Score)
	}},
}

// compareView puts the marked destinations side by side, the better value of each row in bold.
func (m Model) compareView(width, height int) string {
	s := m.styles
	var picked []economics.Result
	for _, id := range m.compareIDs() {
		for _, r := range m.results {
			if r.ID == id {
				picked = append(picked, r)
			}
		}
	}
	if len(picked) < 2 {
		return s.Muted.Render("Mark 2 to 4 destinations with space on the main screen, then press c.")
	}
	labelW := 20
	colW := min(24, max(12, (width-labelW-2)/len(picked)-1))
	var b strings.Builder
	b.WriteString(s.PanelTitle.Render("Compare") + s.Muted.Render("  — the better value in each row is highlighted") + "\n\n")
	head := pad("", labelW, false)
	edited := m.editedCountries()
	for _, r := range picked {
		name := report.Destination(r)
		style := s.TableHead
		if edited[r.ID] {
			name, style = name+" ✎", s.Edited.Bold(true)
		}
		head += " " + style.Render(pad(name, colW, true))
	}
	b.WriteString(head + "\n" + s.Rule.Render(strings.Repeat("─", min(width, labelW+len(picked)*(colW+1)))) + "\n")
	for _, row := range compareRows {
		best := bestOf(picked, row.field)
		line := s.Muted.Render(pad(row.label, labelW, false))
		for i, r := range picked {
			cell := pad(row.format(r), colW, true)
			switch {
			case best[i]:
				cell = s.Best.Render(cell)
			case r.Excluded:
				cell = s.Excluded.Render(cell)
			default:
				cell = s.Base.Render(cell)
			}
			line += " " + cell
		}
		b.WriteString(line + "\n")
	}
	return fitLines(b.String(), width, height)
}

// bestOf marks which results hold the best value of the field among ranked ones; a tie marks
// all, and a row where all are equal marks none.
func bestOf(rs []economics.Result, key string) []bool {
	out := make([]bool, len(rs))
	f, ok := economics.FieldByKey(key)
	if !ok || f.Value == nil {
		return out
	}
	var best float64
	found, differ := false, false
	for _, r := range rs {
		if r.Excluded {
			continue
		}
		v, _ := f.Value(&r)
		switch {
		case !found:
			best, found = v, true
		case v != best:
			differ = true
			if (v > best) == f.HigherBetter {
				best = v
			}
		}
	}
	if !differ {
		return out
	}
	for i, r := range rs {
		v, ok := f.Value(&r)
		out[i] = !r.Excluded && ok && v == best
	}
	return out
}
