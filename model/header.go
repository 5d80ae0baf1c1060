package model

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"charm.land/lipgloss/v2"

	"hashhaven/human"
)

// header is the title line, the fleet and market line, and a rule. On a narrow window the
// words around the state give way before the state itself: the data's stale and unsourced
// counts and the count of the user's edits always stay in view.
func (m Model) header(width int) string {
	s := m.styles
	sc := m.current.Scenario
	var warnings []string
	if m.stale > 0 {
		warnings = append(warnings, s.Warning.Render(fmt.Sprintf("%d stale", m.stale)))
	}
	if m.unsourced > 0 {
		warnings = append(warnings, s.Warning.Render(fmt.Sprintf("%d unsourced", m.unsourced)))
	}
	sep := s.Muted.Render(" · ")
	title := s.Bold.Render(m.title())
	if m.fleetEdited() {
		title = s.Edited.Render(m.title() + " ✎") // the edited mark, as on every edited figure
	}
	left := s.Title.Render("◆ hashhaven") + "  " + title
	// The counts alone, or with as much of the data's name and date as fits.
	right := strings.Join(warnings, sep)
	for _, words := range []string{"data: " + m.set.Name() + " · as of " + m.set.AsOf, "as of " + m.set.AsOf} {
		if with := strings.Join(append([]string{s.Muted.Render(words)}, warnings...), sep); lipgloss.Width(left)+lipgloss.Width(with)+2 <= width {
			right = with
			break
		}
	}
	line1 := keepRight(left, right, width)

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
	// On a narrow window the hashrate, then the IT load, then the hashprice's date give way beside
	// the edits note; then the note says only how many edits there are; then the origin and
	// the count give way, so the market and the money assumptions stay in view whole.
	choices := [][]string{append(append(append([]string{machines}, hashrates...), load), dated...),
		append([]string{machines, load}, dated...), append([]string{machines}, dated...), append([]string{machines}, rest...),
		append([]string{machines}, rest[1:]...), rest[1:]}
	full, short := m.editsNote()
	parts, note := choices[len(choices)-1], short
	tries := []struct {
		note  string
		parts [][]string
	}{{full, choices[:4]}, {short, choices[:4]}, {short, choices[4:]}}
fit:
	for _, try := range tries {
		room := width
		if try.note != "" {
			room -= lipgloss.Width(try.note) + 2
		}
		for _, c := range try.parts {
			if lipgloss.Width(strings.Join(c, " · ")) <= room {
				parts, note = c, try.note
				break fit
			}
		}
	}
	line2 := keepRight(strings.Join(parts, s.Faint.Render(" · ")), note, width)
	line3 := s.Rule.Render(strings.Repeat("━", width))
	if m.banner != "" {
		line3 = m.bannerText(width)
	}
	return line1 + "\n" + line2 + "\n" + line3
}

// bannerLines is how many lines the banner may wrap to: enough for a file, a line and its
// problem, while the table keeps the window.
const bannerLines = 3

// bannerText says why the data folder's latest state was refused, in full where it fits in
// bannerLines lines.
func (m Model) bannerText(width int) string {
	lines := strings.Split(ansiWrap("✗ "+m.banner+" — showing the last good data", max(1, width-2)), "\n")
	if len(lines) > bannerLines {
		lines = append(lines[:bannerLines-1], ansiTruncate(strings.Join(lines[bannerLines-1:], " "), width-2))
	}
	for i, l := range lines {
		lines[i] = m.styles.Banner.Render(pad(l, width-2, false))
	}
	return strings.Join(lines, "\n")
}

// headerHeight is how many lines the header takes: the title, the fleet, and the rule or
// the banner in its place.
func (m Model) headerHeight() int {
	if m.banner == "" {
		return 3
	}
	return 2 + strings.Count(m.bannerText(m.width), "\n") + 1
}

// title names the fleet on screen: the scenario's name, or what the fleet has become once
// the user edited it, since the name describes the fleet as loaded.
func (m Model) title() string {
	if !m.fleetEdited() {
		return m.current.Scenario.Name
	}
	n := 0
	for _, b := range m.current.Scenario.Fleet {
		n += b.Count
	}
	return fmt.Sprintf("%s %s from %s", human.Thousands(float64(n), 0), plural(n, "machine", "machines"), m.plan.OriginName)
}

func (m Model) fleetEdited() bool { return m.fleetChanges() > 0 }

// fleetChanges counts the machine models whose number in the fleet differs from the file's.
func (m Model) fleetChanges() int {
	loaded, now := fleetCounts(m.base.Fleet), fleetCounts(m.current.Scenario.Fleet)
	n := 0
	for id, count := range now {
		if loaded[id] != count {
			n++
		}
	}
	for id := range loaded {
		if _, ok := now[id]; !ok {
			n++
		}
	}
	return n
}

// editsNote counts the user's changes to the data as loaded: what-ifs, assumptions and the
// fleet, kind by kind, and in short only how many there are; "" when there are none.
func (m Model) editsNote() (full, short string) {
	var parts []string
	total := len(m.current.WhatIfs)
	if n := total; n > 0 {
		parts = append(parts, fmt.Sprintf("%d what-if %s", n, plural(n, "edit", "edits")))
	}
	if assumptions := len(m.editedAssumptions()); assumptions > 0 {
		parts = append(parts, fmt.Sprintf("%d %s", assumptions, plural(assumptions, "assumption", "assumptions")))
		total += assumptions
	}
	if n := m.fleetChanges(); n > 0 {
		parts = append(parts, fmt.Sprintf("%d fleet %s", n, plural(n, "change", "changes")))
		total += n
	}
	if total == 0 {
		return "", ""
	}
	return m.styles.Edited.Render("✎ " + strings.Join(parts, " · ")),
		m.styles.Edited.Render(fmt.Sprintf("✎ %d %s", total, plural(total, "edit", "edits")))
}

func (m Model) maybeEdited(text string, edited bool) string {
	if edited {
		return m.styles.Edited.Render(text + " ✎")
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

// keepRight puts right at the end of a line of width cells and cuts left to make room, so
// what right says is never lost.
func keepRight(left, right string, width int) string {
	if right == "" {
		return ansiTruncate(left, width)
	}
	room := width - lipgloss.Width(right) - 2
	if room < 1 {
		return ansiTruncate(right, width)
	}
	left = ansiTruncate(left, room)
	return left + strings.Repeat(" ", width-lipgloss.Width(left)-lipgloss.Width(right)) + right
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
