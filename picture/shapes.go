package picture

import (
	"image"
	"math"
)

// shape is a character drawn from geometry instead of the font, in pixels relative to the
// top-left corner of its cell.
type shape struct {
	// rects sit on whole pixels so that lines and bars meet their neighbours without seams.
	rects []image.Rectangle
	// opacity of the rects; below 1 only for the shades ░▒▓, which show the background through.
	opacity float64
	// polygons are filled with anti-aliasing: curves and diagonals.
	polygons [][]point
}

type point struct{ X, Y float64 }

// isShape reports whether r is drawn from geometry rather than from a font: box drawing,
// blocks and braille, which must meet their neighbours exactly.
func isShape(r rune) bool {
	return r >= 0x2500 && r <= 0x259f || r >= 0x2800 && r <= 0x28ff
}

// shapeOf returns the geometry of r, for which isShape is true, in a cell of this layout.
func (l *layout) shapeOf(r rune) shape {
	w, h := l.cellW, l.cellH
	switch {
	case r >= 0x256d && r <= 0x2570:
		return shape{polygons: [][]point{l.lines.arc(armsOf(r), w, h)}}
	case r >= 0x2571 && r <= 0x2573:
		return shape{polygons: diagonals(r, w, h, float64(l.lines.light))}
	case r >= 0x2500 && r <= 0x257f && dashes(r) > 0:
		return shape{rects: l.lines.dashedRects(armsOf(r), dashes(r), w, h), opacity: 1}
	case r >= 0x2500 && r <= 0x257f:
		return shape{rects: l.lines.boxRects(armsOf(r), w, h), opacity: 1}
	case r >= 0x2580 && r <= 0x259f:
		return blockShape(r, w, h)
	}
	return shape{rects: brailleRects(r, w, h), opacity: 1}
}

// quadrants are the blocks ▖▗▘▙▚▛▜▝▞▟ (U+2596–U+259F) as sets of quarters: 1 upper
// left, 2 upper right, 4 lower left, 8 lower right.
var quadrants = [...]uint8{4, 8, 1, 13, 9, 7, 11, 2, 6, 14}

// blockShape draws the block elements U+2580–U+259F, which are made of eighths of a cell.
func blockShape(r rune, w, h int) shape {
	eighths := func(x0, y0, x1, y1 int) []image.Rectangle {
		return []image.Rectangle{image.Rect(x0*w/8, y0*h/8, x1*w/8, y1*h/8)}
	}
	solid := func(rects []image.Rectangle) shape { return shape{rects: rects, opacity: 1} }
	switch {
	case r == 0x2580: // ▀
		return solid(eighths(0, 0, 8, 4))
	case r <= 0x2588: // ▁▂▃▄▅▆▇█ rise in eighths from the bottom
		return solid(eighths(0, 8-int(r-0x2580), 8, 8))
	case r <= 0x258f: // ▉▊▋▌▍▎▏ shrink in eighths from the left
		return solid(eighths(0, 0, int(0x2590-r), 8))
	case r == 0x2590: // ▐
		return solid(eighths(4, 0, 8, 8))
	case r <= 0x2593: // ░▒▓ cover a quarter, half, three quarters
		return shape{rects: eighths(0, 0, 8, 8), opacity: float64(r-0x2590) / 4}
	case r == 0x2594: // ▔
		return solid(eighths(0, 0, 8, 1))
	case r == 0x2595: // ▕
		return solid(eighths(7, 0, 8, 8))
	}
	var rects []image.Rectangle
	q := quadrants[r-0x2596]
	for i, quarter := range [4][4]int{{0, 0, 4, 4}, {4, 0, 8, 4}, {0, 4, 4, 8}, {4, 4, 8, 8}} {
		if q&(1<<i) != 0 {
			rects = append(rects, eighths(quarter[0], quarter[1], quarter[2], quarter[3])...)
		}
	}
	return solid(rects)
}

// brailleDots gives the column and row of each dot of a braille pattern (U+2800–U+28FF),
// in the order of the bits of r-0x2800.
var brailleDots = [8][2]int{{0, 0}, {0, 1}, {0, 2}, {1, 0}, {1, 1}, {1, 2}, {0, 3}, {1, 3}}

// brailleRects draws braille patterns as square dots on a 2×4 raster, which charts use as
// pixels; fonts that have them at all often do not line them up across cells.
func brailleRects(r rune, w, h int) []image.Rectangle {
	size := max(1, (w+2)/4)
	var rects []image.Rectangle
	for i, dot := range brailleDots {
		if (r-0x2800)&(1<<i) == 0 {
			continue
		}
		x, y := (2*dot[0]+1)*w/4-size/2, (2*dot[1]+1)*h/8-size/2
		rects = append(rects, image.Rect(x, y, x+size, y+size))
	}
	return rects
}

// arc draws the rounded corners ╭╮╯╰: a quarter circle joining the centre lines of its two
// arms, which meet the straight lines of the neighbouring cells exactly.
func (w lineWidths) arc(a arms, cellW, cellH int) []point {
	t := float64(w.light)
	// The centre lines of the arms: the middle of the pixels a straight line covers.
	x := float64(band(cellW/2, w.light).lo) + t/2
	y := float64(band(cellH/2, w.light).lo) + t/2
	dirX, edgeX := 1.0, float64(cellW)
	if a[left] != none {
		dirX, edgeX = -1, 0
	}
	dirY, edgeY := 1.0, float64(cellH)
	if a[up] != none {
		dirY, edgeY = -1, 0
	}
	radius := min(math.Abs(edgeX-x), math.Abs(edgeY-y))
	centreX, centreY := x+dirX*radius, y+dirY*radius
	// ring is one side of the stroke: along the vertical arm, round the corner at distance
	// r from the arc's centre, out along the horizontal arm.
	ring := func(r float64) []point {
		pts := []point{{centreX - dirX*r, edgeY}}
		const steps = 12
		for i := range steps + 1 {
			angle := float64(i) / steps * math.Pi / 2
			pts = append(pts, point{centreX - dirX*r*math.Cos(angle), centreY - dirY*r*math.Sin(angle)})
		}
		return append(pts, point{edgeX, centreY - dirY*r})
	}
	outer, inner := ring(radius+t/2), ring(radius-t/2)
	for i := len(inner) - 1; i >= 0; i-- {
		outer = append(outer, inner[i])
	}
	return outer
}

// diagonals draws ╱ ╲ ╳ from corner to corner, so they continue into diagonal neighbours.
func diagonals(r rune, w, h int, width float64) [][]point {
	fw, fh := float64(w), float64(h)
	rising := stroke(point{0, fh}, point{fw, 0}, width, 0)
	falling := stroke(point{0, 0}, point{fw, fh}, width, 0)
	switch r {
	case '╱':
		return [][]point{rising}
	case '╲':
		return [][]point{falling}
	}
	return [][]point{rising, falling}
}

// stroke is the outline of a straight line from a to b, width wide, extended by extend
// beyond both ends. All strokes wind the same way, so overlapping ones add up instead of
// cancelling out when filled.
func stroke(a, b point, width, extend float64) []point {
	dx, dy := b.X-a.X, b.Y-a.Y
	length := math.Hypot(dx, dy)
	ux, uy := dx/length, dy/length // along the line
	nx, ny := -uy*width/2, ux*width/2
	a = point{a.X - ux*extend, a.Y - uy*extend}
	b = point{b.X + ux*extend, b.Y + uy*extend}
	return []point{{a.X + nx, a.Y + ny}, {b.X + nx, b.Y + ny}, {b.X - nx, b.Y - ny}, {a.X - nx, a.Y - ny}}
}
