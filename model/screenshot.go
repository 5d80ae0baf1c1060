package model

import (
	"bytes"
	"fmt"
	"image/color"
	"time"

	tea "charm.land/bubbletea/v2"

	"hashhaven/picture"
	"hashhaven/safefile"
	"hashhaven/theme"
)

type screenshotMsg struct {
	paths []string
	err   error
}

// PictureOptions are the picture settings that match what the theme shows on screen.
func PictureOptions(t theme.Theme, width, height int) picture.Options {
	o := picture.Options{Width: width, Height: height, Scale: 2}
	if !t.Mono {
		o.Foreground, o.Background = t.Foreground, t.Background
	} else {
		o.Foreground, o.Background = color.White, color.Black
	}
	return o
}

// screenshot saves the screen as a PNG and an SVG with a timestamped name in dir.
func screenshot(screen string, o picture.Options, dir string) tea.Cmd {
	return func() tea.Msg {
		stem := safefile.UniqueStem(dir, "hashhaven", []string{"png", "svg"}, time.Now())
		var png, svg bytes.Buffer
		if err := picture.PNG(&png, screen, o); err != nil {
			return screenshotMsg{err: err}
		}
		if err := picture.SVG(&svg, screen, o); err != nil {
			return screenshotMsg{err: err}
		}
		files := []safefile.File{{Path: stem + ".png", Data: png.Bytes()}, {Path: stem + ".svg", Data: svg.Bytes()}}
		if err := safefile.WriteNewSet(files); err != nil {
			return screenshotMsg{err: err}
		}
		return screenshotMsg{paths: []string{files[0].Path, files[1].Path}}
	}
}

func (m *Model) screenshotDone(msg screenshotMsg) tea.Cmd {
	if msg.err != nil {
		return m.showToast("screenshot failed: " + msg.err.Error())
	}
	return m.showToast(fmt.Sprintf("saved %s (+ .svg)", msg.paths[0]))
}
