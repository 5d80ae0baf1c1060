package model

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// Golden screens, colour stripped, at the sizes the app promises to look right at.
func TestGoldenScreens(t *testing.T) {
	screens := []struct {
		name string
		keys []string
	}{
		{"main", nil},
		{"detail", []string{"j", "enter"}},
		{"detail-move", []string{"j", "j", "enter"}},
		{"compare", []string{"space", "j", "space", "j", "space", "c"}},
		{"help", []string{"?"}},
		{"chart", []string{"j", "j", "v"}},
		{"present", []string{"P"}},
		{"whatif", []string{"e"}},
		{"assumptions", []string{"a"}},
		{"fleet", []string{"f"}},
		{"portfolio", []string{"o"}},
	}
	sizes := [][2]int{{80, 24}, {120, 40}, {200, 60}}
	for _, sc := range screens {
		for _, size := range sizes {
			name := fmt.Sprintf("%s-%dx%d", sc.name, size[0], size[1])
			t.Run(name, func(t *testing.T) {
				m := keys(t, newTestModel(t, size[0], size[1]), sc.keys...)
				got := plain(m)
				lines := strings.Split(got, "\n")
				if len(lines) != size[1] {
					t.Errorf("%d lines, want %d", len(lines), size[1])
				}
				for i, l := range lines {
					if w := len([]rune(l)); w > size[0] {
						t.Errorf("line %d is %d cells wide", i+1, w)
					}
				}
				golden.RequireEqual(t, got) // go test ./model -update rewrites testdata/TestGoldenScreens/

			})
		}
	}
}

// Golden screens of a fleet part of which pays to move, so the bands, the split's band and
// the tornado have something to show.
func TestGoldenBands(t *testing.T) {
	screens := []struct {
		name string
		keys []string
	}{{"main", nil}, {"detail", []string{"enter"}}, {"portfolio", []string{"o"}}}
	for _, sc := range screens {
		for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
			t.Run(fmt.Sprintf("%s-%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				golden.RequireEqual(t, plain(keys(t, movingModel(t, size[0], size[1], true), sc.keys...)))
			})
		}
	}
}

// A monochrome screen must still show the selection and emphasis, and carry no colour.
func TestMonochromeScreen(t *testing.T) {
	set := newTestModel(t, 120, 40).set
	sc, _ := set.PickScenario("")
	m, err := New(Options{Set: set, Scenario: sc, Theme: "mono", Now: testNow, Width: 120, Height: 40})
	if err != nil {
		t.Fatal(err)
	}
	out := m.Screen()
	for _, colour := range []string{"38;2;", "48;2;", "38;5;", "48;5;"} {
		if strings.Contains(out, colour) {
			t.Fatalf("mono screen contains a colour sequence %q", colour)
		}
	}
	if !strings.Contains(out, "\x1b[7m") {
		t.Error("the selected row should be in reverse video")
	}
}

// The editors open from the command line as the other screens do, on the selection.
func TestEditorViewsOpenOnTheSelection(t *testing.T) {
	set, sc := bundled(t)
	for view, want := range map[string]string{"whatif": "What if — Ethiopia", "assumptions": "Hashprice", "fleet": "Antminer S21"} {
		m, err := New(Options{Set: set, Scenario: sc, Theme: "dark", Now: testNow, Width: 120, Height: 40, Select: "et", View: view})
		if err != nil {
			t.Fatal(err)
		}
		if screen := plain(m); !strings.Contains(screen, want) || !strings.Contains(screen, "enter edit") {
			t.Errorf("--screen %s:\n%s", view, screen)
		}
	}
	if _, err := New(Options{Set: set, Scenario: sc, Now: testNow, View: "nope"}); err == nil || !strings.Contains(err.Error(), "assumptions, chart") {
		t.Errorf("an unknown screen lists the names: %v", err)
	}
}

// A message too long for the footer is shown whole, wrapped over the foot of the body, and
// the footer keeps its keys.
func TestLongMessageWraps(t *testing.T) {
	m := newTestModel(t, 80, 24)
	m = keys(t, m, "w") // the bundled data set cannot be saved to
	screen := plain(m)
	flat := strings.Join(strings.Fields(screen), " ")
	if !strings.Contains(flat, m.toast) || strings.Count(screen, "read-only") != 1 {
		t.Errorf("the message %q is not whole, once:\n%s", m.toast, screen)
	}
	lines := strings.Split(screen, "\n")
	if foot := lines[len(lines)-1]; !strings.Contains(foot, "q/ctrl+c quit") || !strings.Contains(foot, "? help") {
		t.Errorf("footer %q", foot)
	}
	if len(lines) != 24 {
		t.Errorf("%d lines", len(lines))
	}
}
