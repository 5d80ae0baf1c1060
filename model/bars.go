package model

import (
	"math"
	"strings"
)

// Every chart draws its bars and curves here, so they share one resolution: horizontal
// bars in eighths of a cell, curves in braille dots, two across and four down a cell.

// eighthBlocks are the left-aligned partial blocks, one to seven eighths of a cell wide.
var eighthBlocks = []rune("▏▎▍▌▋▊▉")

// Reverse video on and off, and nothing else: a bar's far end drawn reversed shows the bar's
// colour on the right of its cell whatever colours surround it, the selection's included.
const reverseOn, reverseOff = "\x1b[7m", "\x1b[27m"

// eighthsOf is share×width cells in eighths, the share kept to 0…1; NaN is nothing.
func eighthsOf(share float64, width int) int {
	if !(share > 0) || width <= 0 {
		return 0
	}
	return int(math.Min(1, share)*float64(width)*8 + 0.5)
}

// bar is a horizontal bar of share×width cells growing rightwards, in eighths.
func bar(share float64, width int) string {
	n := eighthsOf(share, width)
	out := strings.Repeat("█", n/8)
	if n%8 > 0 {
		out += string(eighthBlocks[n%8-1])
	}
	return out
}

// barLeft is a bar of share×width cells growing leftwards, in eighths, and the cells it
// takes: its far end is the empty part of a cell drawn in reverse video.
func barLeft(share float64, width int) (string, int) {
	n := eighthsOf(share, width)
	full := strings.Repeat("█", n/8)
	if n%8 == 0 {
		return full, n / 8
	}
	return reverseOn + string(eighthBlocks[8-n%8-1]) + reverseOff + full, n/8 + 1
}

// axisBar draws v on an axis running from lo (at most 0) to hi (at least 0) across width
// cells: the axis takes one column, losses grow leftwards from it in the loss tone and gains
// rightwards in the gain tone. It is always width cells.
func axisBar(v, lo, hi float64, width int, loss, gain, axis sgr) string {
	lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	if width < 1 || math.IsNaN(lo) || math.IsNaN(hi) {
		return strings.Repeat(" ", max(0, width))
	}
	left := 0
	if hi-lo > 0 {
		left = int(math.Round(-lo / (hi - lo) * float64(width-1)))
	}
	right := width - 1 - left
	var b strings.Builder
	if v < 0 && lo < 0 {
		text, used := barLeft(v/lo, left)
		b.WriteString(strings.Repeat(" ", left-used) + loss.wrap(text))
	} else {
		b.WriteString(strings.Repeat(" ", left))
	}
	b.WriteString(axis.wrap("│"))
	if v > 0 && hi > 0 {
		text := bar(v/hi, right)
		b.WriteString(gain.wrap(text) + strings.Repeat(" ", right-cells(text)))
	} else {
		b.WriteString(strings.Repeat(" ", right))
	}
	return b.String()
}

// stackedBar splits width cells between parts in proportion, in eighths: a cell two parts
// share shows the first's eighths in its tone on the next's colour (edges[i] joins part i
// to part i+1).
func stackedBar(values []float64, width int, tones, edges []sgr) string {
	total := 0.0
	for _, v := range values {
		total += math.Max(0, v)
	}
	if !(total > 0) || width <= 0 {
		return ""
	}
	var b strings.Builder
	at, cum := 0, 0.0 // eighths drawn, and the value they stand for
	for i, v := range values {
		cum += math.Max(0, v)
		end := int(cum/total*float64(width*8) + 0.5)
		if i == len(values)-1 {
			end = width * 8
		}
		if end <= at {
			continue
		}
		if at%8 > 0 { // this part finishes the cell the previous one began
			at += 8 - at%8
		}
		full := max(0, end/8-at/8)
		b.WriteString(tones[i].wrap(strings.Repeat("█", full)))
		at += full * 8
		if rest := end - at; rest > 0 && i < len(values)-1 {
			b.WriteString(edges[i].wrap(string(eighthBlocks[rest-1])))
			at = end
		}
	}
	return b.String()
}

// brailleBits are the dots of a braille cell by column and row.
var brailleBits = [2][4]uint8{{0x01, 0x02, 0x04, 0x40}, {0x08, 0x10, 0x20, 0x80}}

// braille is a plot of cells each two dots wide and four tall. Curves are drawn over guides
// (axes, markers): a cell a curve passes through shows the curve alone, in the colour of the
// first series drawn there.
type braille struct {
	w, h           int
	curve, guide   []uint8
	series, guides []int8 // the series colouring each cell, -1 for none
}

func newBraille(width, height int) *braille {
	n := max(0, width) * max(0, height)
	c := &braille{w: max(0, width), h: max(0, height), curve: make([]uint8, n), guide: make([]uint8, n),
		series: make([]int8, n), guides: make([]int8, n)}
	for i := range c.series {
		c.series[i], c.guides[i] = -1, -1
	}
	return c
}

// dots are the plot's size in dots.
func (c *braille) dots() (int, int) { return 2 * c.w, 4 * c.h }

func (c *braille) dot(x, y int, series int, guide bool) {
	if x < 0 || y < 0 || x >= 2*c.w || y >= 4*c.h {
		return
	}
	i := y/4*c.w + x/2
	bits, owner := c.curve, c.series
	if guide {
		bits, owner = c.guide, c.guides
	}
	bits[i] |= brailleBits[x%2][y%4]
	if owner[i] < 0 {
		owner[i] = int8(series)
	}
}

// line joins two dots with a straight line of dots; ends off the plot are brought to its
// edge, so a wild figure cannot make the line long.
func (c *braille) line(x0, y0, x1, y1 int, series int, guide bool) {
	w, h := 2*c.w, 4*c.h
	x0, x1 = max(-1, min(w, x0)), max(-1, min(w, x1))
	y0, y1 = max(-1, min(h, y0)), max(-1, min(h, y1))
	dx, dy := abs(x1-x0), -abs(y1-y0)
	sx, sy := sign(x1-x0), sign(y1-y0)
	e := dx + dy
	for {
		c.dot(x0, y0, series, guide)
		if x0 == x1 && y0 == y1 {
			return
		}
		e2 := 2 * e
		if e2 >= dy {
			e += dy
			x0 += sx
		}
		if e2 <= dx {
			e += dx
			y0 += sy
		}
	}
}

// rows draws the plot, each series in its tone; guide tones colour the guides.
func (c *braille) rows(tones, guideTones []sgr) []string {
	out := make([]string, c.h)
	for y := range c.h {
		var b strings.Builder
		open, openID := sgr{}, -1 // the tone the line is in: a series, 100 + a guide, or none
		for x := range c.w {
			i := y*c.w + x
			bits, tone, id := c.curve[i], sgr{}, -1
			switch {
			case bits != 0:
				tone, id = tones[c.series[i]], int(c.series[i])
			case c.guide[i] != 0:
				bits, tone, id = c.guide[i], guideTones[c.guides[i]], 100+int(c.guides[i])
			}
			if id != openID {
				b.WriteString(open.post + tone.pre)
				open, openID = tone, id
			}
			if bits == 0 {
				b.WriteByte(' ')
				continue
			}
			b.WriteRune(rune(0x2800 + int(bits)))
		}
		b.WriteString(open.post)
		out[y] = b.String()
	}
	return out
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func sign(n int) int {
	switch {
	case n > 0:
		return 1
	case n < 0:
		return -1
	}
	return 0
}
