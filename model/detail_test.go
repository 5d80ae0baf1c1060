package model

import (
	"regexp"
	"strings"
	"testing"

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
