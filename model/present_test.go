package model

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// extent is how far a screen's content reaches: its widest line without trailing blanks,
// and its last line with anything on it (1-based), leaving out the key hints at the foot.
func extent(t *testing.T, screen string, width, height int) (widest, last int) {
	t.Helper()
	lines := strings.Split(ansi.Strip(screen), "\n")
	if len(lines) != height {
		t.Errorf("%d lines, want %d", len(lines), height)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > width {
			t.Errorf("line %d is %d cells wide, more than %d", i+1, w, width)
		}
		if i == len(lines)-1 && strings.Contains(l, "esc back") {
			continue
		}
		if trimmed := strings.TrimRight(l, " "); trimmed != "" {
			widest, last = max(widest, ansi.StringWidth(trimmed)), i+1
		}
	}
	return widest, last
}

func TestPresentAndCompareFillTheCanvas(t *testing.T) {
	screens := []struct {
		name string
		keys []string
	}{{"present", []string{"P"}}, {"compare", []string{"space", "j", "space", "j", "space", "c"}}}
	for _, sc := range screens {
		for _, moving := range []bool{false, true} {
			for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
				m := newTestModel(t, size[0], size[1])
				if moving {
					m = movingModel(t, size[0], size[1], true)
					m = send(t, m, quick(m.Init())...)
				}
				widest, last := extent(t, keys(t, m, sc.keys...).Screen(), size[0], size[1])
				if size == [2]int{200, 60} && (widest < 190 || last < 54) {
					t.Errorf("%s (moving %v) at 200×60 reaches %d cells across and line %d down; want the whole canvas",
						sc.name, moving, widest, last)
				}
			}
		}
	}
}

func TestPresentLeadsWithTheAnswerAndGivesCaveatsInFull(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		screen := plain(keys(t, newTestModel(t, size[0], size[1]), "P"))
		last := "Values over 36 months at 15% a year, after the move's cost and the risk of shutdown; gains are against not moving."
		if !strings.Contains(strings.Join(strings.Fields(screen), " "), last) {
			t.Errorf("at %d×%d the last caveat is not there in full:\n%s", size[0], size[1], screen)
		}
	}
	m := movingModel(t, 120, 40, true)
	m = keys(t, send(t, m, quick(m.Init())...), "P")
	screen := plain(m)
	best := strings.Index(screen, "Best single move:")
	bars := strings.Index(screen, "Gain vs not moving, the biggest first")
	caveats := strings.Index(screen, "Caveats")
	if best < 0 || bars < best || caveats < bars {
		t.Fatalf("the recommendation, then the bars, then the caveats:\n%s", screen)
	}
	if strings.Contains(screen[caveats:], "…") {
		t.Errorf("a caveat is cut short:\n%s", screen[caveats:])
	}
	for _, want := range []string{"simulated futures", "older than 18 months", "without a source"} {
		if !strings.Contains(strings.Join(strings.Fields(screen[caveats:]), " "), want) {
			t.Errorf("the caveats say %q:\n%s", want, screen[caveats:])
		}
	}
	// The biggest gain comes first, with the longest bar.
	var first, longest string
	most := 0
	for _, l := range strings.Split(screen[bars:caveats], "\n") {
		if n := strings.Count(l, "█"); n > 0 {
			if first == "" {
				first = l
			}
			if n > most {
				most, longest = n, l
			}
		}
	}
	if !strings.Contains(first, "Paraguay (hosted)") || first != longest {
		t.Errorf("the first bar is the biggest gain's and the longest:\nfirst   %q\nlongest %q", first, longest)
	}
}

// Options with nothing to draw are named in one line, not drawn as empty bars; options cut
// for room are counted; the way out is always on the slide.
func TestPresentSummarisesWhatItDoesNotDraw(t *testing.T) {
	for _, moving := range []bool{false, true} {
		for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
			m := newTestModel(t, size[0], size[1])
			if moving {
				m = movingModel(t, size[0], size[1], true)
				m = send(t, m, quick(m.Init())...)
			}
			screen := plain(keys(t, m, "P"))
			lines := strings.Split(screen, "\n")
			if !strings.Contains(lines[len(lines)-1], "esc back") || !strings.Contains(lines[len(lines)-1], "quit") {
				t.Errorf("moving %v %v: the last line shows the way out:\n%s", moving, size, screen)
			}
			bars, zero := 0, 0
			for _, l := range lines {
				trimmed := strings.TrimSpace(l)
				if strings.ContainsAny(l, "│█") && !strings.Contains(l, "▲") {
					bars++
					if strings.HasSuffix(trimmed, " $0") {
						zero++
					}
				}
				if trimmed == "$0" {
					t.Errorf("moving %v %v: a lone $0 scale with no bar", moving, size)
				}
			}
			if bars == 0 || zero > 0 {
				t.Errorf("moving %v %v: %d bars, %d of them $0:\n%s", moving, size, bars, zero, screen)
			}
			named := strings.Contains(screen, "at $0 vs not moving: Kazakhstan (stay)")
			if !named && !strings.Contains(screen, "2 at $0 vs not moving") || strings.Contains(screen, " m…") {
				t.Errorf("moving %v %v: the $0 options are named, or counted where no name fits, in a line:\n%s", moving, size, screen)
			}
			if !moving && !strings.Contains(screen, "more in the table") {
				t.Errorf("%v: the options cut are counted:\n%s", size, screen)
			}
		}
	}
}
