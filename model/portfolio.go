package model

import (
	"fmt"
	"math"
	"strings"

	"hashhaven/economics"
	"hashhaven/human"
	"hashhaven/report"
)

// portfolioView is the best split of the fleet: what goes where, machine model by machine
// model, each option's share of the fleet against the cap, and what the split is worth.
func (m Model) portfolioView(width, height int) string {
	s := m.styles
	title := s.PanelTitle.Render("Fleet split") + s.Muted.Render(" — sell, keep and move, in the best mix")
	lines := []string{ansiTruncate(title, width), ""}
	switch {
	case m.splitErr != "":
		return fitLines(strings.Join(append(lines, s.ErrorText.Render(ansiWrap("The split could not be worked out: "+m.splitErr, width))), "\n"), width, height)
	case m.split == nil:
		return fitLines(strings.Join(append(lines, s.Muted.Render("Solving the split…")), "\n"), width, height)
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
	capText := "no cap: any one place may take the whole fleet"
	if pf.MaxShare < 1 {
		capText = fmt.Sprintf("cap: at most %s of the fleet's IT load in one place (max_share_per_destination); selling has no cap", human.Percent(pf.MaxShare))
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
		line := name + " " + pad(human.Thousands(float64(o.Machines), 0), machinesW, true) + " " + value + " " +
			m.shareBar(share, pf.MaxShare, o.Kind == economics.Sell, barW) + " " + pad(human.Percent(share), pctW, true)
		lines = append(lines, ansiTruncate(line, width))
		models := ansiWrap(strings.Join(o.Models, " · "), max(10, width-4))
		lines = append(lines, s.Muted.Render(indent(models, "    ")))
	}
	lines = append(lines, "", s.Muted.Render(ansiWrap("Share is of the fleet's IT load; value is what the machines sent there are worth there, "+
		"their move included. Every what-if, fleet or assumption change solves the split again.", width)))
	return fitLines(strings.Join(lines, "\n"), width, height)
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
		s.Muted.Render("P90 ") + s.HeaderValue.Render(human.CompactUSD(u.P90)) + sep +
		s.Muted.Render("worse than not moving in ") + s.HeaderValue.Render(human.Percent(u.PWorse)) + s.Muted.Render(" of them")
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

// boundText says how close the whole-machine split is to the linear programme's optimum.
func boundText(pf *economics.Portfolio) string {
	gap := 0.0
	if pf.Bound != 0 {
		gap = max(0, (pf.Bound-pf.NPV)/math.Abs(pf.Bound))
	}
	if gap < 1e-6 {
		return "at the linear bound: no split of the fleet is worth more"
	}
	return "within " + finePercent(gap) + " of the linear bound"
}

// finePercent shows small shares to three decimals, so 0.003 % does not read as 0 %.
func finePercent(share float64) string {
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.3f", share*100), "0"), ".") + " %"
}
