package picture

import (
	"image/color"
	"strconv"
	"strings"
)

// Style is how a cell is drawn, as set by SGR escape sequences. A nil colour means the text
// set none, so Options.Foreground or Options.Background applies.
type Style struct {
	Fg, Bg    color.Color
	Bold      bool
	Faint     bool
	Italic    bool
	Underline bool
	Reverse   bool // swap foreground and background when drawing
}

// applySGR updates the style from the parameters of one SGR sequence, such as "1;38;5;214"
// or "48:2::30:30:46". Codes the picture cannot show (blink, strike-through, …) are skipped.
func (s *Style) applySGR(params string) {
	fields := strings.Split(params, ";")
	for i := 0; i < len(fields); i++ {
		sub := numbers(fields[i])
		switch code := sub[0]; {
		case code == 0:
			*s = Style{}
		case code == 1:
			s.Bold = true
		case code == 2:
			s.Faint = true
		case code == 3:
			s.Italic = true
		case code == 4:
			// 4:0 means "no underline"; 4:1 to 4:5 are underline styles, all drawn alike.
			s.Underline = len(sub) == 1 || sub[1] != 0
		case code == 7:
			s.Reverse = true
		case code == 22:
			s.Bold, s.Faint = false, false
		case code == 23:
			s.Italic = false
		case code == 24:
			s.Underline = false
		case code == 27:
			s.Reverse = false
		case code >= 30 && code <= 37:
			s.Fg = basicColors[code-30]
		case code >= 90 && code <= 97:
			s.Fg = basicColors[code-90+8]
		case code >= 40 && code <= 47:
			s.Bg = basicColors[code-40]
		case code >= 100 && code <= 107:
			s.Bg = basicColors[code-100+8]
		case code == 39:
			s.Fg = nil
		case code == 49:
			s.Bg = nil
		case code == 38 || code == 48 || code == 58:
			var c color.Color
			if len(sub) > 1 {
				c = extendedColor(sub[1:], true)
			} else {
				// Legacy form: the colour's numbers are the following fields.
				var args []int
				for _, f := range fields[i+1 : min(i+5, len(fields))] {
					args = append(args, numbers(f)[0])
				}
				c = extendedColor(args, false)
				i += extendedColorFields(args)
			}
			// 58 (underline colour) is read only to skip its arguments.
			if c != nil && code == 38 {
				s.Fg = c
			} else if c != nil && code == 48 {
				s.Bg = c
			}
		}
	}
}

// extendedColor reads the arguments after 38/48/58: "5;n" picks from the 256-colour
// palette, "2;r;g;b" is truecolour. The colon form may carry a colour-space id before r, g
// and b ("2::r:g:b"). It returns nil for anything malformed.
func extendedColor(args []int, colons bool) color.Color {
	if len(args) < 2 {
		return nil
	}
	switch args[0] {
	case 5:
		if args[1] > 255 {
			return nil
		}
		return indexedColor(args[1])
	case 2:
		rgbArgs := args[1:]
		if colons && len(rgbArgs) >= 4 {
			rgbArgs = rgbArgs[1:] // skip the colour-space id
		}
		if len(rgbArgs) < 3 || rgbArgs[0] > 255 || rgbArgs[1] > 255 || rgbArgs[2] > 255 {
			return nil
		}
		return color.NRGBA{uint8(rgbArgs[0]), uint8(rgbArgs[1]), uint8(rgbArgs[2]), 0xff}
	}
	return nil
}

// extendedColorFields is how many fields after 38/48/58 the legacy semicolon form uses.
func extendedColorFields(args []int) int {
	if len(args) == 0 {
		return 0
	}
	switch args[0] {
	case 5:
		return min(2, len(args))
	case 2:
		return min(4, len(args))
	}
	return 1
}

// numbers splits a field at colons into its numbers; empty ones count as 0, as terminals
// treat them. Huge values saturate instead of wrapping around into valid codes.
func numbers(field string) []int {
	parts := strings.Split(field, ":")
	nums := make([]int, len(parts))
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil && p != "" {
			n = 1 << 30 // only digits reach here, so the error is overflow
		}
		nums[i] = n
	}
	return nums
}
