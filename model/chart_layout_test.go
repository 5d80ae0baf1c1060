package model

import (
	"strings"
	"testing"
)

// selectedModel is the bundled data with the cursor on destination id.
func selectedModel(t *testing.T, width, height int, id string) Model {
	t.Helper()
	set, sc := bundled(t)
	m, err := New(Options{Set: set, Scenario: sc, Theme: "dark", Now: testNow, Width: width, Height: height, SimulateNow: true, Select: id})
	if err != nil {
		t.Fatal(err)
	}
	return send(t, m, quick(m.Init())...)
}

// A banned destination has no move and no rank: its move cost is "–", for that reason, not
// a free move of nothing.
func TestChartBannedDestinationHasNoMoveCost(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		screen := plain(keys(t, selectedModel(t, size[0], size[1], "ru"), "v"))
		if !strings.Contains(screen, "Move cost: –") || !strings.Contains(screen, "not ranked: mining is banned") {
			t.Errorf("at %v the banned destination's move cost is – and says why:\n%s", size, screen)
		}
		if costLine(screen) == "" || strings.Contains(costLine(screen), "$0") || strings.Contains(screen, "no machine gains by moving here") {
			t.Errorf("at %v the banned destination reads as a move of nothing:\n%s", size, screen)
		}
	}
	// Staying put has nothing to move either: no $0.
	screen := plain(keys(t, selectedModel(t, 120, 40, "kz"), "v"))
	if !strings.Contains(screen, "Move cost: –") || !strings.Contains(screen, "staying put") {
		t.Errorf("staying put has no move cost:\n%s", screen)
	}
}

// costLine is the screen's line with the move cost's title, from the title on.
func costLine(screen string) string {
	for _, l := range strings.Split(screen, "\n") {
		if at := strings.Index(l, "Move cost"); at >= 0 {
			return l[at:]
		}
	}
	return ""
}

// Side by side, the rule between the panes runs the whole height of the body.
func TestChartPaneRuleRunsFullHeight(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {200, 60}} {
		m := keys(t, newTestModel(t, size[0], size[1]), "v")
		lines := strings.Split(plain(m), "\n")
		body := lines[m.headerHeight() : len(lines)-footerLines]
		col := []rune(body[0])
		at := -1
		for i := len(col) / 3; i < len(col); i++ { // the rule sits past the bars' own axis
			if col[i] == '│' && col[i-1] == ' ' && col[i+1] == ' ' {
				at = i
				break
			}
		}
		if at < 0 {
			t.Fatalf("at %v no rule between the panes on the first line:\n%s", size, plain(m))
		}
		for i, l := range body {
			if r := []rune(l); at >= len(r) || r[at] != '│' {
				t.Errorf("at %v body line %d has no rule at column %d:\n%s", size, i+1, at, plain(m))
				break
			}
		}
	}
}

// The keys that move the selection move the charts' subject: the footer says so.
func TestChartFooterNamesTheDestinationKeys(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		lines := strings.Split(plain(keys(t, newTestModel(t, size[0], size[1]), "v")), "\n")
		if foot := lines[len(lines)-1]; !strings.Contains(foot, "↑↓ destination") {
			t.Errorf("at %v the footer is %q", size, foot)
		}
	}
	m := keys(t, newTestModel(t, 80, 24), "v")
	before := selectedID(m)
	if m = keys(t, m, "j"); selectedID(m) == before || !strings.Contains(plain(m), "Expected cash — ") {
		t.Errorf("↓ on the charts moves the selected destination")
	}
}

// Where only a few gain bars fit, the selected destination, whose cash the chart below
// draws, keeps its bar however far down the ranking it is.
func TestChartKeepsTheSelectionsBar(t *testing.T) {
	m := newTestModel(t, 80, 24)
	ranked := m.rankedOptions()
	last := ranked[len(ranked)-1]
	m = keys(t, selectedModel(t, 80, 24, last.ID), "v")
	bars := strings.SplitN(plain(m), "Expected cash", 2)[0]
	if !strings.Contains(bars, last.Name) || !strings.Contains(bars, "more") {
		t.Errorf("the selection %s has its bar among a few:\n%s", last.Name, plain(m))
	}
}
