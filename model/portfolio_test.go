package model

import (
	"strings"
	"testing"
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
