package picture

import (
	"bytes"
	"flag"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden pictures in testdata from the current output")

// screenGlyphs are the characters beyond ASCII that the app's screens show: marks and
// arrows, bars and shades, borders, units and punctuation.
const screenGlyphs = "✎⌂▲▼△●◆■▸✗✓→↑↓×≈≥−–—·•…›¢°é" + "▏▎▍▌▋▊▉█░▒▓" + "─━│┊╭╮╰╯⣿"

func TestScreenGlyphsHaveAFontOrAShape(t *testing.T) {
	l, err := newLayout(Options{Width: 1, Height: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range screenGlyphs {
		for face := range l.faces {
			if !isShape(r) && l.faceFor(r, face) == nil {
				t.Errorf("%c (U+%04X) in face %d would be drawn as an empty box", r, r, face)
			}
		}
	}
}

// glyphsScreen shows every glyph of the screens in the styles they appear in, and a
// character no font has.
const glyphsScreen = "\x1b[1m✎ 2 what-if edits\x1b[0m ⌂ home \x1b[32m▲\x1b[31m▼\x1b[33m△\x1b[0m\n" +
	"● ◆ ■ ▸ ✗ ✓ → ↑ ↓ › … \x1b[2m✎ faint\x1b[0m \x1b[3m✎ italic\x1b[0m\n" +
	"× ≈ ≥ − – — · • ¢ ° é 漢\n" +
	"\x1b[36m█▉▊▋▌▍▎▏ ░▒▓ ⣿⣿\x1b[0m\n" +
	"╭──╮ ━━━ ┊ │ \x1b[7m reversed ✎ \x1b[0m\n" +
	"╰──╯ ─── ┊ │ \x1b[48;5;24m$1.2M ▲ 12¢/kWh\x1b[0m"

func TestPNGGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := PNG(&buf, glyphsScreen, Options{Width: 32, Height: 6, Scale: 2}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "glyphs.png")
	if *update {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./picture -run Golden -update to create it)", err)
	}
	if bytes.Equal(buf.Bytes(), want) {
		return
	}
	// Another Go version may compress differently, or round a few edge pixels the other
	// way; a changed, missing or moved glyph changes many pixels by far more.
	got, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	wantImg, err := png.Decode(bytes.NewReader(want))
	if err != nil {
		t.Fatal(err)
	}
	if got.Bounds() != wantImg.Bounds() {
		t.Fatalf("picture is %v, golden %v (run with -update if the change is meant)", got.Bounds(), wantImg.Bounds())
	}
	const tolerance = 16
	var differ []image.Point
	for y := got.Bounds().Min.Y; y < got.Bounds().Max.Y; y++ {
		for x := got.Bounds().Min.X; x < got.Bounds().Max.X; x++ {
			a, b := colorAt(got, x, y), colorAt(wantImg, x, y)
			if absDiff(a.R, b.R) > tolerance || absDiff(a.G, b.G) > tolerance || absDiff(a.B, b.B) > tolerance {
				differ = append(differ, image.Pt(x, y))
			}
		}
	}
	if len(differ) > 0 {
		t.Errorf("%d pixels differ from %s, the first at %v (run with -update if the change is meant)", len(differ), path, differ[0])
	}
}

func absDiff(a, b uint8) uint8 {
	if a > b {
		return a - b
	}
	return b - a
}
