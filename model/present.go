package model

import (
	"fmt"
	"math"
	"strings"

	"charm.land/lipgloss/v2"

	"hashhaven/economics"
	"hashhaven/human"
	"hashhaven/report"
)

// presentView is a clean screen for a slide: the question, the top destinations as large NPV
// bars with their key figures, and how current the data is. No key hints.
func (m Model) presentView() string {
	s := m.styles
	w := m.width - 8
	sc := m.current.Scenario
	var b strings.Builder
	b.WriteString(s.Muted.Render("hashhaven · where to move the fleet") + "\n\n")
	b.WriteString(s.Title.Render(sc.Name) + "\n")
	b.WriteString(s.Muted.Render(ansiWrap(report.Report{Plan: m.plan}.Summary(), w)) + "\n\n")
	answer := m.answerLines(w, 6)
	b.WriteString(strings.Join(answer, "\n") + "\n\n")

	var top []economics.Result
	for _, r := range m.results {
		if !r.Excluded {
			top = append(top, r)
		}
	}
	economics.SortBy(top, economics.Fields[sortIndex("npv_usd")], false)
	rows := max(1, min(len(top), (m.height-14-len(answer))/3, 6))
	top = top[:min(rows, len(top))]
	biggest := 0.0 // bars share one scale, losses as well as gains
	for _, r := range top {
		biggest = max(biggest, math.Abs(r.NPV))
	}
	nameW := 22
	barW := max(10, w-nameW-14)
	for i, r := range top {
		name := fmt.Sprintf("%d. %s", i+1, report.Destination(r))
		share := 0.0
		if biggest > 0 {
			share = math.Abs(r.NPV) / biggest
		}
		style := s.Bar
		switch {
		case r.NPV < 0:
			style = s.Negative
		case i == 0:
			style = s.Positive
		}
		bars := style.Render(pad(bar(share, barW), barW, false))
		value := s.Bold.Render(pad(human.CompactUSD(r.NPV), 10, true))
		if r.NPV < 0 {
			value = s.Negative.Render(pad(human.CompactUSD(r.NPV), 10, true))
		}
		b.WriteString(s.Bold.Render(pad(name, nameW, false)) + " " + bars + " " + value + "\n")
		cell := func(key string) string { return report.Cell(economics.MustField(key), &r) }
		facts := fmt.Sprintf("%s vs not moving · moves %s · payback %s · %s all-in · %s",
			cell("gain_usd"), cell("moved_machines"), cell("payback_months"), cell("all_in_usd_per_kwh"), report.Status(r))
		switch {
		case r.Kind == economics.Destination && r.MovedMachines == 0:
			facts = fmt.Sprintf("no machine worth moving: moving all that fits %s · %s all-in · %s",
				cell("move_all_gain_usd"), cell("all_in_usd_per_kwh"), report.Status(r))
		case r.Kind == economics.Stay:
			keeps := cell("moved_machines") + ", sells the rest" // "keeps 1,800, sells the rest"
			if report.Kept(&r) == 0 {
				keeps = "no model pays more kept running here than sold"
			}
			facts = fmt.Sprintf("%s · %s all-in · %s", keeps, cell("all_in_usd_per_kwh"), report.Status(r))
		case r.Kind == economics.Sell:
			facts = fmt.Sprintf("%s vs not moving · every machine sold today, after the sale fee", cell("gain_usd"))
		}
		b.WriteString(strings.Repeat(" ", nameW+1) + s.Muted.Render(ansiTruncate(facts, w-nameW-1)) + "\n\n")
	}
	b.WriteString(s.Muted.Render(ansiWrap(fmt.Sprintf("Value over %d months at %s a year, after the move's cost and the risk of shutdown.",
		sc.Horizon(), human.Percent(sc.DiscountRate.Value)), w)) + "\n")
	note := "Data: " + m.set.Name() + ", newest figure as of " + m.set.AsOf
	if n := len(m.current.WhatIfs); n > 0 {
		note += fmt.Sprintf(" · %d what-if %s applied", n, plural(n, "edit", "edits"))
	}
	b.WriteString(s.Muted.Render(note))
	return lipgloss.NewStyle().Padding(1, 4).Render(fitLines(b.String(), w, m.height-2))
}
