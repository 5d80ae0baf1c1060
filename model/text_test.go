package model

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// A style wrapped over lines is closed at each line's end and opened again on the next, so
// each line reads alone in its colour.
func TestWrapKeepsTheStyleOnEveryLine(t *testing.T) {
	const grey, bold = "\x1b[38;5;245m", "\x1b[1m"
	in := "plain " + grey + "one two three four five" + "\x1b[m" + " six " + bold + "seven eight" + "\x1b[m"
	got := ansiWrap(in, 10)
	lines := strings.Split(got, "\n")
	if ansi.Strip(got) != ansi.Strip(ansi.Wrap(in, 10, "")) {
		t.Fatalf("the words changed: %q", ansi.Strip(got))
	}
	for i, line := range lines {
		words := ansi.Strip(line)
		switch {
		case strings.Contains(words, "two") && !strings.HasPrefix(line, grey):
			t.Errorf("line %d %q should open grey again", i, line)
		case strings.Contains(words, "eight") && !strings.HasPrefix(line, bold):
			t.Errorf("line %d %q should open bold again", i, line)
		case strings.Contains(words, "one") && !strings.HasSuffix(line, "\x1b[m"):
			t.Errorf("line %d %q should close its style", i, line)
		}
	}
	if plain := "no styles\nat all"; ansiWrap(plain, 40) != plain {
		t.Error("plain text should pass as it is")
	}
}
