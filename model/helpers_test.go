package model

import (
	"slices"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"hashhaven/data"
	"hashhaven/dataset"
	"hashhaven/scenario"
)

// testNow fixes the age of figures, so stale marks do not change with the calendar.
var testNow = time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)

func newTestModel(t testing.TB, width, height int) Model {
	t.Helper()
	set, sc := bundled(t)
	// The split and the bands are there from the first frame, so screens do not depend on
	// how fast the background work is.
	m, err := New(Options{Set: set, Scenario: sc, Theme: "dark", Now: testNow, Width: width, Height: height, SimulateNow: true})
	if err != nil {
		t.Fatal(err)
	}
	return send(t, m, quick(m.Init())...)
}

// bundled is the bundled data set and its default scenario.
func bundled(t testing.TB) (*dataset.Set, scenario.Scenario) {
	t.Helper()
	set, issues := dataset.Open(data.FS(), "")
	if len(issues) > 0 {
		t.Fatalf("bundled data: %v", issues)
	}
	sc, issues := set.PickScenario("")
	if len(issues) > 0 {
		t.Fatal(issues)
	}
	return set, sc
}

// press builds a key press from its name as key bindings spell it.
func press(name string) tea.KeyPressMsg {
	special := map[string]rune{"enter": tea.KeyEnter, "esc": tea.KeyEscape, "space": tea.KeySpace, "up": tea.KeyUp,
		"down": tea.KeyDown, "pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp, "home": tea.KeyHome, "end": tea.KeyEnd,
		"backspace": tea.KeyBackspace, "delete": tea.KeyDelete, "tab": tea.KeyTab}
	if code, ok := special[name]; ok {
		k := tea.KeyPressMsg{Code: code}
		if name == "space" {
			k.Text = " "
		}
		return k
	}
	if name == "ctrl+c" {
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	r := []rune(name)[0]
	return tea.KeyPressMsg{Code: r, Text: name}
}

// send applies messages and runs the commands they return that finish at once (re-ranking),
// leaving timers (toasts, move marks) unfired.
func send(t testing.TB, m Model, msgs ...tea.Msg) Model {
	t.Helper()
	for _, msg := range msgs {
		if batch, ok := msg.(tea.BatchMsg); ok { // as the program runs a batch: each command's message
			for _, c := range batch {
				m = send(t, m, quick(c)...)
			}
			continue
		}
		next, cmd := m.Update(msg)
		m = next.(Model)
		for _, follow := range quick(cmd) {
			m = send(t, m, follow)
		}
	}
	return m
}

// keys presses keys by name, in order, then lets the selection rest: its insight is worked
// out as if the user paused, whatever the timers do.
func keys(t testing.TB, m Model, names ...string) Model {
	t.Helper()
	for _, n := range names {
		m = send(t, m, press(n))
	}
	return rested(t, m)
}

// rested is m once its selection has rested and its insight has been worked out.
func rested(t testing.TB, m Model) Model {
	t.Helper()
	if m.insight.ready {
		return m
	}
	next, work := m.Update(insightDueMsg{m.insight.rest})
	m = next.(Model)
	if work == nil {
		return m
	}
	return send(t, m, work())
}

// typeText types text into whatever has focus.
func typeText(t testing.TB, m Model, text string) Model {
	t.Helper()
	for _, r := range text {
		m = send(t, m, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return m
}

// quick runs cmd and returns the messages it produces within a short time: work and frame
// ticks; slower ones (the rest the insight waits for, toasts, move marks) are dropped.
func quick(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(50 * time.Millisecond):
		return nil
	}
	if batch, ok := msg.(tea.BatchMsg); ok { // together, so a batch waits for its slowest
		out := make([][]tea.Msg, len(batch))
		var wg sync.WaitGroup
		for i, c := range batch {
			wg.Go(func() { out[i] = quick(c) })
		}
		wg.Wait()
		return slices.Concat(out...)
	}
	if _, isQuit := msg.(tea.QuitMsg); isQuit || msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}

// plain is the screen without colour, as the golden files hold it.
func plain(m Model) string { return ansi.Strip(m.Screen()) }

func selectedID(m Model) string {
	r, _ := m.selectedResult()
	return r.ID
}

func rankOf(m Model, id string) int {
	for _, r := range m.results {
		if r.ID == id {
			return r.Rank
		}
	}
	return -1
}

// slow presses a key whose command does real work (files, pictures) and waits for it.
func slow(t testing.TB, m Model, name string) Model {
	t.Helper()
	next, cmd := m.Update(press(name))
	return send(t, next.(Model), outcome(t, cmd))
}

// outcome runs cmd to the end and returns the one message it brings besides frame ticks.
func outcome(t testing.TB, cmd tea.Cmd) tea.Msg {
	t.Helper()
	if cmd == nil {
		t.Fatal("no command")
	}
	msg := cmd()
	batch, ok := msg.(tea.BatchMsg)
	if !ok {
		return msg
	}
	var out []tea.Msg
	for _, c := range batch {
		if c == nil {
			continue
		}
		if msg := c(); msg != nil && msg != (frameMsg{}) {
			out = append(out, msg)
		}
	}
	if len(out) != 1 {
		t.Fatalf("the command brought %d messages besides frame ticks: %v", len(out), out)
	}
	return out[0]
}
