package model

import (
	"fmt"
	"math"
	"strings"

	"hashhaven/economics"
	"hashhaven/human"
	"hashhaven/report"
)

// portfolioView is the split screen: its text in a window of width×height, scrolled where
// it is taller (more).
func (m Model) portfolioView(width, height int) (view string, more bool) {
	return m.scrolled(m.splitText(width, height), width, height, m.splitY)
}

// splitText is the best split of the fleet: what goes where, machine model by machine
// model, each option's share of the fleet against the cap, and what the split is worth. Its
// bars grow taller where the window of height lines has room; the rest is always there.
func (m Model) splitText(width, height int) string {
	s := m.styles
	title := s.PanelTitle.Render("Fleet split") + s.Muted.Render(" — sell, keep and move, in the best mix")
	lines := []string{ansiTruncate(title, width), ""}
	switch {
	case m.splitErr != "":
		return strings.Join(append(lines, s.ErrorText.Render(ansiWrap("The split could not be worked out: "+m.splitErr, width))), "\n")
	case m.split == nil:
		return strings.Join(append(lines, s.Muted.Render("Solving the split…")), "\n")
	}
	pf := m.split
	sep := s.Muted.Render("  ·  ")
	gain := s.HeaderValue.Render(report.SignedUSD(pf.Gain))
	if pf.Gain < 0 {
		gain = s.Negative.Render(report.SignedUSD(pf.Gain))
	}
	summary := s.Muted.Render("value ") + s.HeaderValue.Render(human.USD(pf.NPV)) + sep + gain + s.Muted.Render(" vs not moving") +
		sep + s.Muted.Render(boundText(pf))
	lines = append(lines, ansiWrap(summary, width))
	capText := "no cap: any one place may take the whole fleet (Max share per place, in the assumptions, a)"
	if pf.MaxShare < 1 {
		capText = fmt.Sprintf("cap: at most %s of the fleet's load in one place, so one shutdown cannot strand it all "+
			"(Max share per place, in the assumptions, a); selling has no cap", human.Percent(pf.MaxShare))
	}
	lines = append(lines, s.Muted.Render(ansiWrap(capText, width)), m.splitBand(width))
	if pf.Gain < 0 {
		lines = append(lines, s.Warning.Render(ansiWrap("Worth less than not moving: not moving keeps more of the fleet in one place than the cap allows.", width)))
	}
	lines = append(lines, "")

	opts := report.SplitOptions(m.plan, pf, m.ranking)
	nameW := len("Option")
	for _, o := range opts {
		nameW = max(nameW, cells(o.Name))
	}
	nameW = min(nameW, max(12, width/3)) // whole names, while the bars keep room
	const machinesW, valueW, pctW = 8, 8, 6
	barW := max(6, width-nameW-machinesW-valueW-pctW-4)
	head := pad("Option", nameW, false) + " " + pad("machines", machinesW, true) + " " + pad("value", valueW, true) + " " +
		pad("share of the fleet's IT load", barW, false) + " " + pad("", pctW, true)
	lines = append(lines, s.TableHead.Render(ansiTruncate(head, width)), s.Rule.Render(strings.Repeat("─", min(width, cells(head)))))
	note := s.Muted.Render(ansiWrap("Share is of the fleet's IT load; value is what the machines sent there are worth there, "+
		"their move included. Every what-if, fleet or assumption change solves the split again.", width))
	byModel := m.splitByModel(opts, width)
	// The bars grow taller, up to three lines, with the room the rest leaves.
	rest := lineCount(lines) + 1 + lineCount([]string{note})
	for _, o := range opts {
		rest += 1 + strings.Count(ansiWrap(strings.Join(o.Models, " · "), max(10, width-4)), "\n") + 1
	}
	if byModel != "" {
		rest += lineCount([]string{byModel}) + 1
	}
	left := m.leftOut(opts, width, leftOutRows)
	if left != "" {
		rest += lineCount([]string{left}) + 1
	}
	barRows := 1
	if len(opts) > 0 {
		barRows += min(2, max(0, height-rest)/len(opts))
	}
	for _, o := range opts {
		share := o.Share
		name := pad(o.Name, nameW, false)
		if o.Kind != economics.Destination {
			name = s.Baseline.Render(name)
		}
		value := pad(human.CompactUSD(o.Value), valueW, true)
		if o.Value < 0 {
			value = s.Negative.Render(value)
		}
		plot := m.shareBar(share, pf.MaxShare, o.Kind == economics.Sell, barW)
		line := name + " " + pad(human.Thousands(float64(o.Machines), 0), machinesW, true) + " " + value + " " +
			plot + " " + pad(human.Percent(share), pctW, true)
		for range barRows - 1 { // the taller bar's upper lines: the bar alone
			lines = append(lines, ansiTruncate(strings.Repeat(" ", nameW+machinesW+valueW+3)+plot, width))
		}
		lines = append(lines, ansiTruncate(line, width))
		models := ansiWrap(strings.Join(o.Models, " · "), max(10, width-4))
		lines = append(lines, s.Muted.Render(indent(models, "    ")))
	}
	lines = append(lines, "", note)
	if byModel != "" {
		lines = append(lines, "", byModel)
	}
	if left != "" {
		// A window with room to spare lists more of the left out, up to its last line.
		if room := height - lineCount(lines) - 1; room > leftOutRows {
			left = m.leftOut(opts, width, room)
		}
		lines = append(lines, "", left)
	}
	return strings.Join(lines, "\n")
}

// leftOutRows is how many lines the split's list of left-out destinations takes at least
// where there are more: the best of them, with the rest in the table.
const leftOutRows = 12

// leftOut lists, best first, the ranked destinations the split sends nothing to, with what
// moving there would change, in at most height lines.
func (m Model) leftOut(opts []report.SplitOption, width, height int) string {
	s := m.styles
	in := map[string]bool{}
	for _, o := range opts {
		in[o.ID] = true
	}
	var out []*economics.Result
	for i := range m.ranking {
		if r := &m.ranking[i]; !r.Excluded && r.Kind == economics.Destination && !in[r.ID] {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		return ""
	}
	lines := []string{s.Bold.Render("Left out") + s.Muted.Render(" — the destinations the split sends nothing to, the best first")}
	nameW := 0
	for _, r := range out {
		nameW = max(nameW, cells(report.Destination(*r)))
	}
	nameW = min(nameW, max(12, width/4))
	shown := out[:min(len(out), height-1)]
	if len(shown) < len(out) {
		shown = out[:max(0, height-2)]
	}
	for _, r := range shown {
		v, hypothetical := shownGain(*r)
		why := "gain " + report.SignedUSD(v) + " vs not moving"
		if hypothetical {
			why = "no machine worth more there · moving all that fits " + human.CompactUSD(v)
		}
		lines = append(lines, ansiTruncate(pad(report.Destination(*r), nameW, false)+"  "+s.Muted.Render(why), width))
	}
	if n := len(out) - len(shown); n > 0 {
		lines = append(lines, s.Muted.Render(fmt.Sprintf("… and %d more in the table", n)))
	}
	return strings.Join(lines, "\n")
}

// splitByModel says, machine model by machine model, where the split sends the fleet's
// machines and what one is worth at each option: why each went where it did.
func (m Model) splitByModel(opts []report.SplitOption, width int) string {
	s := m.styles
	if m.plan == nil || len(m.plan.Batches) == 0 || len(opts) == 0 {
		return ""
	}
	type sent struct {
		name  string
		count int
		each  float64
		kind  economics.Kind
	}
	where := map[string][]sent{}
	sold := map[string]float64{} // one machine's price sold now, by model
	for i := range m.ranking {
		if r := &m.ranking[i]; r.Kind == economics.Sell {
			for _, b := range r.Batches {
				sold[b.Machine] = b.Value
			}
		}
	}
	names := map[string]string{}
	for _, o := range opts {
		names[o.ID] = o.Name
	}
	for _, a := range m.split.Allocations {
		each := 0.0
		for i := range m.ranking {
			if r := &m.ranking[i]; r.ID == a.Option {
				for _, b := range r.Batches {
					if b.Machine == a.Machine {
						each = b.Value
					}
				}
			}
		}
		where[a.Machine] = append(where[a.Machine], sent{names[a.Option], a.Count, each, a.Kind})
	}
	nameW := 0
	for _, b := range m.plan.Batches {
		nameW = max(nameW, cells(b.Machine.Name))
	}
	nameW = min(nameW, max(12, width/4))
	lines := []string{s.Bold.Render("By machine model") + s.Muted.Render(" — where each model goes, and what one is worth there")}
	for _, b := range m.plan.Batches {
		var parts []string
		for _, w := range where[b.Machine.ID] {
			part := fmt.Sprintf("%s %s at %s each", w.name, human.Thousands(float64(w.count), 0), human.CompactUSD(w.each))
			if price, ok := sold[b.Machine.ID]; ok && w.kind != economics.Sell {
				part += " (" + human.CompactUSD(price) + " sold now)"
			}
			parts = append(parts, part)
		}
		text := strings.Join(parts, " · ")
		lead := pad(b.Machine.Name, nameW, false) + " " + pad(human.Thousands(float64(b.Count), 0), 6, true) + "  → "
		wrapped := ansiWrap(text, max(10, width-cells(lead)))
		lines = append(lines, lead+strings.ReplaceAll(wrapped, "\n", "\n"+strings.Repeat(" ", cells(lead))))
	}
	return strings.Join(lines, "\n")
}

// splitBand is the split's value over the simulated futures, against not moving's.
func (m Model) splitBand(width int) string {
	s := m.styles
	u, ok := m.bands[economics.SplitID]
	if !ok {
		return s.Muted.Render(ansiWrap(m.simulationStatus(), width))
	}
	sep := s.Muted.Render(" · ")
	line := s.Muted.Render("Over "+human.Thousands(simPaths, 0)+" simulated futures: P10 ") + s.HeaderValue.Render(human.CompactUSD(u.P10)) + sep +
		s.Muted.Render("P50 ") + s.HeaderValue.Render(human.CompactUSD(u.P50)) + sep +
		s.Muted.Render("P90 ") + s.HeaderValue.Render(human.CompactUSD(u.P90)) + sep
	if one, ok := oneFigure(&u); ok {
		line = s.Muted.Render("Over "+human.Thousands(simPaths, 0)+" simulated futures: ") + s.HeaderValue.Render(one) +
			s.Muted.Render(" from P10 to P90") + sep
	}
	line += s.Muted.Render("worse than not moving in ") + s.HeaderValue.Render(human.Percent(u.PWorse)) + s.Muted.Render(" of them")
	return ansiWrap(line, width)
}

// shareBar draws a share of the fleet with the cap marked, unless the option has no cap.
func (m Model) shareBar(share, maxShare float64, uncapped bool, width int) string {
	s := m.styles
	filled := pad(bar(share, width), width, false)
	if uncapped || maxShare >= 1 {
		return s.Bar.Render(filled)
	}
	at := min(width-1, int(maxShare*float64(width)+0.5))
	runes := []rune(filled)
	if runes[at] == ' ' {
		return s.Bar.Render(string(runes[:at])) + s.Warning.Render("│") + string(runes[at+1:])
	}
	return s.Bar.Render(filled)
}

// boundText says how close the whole-machine split is to the best split allowed to send
// fractions of machines (the linear programme's optimum), which no real split can beat.
func boundText(pf *economics.Portfolio) string {
	gap := 0.0
	if pf.Bound != 0 {
		gap = max(0, (pf.Bound-pf.NPV)/math.Abs(pf.Bound))
	}
	if gap < 1e-6 {
		return "no split of the fleet is worth more: as good as the best split even with fractions of machines"
	}
	return "within " + finePercent(gap) + " of the best split even with fractions of machines, which no split of whole machines can beat"
}

// finePercent shows small shares to three decimals, so 0.003 % does not read as 0 %.
func finePercent(share float64) string {
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.3f", share*100), "0"), ".") + " %"
}
