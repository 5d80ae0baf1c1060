package model

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"hashhaven/economics"
	"hashhaven/report"
	"hashhaven/theme"
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

// A passing message belongs to the screen and mode it was raised in: it goes when they
// change, its timer still clears it, and while it shows the footer keeps how to leave and quit.
func TestToastStaysWhereItWasRaised(t *testing.T) {
	m := keys(t, newTestModel(t, 80, 24), "space", "j", "space", "j", "space", "j", "space", "j", "space")
	if f := footerOf(m); !strings.Contains(f, "compare takes at most 4: space unmarks, C clears all") || !strings.Contains(f, "quit") {
		t.Fatalf("the fifth mark should say compare is full, whole, with quit in view: %q", f)
	}
	m = keys(t, m, "c")
	if m.screen != screenCompare || m.toast != "" || strings.Contains(footerOf(m), "compare takes") {
		t.Errorf("the main screen's message carried into compare: %q", footerOf(m))
	}

	m = keys(t, m, "esc", "C")
	if !strings.Contains(footerOf(m), "cleared 4 marks") {
		t.Fatalf("no message after clearing marks: %q", footerOf(m))
	}
	m = keys(t, m, "k", "k", "e")
	if m.screen != screenWhatIf {
		t.Fatalf("e opened screen %d", m.screen)
	}
	if f := footerOf(m); strings.Contains(f, "cleared") || !strings.Contains(f, "esc back") {
		t.Errorf("the what-if editor's footer should be its own: %q", f)
	}

	m = keys(t, m, "u") // a message raised in the editor stays there, beside how to leave and quit
	f := footerOf(m)
	for _, want := range []string{"nothing to undo", "esc back", "q/ctrl+c quit"} {
		if !strings.Contains(f, want) {
			t.Errorf("footer %q lacks %q", f, want)
		}
	}
	m = send(t, m, clearToastMsg{m.toastID})
	if m.toast != "" {
		t.Errorf("the timer left the message %q", m.toast)
	}

	m = keys(t, m, "esc", "/") // typing a filter: a message leaves esc and ctrl+c in view
	m = send(t, m, WatchError{Err: errTest("disk gone")})
	f = footerOf(m)
	for _, want := range []string{"esc clear", "ctrl+c quit"} {
		if !strings.Contains(f, want) {
			t.Errorf("filter footer %q lacks %q", f, want)
		}
	}
	if !strings.Contains(plain(m), "watching the data") { // beside the footer, or over the body
		t.Errorf("the message is not on screen:\n%s", plain(m))
	}
}

type errTest string

func (e errTest) Error() string { return string(e) }

// Compare's curves are told apart by colour in every theme: no two share a style.
func TestCompareSeriesDistinctInEveryTheme(t *testing.T) {
	for _, name := range append(slices.Clone(theme.Names), "mono") {
		th, ok := theme.ByName(name)
		if !ok {
			t.Fatalf("no theme %q", name)
		}
		options, notMoving := compareTones(newStyles(th))
		if len(options) < maxCompare {
			t.Fatalf("%s: %d option colours for up to %d options", name, len(options), maxCompare)
		}
		seen := map[sgr]int{}
		for i, st := range append(slices.Clone(options), notMoving) {
			code := sgrOf(st)
			if j, dup := seen[code]; dup {
				t.Errorf("%s: compare's series %d and %d look the same (%q)", name, j, i, code.pre)
			}
			seen[code] = i
		}
	}
}

// tableText is the whole main table, every row, at the width the layout gives it.
func tableText(m Model) string {
	g := m.layout()
	return ansi.Strip((&tableView{results: m.results, rows: m.rows, width: g.tableWidth, height: len(m.rows),
		sortKey: m.sortKeyField().Key, reverse: m.reverse, marks: m.marks, moved: m.moved, edited: m.editedCountries(),
		maxScore: m.maxScore(), fleet: m.plan.Machines, styles: m.styles}).render())
}

// Where the table has room, no option's name is cut; at 80 columns it shows a figure of the
// month besides gain, value, moved and score.
func TestTableNamesWholeWhereThereIsRoom(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {200, 60}} {
		m := newTestModel(t, size[0], size[1])
		text := tableText(m)
		for _, r := range m.results {
			if name := report.Destination(r); !strings.Contains(text, name) {
				t.Errorf("at %d columns the table cuts %q:\n%s", size[0], name, text)
			}
		}
	}
	head := strings.Split(tableText(newTestModel(t, 80, 24)), "\n")[0]
	if !strings.Contains(head, "Net/month") && !strings.Contains(head, "¢/kWh") {
		t.Errorf("at 80 columns the table shows no monthly figure: %q", head)
	}
}

// Whichever column the table is sorted by, every column title stays where it is, flush with
// its figures, and the arrow touches the sorted column's title.
func TestSortArrowKeepsColumnsInPlace(t *testing.T) {
	for _, width := range []int{80, 120, 200} {
		m := newTestModel(t, width, 40)
		ends := func(m Model) map[string]int {
			head := strings.Split(tableText(m), "\n")[0]
			out := map[string]int{}
			for _, c := range tableColumns() {
				if c.title == "" || c.title == "P10–P90" {
					continue
				}
				if i := strings.Index(head, c.title); i >= 0 {
					out[c.title] = cells(head[:i]) + cells(c.title)
				}
			}
			return out
		}
		want := ends(m)
		for range len(economics.Fields) {
			m = keys(t, m, "s")
			head := strings.Split(tableText(m), "\n")[0]
			got := ends(m)
			for title, end := range want {
				if got[title] != end {
					t.Errorf("at %d columns sorted by %s, %q ends at %d, not %d:\n%s", width, m.sortKeyField().Key, title, got[title], end, head)
				}
			}
			if strings.Contains(head, "▼") && !regexp.MustCompile(`▼\S|\S▼`).MatchString(head) {
				t.Errorf("the arrow stands apart from its title: %q", head)
			}
			if regexp.MustCompile(`\S▼\S`).MatchString(head) {
				t.Errorf("the arrow joins two titles: %q", head)
			}
			if !strings.Contains(head, "▼") && !strings.Contains(tableText(m), "sorted by") {
				t.Errorf("at %d columns sorted by %s, nothing says so:\n%s", width, m.sortKeyField().Key, tableText(m))
			}
		}
	}
}

// At 80×24 with four options marked every row of compare can be scrolled to, every figure
// whole; at 200 columns the options share the whole width.
func TestCompareFitsAndScrolls(t *testing.T) {
	m := keys(t, newTestModel(t, 80, 24), "space", "j", "space", "j", "space", "j", "space", "c")
	if m.screen != screenCompare || len(m.comparePicked()) != 4 {
		t.Fatalf("compare of four did not open: screen %d, %d picked", m.screen, len(m.comparePicked()))
	}
	first := plain(m)
	if !strings.Contains(first, "more below") {
		t.Errorf("compare taller than the window gives no hint of more:\n%s", first)
	}
	seen := first
	for range 5 {
		m = keys(t, m, "pgdown")
		seen += "\n" + plain(m)
	}
	if plain(m) == first {
		t.Fatal("pgdn does not scroll compare")
	}
	for _, row := range compareRows() {
		if !regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(row.label) + ` `).MatchString(seen) {
			t.Errorf("compare's %q row cannot be reached", row.label)
		}
	}
	for _, line := range strings.Split(seen, "\n") {
		for _, row := range compareRows() {
			if strings.HasPrefix(line, row.label+" ") && strings.Contains(line, "…") {
				t.Errorf("a figure is cut: %q", line)
			}
		}
	}
	names := strings.Join(strings.Split(first, "\n")[5:7], "\n") // on two lines where need be
	for _, r := range m.comparePicked() {
		for _, word := range strings.Fields(report.Destination(r)) {
			if !strings.Contains(names, word) || strings.Contains(names, "…") {
				t.Errorf("compare cuts the name %q:\n%s", report.Destination(r), names)
			}
		}
	}
	m = keys(t, m, "g")
	if plain(m) != first {
		t.Error("g does not take compare back to its top")
	}
	m = send(t, m, tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if m.compareY == 0 {
		t.Error("the wheel does not scroll compare")
	}

	wide := keys(t, newTestModel(t, 200, 60), "space", "j", "space", "j", "space", "j", "space", "c")
	widest := 0
	for _, line := range strings.Split(plain(wide), "\n")[3:] {
		widest = max(widest, cells(strings.TrimRight(line, " ")))
	}
	if widest < 190 {
		t.Errorf("compare at 200 columns reaches only %d", widest)
	}
}
