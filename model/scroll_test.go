package model

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"hashhaven/countries"
)

// unwrapped is the screen's text with the wrapping undone, to find a long text whole.
func unwrapped(m Model) string {
	return strings.Join(strings.Fields(plain(m)), " ")
}

// lastInput is the last figure the detail lists for the selection, and its source.
func lastInput(t *testing.T, m Model) (label, source string) {
	t.Helper()
	c, ok := m.selectedCountry()
	if !ok {
		t.Fatal("the selection has no site")
	}
	for _, f := range countries.Numbers(&c) {
		if f.Num.Set || f.Num.Value != 0 || f.Num.Edited {
			label, source = f.Label, f.Num.Provenance()
		}
	}
	return label, source
}

func TestHelpScrollsToTheDefinitions(t *testing.T) {
	m := keys(t, newTestModel(t, 80, 24), "?")
	const last = "rank moves after your last change"
	if strings.Contains(plain(m), last) {
		t.Fatal("at 80×24 the last definition should need scrolling")
	}
	if !strings.Contains(plain(m), "more") {
		t.Error("the help should say there is more below")
	}
	if !strings.Contains(plain(m), "scroll") {
		t.Error("the footer should say how to scroll")
	}
	end := keys(t, m, "G")
	if !strings.Contains(plain(end), last) || !strings.Contains(plain(end), "Every formula is in docs/economics.md") {
		t.Errorf("G should show the end of the help:\n%s", plain(end))
	}
	paged := m
	for range 10 {
		paged = keys(t, paged, "pgdown")
	}
	if plain(paged) != plain(end) {
		t.Error("paging down should reach the same end as G")
	}
	if top := keys(t, end, "g"); plain(top) != plain(m) {
		t.Error("g should go back to the top")
	}
	down := keys(t, m, "j")
	if plain(down) == plain(m) || m.screen != screenHelp {
		t.Error("j should scroll the help by a line")
	}
	wheel := send(t, m, tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if wheel.helpY != 3 {
		t.Errorf("the wheel scrolled the help to line %d, want 3", wheel.helpY)
	}
}

func TestDetailScrollsToTheSourcesInFull(t *testing.T) {
	m := keys(t, newTestModel(t, 80, 24), "j", "j", "enter")
	id := selectedID(m)
	label, source := lastInput(t, m)
	if strings.Contains(plain(m), label) {
		t.Fatalf("at 80×24 the last input (%s) should need scrolling", label)
	}
	end := keys(t, m, "end")
	if !strings.Contains(plain(end), label) {
		t.Fatalf("end should show the last input %q:\n%s", label, plain(end))
	}
	if !strings.Contains(unwrapped(end), strings.Join(strings.Fields(source), " ")) {
		t.Errorf("the last input's source should read in full, wrapped:\n%s\nwant %q", plain(end), source)
	}
	paged := m
	for range 30 {
		paged = keys(t, paged, "pgdown")
	}
	if selectedID(paged) != id {
		t.Errorf("pgdn in the detail changed the selection from %s to %s", id, selectedID(paged))
	}
	if plain(paged) != plain(end) {
		t.Error("paging down should reach the end of the detail")
	}
	if moved := keys(t, m, "down", "j", "up", "pgup"); selectedID(moved) != id {
		t.Error("↑/↓ in the detail should scroll, not change the selection")
	}
	if next := keys(t, m, "right"); selectedID(next) == id || next.screen != screenDetail {
		t.Error("→ should step to the next destination in the detail")
	}
	if wheel := send(t, m, tea.MouseWheelMsg{Button: tea.MouseWheelDown}); selectedID(wheel) != id || wheel.detailY == 0 {
		t.Error("the wheel should scroll the detail, not change the selection")
	}
}

// Every source of every input is readable on the full-screen detail, at every size.
func TestDetailSourcesNeverCut(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		m := keys(t, newTestModel(t, size[0], size[1]), "j", "j", "enter", "G")
		c, _ := m.selectedCountry()
		// In two columns the inputs are on the right of the rule.
		var right []string
		for _, l := range strings.Split(ansi.Strip(m.detailText(m.width)), "\n") {
			if _, after, ok := strings.Cut(l, " │ "); ok {
				l = after
			}
			right = append(right, l)
		}
		text := strings.Join(strings.Fields(strings.Join(right, "\n")), " ")
		for _, f := range countries.Numbers(&c) {
			if src := f.Num.Provenance(); f.Num.Set && !strings.Contains(text, strings.Join(strings.Fields(src), " ")) {
				t.Errorf("%dx%d: the source of %s is not in full: %q", size[0], size[1], f.Label, src)
			}
		}
	}
}
