package model

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"hashhaven/economics"
	"hashhaven/theme"
)

func TestBarInEighths(t *testing.T) {
	for _, c := range []struct {
		share float64
		width int
		want  string
	}{
		{0, 4, ""},
		{1, 4, "████"},
		{0.5, 4, "██"},
		{1.0 / 32, 4, "▏"},
		{3.0 / 32, 4, "▍"},
		{0.5 + 7.0/32, 4, "██▉"},
		{2, 4, "████"}, // kept to the width
		{-0.5, 4, ""},
		{math.NaN(), 4, ""},
		{math.Inf(1), 3, "███"},
		{0.5, 0, ""},
	} {
		if got := bar(c.share, c.width); got != c.want {
			t.Errorf("bar(%v, %d) = %q, want %q", c.share, c.width, got, c.want)
		}
	}
}

func TestBarLeftEndsInReverseVideo(t *testing.T) {
	for _, c := range []struct {
		share float64
		want  string
		cells int
	}{
		{0, "", 0},
		{math.NaN(), "", 0},
		{0.5, "██", 2},
		// 1¼ cells: the far cell shows its right quarter, the left six eighths reversed.
		{5.0 / 16, reverseOn + "▊" + reverseOff + "█", 2},
		{1.0 / 32, reverseOn + "▉" + reverseOff, 1},
	} {
		got, n := barLeft(c.share, 4)
		if got != c.want || n != c.cells {
			t.Errorf("barLeft(%v, 4) = %q, %d; want %q, %d", c.share, got, n, c.want, c.cells)
		}
		if w := ansi.StringWidth(got); w != n {
			t.Errorf("barLeft(%v, 4) takes %d cells, says %d", c.share, w, n)
		}
	}
}

func TestAxisBarGrowsBothWaysFromTheAxis(t *testing.T) {
	plain := sgr{}
	for _, c := range []struct {
		v, lo, hi float64
		want      string
	}{
		{1, -1, 1, "    │████"}, // 9 cells: four a side of the axis
		{-1, -1, 1, "████│    "},
		{-0.5, -1, 1, "  ██│    "},
		{0.5, 0, 1, "│████    "}, // no losses: the axis at the left edge
		{0, -1, 1, "    │    "},
		{math.NaN(), -1, 1, "    │    "},
		{1, math.NaN(), 1, "         "},
	} {
		got := ansi.Strip(axisBar(c.v, c.lo, c.hi, 9, plain, plain, plain))
		if got != c.want {
			t.Errorf("axisBar(%v, %v, %v) = %q, want %q", c.v, c.lo, c.hi, got, c.want)
		}
		if w := ansi.StringWidth(got); w != 9 {
			t.Errorf("axisBar(%v) is %d cells wide", c.v, w)
		}
	}
}

func TestStackedBarFillsItsWidth(t *testing.T) {
	a, b, edge := sgr{"<a>", "</a>"}, sgr{"<b>", "</b>"}, sgr{"<e>", "</e>"}
	got := stackedBar([]float64{1, 3}, 4, []sgr{a, b}, []sgr{edge})
	if want := "<a>█</a><b>███</b>"; got != want {
		t.Errorf("stackedBar = %q, want %q", got, want)
	}
	// A boundary inside a cell: the first part's eighths on the second's colour.
	got = stackedBar([]float64{1, 4}, 2, []sgr{a, b}, []sgr{edge})
	if want := "<a></a><e>▍</e><b>█</b>"; got != want {
		t.Errorf("stackedBar = %q, want %q", got, want)
	}
	if got := stackedBar([]float64{0, math.NaN()}, 4, []sgr{a, b}, []sgr{edge}); got != "" {
		t.Errorf("stackedBar of nothing = %q", got)
	}
}

func TestBrailleLineAndGuides(t *testing.T) {
	c := newBraille(2, 1)
	c.line(0, 3, 3, 0, 0, false) // a diagonal up across both cells
	c.line(0, 1, 3, 1, 0, true)  // a guide the curve hides where they share a cell
	got := c.rows([]sgr{{"[", "]"}}, []sgr{{"(", ")"}})
	// Dots (0,3),(1,2) in the first cell and (2,1),(3,0) in the second.
	if want := "[" + string(rune(0x2800+0x40+0x20)) + string(rune(0x2800+0x02+0x08)) + "]"; got[0] != want {
		t.Errorf("braille row = %q, want %q", got[0], want)
	}
	c = newBraille(3, 1)
	c.line(0, 1, 5, 1, 0, true)
	c.dot(0, 0, 0, false)
	got = c.rows([]sgr{{"[", "]"}}, []sgr{{"(", ")"}})
	if want := "[⠁](⠒⠒)"; got[0] != want {
		t.Errorf("braille row = %q, want %q", got[0], want)
	}
	styled := c.rows([]sgr{{"\x1b[1m", "\x1b[m"}}, []sgr{{"\x1b[2m", "\x1b[m"}})[0]
	if w := ansi.StringWidth(styled); w != 3 || cells(styled) != 3 || strings.Contains(styled, " ") {
		t.Errorf("braille row %q is %d cells, cells() says %d", styled, w, cells(styled))
	}
}

func TestNiceSpanCoversTheDataWithRoundTicks(t *testing.T) {
	lo, hi, got := niceSpan(0, 2.7e6, 6)
	want := []float64{0, 5e5, 1e6, 1.5e6, 2e6, 2.5e6, 3e6}
	if lo != 0 || hi != 3e6 || !slices.Equal(got, want) {
		t.Fatalf("niceSpan(0, 2.7M, 6) = %v, %v, %v; want 0, 3M, %v", lo, hi, got, want)
	}
	if lo, hi, got := niceSpan(-1.3e6, 2.1e6, 4); lo > -1.3e6 || hi < 2.1e6 || !slices.Contains(got, 0) || got[len(got)-1] != hi {
		t.Errorf("niceSpan(-1.3M, 2.1M, 4) = %v, %v, %v: covers the data, with 0 and a top tick", lo, hi, got)
	}
	if _, _, got := niceSpan(0, math.NaN(), 4); len(got) != 2 {
		t.Errorf("niceSpan of NaN = %v", got)
	}
}

func TestBandBarInEighths(t *testing.T) {
	tv := &tableView{bandLo: 0, bandHi: 4}
	r := &economics.Result{Band: &economics.Uncertainty{P10: 0.5, P50: 2.5, P90: 3.25}}
	// Four cells, a unit each: the band starts half way into the first cell and ends a
	// quarter into the last; P50 is a slit in the third.
	want := reverseOn + "▌" + reverseOff + "█" + reverseOn + "│" + reverseOff + "▎"
	if got := tv.bandBar(r, 4).text; got != want {
		t.Errorf("bandBar = %q, want %q", got, want)
	}
	// The same in every future: a tick alone.
	r.Band = &economics.Uncertainty{P10: 2, P50: 2, P90: 2}
	if got := tv.bandBar(r, 4).text; got != "  │ " {
		t.Errorf("bandBar of one value = %q, want a tick", got)
	}
	// Every band in view one and the same figure: no axis, the figure itself.
	flat := &tableView{bandLo: 2.7e6, bandHi: 2.7e6}
	r.Band = &economics.Uncertainty{P10: 2.7e6, P50: 2.7e6, P90: 2.7e6}
	if got := flat.bandBar(r, 9).text; got != "$2.7M" {
		t.Errorf("bandBar on a flat axis = %q, want the figure", got)
	}
}

// The cash plot's axis reaches at least the highest value, with a tick there or above.
func TestCashAxisHoldsTheTop(t *testing.T) {
	s := newStyles(theme.Default(true))
	flat := make([]float64, 37)
	for i := range flat {
		flat[i] = 2.7e6
	}
	lines, _ := cashPlot([]cashCurve{{values: flat}}, 60, 20, -1, s)
	top := strings.TrimSpace(ansi.Strip(lines[0])[:cashLabelW])
	if top == "" {
		t.Fatalf("the top line has no tick label: %q", ansi.Strip(lines[0]))
	}
	if v := parseCompact(t, top); v < 2.7e6 {
		t.Errorf("the top tick %s is below the data's $2.7M", top)
	}
}

func parseCompact(t *testing.T, label string) float64 {
	t.Helper()
	text := strings.TrimPrefix(label, "$")
	scale := 1.0
	switch {
	case strings.HasSuffix(text, "M"):
		text, scale = strings.TrimSuffix(text, "M"), 1e6
	case strings.HasSuffix(text, "k"):
		text, scale = strings.TrimSuffix(text, "k"), 1e3
	}
	v, err := strconv.ParseFloat(text, 64)
	if err != nil {
		t.Fatalf("label %q: %v", label, err)
	}
	return v * scale
}

// The payback guide has a colour of its own, apart from the curves and the sales marks.
func TestPaybackHasItsOwnColour(t *testing.T) {
	for _, name := range []string{"dark", "light", "high-contrast"} {
		th, ok := theme.ByName(name)
		if !ok {
			t.Fatalf("no theme %s", name)
		}
		s := newStyles(th)
		for _, other := range []lipgloss.Style{s.Warning, s.Positive, s.Negative, s.Accent} {
			if s.Payback.GetForeground() == other.GetForeground() {
				t.Errorf("%s: the payback guide shares a curve's colour %v", name, other.GetForeground())
			}
		}
	}
}

// The curves' crossing is read from the end: the month from which the plan stays ahead.
func TestAheadText(t *testing.T) {
	for _, c := range []struct {
		cash, base []float64
		want       string
	}{
		{[]float64{-5, 1, 3, 6}, []float64{2, 2, 2, 2}, "ahead of not moving from month 2"},
		{[]float64{-5, 3, 1, 6}, []float64{2, 2, 2, 2}, "ahead of not moving from month 3"},
		{[]float64{2, 2, 2}, []float64{2, 2, 2}, "the same cash as not moving"},
		{[]float64{2, 3, 4}, []float64{2, 2, 2}, "never behind not moving"},
		{[]float64{3, 3, 1}, []float64{2, 2, 2}, "behind not moving at the horizon"},
		{nil, nil, "behind not moving at the horizon"},
	} {
		if got := aheadText(c.cash, c.base); got != c.want {
			t.Errorf("aheadText(%v, %v) = %q, want %q", c.cash, c.base, got, c.want)
		}
	}
}
