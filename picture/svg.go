package picture

import (
	"bufio"
	"cmp"
	"encoding/xml"
	"fmt"
	"image"
	"image/color"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	uv "github.com/charmbracelet/ultraviolet"
)

// fontFamily names the fonts of the PNG, Go Mono and DejaVu Sans Mono for the symbols Go
// Mono lacks, then fonts most systems have: monospace ones for text, and for symbols those
// lack (✎ △ ▸ ◆ ✓ …), Windows', macOS's and Noto's symbol fonts. Viewers take each
// character from the first font in the list that has it.
const fontFamily = "'Go Mono', 'DejaVu Sans Mono', Menlo, Consolas, 'Segoe UI Symbol', 'Apple Symbols', 'Noto Sans Symbols 2', monospace"

// SVG writes the screen as an SVG picture with the same geometry as the PNG of the same
// scale. Text stays text, set in the viewer's monospace font and stretched to the grid so
// columns line up whatever font is used; box drawing and blocks are rectangles.
func SVG(w io.Writer, screen string, o Options) error {
	l, err := newLayout(o)
	if err != nil {
		return err
	}
	buf := parse(screen, l.cols, l.rows)
	var backgrounds, crisp []paint
	var smooth, text strings.Builder
	for y, row := range buf.Lines {
		backgrounds = l.svgBackgrounds(backgrounds, y, row)
		crisp = l.svgShapes(crisp, &smooth, y, row)
		l.svgText(&text, y, row)
	}
	// Backgrounds go first: they are the only rectangles that overlap others.
	var rects strings.Builder
	for _, p := range append(merge(backgrounds), merge(crisp)...) {
		p.write(&rects)
	}
	width, height := l.size()
	out := bufio.NewWriter(w)
	fmt.Fprintf(out, `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="%[1]d" height="%[2]d" viewBox="0 0 %[1]d %[2]d">
<rect width="%[1]d" height="%[2]d" fill="%[3]s"/>
<g shape-rendering="crispEdges">
%[4]s</g>
<g>
%[5]s</g>
<g font-family="%[6]s" font-size="%[7]s">
%[8]s</g>
</svg>
`, width, height, hex(l.bg), rects.String(), smooth.String(), fontFamily, num(l.fontSize), text.String())
	return out.Flush()
}

// svgBackgrounds adds the cells' backgrounds, leaving out the default one that the
// picture's own rectangle already shows.
func (l *layout) svgBackgrounds(ps []paint, y int, row uv.Line) []paint {
	for x, c := range row {
		if _, bg := l.colors(c.Style); bg != l.bg {
			at := l.cellOrigin(x, y)
			ps = append(ps, paint{image.Rect(at.X, at.Y, at.X+l.cellW, at.Y+l.cellH), bg, 1})
		}
	}
	return ps
}

// svgShapes adds the rectangles of characters made of geometry and of underlines, and
// writes the polygons.
func (l *layout) svgShapes(crisp []paint, smooth *strings.Builder, y int, row uv.Line) []paint {
	for x, c := range row {
		if c.Width == 0 {
			continue
		}
		at := l.cellOrigin(x, y)
		fg, _ := l.colors(c.Style)
		if underlined(c.Style) {
			crisp = append(crisp, paint{l.underline(c.Width * l.cellW).Add(at), fg, 1})
		}
		r := glyph(c)
		if !isShape(r) {
			continue
		}
		s := l.shapeOf(r)
		for _, r := range s.rects {
			crisp = append(crisp, paint{r.Add(at), fg, s.opacity})
		}
		for _, polygon := range s.polygons {
			smooth.WriteString(`<polygon points="`)
			for i, p := range polygon {
				if i > 0 {
					smooth.WriteByte(' ')
				}
				smooth.WriteString(num(float64(at.X)+p.X) + "," + num(float64(at.Y)+p.Y))
			}
			fmt.Fprintf(smooth, `" fill="%s"/>`+"\n", hex(fg))
		}
	}
	return crisp
}

// textStyle is what makes two characters belong to different <text> elements.
type textStyle struct {
	fill         color.NRGBA
	bold, italic bool
}

func (l *layout) textStyle(s uv.Style) textStyle {
	fg, _ := l.colors(s)
	return textStyle{fg, s.Attrs&uv.AttrBold != 0, s.Attrs&uv.AttrItalic != 0}
}

// svgText writes a <text> element per run of characters in the same style. Blanks join the
// run around them whatever their style, since they show nothing but background.
func (l *layout) svgText(b *strings.Builder, y int, row uv.Line) {
	isText := func(c uv.Cell) bool { return c.Width > 0 && c.Content != " " && !isShape(glyph(c)) }
	for x := 0; x < len(row); {
		if !isText(row[x]) {
			x++
			continue
		}
		style := l.textStyle(row[x].Style)
		end := x + 1 // one past the run's last character that shows
	extend:
		for next := end; next < len(row); next++ {
			switch c := row[next]; {
			case c.Width == 0:
				if next == end { // the right half of the wide character that ends the run
					end++
				}
			case c.Content == " ":
			case isText(c) && l.textStyle(c.Style) == style:
				end = next + 1
			default:
				break extend
			}
		}
		var chars strings.Builder
		for _, c := range row[x:end] {
			chars.WriteString(c.Content) // combining marks a cluster carries are kept for the viewer
		}
		at := l.cellOrigin(x, y)
		// textLength makes the viewer's font, whatever its advance, fill exactly the run's cells.
		fmt.Fprintf(b, `<text x="%d" y="%d" fill="%s" textLength="%d" lengthAdjust="spacing" xml:space="preserve"`,
			at.X, at.Y+l.baseline, hex(style.fill), (end-x)*l.cellW)
		if style.bold {
			b.WriteString(` font-weight="bold"`)
		}
		if style.italic {
			b.WriteString(` font-style="italic"`)
		}
		b.WriteString(">")
		xml.EscapeText(b, []byte(chars.String()))
		b.WriteString("</text>\n")
		x = end
	}
}

// paint is a rectangle filled with one colour.
type paint struct {
	r       image.Rectangle
	fill    color.NRGBA
	opacity float64
}

func (p paint) write(b *strings.Builder) {
	fmt.Fprintf(b, `<rect x="%d" y="%d" width="%d" height="%d" fill="%s"`, p.r.Min.X, p.r.Min.Y, p.r.Dx(), p.r.Dy(), hex(p.fill))
	if p.opacity < 1 {
		fmt.Fprintf(b, ` fill-opacity="%s"`, num(p.opacity))
	}
	b.WriteString("/>\n")
}

// merge joins rectangles of the same paint that continue each other, first along rows, then
// down columns: a border line or a bar becomes one rectangle instead of one or two per cell.
// That keeps files small and leaves no hairline seams when a viewer scales the picture. The
// rectangles must not overlap others of a different paint, since merging reorders them.
func merge(ps []paint) []paint {
	transpose := func(ps []paint) {
		for i, p := range ps {
			ps[i].r = image.Rect(p.r.Min.Y, p.r.Min.X, p.r.Max.Y, p.r.Max.X)
		}
	}
	ps = mergeAlongRows(ps)
	transpose(ps)
	ps = mergeAlongRows(ps)
	transpose(ps)
	return ps
}

// mergeAlongRows joins rectangles of the same paint and the same vertical extent that touch
// or overlap horizontally.
func mergeAlongRows(ps []paint) []paint {
	slices.SortFunc(ps, func(a, b paint) int {
		return cmp.Or(
			cmp.Compare(packed(a.fill), packed(b.fill)),
			cmp.Compare(a.opacity, b.opacity),
			cmp.Compare(a.r.Min.Y, b.r.Min.Y),
			cmp.Compare(a.r.Max.Y, b.r.Max.Y),
			cmp.Compare(a.r.Min.X, b.r.Min.X),
		)
	})
	var merged []paint
	for _, p := range ps {
		if n := len(merged); n > 0 {
			last := &merged[n-1]
			if last.fill == p.fill && last.opacity == p.opacity &&
				last.r.Min.Y == p.r.Min.Y && last.r.Max.Y == p.r.Max.Y && p.r.Min.X <= last.r.Max.X {
				last.r.Max.X = max(last.r.Max.X, p.r.Max.X)
				continue
			}
		}
		merged = append(merged, p)
	}
	return merged
}

func packed(c color.NRGBA) uint32 {
	return uint32(c.R)<<16 | uint32(c.G)<<8 | uint32(c.B)
}

func hex(c color.NRGBA) string {
	return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)
}

// num formats a coordinate with at most two decimals, plenty at picture resolution.
func num(v float64) string {
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}
