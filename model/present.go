package model

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"charm.land/lipgloss/v2"

	"hashhaven/economics"
	"hashhaven/human"
	"hashhaven/report"
)

// presentView is a clean screen for a slide: the recommendation in words, every option's
// gain over not moving as a bar, the biggest gain first, and the caveats in full. The words
// are never cut; the bars take the lines left, more and longer on a larger window; where they
// leave room, the leading move's expected cash is drawn under them, and the plan's summary
// closes the slide. Where the roomy form leaves no room for a few bars, a small window takes
// a closer one: narrower margins and the heading on one line, then no blank lines between the
// parts. Only the way out is hinted, in the bottom margin.
func (m Model) presentView() string {
	var slide string
	for _, form := range []slideForm{roomy, compact, tight} {
		var cramped bool
		if slide, cramped = m.slide(form); !cramped {
			break
		}
	}
	return slide
}

// slideForm is how much room the slide gives its margins and the gaps between its parts: a
// small window takes the first form that leaves room for a few bars.
type slideForm int

const (
	roomy   slideForm = iota // wide margins, what the slide is on a line of its own, blank lines between the parts
	compact                  // narrow margins, the heading on one line, still blank lines between the parts
	tight                    // as compact, the parts one after the other
)

// slide is the presentation in a form, and whether its bars are cramped: fewer than a few,
// where there are as many to draw.
func (m Model) slide(form slideForm) (string, bool) {
	s := m.styles
	margin, top, breakLines := 4, 1, 1 // the margins, and the blank lines between the parts
	switch form {
	case compact:
		margin, top = 2, 0
	case tight:
		margin, top, breakLines = 2, 0, 0
	}
	w, h := m.width-2*margin, m.height-top-1 // the bottom line is the hint
	a := m.answer()
	certainty := a.Certainty // a caveat, said with the others
	a.Certainty = ""
	head := m.slideHead(w, form != roomy)
	answer := m.sentenceLines(a.Lines(), w, math.MaxInt)
	caveats := m.caveats(certainty, w)
	room := h - lineCount(head) - lineCount(answer) - lineCount(caveats) - 3*breakLines
	var foot []string // the plan's summary, under the caveats
	if summary := s.Muted.Render(ansiWrap(report.Report{Plan: m.plan}.Summary(), w)); room-lineCount([]string{summary})-breakLines >= 12 {
		foot = append(make([]string, breakLines), summary)
		room -= lineCount(foot)
	}
	bars, cramped := m.gainRanking(w, room)
	parts, left := [][]string{answer}, room
	if bars != "" {
		parts, left = append(parts, []string{bars}), room-lineCount([]string{bars})
	}
	chart, ok := m.leadingCash(w, left-breakLines)
	if !ok && len(foot) > 0 { // the cash says more than the plan's summary: it gives way
		if chart, ok = m.leadingCash(w, left-breakLines+lineCount(foot)); ok {
			left, foot = left+lineCount(foot), nil
		}
	}
	if ok {
		parts = append(parts, []string{chart})
		left -= lineCount([]string{chart}) + breakLines
	}
	parts = append(parts, caveats)
	body := slices.Concat(head, make([]string, breakLines), spaced(parts, breakLines, left), foot)
	slide := lipgloss.NewStyle().Padding(top, margin, 0, margin).Render(fitLines(strings.Join(body, "\n"), w, h))
	// The way out, discreet, in the bottom margin: a slide has no footer of key hints.
	k := m.keys
	hint := s.Muted.Render(ansiTruncate(k.Back.Help().Key+" back · "+k.Quit.Help().Key+" quit", w))
	return slide + "\n" + pad(strings.Repeat(" ", margin)+hint, m.width, false), cramped
}

// spaced is the parts one after the other, breakLines blank lines between them and the spare
// lines shared out between them too: the slide fills its canvas evenly, the caveats at its
// foot.
func spaced(parts [][]string, breakLines, spare int) []string {
	var out []string
	gaps := max(1, len(parts)-1)
	for i, part := range parts {
		if i > 0 {
			share := max(0, spare) / gaps
			if i <= max(0, spare)%gaps {
				share++
			}
			out = append(out, make([]string, breakLines+share)...)
		}
		out = append(out, part...)
	}
	return out
}

// slideHead is the slide's first lines: what it is and the scenario's name; on one line, the
// name first and what it is at the right where it fits.
func (m Model) slideHead(width int, oneLine bool) []string {
	s := m.styles
	what, name := s.Muted.Render("hashhaven · where to move the fleet"), s.Title.Render(m.current.Scenario.Name)
	if !oneLine {
		return []string{what, name}
	}
	if gap := width - cells(what) - cells(name); gap >= 2 {
		return []string{name + strings.Repeat(" ", gap) + what}
	}
	return []string{ansiTruncate(name, width)}
}

// leadingCash is the expected cash of the leading option, in height lines, when it moves
// machines and there is room for a plot that can be read: in full words, else brief.
func (m Model) leadingCash(width, height int) (string, bool) {
	lead, ok := m.leadingOption()
	if !ok || lead.Kind != economics.Destination || lead.MovedMachines == 0 {
		return "", false
	}
	for _, brief := range []bool{false, true} {
		if height >= m.cashSpaceOf(lead, width, plotFloor(brief), brief) {
			return m.cashChartOf(lead, width, height, brief), true
		}
	}
	return "", false
}

// lineCount is how many screen lines the strings take.
func lineCount(parts []string) int {
	n := 0
	for _, p := range parts {
		n += strings.Count(p, "\n") + 1
	}
	return n
}

// gainRanking is the options by gain over not moving, the biggest first with the longest bar
// and losses growing left of the axis, each with its key figures under it, in at most height
// lines, and whether it is cramped: fewer than a few bars where there are as many. When no
// move pays, a destination shows, dimmed, what moving all that fits would change; when one
// does, the gains alone, so the loss of a move no plan makes does not dwarf them.
func (m Model) gainRanking(width, height int) (string, bool) {
	s := m.styles
	var opts []*economics.Result // pointers into the ranking: it may hold a thousand large results
	anyGain := false
	for i := range m.ranking {
		if r := &m.ranking[i]; !r.Excluded {
			opts = append(opts, r)
			anyGain = anyGain || r.Gain > 0
		}
	}
	shown := func(r *economics.Result) (float64, bool) { return shownGain(*r) }
	if anyGain {
		shown = func(r *economics.Result) (float64, bool) { return r.Gain, false }
	}
	slices.SortStableFunc(opts, func(a, b *economics.Result) int {
		va, _ := shown(a)
		vb, _ := shown(b)
		switch {
		case va > vb:
			return -1
		case va < vb:
			return 1
		}
		return 0
	})
	title := s.PanelTitle.Render("Gain vs not moving, the biggest first")
	if !anyGain {
		title += s.Muted.Render("  (dimmed: moving all that fits, where no machine is worth moving)")
	}
	lines := strings.Split(ansiWrap(title, width), "\n")
	// Options at $0 have nothing to draw: they are named in one line under the bars.
	var flat []*economics.Result
	drawn := opts[:0:0]
	for _, r := range opts {
		if v, _ := shown(r); human.CompactUSD(v) == "$0" {
			flat = append(flat, r)
		} else {
			drawn = append(drawn, r)
		}
	}
	opts = drawn
	if len(opts) > 0 && height < len(lines)+1 { // no room for a bar under the title
		return m.gainLine(opts, shown, width, height), true
	}
	// Room for the bars: less the scale under them and the note, which give way to a first
	// bar on a short window.
	noted, scaled := len(flat) > 0, true // the note names the $0 options and those cut
	reserved := func() int { return len(lines) + btoi(noted) + btoi(scaled) }
	if len(opts) > height-reserved() && !noted {
		noted = true
	}
	if len(opts) > 0 && height-reserved() < 1 {
		scaled = false
	}
	if len(opts) > 0 && height-reserved() < 1 {
		noted = false
	}
	room := height - reserved()
	opts = opts[:max(0, min(len(opts), room))]
	label := func(i int, r *economics.Result) string { return fmt.Sprintf("%d. %s", i+1, report.Destination(*r)) }
	nameWidth := func(opts []*economics.Result) int { // whole names, while the bars keep room
		w := 0
		for i, r := range opts {
			w = max(w, cells(label(i, r)))
		}
		return min(w, max(12, width/3))
	}
	const valueW = 8
	nameW := nameWidth(opts)
	// Each option takes its bar, its figures as they wrap and a blank line while three or more
	// fit so; else its bar alone.
	fit := func(room int) []string {
		facts := make([]string, 0, len(opts))
		used := 0
		for _, r := range opts {
			f := ansiWrap(presentFacts(*r), width-nameW-1)
			need := strings.Count(f, "\n") + 3
			if used+need > room {
				break
			}
			facts, used = append(facts, f), used+need
		}
		return facts
	}
	facts := fit(room)
	if len(facts) < len(opts) && !noted && room > 1 { // some will be cut: make room to say so
		noted, room = true, room-1
		facts = fit(room)
	}
	if len(facts) >= min(3, len(opts)) {
		opts = opts[:len(facts)]
		// The names shown may be shorter than those counted on: their figures wrap wider,
		// into no more lines than counted.
		nameW = nameWidth(opts)
		for i, r := range opts {
			facts[i] = ansiWrap(presentFacts(*r), width-nameW-1)
		}
	} else {
		facts = nil
	}
	cut := len(drawn) - len(opts)
	lo, hi := 0.0, 0.0
	for _, r := range opts {
		v, _ := shown(r)
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	plotW := max(10, width-nameW-valueW-2)
	axis := sgrOf(s.Faint)
	for i, r := range opts {
		v, hypothetical := shown(r)
		gain, loss := s.Bar, s.Negative
		switch {
		case hypothetical:
			gain, loss = s.Muted, s.Muted
		case i == 0:
			gain = s.Positive
		}
		value := human.CompactUSD(v)
		if v > 0 {
			value = "+" + value
		}
		valueStyle := s.Bold
		switch {
		case hypothetical:
			valueStyle = s.Muted
		case v < 0:
			valueStyle = s.Negative
		}
		name := s.Bold.Render(pad(label(i, r), nameW, false))
		lines = append(lines, name+" "+axisBar(v, lo, hi, plotW, sgrOf(loss), sgrOf(gain), axis)+" "+valueStyle.Render(pad(value, valueW, true)))
		if facts != nil {
			lines = append(lines, indent(s.Muted.Render(facts[i]), strings.Repeat(" ", nameW+1)), "")
		}
	}
	if len(opts) > 0 && scaled {
		lines = append(lines, s.Muted.Render(strings.Repeat(" ", nameW+1)+axisScale(lo, hi, plotW)))
	}
	if note := unshownNote(flat, cut, width); noted && note != "" && height-len(lines) > 0 {
		lines = append(lines, s.Muted.Render(ansiTruncate(note, width)))
	}
	return strings.Join(lines, "\n"), len(opts) < min(fewBars, len(drawn))
}

// gainLine is the ranking in one line for a window with no room for its bars, or nothing
// with no room at all: the options by name and gain, the biggest first, as many as fit.
func (m Model) gainLine(opts []*economics.Result, shown func(*economics.Result) (float64, bool), width, height int) string {
	s := m.styles
	if height < 1 {
		return ""
	}
	head := s.PanelTitle.Render("Gain vs not moving") + s.Muted.Render(": ")
	var items []string
	for i, r := range opts {
		v, _ := shown(r)
		item := fmt.Sprintf("%d. %s %s", i+1, report.Destination(*r), signedCompact(v))
		more := ""
		if rest := len(opts) - i - 1; rest > 0 {
			more = fmt.Sprintf(" · … and %d more", rest)
		}
		if i > 0 && cells(head)+cells(strings.Join(append(items, item), " · ")+more) > width {
			return head + s.Muted.Render(strings.Join(items, " · ")+fmt.Sprintf(" · … and %d more", len(opts)-i))
		}
		items = append(items, item)
	}
	return ansiTruncate(head+s.Muted.Render(strings.Join(items, " · ")), width)
}

// unshownNote is the line under the bars: how many options the bars leave out, and the options
// at $0 (not moving, selling now, places no machine is worth moving to), by name as far as
// the width allows.
func unshownNote(flat []*economics.Result, cut, width int) string {
	var more string
	if cut > 0 {
		more = fmt.Sprintf("… and %d more in the table", cut)
	}
	if len(flat) == 0 {
		return more
	}
	if more != "" {
		more += " · "
	}
	room := width - cells(more)
	names := make([]string, len(flat))
	for i, r := range flat {
		names[i] = report.Destination(*r)
	}
	for n := len(names); n >= 1; n-- {
		list := names[:n]
		var text string
		switch {
		case n < len(names):
			text = strings.Join(list, ", ") + fmt.Sprintf(" and %d more", len(names)-n)
		case n == 1:
			text = list[0]
		default:
			text = strings.Join(list[:n-1], ", ") + " and " + list[n-1]
		}
		text = "at $0 vs not moving: " + text
		if cells(text) <= room {
			return more + text
		}
	}
	// Not even one name fits beside the count: the options at $0 are counted instead.
	for _, text := range []string{fmt.Sprintf("%d at $0 vs not moving", len(names)), fmt.Sprintf("%d at $0", len(names))} {
		if cells(text) <= room {
			return more + text
		}
	}
	return more
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// presentFacts are an option's key figures in a line of words.
func presentFacts(r economics.Result) string {
	cell := func(key string) string { return report.Cell(economics.MustField(key), &r) }
	value := "worth " + cell("npv_usd")
	switch {
	case r.Kind == economics.Destination && r.MovedMachines == 0:
		return fmt.Sprintf("no machine worth moving: moving all that fits %s · %s · %s all-in · %s",
			cell("move_all_gain_usd"), value, cell("all_in_usd_per_kwh"), report.Status(r))
	case r.Kind == economics.Stay:
		keeps := cell("moved_machines") + ", sells the rest" // "keeps 1,800, sells the rest"
		if report.Kept(&r) == 0 {
			keeps = "no model pays more kept running here than sold"
		}
		return fmt.Sprintf("%s · %s · %s all-in · %s", keeps, value, cell("all_in_usd_per_kwh"), report.Status(r))
	case r.Kind == economics.Sell:
		return value + " · every machine sold today, after the sale fee"
	}
	return fmt.Sprintf("%s · moves %s · payback %s · %s all-in · %s",
		value, cell("moved_machines"), cell("payback_months"), cell("all_in_usd_per_kwh"), report.Status(r))
}

// caveats are what the answer rests on, each in full: how sure it is over the simulated
// futures, what could go wrong at the leading option's site, how old and sourced the data
// is, the what-ifs applied and what the values count.
func (m Model) caveats(certainty string, width int) []string {
	s := m.styles
	var items []string
	if certainty != "" {
		items = append(items, certainty)
	}
	if lead, ok := m.leadingOption(); ok {
		if c, hasSite := m.country(lead.ID); hasSite {
			for _, w := range m.risks(lead, c) {
				items = append(items, report.Destination(lead)+": "+w+".")
			}
		}
	}
	data := "Data: " + m.set.Name() + ", newest figure as of " + m.set.AsOf
	if m.stale > 0 || m.unsourced > 0 {
		data += fmt.Sprintf("; in the data set %d %s older than %d months and %d without a source",
			m.stale, plural(m.stale, "figure is", "figures are"), staleMonths, m.unsourced)
	}
	items = append(items, data+".")
	if n := len(m.current.WhatIfs); n > 0 {
		items = append(items, fmt.Sprintf("%d what-if %s to the destinations applied: these figures are not the data set's.", n, plural(n, "edit", "edits")))
	}
	var changed []string
	for _, f := range m.editedAssumptions() {
		changed = append(changed, f.label+" "+f.value+" "+f.unit)
	}
	if len(changed) > 0 {
		items = append(items, "Assumptions changed as a what-if: "+strings.Join(changed, ", ")+"; not the scenario's own.")
	}
	sc := m.current.Scenario
	items = append(items, fmt.Sprintf("Values over %d months at %s a year, after the move's cost and the risk of shutdown; gains are against not moving.",
		sc.Horizon(), human.Percent(sc.DiscountRate.Value)))
	out := []string{s.Bold.Render("Caveats")}
	for _, it := range items {
		text := indent(ansiWrap(it, width-2), "  ")
		out = append(out, s.Warning.Render("▲")+text[1:])
	}
	return out
}

// leadingOption is the option the answer leads with: the biggest gain, else, when no move
// pays, the first of the ranking (not moving).
func (m Model) leadingOption() (economics.Result, bool) {
	var lead *economics.Result
	for i := range m.ranking {
		if r := &m.ranking[i]; !r.Excluded && (lead == nil || r.Gain > lead.Gain) {
			lead = r
		}
	}
	if lead == nil {
		return economics.Result{}, false
	}
	return *lead, true
}
