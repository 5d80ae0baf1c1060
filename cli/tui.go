package cli

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"hashhaven/model"
)

// TUIOptions are the options of the interactive comparison.
type TUIOptions struct {
	Source
	Theme string
}

// TUI opens the interactive comparison and returns when the user quits.
func TUI(o TUIOptions, env Env) error {
	l, err := load(o.Source, env)
	if err != nil {
		return err
	}
	m, err := model.New(model.Options{Set: l.set, Scenario: l.sc, Theme: o.Theme, Now: time.Now()})
	if err != nil {
		return err
	}
	_, err = tea.NewProgram(m).Run()
	return err
}
