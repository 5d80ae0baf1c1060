package model

import (
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// Every key of the full help is listed whole, its keys beside its description, at the widths
// a terminal is commonly opened at.
func TestHelpListsEveryKeyWhole(t *testing.T) {
	m := newTestModel(t, 80, 24)
	for _, width := range []int{60, 80, 120} {
		m = send(t, m, tea.WindowSizeMsg{Width: width, Height: 24})
		w, _ := helpArea(width, 20)
		text := ansi.Strip(m.helpText(w))
		for _, group := range m.keys.fullHelp() {
			for _, b := range group {
				whole := regexp.MustCompile(`(^|\s)` + regexp.QuoteMeta(b.Help().Key) + ` +` + regexp.QuoteMeta(b.Help().Desc) + `(\s|$)`)
				if !whole.MatchString(text) {
					t.Errorf("at %d columns the help lacks %q %q whole:\n%s", width, b.Help().Key, b.Help().Desc, text)
				}
			}
		}
		for i, line := range strings.Split(text, "\n") {
			if cells(line) > w {
				t.Errorf("at %d columns help line %d is %d cells wide", width, i+1, cells(line))
			}
		}
	}
}

// Every screen's footer says how to quit once, at every width.
func TestFooterNamesQuitOnce(t *testing.T) {
	screens := map[string][]string{
		"main": nil, "detail": {"enter"}, "compare": {"space", "j", "space", "c"}, "help": {"?"},
		"chart": {"v"}, "whatif": {"j", "j", "e"}, "assumptions": {"a"}, "fleet": {"f"}, "portfolio": {"o"},
		"filter": {"/"},
	}
	for name, ks := range screens {
		m := keys(t, newTestModel(t, 120, 30), ks...)
		for width := 60; width <= 220; width++ {
			m = send(t, m, tea.WindowSizeMsg{Width: width, Height: 30})
			lines := strings.Split(plain(m), "\n")
			footer := lines[len(lines)-1]
			if n := strings.Count(footer, "quit"); n != 1 {
				t.Errorf("%s at %d columns: the footer names quit %d times: %q", name, width, n, footer)
			}
		}
	}
}
