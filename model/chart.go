package model

import (
	"fmt"
	"github.com/charmbracelet/x/ansi"
	"math"
	"slices"
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
		cost := m.moveCostChart(rightW)
		right := m.cashChart(rightW, max(8, height-strings.Count(cost, "\n")-2)) + "\n\n" + cost
		return lipgloss.JoinHorizontal(lipgloss.Top,
			fitLines(m.gainBars(leftW, height), leftW, height), " "+s.Rule.Render("│")+" ", fitLines(right, rightW, height))
	}
	// The cash chart keeps the ten lines it needs for its axes and legend; the bars half the rest.
	cost := m.moveCostChart(width)
	npvH := max(5, min(height/2, height-strings.Count(cost, "\n")-12))
	cashH := max(6, height-npvH-strings.Count(cost, "\n")-2)
	return fitLines(m.gainBars(width, npvH), width, npvH) + "\n" + fitLines(m.cashChart(width, cashH), width, cashH) + "\n" + cost
}

// gainBars draws one bar per ranked option, in ranking order: its gain over not moving or,
// where nothing pays to move, what moving everything that fits would change (dimmed, as no
// plan does it). Losses extend left of the axis; the scale under the bars labels it.
func (m Model) gainBars(width, height int) string {
	s := m.styles
	// Pointers into the ranking, in its order: it may hold a thousand large results.
	ordered := make([]*economics.Result, 0, len(m.ranking))
	for i := range m.ranking {
		if r := &m.ranking[i]; !r.Excluded {
			ordered = append(ordered, r)
		}
	}
	title := ansiWrap(s.PanelTitle.Render("Gain vs not moving")+s.Muted.Render("  (dimmed: moving all that fits, where nothing pays)"), width)
	lines := []string{title}
	room := height - 2 - strings.Count(title, "\n") // less the title and the scale
	more := 0
	if len(ordered) > room {
		more = len(ordered) - (room - 1)
		ordered = ordered[:max(0, room-1)]
	}
	lo, hi, nameW := 0.0, 0.0, 0
	for _, r := range ordered {
		v, _ := shownGain(*r)
		lo, hi = math.Min(lo, v), math.Max(hi, v)
		nameW = max(nameW, cells(kindGlyph(*r)+r.Name))
	}
	const valueW = 8
	// Names whole while the plot keeps 20 cells.
	nameW = min(nameW, max(12, width-valueW-2-20))
	plotW := max(5, width-nameW-valueW-2)
	loss, gain, dim, axis := sgrOf(s.Negative), sgrOf(s.Bar), sgrOf(s.Muted), sgrOf(s.Faint)
	selected, _ := m.selectedResult()
	for _, r := range ordered {
		v, hypothetical := shownGain(*r)
		plot := axisBar(v, lo, hi, plotW, loss, gain, axis)
		if hypothetical {
			plot = axisBar(v, lo, hi, plotW, dim, dim, axis)
		}
		name := pad(kindGlyph(*r)+r.Name, nameW, false)
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
	lines = append(lines, s.Muted.Render(strings.Repeat(" ", nameW+1)+axisScale(lo, hi, plotW)))
	return strings.Join(lines, "\n")
}

// shownGain is what a row's gain bar shows, and whether no plan realises it: a destination
// that moves nothing shows what moving all that fits would change.
func shownGain(r economics.Result) (float64, bool) {
	if r.Kind == economics.Destination && r.MovedMachines == 0 {
		return r.MoveAllGain, true
	}
	return r.Gain, false
}

// axisScale labels an axisBar's ends and its axis: the largest loss at the left, $0 under the
// axis and the largest gain at the right, each where it fits.
func axisScale(lo, hi float64, width int) string {
	lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	left := 0
	if hi-lo > 0 {
		left = int(math.Round(-lo / (hi - lo) * float64(width-1)))
	}
	line := []rune(strings.Repeat(" ", width))
	put := func(at int, text string) {
		t := []rune(text)
		at = max(0, min(at, width-len(t)))
		for i := at - 1; i <= at+len(t); i++ { // a blank either side, or it does not fit
			if i >= 0 && i < width && line[i] != ' ' {
				return
			}
		}
		copy(line[at:], t)
	}
	put(left, "$0")
	if lo < 0 {
		put(0, human.CompactUSD(lo))
	}
	if hi > 0 {
		put(width, "+"+human.CompactUSD(hi))
	}
	return strings.TrimRight(string(line), " ")
}

// cashChart is the selected row's cumulative expected cash by month against not moving, from
// the move's outlay and the machines sold at once to the horizon, as two curves in braille
// dots, with the payback month and the months machines are sold marked.
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
	keys := []string{keyOf("━━", s.Positive, "this plan")}
	if slices.ContainsFunc(cash, func(v float64) bool { return v < 0 }) {
		keys = append(keys, keyOf("━━", s.Negative, "this plan below $0"))
	}
	keys = append(keys, keyOf("━━", s.Warning, "not moving"), keyOf("▲", s.Accent, "plan sells machines"), keyOf("△", s.Warning, "not moving sells"))
	if r.HasPayback && r.Payback > 0 {
		keys = append(keys, keyOf("┊", s.Accent, "payback"))
	}
	legend := ansiWrap(strings.Join(keys, "   "), width)
	head := ansiWrap(title, width)
	plotH := max(3, height-4-strings.Count(head, "\n")-strings.Count(legend, "\n")-1)
	payback := -1
	if r.HasPayback && r.Payback > 0 {
		payback = r.Payback
	}
	// The plan first, so where the curves meet the plan shows.
	plot, cellOf := cashPlot([]cashCurve{{cash, sgrOf(s.Positive), sgrOf(s.Negative)}, {base, sgrOf(s.Warning), sgrOf(s.Warning)}},
		width, plotH, payback, s)
	lines := append([]string{head}, plot...)
	lines = append(lines, strings.Repeat(" ", cashLabelW+2)+saleMarks(plan.Sales, notMoving.Sales, len(cash), width-cashLabelW-2, cellOf, s))
	lines = append(lines, legend)
	return strings.Join(lines, "\n")
}

// cashCurve is one series of cumulative cash by month and its tones above and below $0.
type cashCurve struct {
	values      []float64
	tone, below sgr
}

// cashLabelW is the width of a cash plot's value labels.
const cashLabelW = 8

// cashPlot draws cumulative cash curves month by month in braille on labelled axes, width
// cells wide: plotH lines of plot, then the month axis and its labels. A curve drawn earlier
// shows where curves meet; payback, when not negative, is a month to mark. cellOf places a
// month on the plot, for marks under it.
func cashPlot(curves []cashCurve, width, plotH, payback int, s styles) (lines []string, cellOf func(int) int) {
	plotW := max(8, width-cashLabelW-2)
	months := 0
	lo, hi := 0.0, 0.0
	for _, cv := range curves {
		months = max(months, len(cv.values))
		for _, v := range cv.values {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if !(hi > lo) {
		hi = lo + 1
	}
	c := newBraille(plotW, plotH)
	dotsW, dotsH := c.dots()
	xOf := func(month int) int { return month * (dotsW - 1) / max(1, months-1) }
	yOf := func(v float64) int { return int(math.Round((hi - v) / (hi - lo) * float64(dotsH-1))) }
	var tones []sgr
	for _, cv := range curves {
		above, below := len(tones), len(tones)+1
		tones = append(tones, cv.tone, cv.below)
		for i := 1; i < len(cv.values); i++ {
			series := above
			if cv.values[i-1] < 0 || cv.values[i] < 0 {
				series = below
			}
			c.line(xOf(i-1), yOf(cv.values[i-1]), xOf(i), yOf(cv.values[i]), series, false)
		}
	}
	const zeroGuide, paybackGuide = 0, 1
	if lo < 0 {
		for x, y := 0, yOf(0); x < dotsW; x += 2 {
			c.dot(x, y, zeroGuide, true)
		}
	}
	if payback >= 0 && payback < months {
		for y, x := 0, xOf(payback); y < dotsH; y += 2 {
			c.dot(x, y, paybackGuide, true)
		}
	}
	plot := c.rows(tones, []sgr{sgrOf(s.Faint), sgrOf(s.Accent)})
	labels := make([]string, plotH)
	ticks := []float64{hi, lo} // a short plot: its top and bottom
	if plotH >= 6 {
		ticks = niceTicks(lo, hi, max(2, plotH/4))
	}
	for _, tick := range ticks {
		if row := yOf(tick) / 4; labels[row] == "" {
			labels[row] = human.CompactUSD(tick)
		}
	}
	axis := s.Faint
	for row, l := range plot {
		tick := "│"
		if labels[row] != "" {
			tick = "┤"
		}
		lines = append(lines, s.Muted.Render(pad(labels[row], cashLabelW, true))+" "+axis.Render(tick)+l)
	}
	cellOf = func(month int) int { return xOf(month) / 2 }
	lines = append(lines, strings.Repeat(" ", cashLabelW+1)+axis.Render("└"+monthTicks(months, plotW, cellOf)))
	lines = append(lines, s.Muted.Render(pad("month", cashLabelW, true)+"  "+monthAxis(months, plotW, cellOf)))
	return lines, cellOf
}

// niceTicks are round values from lo to hi, about n of them, 0 among them when in range.
func niceTicks(lo, hi float64, n int) []float64 {
	raw := (hi - lo) / float64(max(1, n))
	if !(raw > 0) || math.IsInf(raw, 0) {
		return nil
	}
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := 10 * mag
	for _, f := range []float64{1, 2, 5} { // not 2.5: its ticks would need more digits than the labels show
		if f*mag >= raw {
			step = f * mag
			break
		}
	}
	var out []float64
	for v := math.Ceil(lo/step) * step; v <= hi; v += step {
		out = append(out, v)
	}
	return out
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
// plan, △ when only not moving sells then; cellOf places a month.
func saleMarks(plan, notMoving []int, months, width int, cellOf func(int) int, s styles) string {
	marks := make([]string, width)
	for i := range marks {
		marks[i] = " "
	}
	for _, mo := range notMoving {
		if mo >= 0 && mo < months {
			marks[cellOf(mo)] = s.Warning.Render("△")
		}
	}
	for _, mo := range plan {
		if mo >= 0 && mo < months {
			marks[cellOf(mo)] = s.Accent.Render("▲")
		}
	}
	return strings.TrimRight(strings.Join(marks, ""), " ")
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

// monthTicks is the month axis's line, ticked every 6th month.
func monthTicks(months, width int, cellOf func(int) int) string {
	line := []rune(strings.Repeat("─", width))
	for m := 0; m < months; m += 6 {
		line[cellOf(m)] = '┬'
	}
	return string(line)
}

// monthAxis labels every 6th month under its tick.
func monthAxis(months, width int, cellOf func(int) int) string {
	line := []rune(strings.Repeat(" ", width))
	for m := 0; m < months; m += 6 {
		label := itoa(m)
		at := min(cellOf(m), width-len(label)) // the last one ends at the plot's end
		copy(line[at:], []rune(label))
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
	var values []float64
	var tones, edges []sgr
	var legend []string
	for i, p := range parts {
		values = append(values, p.value)
		tones = append(tones, sgrOf(p.style))
		if i+1 < len(parts) { // a cell two parts share: this part's colour on the next one's
			edges = append(edges, sgrOf(lipgloss.NewStyle().Foreground(p.style.GetForeground()).Background(parts[i+1].style.GetForeground())))
		}
		legend = append(legend, p.style.Render("■ ")+fmt.Sprintf("%s %s (%s)", p.label, human.CompactUSD(p.value), human.Percent(p.value/r.Relocation)))
	}
	bar := stackedBar(values, barW, tones, edges)
	// One line when it fits, else one item a line.
	line := strings.Join(legend, "   ")
	if cells(ansi.Strip(line)) > width {
		line = strings.Join(legend, "\n")
	}
	return title + "\n" + bar + "\n" + line
}
