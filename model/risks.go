package model

import (
	"fmt"
	"strings"

	"hashhaven/cited"
	"hashhaven/countries"
	"hashhaven/economics"
	"hashhaven/human"
	"hashhaven/report"
)

// risks are what could go wrong at a row's site that the numbers alone do not shout: the
// main screen's risk line and the detail's warnings both list them.
func (m Model) risks(r economics.Result, c countries.Country) []string {
	var w []string
	if r.Excluded {
		w = append(w, "excluded: "+r.ExcludedReason)
	}
	if !r.Excluded && r.Deployable < 1 && r.Deployable > 0 { // an excluded site runs none of the fleet
		w = append(w, fmt.Sprintf("capacity shortfall: only %s of the fleet fits", human.Percent(r.Deployable)))
	}
	for _, b := range m.current.Scenario.Fleet {
		mach, ok := m.set.Machines.ByID(b.Machine)
		if ok && mach.MaxAmbientC.Set && c.Site.AvgTempC.Value > mach.MaxAmbientC.Value-10 {
			w = append(w, fmt.Sprintf("heat: average %s °C is within 10 °C of the %s's rated %s °C", cited.Format(c.Site.AvgTempC.Value), mach.Name, cited.Format(mach.MaxAmbientC.Value)))
		}
	}
	if r.ShutdownYear >= 0.25 {
		w = append(w, fmt.Sprintf("high shutdown risk: %s a year", human.Percent(r.ShutdownYear)))
	}
	stale, unsourced := 0, 0
	for _, f := range countries.Numbers(&c) {
		if f.Num.Stale(m.now, staleMonths) {
			stale++
		}
		if f.Num.Set && !f.Num.Sourced() && !f.Num.Edited {
			unsourced++
		}
	}
	if stale > 0 {
		w = append(w, fmt.Sprintf("%d %s older than %d months", stale, plural(stale, "figure", "figures"), staleMonths))
	}
	if unsourced > 0 {
		w = append(w, fmt.Sprintf("%d %s without a source", unsourced, plural(unsourced, "figure", "figures")))
	}
	return w
}

// riskLines are the selected row's status and every one of its risks, wrapped to width, for
// the main screen: they stay in view whatever the window's size, where the detail pane is
// cut or hidden.
func (m Model) riskLines(width int) []string {
	r, ok := m.selectedResult()
	if !ok {
		return nil
	}
	s := m.styles
	head := s.Bold.Render(report.Destination(r)) + s.Muted.Render(" · ")
	c, hasSite := m.selectedCountry()
	var risks []string
	if hasSite {
		risks = m.risks(r, c)
	}
	if len(risks) == 0 {
		return strings.Split(ansiWrap(head+s.Muted.Render(report.Status(r)+" · no warnings"), width), "\n")
	}
	if !r.Excluded { // an excluded row's status is its first risk, said there once
		head += s.Muted.Render(report.Status(r) + " · ")
	}
	styled := make([]string, len(risks))
	for i, x := range risks {
		styled[i] = s.Warning.Render("▲\u00a0" + x) // the mark never wraps away from its risk
	}
	return strings.Split(ansiWrap(head+strings.Join(styled, s.Muted.Render(" · ")), width), "\n")
}
