// Package theme holds the app's colour palettes. Every colour on screen, in a table printed
// to a terminal, or in a screenshot comes from one of these, through a styles builder.
package theme

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Theme is a named palette.
type Theme struct {
	Name       string
	Dark       bool
	Mono       bool // no colour at all: NO_COLOR or a terminal without it
	Background color.Color
	Foreground color.Color
	Muted      color.Color // secondary text, excluded rows
	Subtle     color.Color // borders, rules, bar tracks
	Accent     color.Color // titles, the selected row's marker, keys in help
	Selection  color.Color // background of the selected row
	Positive   color.Color
	Negative   color.Color
	Warning    color.Color
	Edited     color.Color // what-if values
	Bar        color.Color
	// Series are the colours of curves drawn together (compare's options, then the line they
	// are measured against): each differs from the others in the theme.
	Series [SeriesCount]color.Color
}

// SeriesCount is how many curves one chart tells apart by colour.
const SeriesCount = 5

// Names lists the themes in the order `t` cycles through them.
var Names = []string{"dark", "light", "high-contrast"}

// ByName returns a theme; unknown names give dark and false.
func ByName(name string) (Theme, bool) {
	switch name {
	case "dark":
		return dark(), true
	case "light":
		return light(), true
	case "high-contrast":
		return highContrast(), true
	case "mono":
		return Mono(), true
	}
	return dark(), false
}

// Default is the theme that suits the terminal's background.
func Default(darkBackground bool) Theme {
	if darkBackground {
		return dark()
	}
	return light()
}

// Next is the theme after t in the cycle.
func Next(t Theme) Theme {
	for i, n := range Names {
		if n == t.Name {
			next, _ := ByName(Names[(i+1)%len(Names)])
			return next
		}
	}
	next, _ := ByName(Names[0])
	return next
}

func hex(s string) color.Color { return lipgloss.Color(s) }

func dark() Theme {
	return Theme{Name: "dark", Dark: true,
		Background: hex("#14161f"), Foreground: hex("#d8dce8"), Muted: hex("#7a8199"), Subtle: hex("#3a3f52"),
		Accent: hex("#f2a93b"), Selection: hex("#2a3148"), Positive: hex("#5fd08a"), Negative: hex("#ff6b6b"),
		Warning: hex("#f5d76e"), Edited: hex("#c79bff"), Bar: hex("#4fa3f7"),
		Series: [SeriesCount]color.Color{hex("#5fd08a"), hex("#4fa3f7"), hex("#f2a93b"), hex("#c79bff"), hex("#f5d76e")}}
}

func light() Theme {
	return Theme{Name: "light",
		Background: hex("#fbfaf7"), Foreground: hex("#1e2230"), Muted: hex("#6b7080"), Subtle: hex("#c9ccd6"),
		Accent: hex("#b3560e"), Selection: hex("#e4e9f5"), Positive: hex("#1d7f45"), Negative: hex("#c62828"),
		Warning: hex("#8a6a00"), Edited: hex("#7b3fc4"), Bar: hex("#1f6fc2"),
		Series: [SeriesCount]color.Color{hex("#1d7f45"), hex("#1f6fc2"), hex("#b3560e"), hex("#7b3fc4"), hex("#8a6a00")}}
}

func highContrast() Theme {
	return Theme{Name: "high-contrast", Dark: true,
		Background: hex("#000000"), Foreground: hex("#ffffff"), Muted: hex("#c0c0c0"), Subtle: hex("#ffffff"),
		Accent: hex("#ffff00"), Selection: hex("#0037a6"), Positive: hex("#00ff7f"), Negative: hex("#ff4040"),
		Warning: hex("#ffff00"), Edited: hex("#ff80ff"), Bar: hex("#00d7ff"),
		Series: [SeriesCount]color.Color{hex("#00ff7f"), hex("#00d7ff"), hex("#ffff00"), hex("#ff80ff"), hex("#ff8c00")}}
}

// Mono has no colours: every style falls back to the terminal's own, and emphasis comes from
// bold, faint, underline and reverse only.
func Mono() Theme {
	none := lipgloss.NoColor{}
	return Theme{Name: "mono", Mono: true, Dark: true,
		Background: none, Foreground: none, Muted: none, Subtle: none, Accent: none, Selection: none,
		Positive: none, Negative: none, Warning: none, Edited: none, Bar: none,
		Series: [SeriesCount]color.Color{none, none, none, none, none}}
}
