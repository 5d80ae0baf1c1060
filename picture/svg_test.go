package picture

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
)

func renderSVG(t *testing.T, screen string, o Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := SVG(&buf, screen, o); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// svgElement is the part of an SVG element the tests look at.
type svgElement struct {
	name  string
	attrs map[string]string
	text  string
}

// parseSVG decodes the whole document strictly, failing on anything that is not
// well-formed XML, and returns its elements in order.
func parseSVG(t *testing.T, doc string) []svgElement {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(doc))
	var elements []svgElement
	var open []int // indexes of the elements enclosing the current token
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return elements
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, doc)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			e := svgElement{name: tok.Name.Local, attrs: map[string]string{}}
			for _, a := range tok.Attr {
				e.attrs[a.Name.Local] = a.Value
			}
			open = append(open, len(elements))
			elements = append(elements, e)
		case xml.EndElement:
			open = open[:len(open)-1]
		case xml.CharData:
			if len(open) > 0 {
				elements[open[len(open)-1]].text += string(tok)
			}
		}
	}
}

func TestSVGIsWellFormedAndSized(t *testing.T) {
	o := Options{Width: 20, Height: 4, Scale: 1}
	doc := renderSVG(t, "\x1b[1;31ma<b\x1b[0m & \"c\" 漢 🚀\n╭─╮ █▌░ ✓ ⣿\n\x1b[4munder", o)
	elements := parseSVG(t, doc)
	l, err := newLayout(o)
	if err != nil {
		t.Fatal(err)
	}
	root := elements[0]
	w, h := l.size()
	if root.name != "svg" || root.attrs["width"] != strconv.Itoa(w) || root.attrs["height"] != strconv.Itoa(h) ||
		root.attrs["viewBox"] != "0 0 "+strconv.Itoa(w)+" "+strconv.Itoa(h) {
		t.Errorf("root element %s %v, want svg %d×%d with a matching viewBox", root.name, root.attrs, w, h)
	}
	if !strings.Contains(doc, "a&lt;b") {
		t.Error("text a<b is not escaped as a&lt;b")
	}
	var texts []string
	for _, e := range elements {
		if e.name == "text" {
			texts = append(texts, e.text)
		}
	}
	// Bold red "a<b" is one run; the rest of the line another.
	if len(texts) < 2 || texts[0] != "a<b" || texts[1] != "& \"c\" 漢 🚀" {
		t.Errorf("texts = %q", texts)
	}
}

func TestSVGJoinsLinesAndBarsIntoOneRectangle(t *testing.T) {
	o := Options{Width: 6, Height: 1, Scale: 1, Foreground: green}
	l, err := newLayout(o)
	if err != nil {
		t.Fatal(err)
	}
	for screen, width := range map[string]int{"██████": 6 * l.cellW, "──────": 6 * l.cellW} {
		var bars []svgElement
		for _, e := range parseSVG(t, renderSVG(t, screen, o)) {
			if e.name == "rect" && e.attrs["fill"] == "#00ff00" {
				bars = append(bars, e)
			}
		}
		if len(bars) != 1 || bars[0].attrs["width"] != strconv.Itoa(width) {
			t.Errorf("%s: rectangles %v, want one %d px wide", screen, bars, width)
		}
	}
}

func TestSVGStretchesTextToItsCells(t *testing.T) {
	o := Options{Width: 10, Height: 1, Scale: 1}
	l, err := newLayout(o)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range parseSVG(t, renderSVG(t, "ab 漢  ", o)) {
		if e.name == "text" && e.attrs["textLength"] != strconv.Itoa(5*l.cellW) {
			t.Errorf("text %q is %s px long, want 5 cells without trailing blanks", e.text, e.attrs["textLength"])
		}
	}
}

func TestSVGNamesTheFontsOfThePNG(t *testing.T) {
	fonts, err := parsedFonts()
	if err != nil {
		t.Fatal(err)
	}
	var family string
	for _, e := range parseSVG(t, renderSVG(t, "✎ △", Options{Width: 3, Height: 1})) {
		if e.name == "g" && e.attrs["font-family"] != "" {
			family = e.attrs["font-family"]
		}
		if e.name == "text" && e.text != "✎ △" {
			t.Errorf("text %q, want the symbols as text", e.text)
		}
	}
	for _, f := range []*sfnt.Font{fonts.mono[0], fonts.symbols} {
		name, err := f.Name(nil, sfnt.NameIDFamily)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(family, "'"+name+"'") {
			t.Errorf("font-family %q does not name %q", family, name)
		}
	}
}

func FuzzPictures(f *testing.F) {
	f.Add([]byte("\x1b[1;38:3::1:2:3;48:4::1:2:3:4m✎ 漢\u0301\x1b[4:3m─\x1b[0m\t⣿"))
	f.Add([]byte("\x1b[38;1;7;2m\xff\xc0x\x1b[" + strings.Repeat(":", 40) + "m"))
	f.Fuzz(func(t *testing.T, screen []byte) {
		o := Options{Width: 12, Height: 3, Scale: 1}
		if err := PNG(io.Discard, string(screen), o); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := SVG(&buf, string(screen), o); err != nil {
			t.Fatal(err)
		}
		parseSVG(t, buf.String())
	})
}
