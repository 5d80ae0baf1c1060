package picture

import (
	"image/color"
	"strings"
	"testing"
)

var (
	red   = color.NRGBA{0xff, 0, 0, 0xff}
	green = color.NRGBA{0, 0xff, 0, 0xff}
)

func TestParseSetsColoursAndAttributes(t *testing.T) {
	g := Parse("\x1b[1;31mA\x1b[0mB\x1b[38;5;196;48;2;1;2;3mC\x1b[39;3;4mD\x1b[22;23;24;49;7;2mE\x1b[27;22m\x1b[92;104mF", 6, 1)
	want := []Cell{
		{Rune: 'A', Style: Style{Fg: basicColors[1], Bold: true}},
		{Rune: 'B'},
		{Rune: 'C', Style: Style{Fg: color.NRGBA{0xff, 0, 0, 0xff}, Bg: color.NRGBA{1, 2, 3, 0xff}}},
		{Rune: 'D', Style: Style{Bg: color.NRGBA{1, 2, 3, 0xff}, Italic: true, Underline: true}},
		{Rune: 'E', Style: Style{Reverse: true, Faint: true}},
		{Rune: 'F', Style: Style{Fg: basicColors[10], Bg: basicColors[12]}},
	}
	for x, w := range want {
		if got := g.Rows[0][x]; got != w {
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
		if got := Parse(seq+"x", 1, 1).Rows[0][0].Fg; got != want {
			t.Errorf("%q: foreground %v, want %v", seq, got, want)
		}
	}
}

func TestParseReadsLegacyColourArgumentsAsArguments(t *testing.T) {
	// The 1 after 38;2;… is red's value, not bold; the 4 after it is underline.
	c := Parse("\x1b[38;2;1;1;1;4mx", 1, 1).Rows[0][0]
	if c.Bold || !c.Underline || c.Fg != (color.NRGBA{1, 1, 1, 0xff}) {
		t.Errorf("cell = %+v, want foreground 1,1,1, underlined, not bold", c)
	}
}

func TestParseWideRunesTakeTwoCells(t *testing.T) {
	g := Parse("漢x🚀y", 6, 1)
	want := []rune{'漢', 0, 'x', '🚀', 0, 'y'}
	for x, r := range want {
		if got := g.Rows[0][x].Rune; got != r {
			t.Errorf("cell %d = %q, want %q", x, got, r)
		}
	}
}

func TestParseClipsToGrid(t *testing.T) {
	g := Parse("abcdef\nab漢\n\x1b[41mxyz\nlost", 3, 4)
	if g.Width != 3 || g.Height != 4 || len(g.Rows) != 4 {
		t.Fatalf("grid is %d×%d with %d rows, want 3×4", g.Width, g.Height, len(g.Rows))
	}
	for y, want := range []string{"abc", "ab ", "xyz", "los"} {
		if got := rowText(g.Rows[y]); got != want {
			t.Errorf("row %d = %q, want %q", y, got, want)
		}
	}
	short := Parse("one", 4, 3)
	for y := 1; y < 3; y++ {
		if got := rowText(short.Rows[y]); got != "    " {
			t.Errorf("missing line %d = %q, want blank", y, got)
		}
	}
}

func TestParseClampsSizes(t *testing.T) {
	for _, size := range [][2]int{{-5, 3}, {3, -1}, {0, 0}} {
		g := Parse("text", size[0], size[1])
		if g.Width < 0 || g.Height < 0 || len(g.Rows) != g.Height {
			t.Errorf("Parse(%d, %d) = %d×%d with %d rows", size[0], size[1], g.Width, g.Height, len(g.Rows))
		}
	}
	if g := Parse("", 5000, 2); g.Width != maxGridSide {
		t.Errorf("width 5000 became %d, want %d", g.Width, maxGridSide)
	}
}

func TestParseIgnoresOtherSequences(t *testing.T) {
	screen := "\x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\" + // hyperlink
		"\x1b[2K\x1b[?25l\x1b[3;4H" + // erase line, hide cursor, move cursor
		"\x1b]0;title\a" + "\x1b[?1m" + "!\x7f\x00"
	if got := rowText(Parse(screen, 6, 1).Rows[0]); got != "link! " {
		t.Errorf("text = %q, want %q", got, "link! ")
	}
	if c := Parse("\x1b[?1mx", 1, 1).Rows[0][0]; c.Bold {
		t.Error("a private sequence ending in m was read as SGR")
	}
}

func TestParseSurvivesManyParameters(t *testing.T) {
	// The escape-sequence decoder panics on more than 32 parameters when given a parser.
	c := Parse("\x1b["+strings.Repeat("1;", 40)+"31mX", 1, 1).Rows[0][0]
	if c.Rune != 'X' || !c.Bold || c.Fg != basicColors[1] {
		t.Errorf("cell = %+v, want bold red X", c)
	}
}

func TestParseTabsCarriageReturnsAndBackgrounds(t *testing.T) {
	g := Parse("a\tb\r\x1b[41mZ\t\x1b[0mc\r\n漢字\rx", 12, 2)
	if got := rowText(g.Rows[0]); got != "Z       c   " {
		t.Errorf("row 0 = %q", got)
	}
	if g.Rows[0][5].Bg != basicColors[1] || g.Rows[0][8].Bg != nil {
		t.Error("tab did not fill with the current background")
	}
	// "x" overwrote the left half of 漢, so the right half is blank, not a stray half.
	if got := strings.TrimRight(rowText(g.Rows[1]), " "); got != "x 字" {
		t.Errorf("row 1 = %q, want %q", got, "x 字")
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("\x1b[1;31mhi\x1b[0m 漢字 🚀\n\t│ ─ █"), 10, 3)
	f.Add([]byte("\x1b[38:2::1:2:3;48;5;300m\x1b]8;;x\x1b\\\r漢\r\n"), 1, 1)
	f.Add([]byte("\x1b["+strings.Repeat("9;", 40)+"m\xff\xc0\x9b1m"), 0, 0)
	f.Add([]byte("漢字漢字"), 3, -2)
	f.Fuzz(func(t *testing.T, screen []byte, width, height int) {
		g := Parse(string(screen), width, height)
		if len(g.Rows) != g.Height || g.Width < 0 || g.Width > maxGridSide || g.Height > maxGridSide {
			t.Fatalf("grid %d×%d with %d rows", g.Width, g.Height, len(g.Rows))
		}
		for y, row := range g.Rows {
			if len(row) != g.Width {
				t.Fatalf("row %d has %d cells, want %d", y, len(row), g.Width)
			}
			for x, c := range row {
				if c.Rune == 0 && (x == 0 || row[x-1].Rune == 0) {
					t.Fatalf("cell %d,%d is the right half of nothing", x, y)
				}
			}
		}
	})
}

func rowText(row []Cell) string {
	var b strings.Builder
	for _, c := range row {
		if c.Rune != 0 {
			b.WriteRune(c.Rune)
		}
	}
	return b.String()
}
