package model

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"hashhaven/economics"
	"hashhaven/human"
)

// The headline's "score 86" is never split across lines, at any width.
func TestDetailKeepsTheScoreWhole(t *testing.T) {
	for _, w := range []int{80, 100, 120, 200} {
		m := newTestModel(t, w, 40)
		m = selectID(t, m, "et")
		m = keys(t, m, "enter")
		screen := plain(m)
		if !regexp.MustCompile(`score \d+`).MatchString(screen) {
			t.Errorf("at %d columns the score is split or missing:\n%s", w, screen)
		}
		for _, line := range strings.Split(screen, "\n") {
			if strings.HasSuffix(strings.TrimRight(line, " "), "score") {
				t.Errorf("at %d columns a line ends on the word score: %q", w, line)
			}
		}
	}
}

// ←/→ opens the next destination at its top, not where the last one was scrolled to.
func TestDetailStepsToTheTopOfTheNext(t *testing.T) {
	m := newTestModel(t, 80, 24)
	m = keys(t, m, "enter", "pgdown", "pgdown")
	if m.detailY == 0 {
		t.Fatal("pgdown should scroll the detail")
	}
	was := selectedID(m)
	m = keys(t, m, "l")
	if selectedID(m) == was || m.detailY != 0 {
		t.Errorf("→ should show %s's next from its top: selected %s, y %d", was, selectedID(m), m.detailY)
	}
}

// The waterfall's tariff and levies are the parts of the power cost the compare screen and
// the exports show, and shares read as percentages.
func TestDetailPowerWordsAndShares(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m = selectID(t, m, "et")
	m = keys(t, m, "enter")
	r, _ := m.selectedResult()
	text := unwrapped(m)
	allIn := human.USD(r.MonthlyPowerCost)
	if !strings.Contains(text, "− Tariff") || !strings.Contains(text, "− Levies") || strings.Contains(text, "− Power") {
		t.Errorf("the waterfall names the tariff and the levies:\n%s", plain(m))
	}
	if !strings.Contains(text, "power, all in: "+allIn) {
		t.Errorf("the waterfall gives the power cost all in, %s:\n%s", allIn, plain(m))
	}
	if v, _ := economics.MustField("monthly_power_cost_usd").Value(&r); v != r.MonthlyPower+r.MonthlyLevy {
		t.Errorf("the exported power cost %v is not tariff %v + levies %v", v, r.MonthlyPower, r.MonthlyLevy)
	}
	if strings.Contains(text, " share ") || !strings.Contains(text, "Corporate income tax 30%") {
		t.Errorf("shares read as percentages:\n%s", plain(m))
	}
}

// detailWords is the whole detail of the selection in one column, its spacing collapsed, so
// a phrase reads the same however it wrapped.
func detailWords(m Model, width int) string {
	return strings.Join(strings.Fields(ansi.Strip(m.detailColumn(width, true))), " ")
}

// The spare capacity is set against the whole fleet's facility load there, not against the
// part that fits. The fleet draws 1,200×3,050 W + 800×3,010 W + 600×3,500 W + 400×3,645 W =
// 9,626 kW of IT load: ×1.03 PUE in Norway and Iceland is 9,915 kW, ×1.06 in Ethiopia
// 10,204 kW, and hosted in Paraguay (PUE 1) 9,626 kW.
func TestDetailCapacityAgainstTheWholeFleet(t *testing.T) {
	m := newTestModel(t, 200, 60)
	for id, want := range map[string]string{
		"no":        "fits 50.4% (5.00 MW spare for the fleet's 9.91 MW with cooling)",
		"is":        "fits 50.4% (5.00 MW spare for the fleet's 9.91 MW with cooling)",
		"et":        "fits 49% (5.00 MW spare for the fleet's 10.2 MW with cooling)",
		"py-hosted": "fits 100% (20.0 MW spare for the fleet's 9.63 MW with cooling)",
	} {
		m = selectID(t, m, id)
		if text := detailWords(m, 120); !strings.Contains(text, want) {
			t.Errorf("%s: the detail lacks %q:\n%s", id, want, ansi.Strip(m.detailColumn(120, true)))
		}
	}
}

// A banned destination has no plan: every figure of one shows "–", each section says why in
// the words the status uses, and its inputs are still listed with their sources.
func TestDetailOfAnExcludedDestination(t *testing.T) {
	m := newTestModel(t, 200, 60)
	m = selectID(t, m, "ru")
	m = keys(t, m, "enter")
	for _, w := range []int{80, 120, 200} {
		text := detailWords(m, w)
		for _, want := range []string{
			"not ranked: mining is banned, so no machine moves here",
			"Month 0 at full operation — not ranked: mining is banned",
			"Revenue – − Tariff – − Levies – − Opex – − Tax – = Net –",
			"The move — not ranked: mining is banned (1,970 km away)",
			"fits – (60.0 MW spare for the fleet's 10.0 MW with cooling) · uptime 0% · break-even –",
			"Spare capacity 60 MW estimate: slice of the 16 bn kWh/yr",
			"Uptime 0% Government decree",
		} {
			if !strings.Contains(text, want) {
				t.Errorf("at %d columns the detail lacks %q:\n%s", w, want, ansi.Strip(m.detailColumn(w, true)))
			}
		}
		for _, wrong := range []string{"no machine is worth more", "$0", "-$", "—/kWh", "power, all in"} {
			if strings.Contains(text, wrong) {
				t.Errorf("at %d columns the detail says %q of a banned destination:\n%s", w, wrong, ansi.Strip(m.detailColumn(w, true)))
			}
		}
		if sold := regexp.MustCompile(`month \d`).FindString(text); sold != "" {
			t.Errorf("at %d columns a machine is %q at a banned destination", w, sold)
		}
	}
	if !regexp.MustCompile(`Antminer S19j Pro +1,200 +– +– +– +sell \$190 +–`).MatchString(ansi.Strip(m.detailColumn(200, true))) {
		t.Errorf("a model's row keeps its count and its value not moving, the rest –:\n%s", ansi.Strip(m.detailColumn(200, true)))
	}
}

// An excluded destination runs none of the fleet, so how much of it would fit is no warning.
func TestExcludedDestinationWarnsOfNoShortfall(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m = selectID(t, m, "ru")
	r, _ := m.selectedResult()
	c, _ := m.selectedCountry()
	r.Deployable = 0.5 // as if Irkutsk had room for half the fleet
	for _, w := range m.risks(r, c) {
		if strings.Contains(w, "capacity shortfall") {
			t.Errorf("a banned destination warns %q", w)
		}
	}
	r.Excluded = false
	if w := m.risks(r, c); !slices.Contains(w, "capacity shortfall: only 50% of the fleet fits") {
		t.Errorf("a ranked destination where half fits should warn of it: %q", w)
	}
}

// The line under the main table names an excluded destination's exclusion once, as its
// first risk; a ranked one keeps its legal status before its risks.
func TestRiskLineSaysTheExclusionOnce(t *testing.T) {
	m := newTestModel(t, 200, 60)
	m = selectID(t, m, "ru")
	line := ansi.Strip(strings.Join(m.riskLines(200), " "))
	if !strings.HasPrefix(line, "Russia (Irkutsk) · ▲\u00a0excluded: mining is banned · ") || strings.Count(line, "excluded") != 1 {
		t.Errorf("the exclusion should be said once, first: %q", line)
	}
	m = selectID(t, m, "no")
	line = ansi.Strip(strings.Join(m.riskLines(200), " "))
	if !strings.HasPrefix(line, "Norway · restricted · ▲\u00a0capacity shortfall: only 50.4% of the fleet fits") {
		t.Errorf("a ranked destination's line gives its status, then its risks: %q", line)
	}
}
