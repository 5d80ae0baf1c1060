package model

import (
	"math"
	"os"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"hashhaven/economics"
)

func TestMovingTheCursor(t *testing.T) {
	m := newTestModel(t, 120, 40)
	first := selectedID(m)
	m = keys(t, m, "j", "down")
	if m.cursor != 2 {
		t.Fatalf("after j, down: cursor %d, want 2", m.cursor)
	}
	m = keys(t, m, "k")
	if m.cursor != 1 {
		t.Errorf("after k: cursor %d", m.cursor)
	}
	m = keys(t, m, "G")
	if last, _ := m.selectedResult(); m.cursor != len(m.rows)-1 || !last.Excluded {
		t.Errorf("G: cursor %d on %s, want the last row (an excluded destination)", m.cursor, selectedID(m))
	}
	m = keys(t, m, "g")
	if m.cursor != 0 || selectedID(m) != first {
		t.Errorf("g: cursor %d on %s", m.cursor, selectedID(m))
	}
	m = keys(t, m, "pgdown")
	if m.cursor <= 1 {
		t.Errorf("pgdown moved only to %d", m.cursor)
	}
	m = keys(t, m, "pgup", "up")
	if m.cursor != 0 {
		t.Errorf("pgup then up should stop at 0, got %d", m.cursor)
	}
}

func TestSortCyclesAndReverses(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m = keys(t, m, "s")
	if got := m.sortKeyField().Key; got == "npv_usd" || got == "rank" {
		t.Fatalf("s left the sort on %s", got)
	}
	m = newTestModel(t, 120, 40)
	for m.sortKeyField().Key != "all_in_usd_per_kwh" {
		m = keys(t, m, "s")
	}
	cheapest := m.results[m.rows[0]]
	priced := true // the sell row runs nothing: it has no power price and comes after those that do
	for _, i := range m.rows {
		r := m.results[i]
		if r.Kind == economics.Sell {
			priced = false
			continue
		}
		if !r.Excluded && (r.AllInUSDPerKWh < cheapest.AllInUSDPerKWh || !priced) {
			t.Fatalf("sorted by power price but %s (%.4f) is below the first row %s (%.4f), or after the sell row", r.ID, r.AllInUSDPerKWh, cheapest.ID, cheapest.AllInUSDPerKWh)
		}
	}
	m = keys(t, m, "S")
	if m.results[m.rows[0]].AllInUSDPerKWh < cheapest.AllInUSDPerKWh || !m.reverse {
		t.Errorf("S should put the dearest first")
	}
	if last := m.results[m.rows[len(m.rows)-1]]; !last.Excluded {
		t.Errorf("excluded destinations stay last whatever the order; last is %s", last.ID)
	}
}

func TestFilterByNameRegionOrStatus(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m = keys(t, m, "/")
	if m.mode != modeFilter {
		t.Fatal("/ should open the filter")
	}
	m = typeText(t, m, "united")
	for _, i := range m.rows {
		if !strings.Contains(strings.ToLower(m.results[i].Name), "united") {
			t.Errorf("filter 'united' kept %s", m.results[i].Name)
		}
	}
	if len(m.rows) < 4 {
		t.Errorf("filter 'united' kept %d rows, want the US states and the UAE", len(m.rows))
	}
	m = keys(t, m, "enter")
	if m.mode == modeFilter || m.filter.Value() != "united" {
		t.Error("enter keeps the filter and leaves typing")
	}
	m = keys(t, m, "esc")
	if m.filter.Value() != "" || len(m.rows) != len(m.results) {
		t.Error("esc on the main screen clears the filter")
	}
	m = keys(t, m, "/")
	m = typeText(t, m, "banned")
	china := false
	for _, i := range m.rows {
		r := m.results[i]
		china = china || r.ID == "cn"
		if r.LegalStatus != "banned" {
			t.Errorf("filter by status 'banned' kept %s (%s)", r.ID, r.LegalStatus)
		}
	}
	if !china {
		t.Error("filter by status 'banned' should keep China")
	}
	m = keys(t, m, "esc")
	if m.mode == modeFilter || len(m.rows) != len(m.results) {
		t.Error("esc while typing cancels the filter")
	}
}

func TestMarkAndCompare(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m = keys(t, m, "c")
	if m.screen == screenCompare || !strings.Contains(m.toast, "mark 2 to 4") {
		t.Fatalf("compare with nothing marked should explain; toast %q", m.toast)
	}
	m = keys(t, m, "space", "j", "space")
	if len(m.marks) != 2 {
		t.Fatalf("marks = %v", m.marks)
	}
	m = keys(t, m, "c")
	if m.screen != screenCompare {
		t.Fatal("c with two marked should open compare")
	}
	if !strings.Contains(plain(m), "Compare") {
		t.Error("compare screen not drawn")
	}
	m = keys(t, m, "esc", "space")
	if len(m.marks) != 1 {
		t.Errorf("space again unmarks: %v", m.marks)
	}
}

func TestScreensOpenAndClose(t *testing.T) {
	cases := []struct {
		key  string
		want screen
	}{{"enter", screenDetail}, {"?", screenHelp}, {"v", screenChart}, {"P", screenPresent},
		{"f", screenFleet}, {"a", screenAssumptions}, {"e", screenWhatIf}}
	for _, c := range cases {
		m := newTestModel(t, 120, 40)
		m = keys(t, m, c.key)
		if m.screen != c.want {
			t.Errorf("%s opened screen %d, want %d", c.key, m.screen, c.want)
		}
		m = keys(t, m, "esc")
		if m.screen != screenMain {
			t.Errorf("esc after %s left screen %d", c.key, m.screen)
		}
	}
}

// Kazakhstan is where the fleet stands: its stay row is the baseline, so a tenfold levy does
// not move it down the table; it lowers what staying is worth and raises every move's gain.
func TestWhatIfLevyOnTheOrigin(t *testing.T) {
	m := newTestModel(t, 120, 40)
	hashprice := m.current.Scenario.Market.Algorithms["sha256"].USDPerUnitDay.Value
	m = keys(t, m, "a")
	m = editField(t, m, "Hashprice", trimFloat(hashprice*1.5)) // so that staying pays
	m = keys(t, m, "esc")
	stay, bestMoveAll := rowOf(m, "kz").NPV, bestMoveAllGain(m)
	m = selectID(t, m, "kz")
	m = keys(t, m, "e")
	m = editField(t, m, "Mining levy", "10")
	if after := rowOf(m, "kz").NPV; after >= stay {
		t.Fatalf("a tenfold levy should lower what staying in Kazakhstan is worth: %v → %v", stay, after)
	}
	if after := bestMoveAllGain(m); after <= bestMoveAll {
		t.Errorf("with staying worth less, moving should lose less: best move-all gain %v → %v", bestMoveAll, after)
	}
	if !strings.Contains(plain(m), "✎") {
		t.Error("edited values are marked on screen")
	}
	m = keys(t, m, "esc")
	if !strings.Contains(plain(m), "⌂ ✎ Kazakhstan") {
		t.Errorf("the stay row is marked as edited:\n%s", plain(m))
	}
	m = keys(t, m, "u")
	if rowOf(m, "kz").NPV != stay {
		t.Errorf("u should undo the levy: stay %v, want %v", rowOf(m, "kz").NPV, stay)
	}
	m = selectID(t, m, "kz")
	m = keys(t, m, "e")
	m = editField(t, m, "Mining levy", "10")
	m = keys(t, m, "esc", "R")
	if len(m.current.WhatIfs) != 0 || m.current.Scenario.Market.Algorithms["sha256"].USDPerUnitDay.Value != hashprice {
		t.Errorf("R resets every what-if and assumption")
	}
}

func rowOf(m Model, id string) economics.Result {
	for _, r := range m.results {
		if r.ID == id {
			return r
		}
	}
	return economics.Result{}
}

func bestMoveAllGain(m Model) float64 {
	best := math.Inf(-1)
	for _, r := range m.results {
		if r.Kind == economics.Destination && !r.Excluded {
			best = max(best, r.MoveAllGain)
		}
	}
	return best
}

func TestInvalidInputKeepsTheOldValue(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m = keys(t, m, "e")
	m = editField(t, m, "Uptime", "170%")
	if m.mode != modeValue || !strings.Contains(m.form.err, "170% is out of range: this figure is from 0% to 100%") {
		t.Fatalf("out-of-range uptime should be refused with the reason; err %q", m.form.err)
	}
	if len(m.current.WhatIfs) != 0 {
		t.Error("a refused value must not change anything")
	}
	if !strings.Contains(plain(m), "170% is out of range") {
		t.Error("the field says why on screen")
	}
	m.form.input.SetValue("")
	m = typeText(t, m, "abc")
	m = keys(t, m, "enter")
	if !strings.Contains(m.form.err, "not a number") {
		t.Errorf("err %q", m.form.err)
	}
	m = keys(t, m, "esc")
	if m.mode == modeValue || m.form.err != "" {
		t.Error("esc abandons the edit")
	}
}

func TestAssumptionsReRank(t *testing.T) {
	m := newTestModel(t, 120, 40)
	npv := m.results[m.rows[0]].NPV
	loaded := m.base.Market.Algorithms["sha256"].USDPerUnitDay.Value
	m = keys(t, m, "a")
	m = editField(t, m, "Hashprice", "0.08")
	if got := m.current.Scenario.Market.Algorithms["sha256"].USDPerUnitDay.Value; got != 0.08 {
		t.Fatalf("hashprice = %v", got)
	}
	best := 0.0
	for _, r := range m.results {
		best = max(best, r.NPV)
	}
	if best <= npv {
		t.Errorf("doubling the hashprice should raise the best NPV above %v, got %v", npv, best)
	}
	if m.base.Market.Algorithms["sha256"].USDPerUnitDay.Value != loaded {
		t.Error("the loaded scenario must stay untouched")
	}
	m = editField(t, m, "Horizon", "2.5")
	if m.form.err == "" || m.current.Scenario.Horizon() != 36 {
		t.Errorf("a fractional horizon is refused: err %q, horizon %d", m.form.err, m.current.Scenario.Horizon())
	}
}

func TestFleetEditor(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m = keys(t, m, "f")
	itKW, models := m.plan.ITkW, len(m.current.Scenario.Fleet)
	m = keys(t, m, "+")
	m = keys(t, m, downTo(m, firstNotInFleet(t, m))...)
	m = keys(t, m, "enter")
	if len(m.current.Scenario.Fleet) != models+1 {
		t.Fatalf("+ then enter adds a model: fleet %+v (err %q)", m.current.Scenario.Fleet, m.form.err)
	}
	if m.plan.ITkW <= itKW {
		t.Errorf("adding machines should raise the IT load")
	}
	if fields := m.fields(); m.form.cursor != len(fields)-1 || !fields[m.form.cursor].edited {
		t.Errorf("the cursor goes to the added model, marked edited: cursor %d of %d", m.form.cursor, len(fields))
	}
	m = keys(t, m, "g", "enter")
	m.form.input.SetValue("")
	m = typeText(t, m, "1500")
	m = keys(t, m, "enter")
	if m.current.Scenario.Fleet[0].Count != 1500 {
		t.Errorf("count = %d", m.current.Scenario.Fleet[0].Count)
	}
	m = keys(t, m, "-")
	if len(m.current.Scenario.Fleet) != models {
		t.Errorf("- removes the model under the cursor: %+v", m.current.Scenario.Fleet)
	}
	for len(m.current.Scenario.Fleet) > 1 {
		m = keys(t, m, "-")
	}
	m = keys(t, m, "-")
	if len(m.current.Scenario.Fleet) != 1 || !strings.Contains(m.form.err, "at least one") {
		t.Errorf("the last model cannot go: %+v %q", m.current.Scenario.Fleet, m.form.err)
	}
}

func TestThemeHelpAndQuit(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m = keys(t, m, "t")
	if m.styles.theme.Name != "light" {
		t.Errorf("t from dark gives light, got %s", m.styles.theme.Name)
	}
	m = keys(t, m, "t", "t")
	if m.styles.theme.Name != "dark" {
		t.Errorf("t cycles back to dark, got %s", m.styles.theme.Name)
	}
	m = keys(t, m, "?")
	if !strings.Contains(plain(m), "What the figures mean") {
		t.Error("? shows the full help")
	}
	for _, k := range []string{"q", "ctrl+c"} {
		_, cmd := newTestModel(t, 120, 40).Update(press(k))
		if _, ok := outcome(t, cmd).(tea.QuitMsg); !ok {
			t.Errorf("%s should quit", k)
		}
	}
}

func TestMouseClickAndWheel(t *testing.T) {
	m := newTestModel(t, 120, 40)
	g := m.layout()
	m = send(t, m, tea.MouseClickMsg{X: 10, Y: g.firstRowY + 3, Button: tea.MouseLeft})
	if m.cursor != 3 {
		t.Errorf("click on the fourth row: cursor %d", m.cursor)
	}
	m = send(t, m, tea.MouseWheelMsg{Button: tea.MouseWheelDown}, tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if m.cursor != 5 {
		t.Errorf("wheel down twice: cursor %d", m.cursor)
	}
	m = send(t, m, tea.MouseClickMsg{X: 10, Y: 0, Button: tea.MouseLeft})
	if m.cursor != 5 {
		t.Errorf("a click on the header changes nothing: cursor %d", m.cursor)
	}
}

func TestAnySizeDraws(t *testing.T) {
	m := newTestModel(t, 120, 40)
	for _, size := range [][2]int{{1, 1}, {0, 0}, {10, 5}, {59, 40}, {60, 16}, {80, 24}, {120, 40}, {250, 70}, {300, 3}} {
		m = send(t, m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		for _, k := range []string{"", "enter", "c", "?", "v", "P", "a", "f", "e", "o"} {
			mm := m
			if k != "" {
				mm = keys(t, m, k)
			}
			out := plain(mm)
			if size[0] > 0 && len(strings.Split(out, "\n")) > max(size[1], 1) {
				t.Errorf("%dx%d after %q: %d lines", size[0], size[1], k, len(strings.Split(out, "\n")))
			}
		}
	}
	m = send(t, m, tea.WindowSizeMsg{Width: 50, Height: 10})
	if !strings.Contains(plain(m), "Enlarge the terminal") {
		t.Error("below the minimum size the app asks for a larger terminal")
	}
}

// firstNotInFleet is the catalogue position of the first machine model the fleet lacks.
func firstNotInFleet(t testing.TB, m Model) int {
	t.Helper()
	in := map[string]bool{}
	for _, b := range m.current.Scenario.Fleet {
		in[b.Machine] = true
	}
	for i, mach := range m.pickable() {
		if !in[mach.ID] {
			return i
		}
	}
	t.Fatal("the fleet holds every machine model the picker offers")
	return 0
}

// downTo is the key presses that move a list's cursor from the top to position i.
func downTo(_ Model, i int) []string {
	out := make([]string, i)
	for k := range out {
		out[k] = "j"
	}
	return out
}

// selectID moves the cursor onto a destination.
func selectID(t testing.TB, m Model, id string) Model {
	t.Helper()
	m = keys(t, m, "g")
	for i := 0; i < len(m.rows) && selectedID(m) != id; i++ {
		m = keys(t, m, "j")
	}
	if selectedID(m) != id {
		t.Fatalf("no row %s", id)
	}
	return m
}

// focusField moves the editor's cursor to the field with the label.
func focusField(t testing.TB, m Model, label string) Model {
	t.Helper()
	m.form.cursor = 0
	fields := m.fields()
	for i, f := range fields {
		if f.label == label {
			m.form.cursor = i
			return m
		}
	}
	t.Fatalf("no field %q", label)
	return m
}

// editField types text into an editor's field and commits it with enter.
func editField(t testing.TB, m Model, label, text string) Model {
	t.Helper()
	m = focusField(t, m, label)
	m = keys(t, m, "enter")
	m.form.input.SetValue("")
	m = typeText(t, m, text)
	return keys(t, m, "enter")
}

// A screenshot leaves out a passing message: the picture is for a slide.
func TestScreenshotLeavesOutTheToast(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m.outDir = t.TempDir()
	m.toast = "exported hashhaven-1.md"
	next, cmd := m.Update(tea.KeyPressMsg{Code: 'p', Text: "p"})
	m = next.(Model)
	msg := outcome(t, cmd)
	done, ok := msg.(screenshotMsg)
	if !ok || done.err != nil {
		t.Fatalf("screenshot: %+v", msg)
	}
	for _, p := range done.paths {
		if b, err := os.ReadFile(p); err != nil || (strings.HasSuffix(p, ".svg") && strings.Contains(string(b), "exported hashhaven-1.md")) {
			t.Errorf("%s: %v, or it holds the passing message", p, err)
		}
	}
}
