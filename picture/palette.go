package picture

import (
	"image/color"

	"github.com/charmbracelet/x/ansi"
)

// basicColors are the 16 ANSI colours (SGR 30–37, 90–97, their backgrounds, and indexes
// 0–15 of the 256-colour set). Every terminal lets users choose these, so there is no true
// value; this is the palette of VS Code's dark terminal theme, which reads well on dark and
// light backgrounds and is familiar to most people looking at a slide:
//
//	     black   red     green   yellow  blue    magenta cyan    white
//	0–7  #000000 #cd3131 #0dbc79 #e5e510 #2472c8 #bc3fbc #11a8cd #e5e5e5
//	8–15 #666666 #f14c4c #23d18b #f5f543 #3b8eea #d670d6 #29b8db #e5e5e5
var basicColors = [16]color.NRGBA{
	rgb(0x000000), rgb(0xcd3131), rgb(0x0dbc79), rgb(0xe5e510),
	rgb(0x2472c8), rgb(0xbc3fbc), rgb(0x11a8cd), rgb(0xe5e5e5),
	rgb(0x666666), rgb(0xf14c4c), rgb(0x23d18b), rgb(0xf5f543),
	rgb(0x3b8eea), rgb(0xd670d6), rgb(0x29b8db), rgb(0xe5e5e5),
}

// Colours used where Options leaves Foreground or Background nil: VS Code's dark editor.
var (
	defaultForeground = rgb(0xd4d4d4)
	defaultBackground = rgb(0x1e1e1e)
)

// indexedColor is colour n of the xterm 256-colour palette: the 16 basic colours, a
// 6×6×6 cube, then 24 greys.
func indexedColor(n int) color.NRGBA {
	switch {
	case n < 16:
		return basicColors[n]
	case n < 232:
		n -= 16
		return color.NRGBA{cubeLevel(n / 36), cubeLevel(n / 6 % 6), cubeLevel(n % 6), 0xff}
	default:
		grey := uint8(8 + 10*(n-232))
		return color.NRGBA{grey, grey, grey, 0xff}
	}
}

// paletteColor is the colour drawn for a colour the text sets: the 16 basic and 256
// indexed colours, which ansi defines by number only, from this package's palette.
func paletteColor(c color.Color) color.NRGBA {
	switch c := c.(type) {
	case ansi.BasicColor:
		return indexedColor(int(c))
	case ansi.IndexedColor:
		return indexedColor(int(c))
	}
	return opaque(c)
}

// cubeLevel is the intensity of step i (0–5) of an axis of xterm's colour cube.
func cubeLevel(i int) uint8 {
	if i == 0 {
		return 0
	}
	return uint8(55 + 40*i)
}

func rgb(hex uint32) color.NRGBA {
	return color.NRGBA{uint8(hex >> 16), uint8(hex >> 8), uint8(hex), 0xff}
}

// opaque converts any colour to a fully opaque NRGBA: pictures have no see-through parts.
func opaque(c color.Color) color.NRGBA {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = 0xff
	return n
}

// mixHalf returns a blended halfway towards b, which is how faint text is drawn.
func mixHalf(a, b color.NRGBA) color.NRGBA {
	avg := func(x, y uint8) uint8 { return uint8((int(x) + int(y) + 1) / 2) }
	return color.NRGBA{avg(a.R, b.R), avg(a.G, b.G), avg(a.B, b.B), 0xff}
}
