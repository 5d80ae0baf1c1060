package model

import (
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"strings"
	"testing"
)

// The header keeps the user's edits and the data's warnings in view at every width, and the
// title stops naming the fleet as loaded once the fleet is edited.
func TestHeaderKeepsStateAtEveryWidth(t *testing.T) {
	m := newTestModel(t, 120, 40)
	hashprice := m.current.Scenario.Market.Algorithms["sha256"].USDPerUnitDay.Value
	m = keys(t, m, "a")
	m = editField(t, m, "Hashprice", trimFloat(hashprice*1.5))
	m = keys(t, m, "esc", "e")
	m = editField(t, m, "Mining levy", "10")
	m = keys(t, m, "esc")
	m = editFleetCount(t, m, "10")

	for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		m = send(t, m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		head := strings.Split(plain(m), "\n")[:2]
		for _, want := range []string{"stale", "unsourced"} {
			if !strings.Contains(head[0], want) {
				t.Errorf("%dx%d: the title line drops %q: %q", size[0], size[1], want, head[0])
			}
		}
		if !strings.Contains(head[0], "machines from Kazakhstan ✎") || strings.Contains(head[0], "3,000 mixed rigs") {
			t.Errorf("%dx%d: the title still names the fleet as loaded: %q", size[0], size[1], head[0])
		}
		if !strings.Contains(head[1], "✎") || !strings.Contains(head[1], "3 edits") && !strings.Contains(head[1], "1 what-if edit · 1 assumption · 1 fleet change") {
			t.Errorf("%dx%d: the edits are not all counted: %q", size[0], size[1], head[1])
		}
	}
	if got := m.View().WindowTitle; !strings.Contains(got, "machines from Kazakhstan") {
		t.Errorf("window title %q does not follow the edited fleet", got)
	}
}

// The selected row's status and every one of its risks are on the main screen at every size,
// also where the detail pane is hidden (80×24) or cut (120×40).
func TestMainScreenShowsTheSelectedRowsRisks(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		m := newTestModel(t, size[0], size[1])
		m = selectID(t, m, "et")
		r, _ := m.selectedResult()
		c, _ := m.selectedCountry()
		risks := m.risks(r, c)
		if len(risks) < 2 {
			t.Fatalf("Ethiopia should carry several risks, got %q", risks)
		}
		screen := strings.Join(strings.Fields(strings.ReplaceAll(plain(m), "\u00a0", " ")), " ")
		for _, want := range append(risks, "restricted") {
			if !strings.Contains(screen, want) {
				t.Errorf("%dx%d: the main screen does not show %q", size[0], size[1], want)
			}
		}
	}
}

// With edits of three kinds, the header's second line keeps the hashprice, the horizon, the
// discount rate and the edits note whole: the fleet's figures and the note's detail give way.
func TestHeaderKeepsMarketBesideEdits(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m = keys(t, m, "j", "j", "e")
	m = editField(t, m, "Mining levy", "10")
	m = keys(t, m, "esc")
	m = send(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	line := strings.Split(plain(m), "\n")[1]
	for _, want := range []string{"$0.034/TH/s/day", "36 mo", "15%/yr", "✎ 1 what-if edit"} {
		if !strings.Contains(line, want) {
			t.Errorf("one what-if edit at 120: line 2 lacks %q: %q", want, line)
		}
	}

	m = keys(t, m, "a")
	m = editField(t, m, "Hashprice", "0.05")
	m = keys(t, m, "esc")
	m = editFleetCount(t, m, "10")
	for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		m = send(t, m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		line := strings.Split(plain(m), "\n")[1]
		for _, want := range []string{"$0.05/TH/s/day ✎", "36 mo", "15%/yr", "✎ "} {
			if !strings.Contains(line, want) {
				t.Errorf("%d columns: line 2 lacks %q: %q", size[0], want, line)
			}
		}
		if !strings.Contains(line, "3 edits") && !strings.Contains(line, "1 what-if edit · 1 assumption · 1 fleet change") {
			t.Errorf("%d columns: the edits note is cut: %q", size[0], line)
		}
		if strings.Contains(line, "…") {
			t.Errorf("%d columns: line 2 is cut: %q", size[0], line)
		}
	}
}

// editFleetCount sets the count of the fleet's first machine model in the fleet editor and
// goes back to the table.
func editFleetCount(t *testing.T, m Model, count string) Model {
	t.Helper()
	m = keys(t, m, "f")
	name, _ := m.set.Machines.ByID(m.current.Scenario.Fleet[0].Machine)
	m = editField(t, m, name.Name, count)
	return keys(t, m, "esc")
}

// Beside the table, the detail pane's frame stands in one column from top to bottom: the risk
// line under the table is as wide as the table, so the frame's bottom corner is not pulled left.
func TestDetailPaneFrameBesideTheRiskLine(t *testing.T) {
	m := newTestModel(t, 200, 60)
	var top, bottom = -1, -1
	for _, line := range strings.Split(plain(m), "\n") {
		if i := strings.Index(line, "╭"); i >= 0 {
			top = ansi.StringWidth(line[:i])
		}
		if i := strings.Index(line, "╰"); i >= 0 {
			bottom = ansi.StringWidth(line[:i])
		}
	}
	if top < 0 || top != bottom {
		t.Errorf("the pane's top corner is at column %d, its bottom corner at %d", top, bottom)
	}
}

// Each machine model whose number changed counts as an edit, like each what-if.
func TestFleetChangesCountByModel(t *testing.T) {
	m := newTestModel(t, 200, 60)
	m = keys(t, m, "f", "enter")
	m.form.input.SetValue("")
	m = typeText(t, m, "1500")
	m = keys(t, m, "enter", "+", "enter") // the picker's first model: one not in the fleet
	if !strings.Contains(plain(m), "✎ 2 fleet changes") {
		t.Errorf("two models changed:\n%s", plain(m))
	}
}
