package picture

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Grids are clamped to this many columns and rows: no terminal is larger, and the limit
// keeps a wrong size from exhausting memory.
const maxGridSide = 1000

// tabWidth is the distance between the tab stops terminals start with.
const tabWidth = 8

// Cell is one character cell of the screen.
type Cell struct {
	// Rune is the character shown; ' ' for a blank cell. A wide character (East Asian,
	// emoji) fills two cells: it sits in the left one and the right one has Rune 0. Only
	// the first rune of a grapheme cluster is kept, so combining marks are dropped.
	Rune rune
	Style
}

// Grid is a screen parsed into cells.
type Grid struct {
	Width, Height int
	Rows          [][]Cell // Rows[y][x]; always Height rows of Width cells
}

// Parse lays out the text a terminal program prints on a width×height grid of cells, the
// way a terminal would: lines end at "\n", "\r" returns to the start of the line, tabs
// advance to the next multiple of 8, SGR sequences set colours and attributes, and all
// other escape and control sequences are ignored. Text beyond the grid is clipped (a wide
// character that does not fit whole is dropped); missing lines stay blank. Sizes outside
// 0…1000 are clamped.
func Parse(screen string, width, height int) Grid {
	g := newGrid(min(max(width, 0), maxGridSide), min(max(height, 0), maxGridSide))
	var (
		pen      Style
		row, col int
	)
	for len(screen) > 0 && row < g.Height {
		// Every call ends a complete sequence or consumes the rest of the input, so the
		// decoder is always back in its normal state and no state needs carrying over.
		// No parser is passed: the package's parser panics on sequences with more than 32
		// parameters, and SGR parameters are simple enough to read here.
		seq, seqWidth, n, _ := ansi.DecodeSequence(screen, ansi.NormalState, nil)
		screen = screen[max(n, 1):] // n is never 0 today; never loop forever if it becomes so
		switch {
		case seqWidth > 0:
			r, _ := utf8.DecodeRuneInString(seq)
			g.put(row, col, r, seqWidth, pen)
			col += seqWidth
		case seq == "\n":
			row, col = row+1, 0
		case seq == "\r":
			col = 0
		case seq == "\t":
			for next := (col/tabWidth + 1) * tabWidth; col < next; col++ {
				g.put(row, col, ' ', 1, pen)
			}
		default:
			if params, ok := sgrParams(seq); ok {
				pen.applySGR(params)
			}
		}
	}
	return g
}

func newGrid(width, height int) Grid {
	cells := make([]Cell, width*height)
	for i := range cells {
		cells[i].Rune = ' '
	}
	rows := make([][]Cell, height)
	for y := range rows {
		rows[y] = cells[y*width : (y+1)*width : (y+1)*width]
	}
	return Grid{Width: width, Height: height, Rows: rows}
}

// put writes r, which is width cells wide, at row and col if it fits. The cell's background
// comes from the pen even for blanks, as in a terminal.
func (g Grid) put(row, col int, r rune, width int, pen Style) {
	if col+width > g.Width {
		return
	}
	cells := g.Rows[row]
	// Overwriting half of a wide character (after "\r") leaves the other half blank, so a
	// Rune 0 cell always follows the wide character it belongs to.
	if cells[col].Rune == 0 {
		cells[col-1].Rune = ' '
	}
	if end := col + width; end < g.Width && cells[end].Rune == 0 {
		cells[end].Rune = ' '
	}
	cells[col] = Cell{Rune: r, Style: pen}
	for i := 1; i < width; i++ {
		cells[col+i] = Cell{Rune: 0, Style: pen}
	}
}

// sgrParams returns the parameters of a Select Graphic Rendition sequence (ESC [ … m, or
// the one-byte C1 CSI form), and false for any other sequence.
func sgrParams(seq string) (string, bool) {
	var body string
	switch {
	case strings.HasPrefix(seq, "\x1b["):
		body = seq[2:]
	case strings.HasPrefix(seq, "\x9b"):
		body = seq[1:]
	default:
		return "", false
	}
	params, ok := strings.CutSuffix(body, "m")
	// Private (CSI ? … m) and intermediate forms mean something else.
	if !ok || strings.Trim(params, "0123456789;:") != "" {
		return "", false
	}
	return params, true
}
