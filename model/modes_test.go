package model

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"hashhaven/scenario"
)

// rankArrow is a rank change beside a destination, "▲3", not the sort arrow of a column head.
var rankArrow = regexp.MustCompile(`[▲▼][0-9]`)

// quits reports whether pressing the key quits the app.
func quits(t *testing.T, m Model, name string) bool {
	t.Helper()
	_, cmd := m.Update(press(name))
	return bringsQuit(cmd)
}

// bringsQuit reports whether cmd, or a command it batches, quits at once; timers (frame
// ticks, fading marks) are not waited for.
func bringsQuit(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	select {
	case msg := <-done:
		if batch, ok := msg.(tea.BatchMsg); ok {
			return slices.ContainsFunc(batch, bringsQuit)
		}
		_, ok := msg.(tea.QuitMsg)
		return ok
	case <-time.After(50 * time.Millisecond):
		return false
	}
}

// footerOf is the last line of the screen, colour stripped.
func footerOf(m Model) string {
	lines := strings.Split(plain(m), "\n")
	return lines[len(lines)-1]
}

func TestFilterModeTypesWhatQuitsElsewhere(t *testing.T) {
	m := keys(t, newTestModel(t, 120, 40), "/")
	if m.mode != modeFilter {
		t.Fatalf("/ starts typing a filter, mode %d", m.mode)
	}
	if quits(t, m, "q") {
		t.Error("q while typing a filter is text, not quit")
	}
	m = typeText(t, m, "qatar")
	if m.mode != modeFilter || m.filter.Value() != "qatar" {
		t.Errorf("q is typed into the filter: mode %d, filter %q", m.mode, m.filter.Value())
	}
	foot := footerOf(m)
	for _, want := range []string{"typing a filter", "enter keep", "esc clear", "ctrl+c quit"} {
		if !strings.Contains(foot, want) {
			t.Errorf("the footer while filtering lacks %q: %q", want, foot)
		}
	}
	if strings.Contains(foot, "q/ctrl+c") {
		t.Errorf("q types here, so the footer offers only ctrl+c to quit: %q", foot)
	}
	if !quits(t, m, "ctrl+c") {
		t.Error("ctrl+c quits while typing a filter")
	}
	m = keys(t, m, "down")
	if m.mode != modeNormal || m.filter.Value() != "qatar" {
		t.Errorf("↓ leaves typing and keeps the filter: mode %d, filter %q", m.mode, m.filter.Value())
	}
	if !quits(t, m, "q") {
		t.Error("back on the table q quits")
	}
}

func TestValueModeRoutingAndFooter(t *testing.T) {
	m := keys(t, newTestModel(t, 120, 40), "a")
	m = focusField(t, m, "Horizon")
	m = keys(t, m, "enter")
	if m.mode != modeValue {
		t.Fatalf("enter on a field starts typing a value, mode %d", m.mode)
	}
	foot := footerOf(m)
	for _, want := range []string{"typing a value", "enter apply", "esc cancel", "ctrl+c quit"} {
		if !strings.Contains(foot, want) {
			t.Errorf("the footer while typing a value lacks %q: %q", want, foot)
		}
	}
	if quits(t, m, "q") {
		t.Error("q while typing a value is text")
	}
	m = typeText(t, m, "q")
	if !strings.HasSuffix(m.form.input.Value(), "q") || m.screen != screenAssumptions {
		t.Errorf("q is typed: %q, screen %d", m.form.input.Value(), m.screen)
	}
	m = keys(t, m, "esc")
	if m.mode != modeNormal || m.screen != screenAssumptions {
		t.Errorf("esc cancels the value and stays in the editor: mode %d, screen %d", m.mode, m.screen)
	}
	if foot := footerOf(m); strings.Contains(foot, "typing") || !strings.Contains(foot, "enter edit") {
		t.Errorf("back on the list the footer shows the editor's keys: %q", foot)
	}
}

func TestPickModeRoutingAndFooter(t *testing.T) {
	m := keys(t, newTestModel(t, 120, 40), "f", "+")
	if m.mode != modePick {
		t.Fatalf("+ in the fleet editor opens the picker, mode %d", m.mode)
	}
	foot := footerOf(m)
	for _, want := range []string{"choosing a machine", "enter add 100", "esc cancel", "q/ctrl+c quit"} {
		if !strings.Contains(foot, want) {
			t.Errorf("the footer in the picker lacks %q: %q", want, foot)
		}
	}
	m = keys(t, m, "j", "j", "k")
	if m.form.pick != 1 {
		t.Errorf("j j k puts the picker on the second machine, got %d", m.form.pick)
	}
	if !quits(t, m, "q") {
		t.Error("the picker is a list: q quits, as the footer says")
	}
	fleet := len(m.current.Scenario.Fleet)
	m = keys(t, m, "esc")
	if m.mode != modeNormal || m.screen != screenFleet || len(m.current.Scenario.Fleet) != fleet {
		t.Errorf("esc leaves the picker for the editor, adding nothing: mode %d, screen %d", m.mode, m.screen)
	}
}

func TestNoteModeRoutingAndFooter(t *testing.T) {
	m, _ := dataCopy(t)
	m = selectID(t, m, "kz")
	m.current = m.current.withWhatIf(whatIf{Country: "kz", Path: "taxes.mining_levy_per_kwh", Value: 10})
	m = send(t, m, m.rerank()())
	m = keys(t, m, "w")
	if m.mode != modeNote {
		t.Fatalf("w asks for a note, mode %d", m.mode)
	}
	foot := footerOf(m)
	for _, want := range []string{"typing a save note", "enter save", "esc cancel", "ctrl+c quit"} {
		if !strings.Contains(foot, want) {
			t.Errorf("the footer while typing the note lacks %q: %q", want, foot)
		}
	}
	if quits(t, m, "q") {
		t.Error("q while typing the note is text")
	}
	m = typeText(t, m, "quote")
	if m.note.Value() != "quote" {
		t.Errorf("the note reads %q", m.note.Value())
	}
	m = keys(t, m, "esc")
	if m.mode != modeNormal || len(m.current.WhatIfs) != 1 {
		t.Errorf("esc cancels the save and keeps the edit: mode %d, what-ifs %d", m.mode, len(m.current.WhatIfs))
	}
}

// Whatever the screen, the mode and the size, the footer says how to quit, and how to open
// the help where there is one.
func TestFooterAlwaysShowsHowToQuit(t *testing.T) {
	paths := map[string][]string{
		"main": nil, "detail": {"enter"}, "help": {"?"}, "compare": {"space", "j", "space", "c"}, "chart": {"v"},
		"portfolio": {"o"}, "fleet": {"f"}, "picker": {"f", "+"}, "assumptions": {"a"}, "value": {"a", "enter"},
		"whatif": {"e"}, "filter": {"/"}, "filtered": {"/", "u", "enter"},
	}
	for _, width := range []int{60, 80, 120} {
		for name, path := range paths {
			m := keys(t, newTestModel(t, width, 24), path...)
			for _, toast := range []string{"", strings.Repeat("a long message ", 10)} {
				m.toast = toast
				foot := footerOf(m)
				if !strings.HasSuffix(foot, "ctrl+c quit") || ansi.StringWidth(foot) > width {
					t.Errorf("%s at %d wide, toast %t: footer %q", name, width, toast != "", foot)
				}
				// Where the screen has help, the way to it stays too.
				if toast == "" && slices.Contains([]string{"main", "chart", "portfolio", "compare"}, name) && !strings.HasSuffix(foot, "? help • q/ctrl+c quit") {
					t.Errorf("%s at %d wide: the footer should keep ? help: %q", name, width, foot)
				}
			}
		}
	}
}

func TestHelpListsEveryModesKeys(t *testing.T) {
	m := newTestModel(t, 120, 40)
	text := ansi.Strip(m.helpText(116))
	for _, want := range []string{"Typing a filter: enter keep", "Typing a value: enter apply",
		"Choosing a machine: ↑↓ move", "Typing a save note: enter save", "C     clear marks"} {
		if !strings.Contains(text, want) {
			t.Errorf("the help lacks %q", want)
		}
	}
}

func TestAllZeroWeightsAreRefused(t *testing.T) {
	m := keys(t, newTestModel(t, 120, 40), "a")
	for _, label := range []string{"NPV", "Stability", "Headroom"} {
		m = editField(t, m, label, "0")
		if m.form.err != "" {
			t.Fatalf("%s 0 is allowed while another weight is above 0: %q", label, m.form.err)
		}
	}
	before := m.current.Scenario.Weights.Proximity.Value
	m = editField(t, m, "Proximity", "0")
	if m.mode != modeValue || m.form.err != "at least one weight must be above 0" {
		t.Errorf("the last weight at 0 is refused as the loader refuses it: mode %d, err %q", m.mode, m.form.err)
	}
	if m.current.Scenario.Weights.Proximity.Value != before {
		t.Error("the old weight stays")
	}
	if !strings.Contains(plain(m), "at least one weight must be above 0") {
		t.Error("the form shows why")
	}
}

func TestPickerOffersOnlyMachinesTheMarketValues(t *testing.T) {
	m := keys(t, newTestModel(t, 120, 40), "f", "+")
	for _, mach := range m.pickable() {
		if mach.ID == "rtx-3090" {
			t.Error("the default scenario has no etchash market: the RTX 3090 cannot be valued")
		}
	}
	if len(m.pickable()) != len(m.set.Machines.Machines)-1 {
		t.Errorf("every sha256 machine is offered: %d of %d", len(m.pickable()), len(m.set.Machines.Machines))
	}
	screen := plain(m)
	if strings.Contains(screen, "▸ Nvidia") || !strings.Contains(screen, "Not offered") || !strings.Contains(screen, "no etchash market") {
		t.Errorf("the picker says which machine it leaves out and why:\n%s", screen)
	}
	// Enter adds the machine under the cursor of the list shown, not of the catalogue.
	m = keys(t, m, downTo(m, len(m.pickable())-1)...)
	last := m.pickable()[len(m.pickable())-1]
	m = keys(t, m, "enter")
	if got := m.current.Scenario.Fleet[len(m.current.Scenario.Fleet)-1].Machine; got != last.ID {
		t.Errorf("enter on the last machine offered added %s, want %s", got, last.ID)
	}
}

func TestPickerSaysWhenNoMachineCanBeValued(t *testing.T) {
	m := keys(t, newTestModel(t, 120, 40), "f")
	sc := cloneScenario(m.current.Scenario)
	sha := sc.Market.Algorithms["sha256"]
	sha.Unit = "PH/s"
	sc.Market.Algorithms = map[string]scenario.Algorithm{"sha256": sha}
	m.current.Scenario = sc
	m = keys(t, m, "+")
	if m.mode == modePick {
		t.Fatal("with nothing to offer the picker does not open")
	}
	if !strings.Contains(m.form.err, "no machine in the catalogue can be valued") || !strings.Contains(m.form.err, "the sha256 market prices PH/s") {
		t.Errorf("err %q", m.form.err)
	}
	if !strings.Contains(plain(m), "no machine in the catalogue can be valued") {
		t.Error("the editor shows why")
	}
}

func TestMarksStopAtWhatCompareTakesAndClear(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m = keys(t, m, "space", "j", "space", "j", "space", "j", "space", "j", "space")
	if len(m.marks) != maxCompare {
		t.Fatalf("marks stop at %d: %v", maxCompare, m.marks)
	}
	if m.marks[selectedID(m)] || !strings.Contains(m.toast, "at most 4") || !strings.Contains(m.toast, "C clears") {
		t.Errorf("the fifth mark is refused with the reason: toast %q", m.toast)
	}
	m = keys(t, m, "k", "space")
	if len(m.marks) != maxCompare-1 {
		t.Errorf("space unmarks at the limit: %v", m.marks)
	}
	m = keys(t, m, "C")
	if len(m.marks) != 0 || !strings.Contains(m.toast, "cleared 3 marks") {
		t.Errorf("C clears every mark: %v, toast %q", m.marks, m.toast)
	}
	m = keys(t, m, "C")
	if !strings.Contains(m.toast, "no marks") {
		t.Errorf("C with nothing marked says so: %q", m.toast)
	}
}

func TestUndoSaysWhatItUndid(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m = keys(t, m, "u")
	if m.toast != "nothing to undo" {
		t.Errorf("toast %q", m.toast)
	}
	m = keys(t, m, "a")
	m = editField(t, m, "Hashprice", "0.05")
	m = keys(t, m, "u")
	if m.toast != "undid: Hashprice 0.034 → 0.05 USD/TH/s/day" {
		t.Errorf("undo of an assumption: %q", m.toast)
	}
	m = keys(t, m, "esc", "f", "+", "enter", "u")
	if want := "undid: added 100 " + m.pickable()[0].Name + " to the fleet"; m.toast != want {
		t.Errorf("undo of an addition: %q, want %q", m.toast, want)
	}
	first, _ := m.set.Machines.ByID(m.current.Scenario.Fleet[0].Machine)
	m = keys(t, m, "g", "-", "u")
	if want := "undid: removed " + first.Name + " from the fleet"; m.toast != want {
		t.Errorf("undo of a removal: %q, want %q", m.toast, want)
	}
	m = keys(t, m, "esc")
	m = selectID(t, m, "kz")
	m = keys(t, m, "e")
	m = editField(t, m, "Mining levy", "10")
	m = keys(t, m, "R", "u")
	if m.toast != "undid: reset of all what-ifs, assumptions and fleet changes" || len(m.current.WhatIfs) != 1 {
		t.Errorf("undo of a reset: %q, what-ifs %d", m.toast, len(m.current.WhatIfs))
	}
	m = keys(t, m, "u")
	if !strings.HasPrefix(m.toast, "undid: Kazakhstan: Mining levy ") || !strings.HasSuffix(m.toast, " → 10 KZT/kWh") {
		t.Errorf("undo of a what-if names the destination and the figure: %q", m.toast)
	}
}

func TestUndoOfASaveSaysTheFileKeepsIt(t *testing.T) {
	m, _ := dataCopy(t)
	m = selectID(t, m, "kz")
	m.current = m.current.withWhatIf(whatIf{Country: "kz", Path: "taxes.mining_levy_per_kwh", Value: 10})
	m = send(t, m, m.rerank()())
	m = keys(t, m, "w")
	m = slow(t, m, "enter")
	if len(m.current.WhatIfs) != 0 {
		t.Fatalf("saved: toast %q", m.toast)
	}
	m = keys(t, m, "u")
	if m.toast != "undid: saving Kazakhstan's what-ifs, which show as edits again (the file keeps them)" || len(m.current.WhatIfs) != 1 {
		t.Errorf("toast %q, what-ifs %d", m.toast, len(m.current.WhatIfs))
	}
}

// A change made in an editor moves ranks the user sees only back at the table: the arrows
// wait for it, and fade from then on.
func TestRankArrowsWaitForTheTable(t *testing.T) {
	m := keys(t, newTestModel(t, 120, 40), "a")
	m = editField(t, m, "Hashprice", "0.05")
	if len(m.moved) == 0 {
		t.Fatal("a 50% higher hashprice moves some ranks")
	}
	if m.movesFading {
		t.Error("the arrows' timer waits while the editor hides the table")
	}
	stale := clearMovesMsg{gen: m.movedGen - 1} // a timer from before the change
	m = send(t, m, stale)
	if len(m.moved) == 0 {
		t.Error("an older timer leaves the new arrows alone")
	}
	m = keys(t, m, "esc")
	if !m.movesFading || !rankArrow.MatchString(plain(m)) {
		t.Errorf("back at the table the arrows show and their timer runs: fading %t", m.movesFading)
	}
	m = send(t, m, clearMovesMsg{gen: m.movedGen})
	if len(m.moved) != 0 || rankArrow.MatchString(plain(m)) {
		t.Error("when the timer ends the arrows go")
	}
}
