package cli

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"hashhaven/dataset"
	"hashhaven/model"
	"hashhaven/theme"
	"hashhaven/watch"
)

// TUIOptions are the options of the interactive comparison.
type TUIOptions struct {
	Source
	Theme string
}

// Check reports options that cannot work, before any data is read.
func (o TUIOptions) Check() error {
	if _, ok := theme.ByName(o.Theme); !ok && o.Theme != "" {
		return fmt.Errorf("unknown theme %q: use dark, light, high-contrast or mono", o.Theme)
	}
	return nil
}

// TUI opens the interactive comparison and returns when the user quits. With --data, it
// watches the folder and re-ranks when a file changes.
func TUI(o TUIOptions, env Env) error {
	if o.Dir != "" {
		o.cache = &dataset.Cache{} // reloads after an edit re-read only the edited files
	}
	done := func() {}
	if o.Dir != "" && isTerminal(env.Stderr) {
		note := newLoadNote(env.Stderr, "hashhaven: reading the data in "+o.Dir+" …", slowLoadDelay)
		env.Stderr, done = note, note.done
	}
	l, err := load(o.Source, env)
	done() // the comparison takes the screen
	if err != nil {
		return err
	}
	if o.Theme == "" && env.noColor() {
		o.Theme = "mono"
	}
	opts := model.Options{Set: l.set, Scenario: l.sc, Theme: o.Theme, Now: time.Now(), DataDir: o.Dir, Cache: o.cache}
	if o.Dir != "" {
		changes, errs, stop, err := watch.Dir(o.Dir, watch.Settle)
		if err != nil {
			fmt.Fprintf(env.Stderr, "hashhaven: not watching %s for changes: %v\n", o.Dir, err)
		} else {
			defer stop()
			opts.Watch = reloadOnChange(o.Source, changes, errs)
		}
	}
	m, err := model.New(opts)
	if err != nil {
		return err
	}
	_, err = tea.NewProgram(m).Run()
	return err
}

// reloadOnChange waits for the next change to the data folder and reads it again, scenario
// included; the model decides what to keep.
func reloadOnChange(src Source, changes <-chan struct{}, errs <-chan error) tea.Cmd {
	return func() tea.Msg {
		select {
		case _, ok := <-changes:
			if !ok {
				return nil
			}
		case err, ok := <-errs:
			if !ok {
				return nil
			}
			return model.WatchError{Err: err}
		}
		set, sc, issues := open(src)
		return model.Reloaded{Set: set, Scenario: sc, Issues: issues}
	}
}
