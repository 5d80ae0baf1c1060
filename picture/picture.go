// Package picture renders a terminal screen — the exact string a TUI prints, escape
// sequences included — as a PNG or SVG picture, for screenshots on slides without an
// external program.
//
// Text is set in Go Mono; symbols it lacks (✎ △ ▸ ◆ ✓ ✗ …) come from an embedded subset
// of DejaVu Sans Mono. Box-drawing characters (U+2500–U+257F), block elements
// (U+2580–U+259F) and braille patterns are drawn as geometry instead, so borders join
// without gaps and bars are solid. Characters neither font has (CJK, emoji) appear as an
// empty box in the PNG; the SVG leaves them to the viewer's fonts.
package picture

import (
	_ "embed"
	"fmt"
	"image"
	"image/color"
	"math"
	"sync"
	"unicode/utf8"

	uv "github.com/charmbracelet/ultraviolet"
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

// symbolsTTF is DejaVu Sans Mono cut down to punctuation, arrows, mathematical and
// technical signs, geometric shapes, symbols and dingbats: the characters TUIs use that Go
// Mono lacks. fonts/LICENSE says how it was made and under which terms.
//
//go:embed fonts/DejaVuSansMono-Symbols.ttf
var symbolsTTF string

// typefaces are the parsed fonts: Go Mono regular, bold, italic and bold italic in the
// order of faceIndex, then the symbols that stand in for what Go Mono lacks in any style.
type typefaces struct {
	mono    [4]*opentype.Font
	symbols *opentype.Font
}

var parsedFonts = sync.OnceValues(func() (typefaces, error) {
	var t typefaces
	for i, ttf := range [][]byte{gomono.TTF, gomonobold.TTF, gomonoitalic.TTF, gomonobolditalic.TTF} {
		f, err := opentype.Parse(ttf)
		if err != nil {
			return t, fmt.Errorf("picture: parse Go Mono: %w", err)
		}
		t.mono[i] = f
	}
	f, err := opentype.Parse([]byte(symbolsTTF))
	if err != nil {
		return t, fmt.Errorf("picture: parse the symbols font: %w", err)
	}
	t.symbols = f
	return t, nil
})

// layout is everything about a picture that does not depend on the text in it.
type layout struct {
	cols, rows   int
	cellW, cellH int
	baseline     int // distance from the top of a cell to the text baseline
	fontSize     float64
	fonts        typefaces
	faces        [4]font.Face // Go Mono, in the order of faceIndex
	symbols      font.Face
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
	fonts, err := parsedFonts()
	if err != nil {
		return nil, err
	}
	l := &layout{
		fonts:    fonts,
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
	// Full hinting snaps stems to whole pixels, which keeps small text crisp.
	faceOptions := &opentype.FaceOptions{Size: l.fontSize, DPI: 72, Hinting: font.HintingFull}
	for i, f := range fonts.mono {
		if l.faces[i], err = opentype.NewFace(f, faceOptions); err != nil {
			return nil, fmt.Errorf("picture: Go Mono face: %w", err)
		}
	}
	if l.symbols, err = opentype.NewFace(fonts.symbols, faceOptions); err != nil {
		return nil, fmt.Errorf("picture: symbols face: %w", err)
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
func (l *layout) colors(s uv.Style) (fg, bg color.NRGBA) {
	fg, bg = l.fg, l.bg
	if s.Fg != nil {
		fg = paletteColor(s.Fg)
	}
	if s.Bg != nil {
		bg = paletteColor(s.Bg)
	}
	if s.Attrs&uv.AttrReverse != 0 {
		fg, bg = bg, fg
	}
	if s.Attrs&uv.AttrFaint != 0 {
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
func faceIndex(s uv.Style) int {
	i := 0
	if s.Attrs&uv.AttrBold != 0 {
		i |= 1
	}
	if s.Attrs&uv.AttrItalic != 0 {
		i |= 2
	}
	return i
}

// underlined reports whether a style draws a line under the text. Double, curly, dotted
// and dashed underlines are drawn as a single one.
func underlined(s uv.Style) bool {
	return s.Underline != uv.UnderlineNone
}

// glyph is the character a cell shows: the first of its grapheme cluster, since the
// pictures draw no combining marks.
func glyph(c uv.Cell) rune {
	r, _ := utf8.DecodeRuneInString(c.Content)
	return r
}

// faceFor is the face that draws r in the style's face: Go Mono if it has r, else the
// symbols in their one style, else nil. Fonts map a character they lack to glyph 0, their
// own "missing" sign, which would look different in every font.
func (l *layout) faceFor(r rune, face int) font.Face {
	if i, err := l.fonts.mono[face].GlyphIndex(nil, r); err == nil && i != 0 {
		return l.faces[face]
	}
	if i, err := l.fonts.symbols.GlyphIndex(nil, r); err == nil && i != 0 {
		return l.symbols
	}
	return nil
}
