package model

import (
	"fmt"
	"github.com/charmbracelet/x/ansi"
	"math"
	"strings"

	"charm.land/lipgloss/v2"

	"hashhaven/countries"
	"hashhaven/economics"
	"hashhaven/human"
	"hashhaven/report"
)

// chartView shows every option's gain over not moving, and for the selected one its expected
// cash over the horizon against not moving and what the move costs.
func (m Model) chartView(width, height int) string {
	s := m.styles
	if width >= 120 {
		leftW := width/2 - 1
		rightW := width - leftW - 3
		cashH := max(8, height*3/5)
		right := m.cashChart(rightW, cashH) + "\n\n" + m.moveCostChart(rightW)
		return lipgloss.JoinHorizontal(lipgloss.Top,
			fitLines(m.gainBars(leftW, height), leftW, height), " "+s.Rule.Render("│")+" ", fitLines(right, rightW, height))
	}
	npvH := max(6, height/2)
	return fitLines(m.gainBars(width, npvH), width, npvH) + "\n" + m.cashChart(width, max(6, height-npvH-5)) + "\n" + m.moveCostChart(width)
}

// gainBars draws one bar per ranked option, in ranking order: its gain over not moving or,
// where nothing pays to move, what moving everything that fits would change (dimmed, as no
// plan does it). Losses extend left of the axis.
func (m Model) gainBars(width, height int) string {
	s := m.styles
	ordered := make([]economics.Result, 0, len(m.results))
	for _, r := range m.results {
		if !r.Excluded {
			ordered = append(ordered, r)
		}
	}
	economics.SortBy(ordered, economics.MustField("npv_usd"), false)
	lines := []string{ansiTruncate(s.PanelTitle.Render("Gain vs not moving")+s.Muted.Render("  (dimmed: moving all that fits, where nothing pays)"), width)}
	room := height - 1
	more := 0
	if len(ordered) > room {
		more = len(ordered) - (room - 1)
		ordered = ordered[:room-1]
	}
	shown := func(r economics.Result) (float64, bool) {
		if r.Kind == economics.Destination && r.MovedMachines == 0 {
			return r.MoveAllGain, true
		}
		return r.Gain, false
	}
	lo, hi := 0.0, 0.0
	for _, r := range ordered {
		v, _ := shown(r)
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	nameW, valueW := min(28, max(16, width/3)), 8
	plotW := max(5, width-nameW-valueW-2)
	// The axis takes one column; losses share the cells left of it, gains the cells right.
	left := 0
	if hi-lo > 0 {
		left = int(math.Round(-lo / (hi - lo) * float64(plotW-1)))
	}
	right := plotW - 1 - left
	selected, _ := m.selectedResult()
	for _, r := range ordered {
		v, hypothetical := shown(r)
		loss, gain := s.Negative, s.Bar
		if hypothetical {
			loss, gain = s.Muted, s.Muted
		}
		var plot string
		if v < 0 {
			cells := int(math.Round(v / lo * float64(left)))
			plot = strings.Repeat(" ", left-cells) + loss.Render(strings.Repeat("█", cells)) + s.Faint.Render("│") + strings.Repeat(" ", right)
		} else {
			cells := 0
			if hi > 0 {
				cells = int(math.Round(v / hi * float64(right)))
			}
			plot = strings.Repeat(" ", left) + s.Faint.Render("│") + gain.Render(strings.Repeat("█", cells)) + strings.Repeat(" ", right-cells)
		}
		name := pad(kindGlyph(r)+r.Name, nameW, false)
		if r.ID == selected.ID {
			name = s.Accent.Render(name)
		}
		value := human.CompactUSD(v)
		if v > 0 && !hypothetical {
			value = "+" + value
		}
		lines = append(lines, name+" "+plot+" "+pad(value, valueW, true))
	}
	if more > 0 {
		lines = append(lines, s.Muted.Render(fmt.Sprintf("… and %d more", more)))
	}
	return strings.Join(lines, "\n")
}

// cashChart is the selected row's cumulative expected cash by month against not moving, from
// the move's outlay and the machines sold at once to the horizon, with the payback month and
// the months machines are sold marked.
func (m Model) cashChart(width, height int) string {
	s := m.styles
	r, ok := m.selectedResult()
	if !ok {
		return s.Muted.Render("No option selected.")
	}
	plan, notMoving := m.plan.CashOf(m.cashSites(r.ID), &r)
	cash, base := plan.Position, notMoving.Position
	title := s.PanelTitle.Render("Expected cash — "+report.Destination(r)+" vs not moving") + "\n" +
		s.Muted.Render(fmt.Sprintf("cumulative, weighted by the chance the site still runs; payback %s", paybackText(r)))
	// Each key stays whole when the legend wraps: its words are joined by no-break spaces.
	keyOf := func(glyph string, style lipgloss.Style, text string) string {
		return style.Render(glyph) + "\u00a0" + strings.ReplaceAll(text, " ", "\u00a0")
	}
	keys := []string{keyOf("█", s.Positive, "this plan"), keyOf("─", s.Warning, "not moving"),
		keyOf("▲", s.Accent, "plan sells machines"), keyOf("△", s.Warning, "not moving sells")}
	if r.HasPayback && r.Payback > 0 {
		keys = append(keys, keyOf("┊", s.Accent, "payback"))
	}
	legend := ansiWrap(strings.Join(keys, "   "), width)
	plotH := max(3, height-5-strings.Count(legend, "\n"))
	labelW := 8
	plotW := max(len(cash), width-labelW-1)
	colW := max(1, plotW/len(cash))
	lo, hi := 0.0, 0.0
	for i := range cash {
		lo, hi = math.Min(lo, math.Min(cash[i], base[i])), math.Max(hi, math.Max(cash[i], base[i]))
	}
	if hi == lo {
		hi = lo + 1
	}
	rowOf := func(v float64) int { return min(plotH-1, max(0, int((hi-v)/(hi-lo)*float64(plotH)))) }
	rowValue := func(row int) float64 { return hi - (hi-lo)*(float64(row)+0.5)/float64(plotH) }
	lines := []string{ansiWrap(title, width)}
	// Each kind of cell, styled once for the whole plot.
	var (
		baseCell    = strings.Repeat(sgrOf(s.Warning).wrap("─"), colW)
		gainCell    = strings.Repeat(sgrOf(s.Positive).wrap("█"), colW)
		lossCell    = strings.Repeat(sgrOf(s.Negative).wrap("█"), colW)
		paybackCell = strings.Repeat(sgrOf(s.Accent).wrap("┊"), colW)
		emptyCell   = strings.Repeat(" ", colW)
	)
	for row := range plotH {
		v := rowValue(row)
		label := ""
		switch row {
		case 0:
			label = human.CompactUSD(hi)
		case plotH - 1:
			label = human.CompactUSD(lo)
		}
		var b strings.Builder
		for i, x := range cash {
			cell := emptyCell
			switch {
			case rowOf(base[i]) == row:
				cell = baseCell
			case x >= 0 && v >= 0 && v <= x:
				cell = gainCell
			case x < 0 && v < 0 && v >= x:
				cell = lossCell
			case r.HasPayback && i == r.Payback && r.Payback > 0:
				cell = paybackCell
			}
			b.WriteString(cell)
		}
		lines = append(lines, pad(label, labelW, true)+" "+b.String())
	}
	lines = append(lines, s.Muted.Render(pad("month", labelW, true)+" "+monthAxis(len(cash), colW)))
	lines = append(lines, strings.Repeat(" ", labelW+1)+saleMarks(plan.Sales, notMoving.Sales, len(cash), colW, s))
	lines = append(lines, legend)
	return strings.Join(lines, "\n")
}

// cashSites are the destinations the cash of a row needs, the what-ifs applied: the origin's
// and the row's own, rather than a copy of every destination each frame.
func (m Model) cashSites(id string) []countries.Country {
	var out []countries.Country
	for _, want := range []string{m.plan.OriginID, id} {
		if want == "" || (len(out) > 0 && out[0].ID == want) {
			continue
		}
		if c, ok := m.country(want); ok {
			out = append(out, c)
		}
	}
	return out
}

// saleMarks is a line under the month axis marking the months machines are sold: ▲ in the
// plan, △ when only not moving sells then.
func saleMarks(plan, notMoving []int, months, colW int, s styles) string {
	marks := make([]string, months)
	for i := range marks {
		marks[i] = strings.Repeat(" ", colW)
	}
	for _, mo := range notMoving {
		if mo >= 0 && mo < months {
			marks[mo] = s.Warning.Render("△") + strings.Repeat(" ", colW-1)
		}
	}
	for _, mo := range plan {
		if mo >= 0 && mo < months {
			marks[mo] = s.Accent.Render("▲") + strings.Repeat(" ", colW-1)
		}
	}
	return strings.Join(marks, "")
}

func paybackText(r economics.Result) string {
	switch {
	case !r.HasPayback:
		return "not within the horizon"
	case r.Payback == 0:
		return "at once"
	}
	return "in month " + itoa(r.Payback)
}

// monthAxis labels every 6th month under a chart with colW cells per month.
func monthAxis(months, colW int) string {
	line := []rune(strings.Repeat(" ", months*colW+4))
	for m := 0; m < months; m += 6 {
		for i, ch := range itoa(m) {
			if p := m*colW + i; p < len(line) {
				line[p] = ch
			}
		}
	}
	return strings.TrimRight(string(line), " ")
}

// moveCostChart splits the move's cost into freight, duty and set-up on one bar.
func (m Model) moveCostChart(width int) string {
	s := m.styles
	r, ok := m.selectedResult()
	if !ok {
		return ""
	}
	title := s.PanelTitle.Render("Move cost") + s.Muted.Render(" — "+human.USD(r.Relocation))
	switch {
	case r.Kind == economics.Stay:
		return title + "\n" + s.Muted.Render("  staying put: nothing to move")
	case r.Kind == economics.Sell:
		return title + "\n" + s.Muted.Render("  selling now: nothing to move")
	case r.Relocation == 0:
		return title + "\n" + s.Muted.Render("  nothing moves: no machine gains by moving here")
	}
	parts := []struct {
		label string
		value float64
		style lipgloss.Style
	}{{"freight", r.Freight, s.Bar}, {"duty", r.Duty, s.Warning}, {"set-up", r.Setup, s.Accent}}
	barW := max(10, width-2)
	var bar strings.Builder
	var legend []string
	used := 0
	for i, p := range parts {
		cells := int(math.Round(p.value / r.Relocation * float64(barW)))
		if i == len(parts)-1 {
			cells = barW - used
		}
		used += cells
		bar.WriteString(p.style.Render(strings.Repeat("█", max(0, cells))))
		legend = append(legend, p.style.Render("■ ")+fmt.Sprintf("%s %s (%s)", p.label, human.CompactUSD(p.value), human.Percent(p.value/r.Relocation)))
	}
	// One line when it fits, else one item a line.
	line := strings.Join(legend, "   ")
	if cells(ansi.Strip(line)) > width {
		line = strings.Join(legend, "\n")
	}
	return title + "\n" + bar.String() + "\n" + line
}
