package model

import (
	"regexp"
	"strings"
	"testing"
)

// presentCases are the slides to check: no move pays, one does, and a what-if makes a second
// one pay.
func presentCases(t *testing.T, width, height int) map[string]Model {
	t.Helper()
	moving := movingModel(t, width, height, true)
	moving = send(t, moving, quick(moving.Init())...)
	edited := movingModel(t, width, height, true)
	edited.current = edited.current.withWhatIf(whatIf{Country: "is", Path: "power.price_usd_per_kwh", Value: 0.01})
	edited = send(t, edited, edited.rerank()())
	edited = drain(t, edited, edited.simulate())
	return map[string]Model{
		"bundled": keys(t, newTestModel(t, width, height), "P"),
		"moving":  keys(t, moving, "P"),
		"what-if": keys(t, edited, "P"),
	}
}

var presentBar = regexp.MustCompile(`^\s*\d+\. .*[│█].*\$[0-9.]+[kM]?\s*$`)

// presentBars counts the bars on a slide.
func presentBars(screen string) int {
	n := 0
	for _, l := range strings.Split(screen, "\n") {
		if presentBar.MatchString(l) {
			n++
		}
	}
	return n
}

// On a small window the slide keeps the recommendation, a few bars and every caveat in full.
func TestPresentKeepsBarsAndCaveatsOnASmallWindow(t *testing.T) {
	last := "Values over 36 months at 15% a year, after the move's cost and the risk of shutdown; gains are against not moving."
	fewest := map[string]int{"bundled": 3, "moving": 1, "what-if": 2} // as many as there are, up to a few
	for name, m := range presentCases(t, 80, 24) {
		screen := plain(m)
		if !strings.Contains(screen, "▸ ") || !strings.Contains(screen, "Not moving:") {
			t.Errorf("%s: the recommendation is on the slide:\n%s", name, screen)
		}
		if bars := presentBars(screen); bars < fewest[name] {
			t.Errorf("%s: %d bars under the heading, want %d or more:\n%s", name, bars, fewest[name], screen)
		}
		if !strings.Contains(strings.Join(strings.Fields(screen), " "), last) {
			t.Errorf("%s: the last caveat is there in full:\n%s", name, screen)
		}
		if name == "what-if" && !strings.Contains(strings.Join(strings.Fields(screen), " "), "1 what-if edit to the destinations applied") {
			t.Errorf("%s: the what-if is among the caveats:\n%s", name, screen)
		}
	}
}

// On a large window the slide uses the whole canvas: no hole of blank lines, and the leading
// move's expected cash where there is room for it.
func TestPresentFillsALargeWindow(t *testing.T) {
	for _, size := range [][2]int{{200, 60}, {120, 40}} {
		// Spare lines are shared between the parts: at 120×40 a few more to each gap.
		most := map[int]int{200: 3, 120: 4}[size[0]]
		for name, m := range presentCases(t, size[0], size[1]) {
			screen := plain(m)
			blank := 0
			for i, l := range strings.Split(screen, "\n") {
				if strings.TrimSpace(l) != "" {
					blank = 0
					continue
				}
				if blank++; blank > most {
					t.Errorf("%s %v: %d blank lines in a row up to line %d:\n%s", name, size, blank, i+1, screen)
					break
				}
			}
			// At 120×40 the cash fits beside three answer lines and a short list of caveats.
			if (name == "moving" || name != "bundled" && size[0] == 200) && !strings.Contains(screen, "Expected cash — ") {
				t.Errorf("%s %v: the leading move's expected cash fills the room the bars leave:\n%s", name, size, screen)
			}
			// The summary gives way to the cash on a middling window.
			if size[0] == 200 && !strings.Contains(screen, "sha256 hashprice") {
				t.Errorf("%s %v: the plan's summary closes the slide:\n%s", name, size, screen)
			}
		}
	}
}
