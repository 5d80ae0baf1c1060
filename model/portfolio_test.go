package model

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// The split screen speaks an operator's words and uses the window: each machine model's way
// on a large one, and still the options whole on a small one.
func TestSplitScreenWordsAndSpace(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		m := movingModel(t, size[0], size[1], true)
		m = send(t, m, quick(m.Init())...)
		m = keys(t, m, "o")
		screen := plain(m)
		flat := strings.Join(strings.Fields(screen), " ")
		for _, jargon := range []string{"max_share_per_destination", "linear bound", "linear programme"} {
			if strings.Contains(flat, jargon) {
				t.Errorf("%v: the split screen says %q:\n%s", size, jargon, screen)
			}
		}
		if !strings.Contains(flat, "of the fleet's load in one place") || !strings.Contains(flat, "Sell now") {
			t.Errorf("%v: the cap and the options are said:\n%s", size, screen)
		}
		if size[1] >= 40 {
			if !strings.Contains(flat, "By machine model") || !strings.Contains(flat, "Antminer S19 XP 800 → Paraguay (hosted) 800 at") {
				t.Errorf("%v: each model's way is shown:\n%s", size, screen)
			}
			_, last := extent(t, m.Screen(), size[0], size[1])
			if last < size[1]*3/4 {
				t.Errorf("%v: the content ends on line %d of %d", size, last, size[1])
			}
		}
	}
}

// Nothing on the split screen is out of reach: on a small window it scrolls, like the detail,
// to its per-model breakdown and the destinations it leaves out.
func TestSplitScreenScrollsToEverySection(t *testing.T) {
	m := movingModel(t, 80, 24, true)
	m = send(t, m, quick(m.Init())...)
	m = keys(t, m, "o")
	if strings.Contains(plain(m), "Left out") {
		t.Fatalf("at 80×24 the left-out list should need scrolling:\n%s", plain(m))
	}
	if !strings.Contains(footerOf(m), "scroll") {
		t.Errorf("the footer should say how to scroll: %q", footerOf(m))
	}
	end := keys(t, m, "G")
	for _, section := range []string{"Left out", "… and"} {
		if !strings.Contains(plain(end), section) {
			t.Errorf("G should reach %q:\n%s", section, plain(end))
		}
	}
	seen := ""
	for paged := m; ; paged = keys(t, paged, "pgdown") {
		seen += plain(paged)
		if plain(paged) == plain(end) {
			break
		}
		if len(seen) > 100*len(plain(m)) {
			t.Fatal("paging down never reached the end")
		}
	}
	if !strings.Contains(strings.Join(strings.Fields(seen), " "), "Antminer S19 XP 800 → Paraguay (hosted) 800 at") {
		t.Errorf("paging should pass each model's way:\n%s", seen)
	}
	if wheel := send(t, m, tea.MouseWheelMsg{Button: tea.MouseWheelDown}); wheel.splitY == 0 || wheel.screen != screenPortfolio {
		t.Error("the wheel should scroll the split")
	}
	if again := keys(t, end, "esc", "o"); again.splitY != 0 {
		t.Error("the split should open at its top again")
	}
}
