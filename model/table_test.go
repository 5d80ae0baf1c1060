package model

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"hashhaven/theme"
)

// cells counts plain text without measuring graphemes; it must agree with measuring them.
func TestCellsAgreesWithStringWidth(t *testing.T) {
	samples := []string{"", "plain", "Côte d'Ivoire", "▸ ⌂ Kazakhstan", "✎ edited", "━━╸ ┿ ╺━", "█▉▊▋▌▍▎▏",
		"-$1.2M → +$3.4M … 12 ¢/kWh", "\x1b[1mbold\x1b[0m", "日本", "e\u0301", "✅ done", "◽◾", "a\u200db",
		"ü\u0308", "⌚", "x\u2028y", "soft\u00adhyphen", "non\u00a0break", "👍🏽", "🇰🇿",
		"\x1b[38;2;1;2;3m━╸\x1b[m x", "\x1b[1;4mA\x1b[0m\x1b[7m▸ é\x1b[27m", "\x1b[", "\x1b[12", "\x1b]8;;http://x\x07link\x1b]8;;\x07",
		"a\x1bb", "\x1b[?25l", "\x1b[38;5;12m日本\x1b[m"}
	for _, rg := range oneCellRanges {
		for r := rg[0]; r <= rg[1]; r++ {
			samples = append(samples, string(r), "a"+string(r)+"b", string(r)+"\u0301", string(r)+"\ufe0f", string(r)+string(r))
		}
	}
	for _, s := range samples {
		if got, want := cells(s), ansi.StringWidth(s); got != want {
			t.Errorf("cells(%q) = %d, want %d", s, got, want)
		}
	}
}

// Sorting by a column puts an arrow by its title, never in place of the title's end.
func TestSortedColumnKeepsItsTitleWhole(t *testing.T) {
	m := newTestModel(t, 120, 40)
	for range 8 { // cycle the sort through every column
		m = keys(t, m, "s")
		screen := plain(m)
		for _, cut := range []string{"Net/mont…", "Uptim…", "Scor…", "Paybac…", "Wors…"} {
			if strings.Contains(screen, cut) {
				t.Fatalf("the sorted column's title is cut to %q:\n%s", cut, screen)
			}
		}
	}
}

// Sorted by a column the window is too narrow to show, the table says so under its titles.
func TestSortByHiddenColumnSaysSo(t *testing.T) {
	m := newTestModel(t, 120, 40)
	for m.sortKeyField().Key != "uptime" {
		m = keys(t, m, "s")
	}
	if strings.Contains(plain(m), "Uptime") {
		t.Fatal("at 120 columns Uptime should not be a column")
	}
	if !strings.Contains(plain(m), "sorted by uptime ▼ ·") {
		t.Errorf("the rule should name the hidden sort:\n%s", plain(m))
	}
	if !strings.Contains(plain(keys(t, m, "S")), "sorted by uptime ▲") {
		t.Error("the reversed sort should show ▲")
	}
	for m.sortKeyField().Key != "gain_usd" {
		m = keys(t, m, "s")
	}
	if strings.Contains(plain(m), "── sorted by") || !strings.Contains(plain(m), "▼Gain") {
		t.Errorf("a sort column on screen carries its own arrow:\n%s", plain(m))
	}
}

// In mono the selection is reverse video from one end of the row to the other: the band's
// reversed cells do not turn it off, and a figure's underline stops at the figure.
func TestMonoSelectionSpansTheRow(t *testing.T) {
	m := movingModel(t, 120, 40, true)
	m.styles = newStyles(theme.Mono())
	for _, line := range strings.Split(m.Screen(), "\n") {
		if strings.HasPrefix(ansi.Strip(line), "▸   1") {
			if strings.LastIndex(line, reverseOff) > strings.LastIndex(line, reverseOn) {
				t.Errorf("the selection's reverse video is turned off before the row ends: %q", line)
			}
			if !strings.Contains(ansi.Strip(line), "█") {
				t.Fatalf("the selected row should have a band: %q", ansi.Strip(line))
			}
		}
		if strings.Contains(line, "\x1b[4m ") {
			t.Errorf("an underline covers the spaces before a figure: %q", line)
		}
	}
}

// A table holding more rows than it shows says which are in view, as the selection moves.
func TestTableSaysWhichRowsAreInView(t *testing.T) {
	m := newTestModel(t, 80, 24)
	n := len(m.rows)
	if !strings.Contains(plain(m), fmt.Sprintf(" 1–%d of %d ──", m.layout().tableRows, n)) {
		t.Errorf("the first rows of %d:\n%s", n, plain(m))
	}
	m = keys(t, m, "G")
	if !strings.Contains(plain(m), fmt.Sprintf("–%d of %d ──", n, n)) {
		t.Errorf("the last rows of %d:\n%s", n, plain(m))
	}
	if m = newTestModel(t, 200, 60); strings.Contains(plain(m), fmt.Sprintf(" of %d ──", n)) && len(m.rows) <= m.layout().tableRows {
		t.Errorf("a table that shows every row needs no count:\n%s", plain(m))
	}
}

// A name too long for its column keeps the part in brackets that tells places apart.
func TestFitNameKeepsTheBrackets(t *testing.T) {
	for _, c := range []struct {
		name  string
		width int
		want  string
	}{
		{"United States (New Mexico)", 20, "United… (New Mexico)"},
		{"United States (New York)", 20, "United S… (New York)"},
		{"Argentina (Tierra del Fuego)", 20, "Argentina (Tierra d…"}, // too little room before the brackets
		{"United Arab Emirates", 20, "United Arab Emirates"},
		{"Kazakhstan", 5, "Kaza…"},
	} {
		if got := fitName(c.name, c.width); got != c.want {
			t.Errorf("fitName(%q, %d) = %q, want %q", c.name, c.width, got, c.want)
		}
	}
}
