package model

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

func TestPaintLeavesNoCellOnTheTerminalsColours(t *testing.T) {
	bg, fg := lipgloss.Color("#fbfaf7"), lipgloss.Color("#1e2230")
	setBg := ansi.Style{}.BackgroundColor(bg).String()
	setFg := ansi.Style{}.ForegroundColor(fg).String()
	screen := "a\x1b[1;38;5;0mbold\x1b[0m plain\x1b[49m x\x1b[39m y\nsecond"
	got := paint(screen, 20, bg, fg)

	if ansi.Strip(got) != "abold plain x y     \nsecond              " {
		t.Fatalf("text changed or lines not padded to the width: %q", ansi.Strip(got))
	}
	for _, want := range []string{
		setBg + setFg + "a",                  // each line starts on the theme
		"\x1b[0m" + setBg + setFg + " plain", // a reset returns to the theme, not the terminal
		"\x1b[49m" + setBg + " x",            // the default background is the theme's
		"\x1b[39m" + setFg + " y",            // the default text colour too
		"\n" + setBg + setFg + "second",      // and the next line
	} {
		if !strings.Contains(got, want) {
			t.Errorf("painted screen lacks %q:\n%q", want, got)
		}
	}
	if strings.Contains(got, "\x1b[1;38;5;0m"+setBg) {
		t.Errorf("colour 0 in 38;5;0 was read as a reset: %q", got)
	}
}

func TestPaintReadsColourArguments(t *testing.T) {
	for _, c := range []struct {
		params string
		fg, bg bool
	}{
		{"", true, true}, {"0", true, true}, {"1;39", true, false}, {"49", false, true},
		{"38;5;0", false, false}, {"48;2;0;0;0", false, false}, {"38:2::0:0:0;49", false, true},
		{"38;2;1;2;3;0", true, true},
	} {
		fg, bg := sgrResets(c.params)
		if fg != c.fg || bg != c.bg {
			t.Errorf("sgrResets(%q) = %v, %v; want %v, %v", c.params, fg, bg, c.fg, c.bg)
		}
	}
}
