package picture

import (
	"bytes"
	"image"
	"image/color"
	_ "image/png" // image.Decode must recognise what PNG writes
	"slices"
	"strings"
	"testing"
)

// renderPNG renders screen at scale 1 and decodes the result the way a reader would.
func renderPNG(t testing.TB, screen string, o Options) (image.Image, *layout) {
	t.Helper()
	var buf bytes.Buffer
	if err := PNG(&buf, screen, o); err != nil {
		t.Fatal(err)
	}
	img, format, err := image.Decode(&buf)
	if err != nil || format != "png" {
		t.Fatalf("decode: %v (format %q)", err, format)
	}
	l, err := newLayout(o)
	if err != nil {
		t.Fatal(err)
	}
	return img, l
}

func TestPNGSizeIncludesMargin(t *testing.T) {
	img, l := renderPNG(t, "hello", Options{Width: 10, Height: 3, Scale: 1})
	// Go Mono at 14px advances 8.4px; lines are at least 1.2 times the size.
	if l.cellW < 8 || l.cellW > 9 || l.cellH < 17 {
		t.Errorf("cell is %d×%d px, want about 8×17", l.cellW, l.cellH)
	}
	if got, want := img.Bounds().Size(), image.Pt(12*l.cellW, 5*l.cellH); got != want {
		t.Errorf("picture is %v, want %v: the grid plus one cell all round", got, want)
	}
	double, l2 := renderPNG(t, "hello", Options{Width: 10, Height: 3})
	if got, want := double.Bounds().Size(), image.Pt(12*l2.cellW, 5*l2.cellH); got != want || l2.cellW < 2*l.cellW {
		t.Errorf("scale 0 gives %v with %d px cells, want scale 2", got, l2.cellW)
	}
}

func TestPNGRejectsUnknownScale(t *testing.T) {
	var buf bytes.Buffer
	if err := PNG(&buf, "x", Options{Width: 1, Height: 1, Scale: 3}); err == nil {
		t.Error("scale 3 accepted")
	}
}

func TestPNGPaintsBackgrounds(t *testing.T) {
	bg := color.NRGBA{0x10, 0x20, 0x30, 0xff}
	img, l := renderPNG(t, "\x1b[48;2;255;0;0mW\x1b[0m", Options{Width: 3, Height: 1, Scale: 1, Background: bg})
	at := l.cellOrigin(0, 0)
	// The top-left pixel of the cell is background: no glyph reaches that far.
	if got := colorAt(img, at.X, at.Y); got != red {
		t.Errorf("pixel in the red cell is %v", got)
	}
	if got := colorAt(img, 0, 0); got != bg {
		t.Errorf("margin pixel is %v, want the default background %v", got, bg)
	}
	next := l.cellOrigin(1, 0)
	if got := colorAt(img, next.X+l.cellW/2, next.Y+l.cellH/2); got != bg {
		t.Errorf("pixel in the next cell is %v, want the default background", got)
	}
}

func TestPNGFullBlockFillsItsCells(t *testing.T) {
	img, l := renderPNG(t, "\x1b[38;2;0;255;0m██\n██", Options{Width: 2, Height: 2, Scale: 1})
	a, b := l.cellOrigin(0, 0), l.cellOrigin(1, 1)
	assertRegion(t, img, image.Rect(a.X, a.Y, b.X+l.cellW, b.Y+l.cellH), green)
}

func TestPNGPartialBlocks(t *testing.T) {
	fg := color.NRGBA{0xff, 0xff, 0xff, 0xff}
	bg := color.NRGBA{0, 0, 0, 0xff}
	img, l := renderPNG(t, "▌▎▄▒", Options{Width: 4, Height: 1, Scale: 2, Foreground: fg, Background: bg})
	w, h := l.cellW, l.cellH
	cell := func(x int) image.Rectangle { o := l.cellOrigin(x, 0); return image.Rect(o.X, o.Y, o.X+w, o.Y+h) }
	half := cell(0)
	assertRegion(t, img, image.Rect(half.Min.X, half.Min.Y, half.Min.X+w/2, half.Max.Y), fg)
	assertRegion(t, img, image.Rect(half.Min.X+w/2, half.Min.Y, half.Max.X, half.Max.Y), bg)
	quarter := cell(1)
	assertRegion(t, img, image.Rect(quarter.Min.X, quarter.Min.Y, quarter.Min.X+w/4, quarter.Max.Y), fg)
	assertRegion(t, img, image.Rect(quarter.Min.X+w/4, quarter.Min.Y, quarter.Max.X, quarter.Max.Y), bg)
	lower := cell(2)
	assertRegion(t, img, image.Rect(lower.Min.X, lower.Min.Y+h/2, lower.Max.X, lower.Max.Y), fg)
	assertRegion(t, img, image.Rect(lower.Min.X, lower.Min.Y, lower.Max.X, lower.Min.Y+h/2), bg)
	shade := cell(3)
	if got := colorAt(img, shade.Min.X+1, shade.Min.Y+1); got.R < 0x70 || got.R > 0x90 {
		t.Errorf("medium shade pixel is %v, want half way between black and white", got)
	}
}

func TestPNGBoxLinesReachCellEdges(t *testing.T) {
	fg := color.NRGBA{0xff, 0xff, 0xff, 0xff}
	img, l := renderPNG(t, "─┼━\n┌┴╮\n│║┃", Options{Width: 3, Height: 3, Scale: 1, Foreground: fg})
	// The middle row of a horizontal line is lit from the left edge of the first cell to
	// the right edge of the last: no gaps where cells meet.
	start, end := l.cellOrigin(0, 0), l.cellOrigin(2, 0)
	y := start.Y + l.cellH/2
	assertRegion(t, img, image.Rect(start.X, y, end.X+l.cellW, y+1), fg)
	// The same for the vertical line down the middle column: ┼ ┴ ║ (whose strokes are off
	// centre, so check the single lines above it).
	top, bottom := l.cellOrigin(1, 0), l.cellOrigin(1, 1)
	x := top.X + l.cellW/2
	assertRegion(t, img, image.Rect(x, top.Y, x+1, bottom.Y+l.cellH/2), fg)
}

func TestPNGFaintAndReverse(t *testing.T) {
	fg := color.NRGBA{0xff, 0xff, 0xff, 0xff}
	bg := color.NRGBA{0, 0, 0, 0xff}
	img, l := renderPNG(t, "\x1b[2m█\x1b[0m\x1b[7m \x1b[0m", Options{Width: 2, Height: 1, Scale: 1, Foreground: fg, Background: bg})
	faint, reversed := l.cellOrigin(0, 0), l.cellOrigin(1, 0)
	if got := colorAt(img, faint.X+1, faint.Y+1); got != (color.NRGBA{0x80, 0x80, 0x80, 0xff}) {
		t.Errorf("faint block is %v, want half way to the background", got)
	}
	if got := colorAt(img, reversed.X+1, reversed.Y+1); got != fg {
		t.Errorf("reversed blank is %v, want the foreground colour", got)
	}
}

func TestPNGDrawsTextAndMissingGlyphs(t *testing.T) {
	bg := color.NRGBA{0, 0, 0, 0xff}
	for _, screen := range []string{"M", "漢", "🚀", "\x1b[1;3;4mB"} {
		img, l := renderPNG(t, screen, Options{Width: 2, Height: 1, Scale: 1, Background: bg})
		o := l.cellOrigin(0, 0)
		if countNot(img, image.Rect(o.X, o.Y, o.X+2*l.cellW, o.Y+l.cellH), bg) == 0 {
			t.Errorf("%q left its cells empty", screen)
		}
	}
}

func TestBoxDrawingMeetsNeighbours(t *testing.T) {
	for _, scale := range []int{1, 2} {
		l, err := newLayout(Options{Scale: scale})
		if err != nil {
			t.Fatal(err)
		}
		for r := rune(0x2500); r <= 0x2570; r++ {
			if dashes(r) > 0 {
				continue
			}
			m := l.shapeOf(r).mask(l.cellW, l.cellH)
			a := armsOf(r)
			for d, k := range a {
				got, partial := litOnEdge(m, d)
				if len(partial) > 0 {
					t.Errorf("scale %d, %c: edge %d partly covered at %v", scale, r, d, partial)
				}
				want := map[int]bool{}
				centre := l.cellW / 2
				if d == left || d == right {
					centre = l.cellH / 2
				}
				for _, s := range edgeBands(l.lines, k, centre) {
					for i := s.lo; i < s.hi; i++ {
						want[i] = true
					}
				}
				if !sameSet(got, want) {
					t.Errorf("scale %d, %c: edge %d lit at %v, want %v", scale, r, d, keys(got), keys(want))
				}
			}
		}
	}
}

// edgeBands are the pixels a line of weight k crosses a cell edge on.
func edgeBands(w lineWidths, k weight, centre int) []span {
	switch k {
	case none:
		return nil
	case double:
		a, b := w.bands(k, centre)
		return []span{a, b}
	}
	return []span{band(centre, w.thickness(k))}
}

// litOnEdge lists the positions along the cell edge in direction d that are fully covered,
// and those partly covered, which would show as a seam.
func litOnEdge(m *image.Alpha, d int) (lit map[int]bool, partial []int) {
	last := m.Bounds().Max.Sub(image.Pt(1, 1))
	n := last.Y + 1
	if d == up || d == down {
		n = last.X + 1
	}
	lit = map[int]bool{}
	for i := range n {
		p := map[int]image.Point{up: {i, 0}, down: {i, last.Y}, left: {0, i}, right: {last.X, i}}[d]
		switch a := m.AlphaAt(p.X, p.Y).A; {
		case a > 0xf0:
			lit[i] = true
		case a > 0x10:
			partial = append(partial, i)
		}
	}
	return lit, partial
}

func BenchmarkPNG(b *testing.B) {
	screen := benchmarkScreen(200, 60)
	o := Options{Width: 200, Height: 60}
	for b.Loop() {
		var buf bytes.Buffer
		if err := PNG(&buf, screen, o); err != nil {
			b.Fatal(err)
		}
	}
}

// benchmarkScreen is a busy full screen: a rounded border, coloured bold headings, bars
// of blocks and plain text.
func benchmarkScreen(width, height int) string {
	var b strings.Builder
	b.WriteString("\x1b[38;5;63m╭" + strings.Repeat("─", width-2) + "╮\x1b[0m\n")
	for y := 1; y < height-1; y++ {
		line := "\x1b[38;5;63m│\x1b[0m"
		switch y % 3 {
		case 0:
			line += "\x1b[1;38;2;250;250;250;48;2;125;86;244m Heading " + strings.Repeat(" ", width-11) + "\x1b[0m"
		case 1:
			line += "\x1b[32m" + strings.Repeat("█", width/2) + "▌\x1b[90m" + strings.Repeat("░", width-width/2-3) + "\x1b[0m"
		default:
			text := strings.Repeat("hashrate 110 TH/s · ", width)
			line += text[:width-2]
		}
		b.WriteString(line + "\x1b[38;5;63m│\x1b[0m\n")
	}
	b.WriteString("\x1b[38;5;63m╰" + strings.Repeat("─", width-2) + "╯\x1b[0m")
	return b.String()
}

func colorAt(img image.Image, x, y int) color.NRGBA {
	return color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
}

func assertRegion(t *testing.T, img image.Image, r image.Rectangle, want color.NRGBA) {
	t.Helper()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if got := colorAt(img, x, y); got != want {
				t.Fatalf("pixel %d,%d is %v, want %v throughout %v", x, y, got, want, r)
			}
		}
	}
}

func countNot(img image.Image, r image.Rectangle, c color.NRGBA) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if colorAt(img, x, y) != c {
				n++
			}
		}
	}
	return n
}

func sameSet(a, b map[int]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

func keys(m map[int]bool) []int {
	var ks []int
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
