package picture

import (
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"

	uv "github.com/charmbracelet/ultraviolet"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// PNG writes the screen as a PNG picture of o.Width×o.Height cells plus a one-cell margin.
func PNG(w io.Writer, screen string, o Options) error {
	l, err := newLayout(o)
	if err != nil {
		return err
	}
	return png.Encode(w, l.paint(parse(screen, l.cols, l.rows)))
}

// paint draws all backgrounds first, then everything on them, so that a glyph reaching into
// the next cell (italics, wide characters) is not covered by that cell's background.
func (l *layout) paint(buf *uv.Buffer) *image.RGBA {
	width, height := l.size()
	img := image.NewRGBA(image.Rect(0, 0, width, height))
	fill(img, img.Bounds(), l.bg)
	for y, row := range buf.Lines {
		for x, c := range row {
			if _, bg := l.colors(c.Style); bg != l.bg {
				at := l.cellOrigin(x, y)
				fill(img, image.Rect(at.X, at.Y, at.X+l.cellW, at.Y+l.cellH), bg)
			}
		}
	}
	// Every cell with the same character and face looks the same, so each is rasterised once.
	type maskKey struct {
		r     rune
		face  int
		cells int
	}
	masks := map[maskKey]*image.Alpha{}
	for y, row := range buf.Lines {
		for x, c := range row {
			if c.Width == 0 {
				continue // the right half of a wide character, drawn with its left half
			}
			at := l.cellOrigin(x, y)
			fg, _ := l.colors(c.Style)
			if r := glyph(c); r != ' ' {
				key := maskKey{r, faceIndex(c.Style), c.Width}
				m, ok := masks[key]
				if !ok {
					m = l.mask(key.r, key.face, key.cells)
					masks[key] = m
				}
				draw.DrawMask(img, m.Rect.Add(at), image.NewUniform(fg), image.Point{}, m, m.Rect.Min, draw.Over)
			}
			if underlined(c.Style) {
				fill(img, l.underline(c.Width*l.cellW).Add(at), fg)
			}
		}
	}
	return img
}

// mask is the coverage of character r, cells wide, in cell coordinates.
func (l *layout) mask(r rune, face, cells int) *image.Alpha {
	if isShape(r) {
		return l.shapeOf(r).mask(l.cellW, l.cellH)
	}
	f := l.faceFor(r, face)
	if f == nil {
		return l.missingGlyph(cells)
	}
	dr, glyph, glyphAt, _, ok := f.Glyph(fixed.P(0, l.baseline), r)
	if !ok {
		return l.missingGlyph(cells)
	}
	// The face reuses its mask buffer on the next call, so keep a copy.
	m := image.NewAlpha(dr)
	draw.Draw(m, dr, glyph, glyphAt, draw.Src)
	return m
}

// missingGlyph is the empty box that stands in for characters neither font has, like the
// "tofu" of a terminal without a suitable font.
func (l *layout) missingGlyph(cells int) *image.Alpha {
	inset := max(1, l.cellW/6)
	box := image.Rect(inset, l.cellH/5, cells*l.cellW-inset, l.baseline)
	t := l.lines.light
	m := image.NewAlpha(image.Rect(0, 0, cells*l.cellW, l.cellH))
	for _, side := range []image.Rectangle{
		image.Rect(box.Min.X, box.Min.Y, box.Max.X, box.Min.Y+t),
		image.Rect(box.Min.X, box.Max.Y-t, box.Max.X, box.Max.Y),
		image.Rect(box.Min.X, box.Min.Y, box.Min.X+t, box.Max.Y),
		image.Rect(box.Max.X-t, box.Min.Y, box.Max.X, box.Max.Y),
	} {
		draw.Draw(m, side, image.Opaque, image.Point{}, draw.Src)
	}
	return m
}

// mask rasterises the shape into a cell-sized coverage mask.
func (s shape) mask(w, h int) *image.Alpha {
	m := image.NewAlpha(image.Rect(0, 0, w, h))
	coverage := image.NewUniform(color.Alpha{uint8(math.Round(s.opacity * 0xff))})
	for _, r := range s.rects {
		draw.Draw(m, r, coverage, image.Point{}, draw.Src)
	}
	if len(s.polygons) > 0 {
		z := vector.NewRasterizer(w, h)
		z.DrawOp = draw.Over // keep the rectangles drawn above
		for _, polygon := range s.polygons {
			z.MoveTo(float32(polygon[0].X), float32(polygon[0].Y))
			for _, p := range polygon[1:] {
				z.LineTo(float32(p.X), float32(p.Y))
			}
			z.ClosePath()
		}
		z.Draw(m, m.Bounds(), image.Opaque, image.Point{})
	}
	return m
}

func fill(img *image.RGBA, r image.Rectangle, c color.NRGBA) {
	draw.Draw(img, r, image.NewUniform(c), image.Point{}, draw.Src)
}
