package picture

import (
	"image"
	"math"
	"strings"
)

// Box-drawing characters (U+2500–U+257F) are drawn as rectangles on whole pixels, at the
// same place in every cell, so a line continues exactly into its neighbours.

// lineWidths are the stroke sizes of box-drawing lines, in pixels.
type lineWidths struct {
	light, heavy int
	// gap is how far each stroke of a double line sits from the centre line.
	gap int
}

func newLineWidths(cellW int) lineWidths {
	light := max(1, int(math.Round(float64(cellW)/8)))
	return lineWidths{
		light: light,
		// Same parity as light, so both kinds of line share a centre.
		heavy: 2*light + light%2,
		gap:   light,
	}
}

// weight is the kind of line in one arm of a box-drawing character.
type weight byte

const (
	none weight = iota
	light
	heavy
	double
)

// arms are the lines from a cell's centre to its edges, indexed by direction.
type arms [4]weight

const (
	up = iota
	right
	down
	left
)

// boxArms lists the arms of U+2500–U+257F, four letters each in the order up, right, down,
// left: - none, L light, H heavy, D double. Dashed lines appear as solid ones here (dashes
// says how to cut them), arcs as square corners (drawn rounded by arc), diagonals as
// nothing. The table was generated from the Unicode character names.
const boxArms = "" +
	"-L-L-H-HL-L-H-H--L-L-H-HL-L-H-H-" + // ─━│┃┄┅┆┇
	"-L-L-H-HL-L-H-H--LL--HL--LH--HH-" + // ┈┉┊┋┌┍┎┏
	"--LL--LH--HL--HHLL--LH--HL--HH--" + // ┐┑┒┓└┕┖┗
	"L--LL--HH--LH--HLLL-LHL-HLL-LLH-" + // ┘┙┚┛├┝┞┟
	"HLH-HHL-LHH-HHH-L-LLL-LHH-LLL-HL" + // ┠┡┢┣┤┥┦┧
	"H-HLH-LHL-HHH-HH-LLL-LLH-HLL-HLH" + // ┨┩┪┫┬┭┮┯
	"-LHL-LHH-HHL-HHHLL-LLL-HLH-LLH-H" + // ┰┱┲┳┴┵┶┷
	"HL-LHL-HHH-LHH-HLLLLLLLHLHLLLHLH" + // ┸┹┺┻┼┽┾┿
	"HLLLLLHLHLHLHLLHHHLLLLHHLHHLHHLH" + // ╀╁╂╃╄╅╆╇
	"LHHHHLHHHHHLHHHH-L-L-H-HL-L-H-H-" + // ╈╉╊╋╌╍╎╏
	"-D-DD-D--DL--LD--DD---LD--DL--DD" + // ═║╒╓╔╕╖╗
	"LD--DL--DD--L--DD--LD--DLDL-DLD-" + // ╘╙╚╛╜╝╞╟
	"DDD-L-LDD-DLD-DD-DLD-LDL-DDDLD-D" + // ╠╡╢╣╤╥╦╧
	"DL-LDD-DLDLDDLDLDDDD-LL---LLL--L" + // ╨╩╪╫╬╭╮╯
	"LL-----------------LL----L----L-" + // ╰╱╲╳╴╵╶╷
	"---HH----H----H--H-LL-H--L-HH-L-" + // ╸╹╺╻╼╽╾╿
	""

func armsOf(r rune) arms {
	code := boxArms[(r-0x2500)*4:][:4]
	var a arms
	for d := range a {
		a[d] = weight(strings.IndexByte("-LHD", code[d]))
	}
	return a
}

// dashes is how many dashes the dashed lines ┄ ┈ ╌ and their relatives have; 0 for solid.
func dashes(r rune) int {
	switch {
	case r >= 0x2504 && r <= 0x2507:
		return 3
	case r >= 0x2508 && r <= 0x250b:
		return 4
	case r >= 0x254c && r <= 0x254f:
		return 2
	}
	return 0
}

// span is a half-open interval of pixels [lo, hi).
type span struct{ lo, hi int }

// band is the span of a stroke of thickness t centred on c. Every stroke of the same
// thickness lands on the same pixels, whichever cell it is in.
func band(c, t int) span { return span{c - t/2, c - t/2 + t} }

func (w lineWidths) thickness(k weight) int {
	if k == heavy {
		return w.heavy
	}
	return w.light
}

// bands are the spans across a line of weight k centred on c: the two strokes of a double
// line, or the single stroke twice; lower coordinates first.
func (w lineWidths) bands(k weight, c int) (span, span) {
	if k == double {
		return band(c-w.gap, w.light), band(c+w.gap, w.light)
	}
	b := band(c, w.thickness(k))
	return b, b
}

// boxRects draws the arms a in a cell of cellW×cellH pixels.
//
// Each arm runs from its edge towards the centre. How far it reaches decides whether
// corners close and crossings look right: a line continuing on the other side stops at the
// centre; an arm meeting a perpendicular line covers it, except that at a tee onto a double
// line it stops at the nearer stroke; each stroke of a double arm stops at a line on its own
// side, or, on the outside of a corner, runs to the far side of the perpendicular line.
func (w lineWidths) boxRects(a arms, cellW, cellH int) []image.Rectangle {
	var rects []image.Rectangle
	for d, k := range a {
		if k == none {
			continue
		}
		vertical := d == up || d == down
		length, centre, across, lowSide, highSide := cellW, cellW/2, cellH/2, up, down
		if vertical {
			length, centre, across, lowSide, highSide = cellH, cellH/2, cellW/2, left, right
		}
		fromLow := d == up || d == left // the arm starts at coordinate 0
		opposite := a[(d+2)%4]
		place := func(end, stroke span) {
			along := span{end.lo, length}
			if fromLow {
				along = span{0, end.hi}
			}
			if vertical {
				rects = append(rects, image.Rect(stroke.lo, along.lo, stroke.hi, along.hi))
			} else {
				rects = append(rects, image.Rect(along.lo, stroke.lo, along.hi, stroke.hi))
			}
		}
		// nearFar orders the bands of the line of weight k through the centre as the arm meets them.
		nearFar := func(k weight) (near, far span) {
			first, second := w.bands(k, centre)
			if fromLow {
				return first, second
			}
			return second, first
		}
		through := span{centre, centre}

		if k != double {
			stroke := band(across, w.thickness(k))
			perpendicular := max(a[lowSide], a[highSide])
			switch near, far := nearFar(perpendicular); {
			case opposite != none:
				place(through, stroke)
			case perpendicular == none:
				place(band(centre, w.thickness(k)), stroke)
			case perpendicular == double && a[lowSide] != none && a[highSide] != none:
				place(near, stroke)
			default:
				place(far, stroke)
			}
			continue
		}
		strokeEnd := func(side, otherSide weight) span {
			switch {
			case side != none:
				near, _ := nearFar(side)
				return near
			case opposite != none:
				return through
			case otherSide != none:
				_, far := nearFar(otherSide)
				return far
			}
			return through
		}
		place(strokeEnd(a[lowSide], a[highSide]), band(across-w.gap, w.light))
		place(strokeEnd(a[highSide], a[lowSide]), band(across+w.gap, w.light))
	}
	return rects
}

// dashedRects cuts the line of a dashed character into n dashes with gaps between them,
// the gap split over both ends so the pattern repeats evenly from cell to cell.
func (w lineWidths) dashedRects(a arms, n, cellW, cellH int) []image.Rectangle {
	vertical := a[up] != none
	length, centre, k := cellW, cellH/2, a[right]
	if vertical {
		length, centre, k = cellH, cellW/2, a[up]
	}
	stroke := band(centre, w.thickness(k))
	var rects []image.Rectangle
	for i := range n {
		lo, hi := i*length/n, (i+1)*length/n
		gap := max(1, (hi-lo)/3)
		lo, hi = lo+gap/2, hi-(gap-gap/2)
		if vertical {
			rects = append(rects, image.Rect(stroke.lo, lo, stroke.hi, hi))
		} else {
			rects = append(rects, image.Rect(lo, stroke.lo, hi, stroke.hi))
		}
	}
	return rects
}
