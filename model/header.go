package model

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"charm.land/lipgloss/v2"

	"hashhaven/human"
)

// header is the title line, the fleet and market line, and a rule.
func (m Model) header(width int) string {
	s := m.styles
	sc := m.current.Scenario
	left := s.Title.Render("◆ hashhaven") + "  " + s.Bold.Render(sc.Name)
	right := s.Muted.Render("data: " + m.set.Name() + " · as of " + m.set.AsOf)
	if m.stale > 0 {
		right += s.Muted.Render(" · ") + s.Warning.Render(fmt.Sprintf("%d stale", m.stale))
	}
	if m.unsourced > 0 {
		right += s.Muted.Render(" · ") + s.Warning.Render(fmt.Sprintf("%d unsourced", m.unsourced))
	}
	line1 := spread(left, right, width)

	p := m.plan
	machines := s.HeaderValue.Render(human.Thousands(float64(p.Machines), 0)) + s.HeaderLabel.Render(" machines")
	var hashrates []string
	for _, hr := range m.fleetHashrates() {
		hashrates = append(hashrates, s.HeaderValue.Render(hr))
	}
	load := s.HeaderValue.Render(human.Power(p.ITkW)) + s.HeaderLabel.Render(" IT")
	rest := []string{s.HeaderLabel.Render("from ") + s.HeaderValue.Render(p.OriginName)}
	dated := slices.Clone(rest) // with each hashprice's date, for windows wide enough
	for _, a := range slices.Sorted(maps.Keys(sc.Market.Algorithms)) {
		alg := sc.Market.Algorithms[a]
		v := fmt.Sprintf("$%s/%s/day", trimFloat(alg.USDPerUnitDay.Value), alg.Unit)
		price := s.HeaderLabel.Render("hashprice ") + m.maybeEdited(v, alg.USDPerUnitDay.Edited)
		rest = append(rest, price)
		if when := alg.USDPerUnitDay.AsOf; when != "" && !alg.USDPerUnitDay.Edited {
			// The input that drives everything and ages fastest: its date stays in view where it fits.
			price += s.HeaderLabel.Render(" (" + when + ")")
		}
		dated = append(dated, price)
	}
	money := []string{m.maybeEdited(fmt.Sprintf("%d mo", sc.Horizon()), sc.HorizonMonths.Edited),
		m.maybeEdited(human.Percent(sc.DiscountRate.Value)+"/yr", sc.DiscountRate.Edited)}
	rest, dated = append(rest, money...), append(dated, money...)
	// On a narrow window the hashrate, then the IT load, then the hashprice's date give way, so
	// the market and the money assumptions stay in view.
	parts := append(append(append([]string{machines}, hashrates...), load), dated...)
	for _, fewer := range [][]string{append([]string{machines, load}, dated...), append([]string{machines}, dated...),
		append([]string{machines}, rest...)} {
		if lipgloss.Width(strings.Join(parts, " · ")) > width {
			parts = fewer
		}
	}
	line2 := ansiTruncate(strings.Join(parts, s.Faint.Render(" · ")), width)
	if n := len(m.current.WhatIfs); n > 0 {
		line2 = spread(line2, s.Edited.Render(fmt.Sprintf("✎ %d what-if %s", n, plural(n, "edit", "edits"))), width)
	}
	line3 := s.Rule.Render(strings.Repeat("━", width))
	if m.banner != "" {
		line3 = s.Banner.Render(ansiTruncate("✗ "+m.banner+" — showing the last good data", width-2))
	}
	return line1 + "\n" + line2 + "\n" + line3
}

func (m Model) maybeEdited(text string, edited bool) string {
	if edited {
		return m.styles.Edited.Render(text + "✎")
	}
	return m.styles.HeaderValue.Render(text)
}

// fleetHashrates is the fleet's hashrate per unit, e.g. "300 PH/s".
func (m Model) fleetHashrates() []string {
	byUnit := map[string]float64{}
	for _, b := range m.current.Scenario.Fleet {
		if mach, ok := m.set.Machines.ByID(b.Machine); ok {
			byUnit[mach.Unit] += float64(b.Count) * mach.Hashrate.Value
		}
	}
	var out []string
	for _, u := range slices.Sorted(maps.Keys(byUnit)) {
		out = append(out, human.Hashrate(byUnit[u], u))
	}
	return out
}

// spread puts left and right on one line of width cells, right-aligned, dropping right if
// there is no room.
func spread(left, right string, width int) string {
	gap := width - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 2 {
		return ansiTruncate(left, width)
	}
	return left + strings.Repeat(" ", gap) + right
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func trimFloat(v float64) string {
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.5f", v), "0"), ".")
}

func itoa(n int) string { return fmt.Sprint(n) }
