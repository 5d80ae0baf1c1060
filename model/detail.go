package model

import (
	"fmt"
	"math"
	"strings"

	"hashhaven/countries"
	"hashhaven/economics"
	"hashhaven/human"
	"hashhaven/report"
)

// Figures older than this many months are flagged as stale.
const staleMonths = 18

func (m Model) sortKeyField() economics.Field { return economics.Fields[m.sortKey] }

// detailPane is the selected row in a pane of the given size: the headline, what happens to
// each machine model, the month-0 waterfall, the move, warnings, events and every input with
// its source. The sell row has no site: it shows the machines and the sale only. The pane
// cuts what does not fit; the detail screen scrolls.
func (m Model) detailPane(width, height int) string {
	return fitLines(m.detailColumn(width, false), width, height)
}

// detailColumn is the whole detail in one column; full gives every input's source in full,
// wrapped under its figure, where a pane gives each one line.
func (m Model) detailColumn(width int, full bool) string {
	r, ok := m.selectedResult()
	if !ok {
		return m.styles.Muted.Render("No option matches the filter.")
	}
	c, hasSite := m.selectedCountry()
	sections := []string{m.detailHeadline(r, width), m.batchLines(r, width)}
	if !hasSite {
		sections = append(sections, m.saleNote(width))
		return strings.Join(sections, "\n\n")
	}
	sections = append(sections, m.waterfall(r, width), m.moveSummary(r, width))
	for _, extra := range []string{m.breakevenLines(r, width), m.tornado(r, width)} {
		if extra != "" {
			sections = append(sections, extra)
		}
	}
	if w := m.warnings(r, c); w != "" {
		sections = append(sections, w)
	}
	sections = append(sections, m.events(c, width), m.inputs(&c, width, full))
	return strings.Join(sections, "\n\n")
}

// detailScreen is the detail on its own screen, scrolled to where the user has read.
func (m Model) detailScreen(width, height int) string {
	view, _ := m.scrolled(m.detailText(width), width, height, m.detailY)
	return view
}

// detailText is the whole detail screen, however tall: in two columns when there is room,
// with every input's source in full.
func (m Model) detailText(width int) string {
	r, ok := m.selectedResult()
	if !ok {
		return m.styles.Muted.Render("No option matches the filter.")
	}
	c, hasSite := m.selectedCountry()
	if width < 110 || !hasSite {
		return m.detailColumn(width, true)
	}
	colW := (width - 3) / 2
	left := []string{m.detailHeadline(r, colW), m.batchLines(r, colW), m.waterfall(r, colW), m.moveSummary(r, colW)}
	if w := m.warnings(r, c); w != "" {
		left = append(left, w)
	}
	left = append(left, m.events(c, colW))
	var right []string
	for _, extra := range []string{m.breakevenLines(r, colW), m.tornado(r, colW)} {
		if extra != "" {
			right = append(right, extra)
		}
	}
	right = append(right, m.inputs(&c, colW, true))
	l, rt := strings.Join(left, "\n\n"), strings.Join(right, "\n\n")
	height := max(strings.Count(l, "\n"), strings.Count(rt, "\n")) + 1
	rule := strings.TrimSuffix(strings.Repeat(" "+m.styles.Rule.Render("│")+" \n", height), "\n")
	return joinColumns(fitLines(l, colW, height), rule, fitLines(rt, colW, height))
}

func (m Model) detailHeadline(r economics.Result, width int) string {
	s := m.styles
	title := s.PanelTitle.Render(kindGlyph(r)+report.Destination(r)) + s.Muted.Render(" · "+report.Status(r))
	if r.Region != "" {
		title = s.PanelTitle.Render(kindGlyph(r)+report.Destination(r)) + s.Muted.Render(" · "+r.Region+" · "+report.Status(r))
	}
	rank := "not ranked"
	if !r.Excluded {
		rank = fmt.Sprintf("#%d of %d", r.Rank, m.rankedCount())
	}
	money := func(f economics.Field) string {
		text := report.Cell(f, &r)
		if v, ok := f.Value(&r); ok && v < 0 {
			return s.Negative.Render(text)
		}
		return s.HeaderValue.Render(text)
	}
	// Rows of segments, each segment a label with its figure, which wrapping keeps together.
	rows := [][]string{{s.Muted.Render("value ") + money(economics.MustField("npv_usd")),
		money(economics.MustField("gain_usd")) + s.Muted.Render(" vs not moving"), s.HeaderValue.Render(rank)}}
	if r.Kind == economics.Destination && !r.Excluded {
		row := []string{s.Muted.Render("moves ") + s.HeaderValue.Render(report.Cell(economics.MustField("moved_machines"), &r)) +
			s.Muted.Render(" machines"), s.Muted.Render("payback ") + s.HeaderValue.Render(report.Payback(r))}
		if r.MovedMachines == 0 {
			row = append(row, s.Muted.Render("moving all that fits: ")+money(economics.MustField("move_all_gain_usd")))
		}
		rows = append(rows, row)
	}
	if r.Scored {
		last := &rows[len(rows)-1]
		*last = append(*last, s.Muted.Render("score ")+s.HeaderValue.Render(fmt.Sprintf("%.0f", r.Score)))
	}
	lines := make([]string, 0, len(rows)+1)
	for _, row := range rows {
		lines = append(lines, wrapSegments(row, s.Muted.Render("  ·  "), width))
	}
	if band := m.bandLine(r); band != "" {
		lines = append(lines, ansiWrap(band, width))
	}
	return ansiTruncate(title, width) + "\n" + strings.Join(lines, "\n")
}

// wrapSegments lays segments out joined by sep, starting a new line rather than splitting a
// segment ("score 86" stays whole); only a segment wider than the width is wrapped inside.
func wrapSegments(segs []string, sep string, width int) string {
	var lines []string
	cur := ""
	for _, seg := range segs {
		switch {
		case cur == "":
			cur = seg
		case cells(cur)+cells(sep)+cells(seg) <= width:
			cur += sep + seg
		default:
			lines = append(lines, cur)
			cur = seg
		}
		if cells(cur) > width {
			wrapped := strings.Split(ansiWrap(cur, width), "\n")
			lines = append(lines, wrapped[:len(wrapped)-1]...)
			cur = wrapped[len(wrapped)-1]
		}
	}
	return strings.Join(append(lines, cur), "\n")
}

// batchLines says what the row's plan does with each machine model: how many fit and move,
// what one is worth here, its alternative when it does not move, and when it is sold.
func (m Model) batchLines(r economics.Result, width int) string {
	s := m.styles
	if len(r.Batches) == 0 {
		return s.Bold.Render("Machines") + "\n" + s.Muted.Render("  no plan: "+report.Status(r))
	}
	const numW, moneyW, altW, soldW = 6, 8, 12, 8
	figuresW := 3*(numW+1) + moneyW + 1 + altW + 1 + soldW
	nameW := min(22, width-figuresW-1)
	oneLine := nameW >= 14 // else each model takes two lines: its name, then its figures
	if !oneLine {
		nameW = 2
	}
	row := func(name, count, fit, move, each, alt, sold string) string {
		return pad(name, nameW, false) + " " + pad(count, numW, true) + " " + pad(fit, numW, true) + " " +
			pad(move, numW, true) + " " + pad(each, moneyW, true) + " " + pad(alt, altW, true) + " " + pad(sold, soldW, true)
	}
	lines := []string{s.Bold.Render("Machines")}
	lines = append(lines, s.Muted.Render(ansiTruncate(row("", "count", "fit", "move", "each", "else", "sold in"), width)))
	for _, b := range r.Batches {
		f := batchFigures(r, b)
		line := row(b.Name, f[0], f[1], f[2], f[3], f[4], f[5])
		if !oneLine {
			lines = append(lines, b.Name)
			line = row("", f[0], f[1], f[2], f[3], f[4], f[5])
		}
		lines = append(lines, ansiTruncate(line, width))
	}
	note := "each: one machine's value here, its move included · else: its value not moving · sold in: the month it is sold here"
	switch {
	case r.Kind == economics.Stay:
		note = "each: one machine's value kept running here · else: what it brings sold now · sold in: when this plan sells it, now where that is worth more"
	case r.Kind == economics.Sell:
		note = "each: what one machine brings sold today, after the sale fee · else: its value not moving"
	case r.Excluded:
		note = notRanked(r) + ", so no machine moves here · else: its value not moving"
	}
	lines = append(lines, s.Muted.Render(ansiWrap(note, width)))
	return strings.Join(lines, "\n")
}

// batchFigures are one machine model's figures in the machines table: count, fit, move,
// each, else and sold in. An excluded destination has no plan, so only the count and the
// machine's value not moving apply there.
func batchFigures(r economics.Result, b economics.BatchResult) [6]string {
	count := human.Thousands(float64(b.Count), 0)
	alt := string(b.Alternative) + " " + human.CompactUSD(b.AlternativeValue)
	if r.Excluded {
		return [6]string{count, "–", "–", "–", alt, "–"}
	}
	sold := "month " + itoa(b.ExitMonth)
	if r.Kind == economics.Stay && b.Alternative == economics.Sell { // not moving sells these at once
		sold = "now"
	}
	return [6]string{count, human.Thousands(float64(b.Fit), 0), human.Thousands(float64(b.Move), 0),
		human.CompactUSD(b.Value), alt, sold}
}

// notRanked says why an excluded destination has no plan.
func notRanked(r economics.Result) string { return "not ranked: " + r.ExcludedReason }

// saleNote explains the sell row, which has no site to show.
func (m Model) saleNote(width int) string {
	s := m.styles
	text := "Selling the whole fleet now: no site, no running costs and no risk of a shutdown; each machine brings " +
		"today's used price less the sale fee. Nothing here can be edited as a what-if: change the sale fee in the assumptions (a)."
	return s.Bold.Render("The sale") + "\n" + s.Muted.Render(ansiWrap(text, width))
}

func (m Model) rankedCount() int {
	n := 0
	for _, r := range m.results {
		if !r.Excluded {
			n++
		}
	}
	return n
}

type waterfallStep struct {
	label string
	value float64
	sign  string
}

// waterfall shows month 0 at full operation, from revenue down to net, as bars. An excluded
// destination runs nothing: its steps show "–" under the reason.
func (m Model) waterfall(r economics.Result, width int) string {
	s := m.styles
	steps := []waterfallStep{
		{"Revenue", r.MonthlyRevenue, " "},
		{"Tariff", r.MonthlyPower, "−"},
		{"Levies", r.MonthlyLevy, "−"},
		{"Opex", r.MonthlyOpex, "−"},
		{"Tax", r.MonthlyTax, "−"},
		{"Net", r.MonthlyNet, "="},
	}
	title := s.Bold.Render("Month 0 at full operation")
	if r.Excluded {
		lines := []string{ansiWrap(title+s.Muted.Render(" — "+notRanked(r)), width)}
		for _, st := range steps {
			lines = append(lines, fmt.Sprintf("%s %s %s", st.sign, pad(st.label, 7, false), pad("–", 13, true)))
		}
		return strings.Join(lines, "\n")
	}
	scale := 0.0 // the largest step, a cost or the net as well as the revenue
	for _, st := range steps {
		scale = math.Max(scale, math.Abs(st.value))
	}
	barW := max(4, width-25)
	lines := []string{title + s.Muted.Render(" — the machines that fit")}
	for _, st := range steps {
		amount := pad(human.USD(st.value), 13, true)
		style := s.Bar
		switch {
		case st.sign == "−":
			style = s.Warning
		case st.sign == "=" && st.value < 0:
			style = s.Negative
			amount = s.Negative.Render(amount)
		case st.sign == "=":
			style = s.Positive
		}
		share := 0.0
		if scale > 0 {
			share = math.Abs(st.value) / scale
		}
		lines = append(lines, fmt.Sprintf("%s %s %s %s", st.sign, pad(st.label, 7, false), amount, style.Render(bar(share, barW))))
	}
	// The power cost shown elsewhere (compare, exports) is these two parts together.
	lines = append(lines, s.Muted.Render(ansiWrap("  tariff + levies = power, all in: "+human.USD(r.MonthlyPower+r.MonthlyLevy)+" a month", width)))
	return strings.Join(lines, "\n")
}

func (m Model) moveSummary(r economics.Result, width int) string {
	s := m.styles
	var lines []string
	switch {
	case r.Excluded:
		lines = append(lines, s.Bold.Render("The move")+s.Muted.Render(fmt.Sprintf(" — %s (%s away)", notRanked(r), human.Distance(r.DistanceKm))))
	case r.Kind == economics.Stay:
		lines = append(lines, s.Bold.Render("Staying")+s.Muted.Render(" — no freight, duty or set-up; runs from month 0"))
	case r.MovedMachines == 0:
		lines = append(lines, s.Bold.Render("The move")+s.Muted.Render(fmt.Sprintf(" — none: no machine is worth more here than not moving (%s away)", human.Distance(r.DistanceKm))))
	default:
		lines = append(lines, s.Bold.Render("The move")+s.Muted.Render(fmt.Sprintf(" — of the machines that gain: %s away, runs from month %d", human.Distance(r.DistanceKm), r.StartMonth)))
		lines = append(lines, fmt.Sprintf("  freight %s  ·  duty %s  ·  set-up %s  =  %s",
			human.CompactUSD(r.Freight), human.CompactUSD(r.Duty), human.CompactUSD(r.Setup), s.Bold.Render(human.USD(r.Relocation))))
	}
	// No-break spaces keep each label on the line of its figure.
	lines = append(lines, fmt.Sprintf("  fits\u00a0%s  (%s spare for the fleet's %s with cooling)  ·  uptime\u00a0%s  ·  break-even\u00a0%s",
		fits(r), human.Power(r.CapacityKW), human.Power(m.fleetFacilityKW(r)), human.Percent(r.Uptime), breakeven(r)))
	lines = append(lines, fmt.Sprintf("  power: tariff %s + levies %s = %s/kWh all-in",
		human.Cents(r.TariffUSDPerKWh), human.Cents(r.AllInUSDPerKWh-r.TariffUSDPerKWh), s.Bold.Render(human.Cents(r.AllInUSDPerKWh))))
	for i, l := range lines {
		if rest, ok := strings.CutPrefix(l, "  "); ok { // a figures line: continue under its text
			lines[i] = "  " + strings.ReplaceAll(ansiWrap(rest, width-4), "\n", "\n    ")
			continue
		}
		lines[i] = ansiWrap(l, width)
	}
	return strings.Join(lines, "\n")
}

// fleetFacilityKW is the whole fleet's facility load at the row's site, its IT load times the
// PUE there, whether it all fits or not: what the spare capacity is measured against.
func (m Model) fleetFacilityKW(r economics.Result) float64 { return m.plan.ITkW * r.PUE }

// fits is the share of the fleet's load that fits; an excluded destination runs none of it.
func fits(r economics.Result) string {
	if r.Excluded {
		return "–"
	}
	return human.Percent(r.Deployable)
}

func breakeven(r economics.Result) string {
	if r.Excluded || !r.HasBreakeven {
		return "–"
	}
	return human.Cents(r.Breakeven) + "/kWh"
}

// warnings are what could go wrong that the numbers alone do not shout, under a heading.
func (m Model) warnings(r economics.Result, c countries.Country) string {
	s := m.styles
	w := m.risks(r, c)
	if len(w) == 0 {
		return ""
	}
	lines := []string{s.Bold.Render("Warnings")}
	for _, x := range w {
		lines = append(lines, s.Warning.Render("▲ "+x))
	}
	return strings.Join(lines, "\n")
}

func (m Model) events(c countries.Country, width int) string {
	s := m.styles
	if len(c.Risk.Events) == 0 {
		return s.Bold.Render("Policy events") + "\n" + s.Muted.Render("  none recorded")
	}
	lines := []string{s.Bold.Render("Policy events")}
	for _, e := range c.Risk.Events {
		text := strings.ReplaceAll(ansiWrap(e.Text, max(10, width-11)), "\n", "\n"+strings.Repeat(" ", 11))
		lines = append(lines, s.Accent.Render(pad(e.Date, 10, false))+" "+text)
	}
	return strings.Join(lines, "\n")
}

// inputs lists every figure with its value, source and date; what-if values and stale or
// unsourced figures are marked. full gives each source in full on the lines under its
// figure; otherwise it follows the figure on its line, cut to the width.
func (m Model) inputs(c *countries.Country, width int, full bool) string {
	s := m.styles
	lines := []string{s.Bold.Render("Inputs") + s.Muted.Render("  (✎ what-if · ~ estimate · ! stale · ? no source)")}
	for _, f := range countries.Numbers(c) {
		if f.Path == "usd_per_local" && c.Currency == "USD" || !f.Num.Set && f.Num.Value == 0 && !f.Num.Edited {
			continue
		}
		mark, style := " ", s.HeaderValue
		switch {
		case f.Num.Edited:
			mark, style = "✎", s.Edited
		case f.Num.Stale(m.now, staleMonths):
			mark, style = "!", s.Warning
		case !f.Num.Sourced():
			mark, style = "?", s.Warning
		case f.Num.Estimate:
			mark = "~"
		}
		shown := figureText(f.Num.Value, f.Unit) + " " + f.Unit
		if f.Unit == "share" {
			shown = figureText(f.Num.Value, f.Unit) // 30%, not "0.3 share"
		}
		value := style.Render(pad(shown, 16, false))
		line := mark + " " + pad(f.Label, 20, false) + " " + value
		if full {
			lines = append(lines, ansiTruncate(line, width))
			for _, l := range strings.Split(ansiWrap(f.Num.Provenance(), max(10, width-4)), "\n") {
				lines = append(lines, "    "+s.Muted.Render(l))
			}
			continue
		}
		lines = append(lines, ansiTruncate(line+" "+s.Muted.Render(f.Num.Provenance()), width))
	}
	return strings.Join(lines, "\n")
}
