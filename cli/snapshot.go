package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"hashhaven/model"
	"hashhaven/picture"
	"hashhaven/theme"
)

// SnapshotOptions are the options of the snapshot command.
type SnapshotOptions struct {
	Source
	Out           string
	Width, Height int
	Screen        string
	Select        string
	Theme         string
	Now           string // the date figures' age is measured at (YYYY-MM-DD); "" is today
}

// Check reports options that cannot work, before any data is read.
func (o SnapshotOptions) Check() error {
	switch {
	case o.Out == "":
		return errors.New("--out FILE.png or FILE.svg is required")
	case o.Width < 20 || o.Width > 400 || o.Height < 5 || o.Height > 200:
		return fmt.Errorf("--width must be 20–400 and --height 5–200, got %d×%d", o.Width, o.Height)
	}
	if _, ok := model.Views[o.Screen]; !ok {
		return fmt.Errorf("unknown screen %q: use %s", o.Screen, strings.Join(model.ViewNames(), ", "))
	}
	if _, ok := theme.ByName(o.Theme); !ok && o.Theme != "" {
		return fmt.Errorf("unknown theme %q: use dark, light or high-contrast", o.Theme)
	}
	if _, err := o.now(); err != nil {
		return err
	}
	return nil
}

func (o SnapshotOptions) now() (time.Time, error) {
	if o.Now == "" {
		return time.Now(), nil
	}
	t, err := time.Parse("2006-01-02", o.Now)
	if err != nil {
		return t, fmt.Errorf("--now takes a date like 2026-11-24, got %q", o.Now)
	}
	return t, nil
}

// Snapshot draws a screen of the app, without a terminal, into a PNG or SVG file.
func Snapshot(o SnapshotOptions, env Env) error {
	l, err := load(o.Source, env)
	if err != nil {
		return err
	}
	if o.Theme == "" {
		o.Theme = "dark"
	}
	now, _ := o.now()
	m, err := model.New(model.Options{Set: l.set, Scenario: l.sc, Theme: o.Theme, Now: now,
		Width: o.Width, Height: o.Height, Select: o.Select, View: o.Screen, SimulateNow: true})
	if err != nil {
		return err
	}
	th, _ := theme.ByName(o.Theme)
	if err := picture.WriteFile(o.Out, m.Screen(), model.PictureOptions(th, o.Width, o.Height)); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s already exists; snapshot never overwrites a file", o.Out)
		}
		return err
	}
	fmt.Fprintf(env.Stdout, "wrote %s (%s screen, %d×%d, %s theme)\n", o.Out, o.Screen, o.Width, o.Height, o.Theme)
	return nil
}
