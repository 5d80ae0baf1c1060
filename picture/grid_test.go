package picture

import (
	"image/color"
	"strings"
	"testing"

	uv "github.com/charmbracelet/ultraviolet"
)

var (
	red   = color.NRGBA{0xff, 0, 0, 0xff}
	green = color.NRGBA{0, 0xff, 0, 0xff}
)

// look is what a cell shows, with colours as drawn and nil where the text sets none.
type look struct {
	Text                                    string
	Fg, Bg                                  color.Color
	Bold, Faint, Italic, Underline, Reverse bool
}

func lookOf(c uv.Cell) look {
	l := look{
		Text: c.Content, Bold: c.Style.Attrs&uv.AttrBold != 0, Faint: c.Style.Attrs&uv.AttrFaint != 0,
		Italic: c.Style.Attrs&uv.AttrItalic != 0, Underline: underlined(c.Style), Reverse: c.Style.Attrs&uv.AttrReverse != 0,
	}
	if c.Style.Fg != nil {
		l.Fg = paletteColor(c.Style.Fg)
	}
	if c.Style.Bg != nil {
		l.Bg = paletteColor(c.Style.Bg)
	}
	return l
}

func TestParseSetsColoursAndAttributes(t *testing.T) {
	g := parse("\x1b[1;31mA\x1b[0mB\x1b[38;5;196;48;2;1;2;3mC\x1b[39;3;4mD\x1b[22;23;24;49;7;2mE\x1b[27;22m\x1b[92;104mF", 6, 1)
	want := []look{
		{Text: "A", Fg: basicColors[1], Bold: true},
		{Text: "B"},
		{Text: "C", Fg: color.NRGBA{0xff, 0, 0, 0xff}, Bg: color.NRGBA{1, 2, 3, 0xff}},
		{Text: "D", Bg: color.NRGBA{1, 2, 3, 0xff}, Italic: true, Underline: true},
		{Text: "E", Reverse: true, Faint: true},
		{Text: "F", Fg: basicColors[10], Bg: basicColors[12]},
	}
	for x, w := range want {
		if got := lookOf(g.Lines[0][x]); got != w {
			t.Errorf("cell %d = %+v, want %+v", x, got, w)
		}
	}
}

func TestParseColonColourForms(t *testing.T) {
	for seq, want := range map[string]color.Color{
		"\x1b[38:2::10:20:30m": color.NRGBA{10, 20, 30, 0xff}, // with the empty colour-space id
		"\x1b[38:2:10:20:30m":  color.NRGBA{10, 20, 30, 0xff},
		"\x1b[38:5:16m":        color.NRGBA{0, 0, 0, 0xff},
		"\x1b[38;5;231m":       color.NRGBA{0xff, 0xff, 0xff, 0xff},
		"\x1b[38;5;67m":        color.NRGBA{95, 135, 175, 0xff},
		"\x1b[38;5;244m":       color.NRGBA{128, 128, 128, 0xff},
		"\x1b[38;5;9m":         basicColors[9],
		"\x1b[38;2;300;0;0m":   nil, // out of range: ignored
	} {
		if got := lookOf(parse(seq+"x", 1, 1).Lines[0][0]).Fg; got != want {
			t.Errorf("%q: foreground %v, want %v", seq, got, want)
		}
	}
}

func TestParseReadsLegacyColourArgumentsAsArguments(t *testing.T) {
	// The 1 after 38;2;… is red's value, not bold; the 4 after it is underline.
	c := lookOf(parse("\x1b[38;2;1;1;1;4mx", 1, 1).Lines[0][0])
	if c.Bold || !c.Underline || c.Fg != (color.NRGBA{1, 1, 1, 0xff}) {
		t.Errorf("cell = %+v, want foreground 1,1,1, underlined, not bold", c)
	}
}

func TestParseWideRunesTakeTwoCells(t *testing.T) {
	g := parse("漢x🚀y", 6, 1)
	want := []uv.Cell{{Content: "漢", Width: 2}, {}, {Content: "x", Width: 1}, {Content: "🚀", Width: 2}, {}, {Content: "y", Width: 1}}
	for x, c := range want {
		if got := g.Lines[0][x]; got.Content != c.Content || got.Width != c.Width {
			t.Errorf("cell %d = %q, %d wide, want %q, %d wide", x, got.Content, got.Width, c.Content, c.Width)
		}
	}
}

func TestParseClipsToGrid(t *testing.T) {
	g := parse("abcdef\nab漢\n\x1b[41mxyz\nlost", 3, 4)
	if g.Width() != 3 || g.Height() != 4 {
		t.Fatalf("grid is %d×%d, want 3×4", g.Width(), g.Height())
	}
	for y, want := range []string{"abc", "ab ", "xyz", "los"} {
		if got := rowText(g.Lines[y]); got != want {
			t.Errorf("row %d = %q, want %q", y, got, want)
		}
	}
	short := parse("one", 4, 3)
	for y := 1; y < 3; y++ {
		if got := rowText(short.Lines[y]); got != "    " {
			t.Errorf("missing line %d = %q, want blank", y, got)
		}
	}
}

func TestParseClampsSizes(t *testing.T) {
	for _, size := range [][2]int{{-5, 3}, {3, -1}, {0, 0}} {
		g := parse("text", size[0], size[1])
		if g.Height() != max(size[1], 0) || g.Height() > 0 && g.Width() != max(size[0], 0) {
			t.Errorf("parse(%d, %d) = %d×%d", size[0], size[1], g.Width(), g.Height())
		}
	}
	if g := parse("", 5000, 2); g.Width() != maxGridSide {
		t.Errorf("width 5000 became %d, want %d", g.Width(), maxGridSide)
	}
}

func TestParseIgnoresOtherSequences(t *testing.T) {
	screen := "\x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\" + // hyperlink
		"\x1b[2K\x1b[?25l\x1b[3;4H" + // erase line, hide cursor, move cursor
		"\x1b]0;title\a" + "\x1b[?1m" + "!\x7f\x00"
	if got := rowText(parse(screen, 6, 1).Lines[0]); got != "link! " {
		t.Errorf("text = %q, want %q", got, "link! ")
	}
	if c := lookOf(parse("\x1b[?1mx", 1, 1).Lines[0][0]); c.Bold {
		t.Error("a private sequence ending in m was read as SGR")
	}
}

func TestParseSurvivesManyParameters(t *testing.T) {
	// The escape-sequence decoder panics on more than 32 parameters when given a parser.
	c := lookOf(parse("\x1b["+strings.Repeat("1;", 40)+"31mX", 1, 1).Lines[0][0])
	if c.Text != "X" || !c.Bold || c.Fg != basicColors[1] {
		t.Errorf("cell = %+v, want bold red X", c)
	}
}

func TestParseTabsCarriageReturnsAndBackgrounds(t *testing.T) {
	g := parse("a\tb\r\x1b[41mZ\t\x1b[0mc\r\n漢字\rx", 12, 2)
	if got := rowText(g.Lines[0]); got != "Z       c   " {
		t.Errorf("row 0 = %q", got)
	}
	if lookOf(g.Lines[0][5]).Bg != basicColors[1] || g.Lines[0][8].Style.Bg != nil {
		t.Error("tab did not fill with the current background")
	}
	// "x" overwrote the left half of 漢, so the right half is blank, not a stray half.
	if got := strings.TrimRight(rowText(g.Lines[1]), " "); got != "x 字" {
		t.Errorf("row 1 = %q, want %q", got, "x 字")
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("\x1b[1;31mhi\x1b[0m 漢字 🚀\n\t│ ─ █"), 10, 3)
	f.Add([]byte("\x1b[38:2::1:2:3;48;5;300m\x1b]8;;x\x1b\\\r漢\r\n"), 1, 1)
	f.Add([]byte("\x1b["+strings.Repeat("9;", 40)+"m\xff\xc0\x9b1m"), 0, 0)
	f.Add([]byte("漢字漢字"), 3, -2)
	f.Add([]byte("\x1b[38:2:::::::::1m\x1b[48:5m\x1b[38;2;999999999999999999999;1m\x1b[4:9;58:2:1:2:3mé\u0301\t"), 4, 2)
	f.Fuzz(func(t *testing.T, screen []byte, width, height int) {
		g := parse(string(screen), width, height)
		clamp := func(n int) int { return min(max(n, 0), maxGridSide) }
		// A grid without rows has no width either.
		if g.Height() != clamp(height) || g.Height() > 0 && g.Width() != clamp(width) {
			t.Fatalf("grid %d×%d for %d×%d", g.Width(), g.Height(), width, height)
		}
		for y, row := range g.Lines {
			if len(row) != g.Width() {
				t.Fatalf("row %d has %d cells, want %d", y, len(row), g.Width())
			}
			// Each wide cell is followed by its placeholders, and every placeholder follows one.
			owed := 0
			for x, c := range row {
				switch {
				case c.Width == 0 && owed == 0:
					t.Fatalf("cell %d,%d is the right half of nothing", x, y)
				case c.Width == 0:
					owed--
				case owed > 0:
					t.Fatalf("cell %d,%d cuts the wide character before it short", x, y)
				default:
					owed = c.Width - 1
				}
			}
			if owed > 0 {
				t.Fatalf("row %d ends in half a wide character", y)
			}
		}
	})
}

func rowText(row uv.Line) string {
	var b strings.Builder
	for _, c := range row {
		b.WriteString(c.Content)
	}
	return b.String()
}
