package picture

import (
	"strconv"
	"strings"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/ansi/parser"
)

// Grids are clamped to this many columns and rows: no terminal is larger, and the limit
// keeps a wrong size from exhausting memory.
const maxGridSide = 1000

// parse lays out the text a terminal program prints on a width×height grid of cells, the
// way a terminal would: lines end at "\n", "\r" returns to the start of the line, tabs
// advance to the next tab stop, SGR sequences set colours and attributes, and all other
// escape and control sequences are ignored. Text beyond the grid is clipped (a wide
// character that does not fit whole leaves a blank); missing lines stay blank. Sizes
// outside 0…1000 are clamped.
//
// A wide character's cell has Width 2 and is followed by a placeholder of Width 0.
func parse(screen string, width, height int) *uv.Buffer {
	buf := uv.NewBuffer(min(max(width, 0), maxGridSide), min(max(height, 0), maxGridSide))
	tabs := uv.DefaultTabStops(buf.Width())
	var (
		pen  uv.Style
		x, y int
	)
	for len(screen) > 0 && y < buf.Height() {
		// Every call ends a complete sequence or consumes the rest of the input, so the
		// decoder is always back in its normal state and no state needs carrying over.
		// No parser is passed: the package's parser panics on sequences with more than 32
		// parameters, so sgrParams reads SGR parameters instead.
		seq, seqWidth, n, _ := ansi.DecodeSequence(screen, ansi.NormalState, nil)
		screen = screen[max(n, 1):] // n is never 0 today; never loop forever if it becomes so
		switch {
		case seqWidth > 0:
			buf.SetCell(x, y, &uv.Cell{Content: seq, Width: seqWidth, Style: pen})
			x += seqWidth
		case seq == "\n":
			x, y = 0, y+1
		case seq == "\r":
			x = 0
		case seq == "\t":
			// The blanks take the pen's background, as in a terminal.
			for next := tabs.Next(x); x < next; x++ {
				buf.SetCell(x, y, &uv.Cell{Content: " ", Width: 1, Style: pen})
			}
		default:
			if params, ok := sgrParams(seq); ok {
				uv.ReadStyle(params, &pen)
			}
		}
	}
	return buf
}

// sgrParams returns the parameters of a Select Graphic Rendition sequence (ESC [ … m, or
// the one-byte C1 CSI form), and false for any other sequence. It also returns false for
// a sequence with a number above 255, which neither an SGR code nor a colour component
// can be: ultraviolet would wrap it around into some other colour.
func sgrParams(seq string) (ansi.Params, bool) {
	var body string
	switch {
	case strings.HasPrefix(seq, "\x1b["):
		body = seq[2:]
	case strings.HasPrefix(seq, "\x9b"):
		body = seq[1:]
	default:
		return nil, false
	}
	body, ok := strings.CutSuffix(body, "m")
	// Private (CSI ? … m) and intermediate forms mean something else.
	if !ok || strings.Trim(body, "0123456789;:") != "" {
		return nil, false
	}
	var params ansi.Params
	for {
		end := strings.IndexAny(body, ";:")
		field := body
		if end >= 0 {
			field = body[:end]
		}
		n := parser.MissingParam // an empty field, which counts as 0 or as the default
		if field != "" {
			var err error
			if n, err = strconv.Atoi(field); err != nil || n > 255 {
				return nil, false
			}
		}
		// A colon joins a sub-parameter to the parameter before it ("38:2::1:2:3").
		params = append(params, ansi.Param(ansi.Parameter(n, end >= 0 && body[end] == ':')))
		if end < 0 {
			return params, true
		}
		body = body[end+1:]
	}
}
