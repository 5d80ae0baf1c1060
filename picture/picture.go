// Package picture renders a terminal screen — the exact string a TUI prints, escape
// sequences included — as a PNG or SVG picture, for screenshots on slides without an
// external program.
//
// Text is set in Go Mono. Box-drawing characters (U+2500–U+257F), block elements
// (U+2580–U+259F), braille patterns and a few symbols the font lacks (▶ ▸ ▴ ✓ ✗ …) are
// drawn as geometry instead, so borders join without gaps and bars are solid. Characters
// Go Mono does not have (CJK, emoji) appear as an empty box in the PNG; the SVG leaves them
// to the viewer's fonts.
package picture

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/gomonobold"
	"golang.org/x/image/font/gofont/gomonobolditalic"
	"golang.org/x/image/font/gofont/gomonoitalic"
	"golang.org/x/image/font/opentype"
)

// Options describe the picture around the text.
type Options struct {
	// Width and Height are the grid size in cells. Text beyond it is clipped; missing
	// lines are blank.
	Width, Height int
	// Foreground and Background are used where the text sets no colour; nil means light
	// grey on near-black. Transparency is ignored.
	Foreground, Background color.Color
	// Scale is 1, or 2 for pictures that stay crisp on high-DPI slides; 0 means 2. The SVG
	// uses the same geometry as the PNG of the same scale.
	Scale int
}

const (
	fontSizeAtScale1 = 14 // pixels
	// maxPixels (256 MiB as RGBA) bounds the picture so that an absurd grid size fails
	// instead of exhausting memory; 400×150 cells at scale 2 need about half of it.
	maxPixels = 1 << 26
)

// goMono holds Go Mono regular, bold, italic and bold italic, in the order of faceIndex.
var goMono = sync.OnceValues(func() ([4]*opentype.Font, error) {
	var fonts [4]*opentype.Font
	for i, ttf := range [][]byte{gomono.TTF, gomonobold.TTF, gomonoitalic.TTF, gomonobolditalic.TTF} {
		f, err := opentype.Parse(ttf)
		if err != nil {
			return fonts, fmt.Errorf("picture: parse Go Mono: %w", err)
		}
		fonts[i] = f
	}
	return fonts, nil
})

// layout is everything about a picture that does not depend on the text in it.
type layout struct {
	cols, rows   int
	cellW, cellH int
	baseline     int // distance from the top of a cell to the text baseline
	fontSize     float64
	faces        [4]font.Face // in the order of faceIndex
	lines        lineWidths
	fg, bg       color.NRGBA
}

func newLayout(o Options) (*layout, error) {
	scale := o.Scale
	if scale == 0 {
		scale = 2
	}
	if scale != 1 && scale != 2 {
		return nil, fmt.Errorf("picture: scale %d: want 1 or 2", o.Scale)
	}
	fonts, err := goMono()
	if err != nil {
		return nil, err
	}
	l := &layout{
		cols:     min(max(o.Width, 0), maxGridSide),
		rows:     min(max(o.Height, 0), maxGridSide),
		fontSize: float64(fontSizeAtScale1 * scale),
		fg:       defaultForeground,
		bg:       defaultBackground,
	}
	if o.Foreground != nil {
		l.fg = opaque(o.Foreground)
	}
	if o.Background != nil {
		l.bg = opaque(o.Background)
	}
	for i, f := range fonts {
		// Full hinting snaps stems to whole pixels, which keeps small text crisp.
		l.faces[i], err = opentype.NewFace(f, &opentype.FaceOptions{Size: l.fontSize, DPI: 72, Hinting: font.HintingFull})
		if err != nil {
			return nil, fmt.Errorf("picture: Go Mono face: %w", err)
		}
	}
	m := l.faces[0].Metrics()
	advance, _ := l.faces[0].GlyphAdvance('M')
	l.cellW = advance.Round()
	// Ascent plus descent is tight for a terminal; like most terminals, use at least 1.2
	// times the font size and split the extra space above and below the text.
	textH := (m.Ascent + m.Descent).Round()
	l.cellH = max(textH, int(math.Round(1.2*l.fontSize)))
	l.baseline = m.Ascent.Round() + (l.cellH-textH)/2
	l.lines = newLineWidths(l.cellW)
	if w, h := l.size(); w*h > maxPixels {
		return nil, fmt.Errorf("picture: %d×%d cells make a %d×%d picture, too large", l.cols, l.rows, w, h)
	}
	return l, nil
}

// size is the picture's size in pixels: the grid plus a margin of one cell all round, so it
// looks like a window capture.
func (l *layout) size() (width, height int) {
	return (l.cols + 2) * l.cellW, (l.rows + 2) * l.cellH
}

// cellOrigin is the top-left pixel of the cell in column x, row y.
func (l *layout) cellOrigin(x, y int) image.Point {
	return image.Pt((x+1)*l.cellW, (y+1)*l.cellH)
}

// colors resolves a style to the colours actually drawn.
func (l *layout) colors(s Style) (fg, bg color.NRGBA) {
	fg, bg = l.fg, l.bg
	if s.Fg != nil {
		fg = opaque(s.Fg)
	}
	if s.Bg != nil {
		bg = opaque(s.Bg)
	}
	if s.Reverse {
		fg, bg = bg, fg
	}
	if s.Faint {
		fg = mixHalf(fg, bg)
	}
	return fg, bg
}

// underline is the underline's rectangle within a cell span of the given width.
func (l *layout) underline(width int) image.Rectangle {
	y := l.baseline + max(1, l.lines.light)
	return image.Rect(0, y, width, y+l.lines.light)
}

// faceIndex picks the Go Mono face for a style.
func faceIndex(s Style) int {
	i := 0
	if s.Bold {
		i |= 1
	}
	if s.Italic {
		i |= 2
	}
	return i
}
