package model

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// plotRows counts the cash plot's lines on a screen: a value label's column, then its axis.
func plotRows(screen string) int {
	n := 0
	for _, l := range strings.Split(screen, "\n") {
		r := []rune(l)
		if len(r) > cashLabelW+1 && (r[cashLabelW+1] == '┤' || r[cashLabelW+1] == '│') &&
			strings.TrimLeft(string(r[:cashLabelW]), " $0123456789.kM-") == "" {
			n++
		}
	}
	return n
}

// gainBarRows counts the gain bars on a screen: the lines from the bars' title to the cash
// chart's that end in a sum of money.
func gainBarRows(screen string) int {
	n, in := 0, false
	for _, l := range strings.Split(screen, "\n") {
		switch {
		case strings.HasPrefix(l, "Gain vs not moving"):
			in = true
		case strings.HasPrefix(l, "Expected cash"):
			in = false
		case in && regexp.MustCompile(`\$[0-9.]+[kM]?\s*$`).MatchString(l) && strings.ContainsAny(l, "│█"):
			n++
		}
	}
	return n
}

// On a small window the cash chart keeps a plot that can be read, and a few gain bars show
// above it: the screen still reads as charts.
func TestCashChartStaysReadable(t *testing.T) {
	for _, moving := range []bool{false, true} {
		for _, size := range [][2]int{{80, 24}, {100, 30}, {80, 40}} {
			m := newTestModel(t, size[0], size[1])
			if moving {
				m = movingModel(t, size[0], size[1], true)
				m = send(t, m, quick(m.Init())...)
			}
			screen := ansi.Strip(keys(t, m, "v").Screen())
			if rows := plotRows(screen); rows < cashBriefPlot {
				t.Errorf("moving %v at %v: the cash plot is %d lines tall, want %d or more:\n%s", moving, size, rows, cashBriefPlot, screen)
			}
			if bars := gainBarRows(screen); bars < fewBars {
				t.Errorf("moving %v at %v: %d gain bars, want %d or more:\n%s", moving, size, bars, fewBars, screen)
			}
			if !strings.Contains(screen, "more") || !strings.Contains(screen, "Move cost") {
				t.Errorf("moving %v at %v: the options left out are counted and the move cost is there:\n%s", moving, size, screen)
			}
		}
	}
	// Too short for a plot: one line says what it would show.
	m := keys(t, newTestModel(t, 80, 16), "v")
	if screen := plain(m); plotRows(screen) != 0 && plotRows(screen) < cashMinPlot || !strings.Contains(screen, "Expected cash") {
		t.Errorf("at 80×16 the cash chart is a readable plot or a line:\n%s", screen)
	}
}
