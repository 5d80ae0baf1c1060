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
// cash over the horizon against not moving and what the move costs: side by side on a wide
// window, one above the other on a narrow one.
func (m Model) chartView(width, height int) string {
	if width < 120 {
		return m.stackedCharts(width, height)
	}
	leftW := width/2 - 1
	rightW := width - leftW - 3
	cost := m.moveCostChart(rightW, false)
	right := m.cashChart(rightW, max(8, height-strings.Count(cost, "\n")-2), false) + "\n\n" + cost
	rule := strings.TrimSuffix(strings.Repeat(" "+m.styles.Rule.Render("│")+" \n", height), "\n")
	return joinColumns(fitLines(m.gainBars(leftW, height), leftW, height), rule, fitLines(right, rightW, height))
}

// stackedCharts is the charts one above the other: a few gain bars at least, then the cash
// chart of the selection with a plot that can be read, then its move cost. Where the full
// forms leave too little room, the brief ones (the cash chart's words and the move cost in
// fewer lines, a shorter plot) make it; with less room still, a line sums up the bars, then
// the cash chart too.
func (m Model) stackedCharts(width, height int) string {
	fewest := m.gainBarsHeight(width, fewBars)
	for _, brief := range []bool{false, true} {
		cost := m.moveCostChart(width, brief)
		avail := height - lineCount([]string{cost})
		if avail-m.cashSpace(width, plotFloor(brief), brief) < fewest {
			continue
		}
		// The bars take up to half the height while the plot keeps cashMinPlot lines.
		gainH := max(fewest, min(height/2, avail-m.cashSpace(width, cashMinPlot, brief)))
		return fitLines(m.gainBars(width, gainH)+"\n"+m.cashChart(width, avail-gainH, brief)+"\n"+cost, width, height)
	}
	cost := m.moveCostChart(width, true)
	avail := height - lineCount([]string{cost})
	if avail-1 >= m.cashSpace(width, cashBriefPlot, true) {
		return fitLines(m.gainSummary(width)+"\n"+m.cashChart(width, avail-1, true)+"\n"+cost, width, height)
	}
	bars := fitLines(m.gainBars(width, max(1, avail-1)), width, max(1, avail-1))
	return fitLines(bars+"\n"+m.cashSummary(width)+"\n"+cost, width, height)
}

// fewBars is how many gain bars the stacked charts show at least, where there are as many.
const fewBars = 3

// cashMinPlot is the fewest lines a cash plot is drawn in beside the full words; cashBriefPlot
// the fewest in the brief form, which a small window needs for the gain bars to show too.
const cashMinPlot, cashBriefPlot = 8, 5

// plotFloor is the fewest lines of a cash plot in the full or the brief form.
func plotFloor(brief bool) int {
	if brief {
		return cashBriefPlot
	}
	return cashMinPlot
}

// gainSummary is the gain bars in one line: the first option of the ranking and its gain,
// and when that is $0, the best the destinations could do, moving all that fits.
func (m Model) gainSummary(width int) string {
	s := m.styles
	ranked := m.rankedOptions()
	var bestMove *economics.Result
	for _, r := range ranked {
		if v, hypothetical := shownGain(*r); hypothetical && (bestMove == nil || v > bestMove.MoveAllGain) {
			bestMove = r
		}
	}
	text := s.PanelTitle.Render("Gain vs not moving")
	if len(ranked) == 0 {
		return text
	}
	first := ranked[0]
	v, _ := shownGain(*first)
	words := fmt.Sprintf(": #1 of %d %s %s", len(ranked), report.Destination(*first), signedCompact(v))
	if human.CompactUSD(v) == "$0" && bestMove != nil {
		words = fmt.Sprintf(": #1 %s %s · least bad move: %s %s", report.Destination(*first), signedCompact(v),
			report.Destination(*bestMove), signedCompact(bestMove.MoveAllGain))
	}
	return ansiTruncate(text+s.Muted.Render(words), width)
}

// rankedOptions are pointers into the ranking, in its order, to the options it ranks: it may
// hold a thousand large results.
func (m Model) rankedOptions() []*economics.Result {
	out := make([]*economics.Result, 0, len(m.ranking))
	for i := range m.ranking {
		if r := &m.ranking[i]; !r.Excluded {
			out = append(out, r)
		}
	}
	return out
}

// cashSummary is the cash chart in one line, for a window too short to draw it.
func (m Model) cashSummary(width int) string {
	s := m.styles
	r, ok := m.selectedResult()
	if !ok {
		return s.Muted.Render("No option selected.")
	}
	plan, notMoving := m.plan.CashOf(m.cashSites(r.ID), &r)
	text := s.PanelTitle.Render("Expected cash — "+report.Destination(r)) + s.Muted.Render(": "+cashWords(r, plan.Position, notMoving.Position))
	if n := len(plan.Position); n > 0 && len(notMoving.Position) > 0 {
		text += s.Muted.Render(fmt.Sprintf(" · month %d: %s vs %s not moving", n-1,
			human.CompactUSD(plan.Position[n-1]), human.CompactUSD(notMoving.Position[len(notMoving.Position)-1])))
	}
	return ansiTruncate(text, width)
}

// gainBars draws one bar per ranked option, in ranking order: its gain over not moving or,
// where nothing pays to move, what moving everything that fits would change (dimmed, as no
// plan does it). Losses extend left of the axis; the scale under the bars labels it, and
// says in the names' column how many options there was no room for.
func (m Model) gainBars(width, height int) string {
	s := m.styles
	ordered := m.rankedOptions()
	title := m.gainBarsTitle(width)
	lines := []string{title}
	room := max(0, height-1-strings.Count(title, "\n")-1) // less the title and the scale
	more := ""
	selected, _ := m.selectedResult()
	if len(ordered) > room {
		more = fmt.Sprintf("… and %d more", len(ordered)-room)
		at := slices.IndexFunc(ordered, func(r *economics.Result) bool { return r.ID == selected.ID })
		if at >= room && room > 0 { // the selection, whose cash is charted, keeps its bar
			ordered = append(slices.Clone(ordered[:room-1]), ordered[at])
		} else {
			ordered = ordered[:room]
		}
	}
	lo, hi, nameW := 0.0, 0.0, cells(more)
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
	lines = append(lines, s.Muted.Render(pad(more, nameW, false)+" "+axisScale(lo, hi, plotW)))
	return strings.Join(lines, "\n")
}

// gainBarsTitle is the gain bars' title, wrapped to the width.
func (m Model) gainBarsTitle(width int) string {
	s := m.styles
	return ansiWrap(s.PanelTitle.Render("Gain vs not moving")+s.Muted.Render("  (dimmed: moving all that fits, where nothing pays)"), width)
}

// gainBarsHeight is how many lines gainBars needs to draw the first n options, or all there
// are when fewer.
func (m Model) gainBarsHeight(width, n int) int {
	return lineCount([]string{m.gainBarsTitle(width)}) + min(n, len(m.rankedOptions())) + 1
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

// cashChart is the cash chart of the selected row.
func (m Model) cashChart(width, height int, brief bool) string {
	r, ok := m.selectedResult()
	if !ok {
		return m.styles.Muted.Render("No option selected.")
	}
	return m.cashChartOf(r, width, height, brief)
}

// cashChartOf is row r's cumulative expected cash by month against not moving, from the
// move's outlay and the machines sold at once to the horizon, as two curves in braille dots,
// with the payback month and the months machines are sold marked. Brief, its words take
// fewer lines.
func (m Model) cashChartOf(r economics.Result, width, height int, brief bool) string {
	s := m.styles
	plan, notMoving := m.plan.CashOf(m.cashSites(r.ID), &r)
	cash, base := plan.Position, notMoving.Position
	head, legend := m.cashText(r, cash, base, width, brief)
	plotH := max(3, height-cashChrome(head, legend))
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

// cashText is the cash chart's title and legend for row r, whose plan's cash is cash. Brief,
// the title leaves out how the cash is counted and keeps what it shows.
func (m Model) cashText(r economics.Result, cash, base []float64, width int, brief bool) (head, legend string) {
	s := m.styles
	words := "cumulative, weighted by the chance the site still runs; " + cashWords(r, cash, base)
	if brief {
		words = cashWords(r, cash, base)
	}
	title := s.PanelTitle.Render("Expected cash — "+report.Destination(r)+" vs not moving") + "\n" + s.Muted.Render(words)
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
		keys = append(keys, keyOf("┊", s.Payback, "move cost earned back"))
	}
	return ansiWrap(title, width), ansiWrap(strings.Join(keys, "   "), width)
}

// cashChrome is how many lines the cash chart takes besides its plot: the title, the month
// axis and its labels, the sales marks and the legend.
func cashChrome(head, legend string) int {
	return strings.Count(head, "\n") + 1 + 3 + strings.Count(legend, "\n") + 1
}

// cashSpace is how many lines the cash chart of the selection takes with a plot plotH lines
// tall, at the width, in the full or the brief form.
func (m Model) cashSpace(width, plotH int, brief bool) int {
	r, ok := m.selectedResult()
	if !ok {
		return 1
	}
	return m.cashSpaceOf(r, width, plotH, brief)
}

// cashSpaceOf is cashSpace for row r.
func (m Model) cashSpaceOf(r economics.Result, width, plotH int, brief bool) int {
	plan, notMoving := m.plan.CashOf(m.cashSites(r.ID), &r)
	return plotH + cashChrome(m.cashText(r, plan.Position, notMoving.Position, width, brief))
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
	ticks := []float64{hi, lo} // a short plot: its top and bottom
	if plotH >= 6 {
		// Round ticks, the axis widened to them: the top tick at or above the highest value.
		// The tightest of the spans with a tick every two to four lines.
		dataLo, dataHi := lo, hi
		for n, best := max(2, plotH/4), math.Inf(1); n <= max(2, plotH/2); n++ {
			if l, h, t := niceSpan(dataLo, dataHi, n); h-l < best {
				best, lo, hi, ticks = h-l, l, h, t
			}
		}
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
	plot := c.rows(tones, []sgr{sgrOf(s.Faint), sgrOf(s.Payback)})
	labels := make([]string, plotH)
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

// niceSpan widens lo..hi to round values, about n steps of them, and returns those values:
// the axis then holds its data with a tick at or beyond each end, 0 among them when in range.
func niceSpan(lo, hi float64, n int) (float64, float64, []float64) {
	step := niceStep((hi - lo) / float64(max(1, n)))
	if step == 0 {
		return lo, hi, []float64{hi, lo}
	}
	top, bottom := math.Ceil(hi/step), math.Floor(lo/step)
	if math.IsInf(top*step, 0) || math.IsInf(bottom*step, 0) || !(top-bottom <= float64(4*n+4)) { // a span lost to rounding
		return lo, hi, []float64{hi, lo}
	}
	var ticks []float64
	for k := bottom; k <= top; k++ {
		ticks = append(ticks, k*step) // multiples, so 0 is exactly 0
	}
	return bottom * step, top * step, ticks
}

// niceStep is the round step (1, 2 or 5 times a power of ten) at or above raw, or 0 when
// raw is not a finite positive number.
func niceStep(raw float64) float64 {
	if !(raw > 0) || math.IsInf(raw, 0) {
		return 0
	}
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, f := range []float64{1, 2, 5} { // not 2.5: its ticks would need more digits than the labels show
		if f*mag >= raw {
			return f * mag
		}
	}
	return 10 * mag
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

// cashWords is what the cash chart shows in words: when the move has paid for itself, and
// from when the plan is ahead of not moving.
func cashWords(r economics.Result, cash, base []float64) string {
	switch {
	case r.Excluded:
		return "not ranked: " + r.ExcludedReason + "; " + aheadText(cash, base)
	case r.MovedMachines == 0:
		return "nothing moves; " + aheadText(cash, base)
	}
	return "move cost earned back " + paybackText(r) + "; " + aheadText(cash, base)
}

// aheadText says from which month the plan's cash stays at or above not moving's to the
// horizon: the crossing of the two curves, which comes later than the payback when not
// moving earns or sells meanwhile.
func aheadText(cash, base []float64) string {
	from := len(cash)
	for k := len(cash) - 1; k >= 0 && k < len(base) && cash[k] >= base[k]; k-- {
		from = k
	}
	switch {
	case from == len(cash):
		return "behind not moving at the horizon"
	case slices.Equal(cash, base):
		return "the same cash as not moving"
	case from == 0:
		return "never behind not moving"
	}
	return "ahead of not moving from month " + itoa(from)
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

// noMoveCost is why row r has no move cost to show, or "" when it moves machines: a cost of
// $0 would read as a free move.
func noMoveCost(r economics.Result) string {
	switch {
	case r.Excluded:
		return "not ranked: " + r.ExcludedReason
	case r.Kind == economics.Stay:
		return "staying put: nothing to move"
	case r.Kind == economics.Sell:
		return "selling now: nothing to move"
	case r.MovedMachines == 0 || r.Relocation == 0:
		return "nothing moves: no machine gains by moving here"
	}
	return ""
}

// moveCostChart splits the move's cost into freight, duty and set-up on one bar. Brief, the
// bar or the reason there is none follows the title on its line where it fits.
func (m Model) moveCostChart(width int, brief bool) string {
	s := m.styles
	r, ok := m.selectedResult()
	if !ok {
		return ""
	}
	if why := noMoveCost(r); why != "" {
		title := s.PanelTitle.Render("Move cost") + s.Muted.Render(": –")
		if line := title + s.Muted.Render(" · "+why); brief && cells(line) <= width {
			return line
		}
		return title + "\n" + s.Muted.Render("  "+why)
	}
	title := s.PanelTitle.Render("Move cost") + s.Muted.Render(": "+human.USD(r.Relocation))
	parts := []struct {
		label string
		value float64
		style lipgloss.Style
	}{{"freight", r.Freight, s.Bar}, {"duty", r.Duty, s.Warning}, {"set-up", r.Setup, s.Accent}}
	barW, sep := max(10, width-2), "\n"
	if beside := width - cells(title) - 1; brief && beside >= 10 {
		barW, sep = beside, " "
	}
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
	return title + sep + bar + "\n" + line
}
