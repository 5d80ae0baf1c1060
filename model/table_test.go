package model

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// cells counts plain text without measuring graphemes; it must agree with measuring them.
func TestCellsAgreesWithStringWidth(t *testing.T) {
	samples := []string{"", "plain", "Côte d'Ivoire", "▸ ⌂ Kazakhstan", "✎ edited", "━━╸ ┿ ╺━", "█▉▊▋▌▍▎▏",
		"-$1.2M → +$3.4M … 12 ¢/kWh", "\x1b[1mbold\x1b[0m", "日本", "e\u0301", "✅ done", "◽◾", "a\u200db",
		"ü\u0308", "⌚", "x\u2028y", "soft\u00adhyphen", "non\u00a0break", "👍🏽", "🇰🇿"}
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
