package model

import (
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

// On a small window the cash chart keeps a plot that can be read, the gain bars giving way.
func TestCashChartStaysReadable(t *testing.T) {
	for _, moving := range []bool{false, true} {
		for _, size := range [][2]int{{80, 24}, {100, 30}, {80, 40}} {
			m := newTestModel(t, size[0], size[1])
			if moving {
				m = movingModel(t, size[0], size[1], true)
				m = send(t, m, quick(m.Init())...)
			}
			screen := ansi.Strip(keys(t, m, "v").Screen())
			if rows := plotRows(screen); rows < cashMinPlot {
				t.Errorf("moving %v at %v: the cash plot is %d lines tall, want %d or more:\n%s", moving, size, rows, cashMinPlot, screen)
			}
			if !strings.Contains(screen, "Gain vs not moving") || !strings.Contains(screen, "Move cost") {
				t.Errorf("moving %v at %v: the gains and the move cost are still there:\n%s", moving, size, screen)
			}
		}
	}
	// Too short for a plot: one line says what it would show.
	m := keys(t, newTestModel(t, 80, 16), "v")
	if screen := plain(m); plotRows(screen) != 0 && plotRows(screen) < cashMinPlot || !strings.Contains(screen, "Expected cash") {
		t.Errorf("at 80×16 the cash chart is a readable plot or a line:\n%s", screen)
	}
}
