package model

import (
	"context"
	"errors"

	tea "charm.land/bubbletea/v2"

	"hashhaven/economics"
)

// splitMsg is a finished fleet split for one ranking generation.
type splitMsg struct {
	gen       int
	portfolio economics.Portfolio
	err       error
}

// solveSplit starts the fleet split of the current ranking off the UI's goroutine. The split
// can take a while on a big data set, so a newer ranking cancels the older solve when its own
// begins, and a result that arrives for an older ranking is dropped.
func (m *Model) solveSplit() tea.Cmd {
	ctx, cancel := context.WithCancel(context.Background())
	older := m.cancelSplit
	m.cancelSplit = cancel
	m.split, m.splitErr = nil, ""
	gen, plan, results := m.gen, m.plan, m.ranking
	return func() tea.Msg {
		if older != nil {
			older()
		}
		defer cancel()
		pf, err := plan.Split(ctx, results)
		return splitMsg{gen: gen, portfolio: pf, err: err}
	}
}

// splitSolved takes a finished split (or why there is none) if it belongs to the ranking on
// screen, and reports whether it did.
func (m *Model) splitSolved(msg splitMsg) bool {
	if msg.gen != m.gen || errors.Is(msg.err, context.Canceled) {
		return false // a newer ranking's split is on its way
	}
	if msg.err != nil {
		m.splitErr = msg.err.Error()
		return true
	}
	pf := msg.portfolio
	m.split = &pf
	return true
}

// solving reports whether the split of the ranking on screen is still being worked out.
func (m Model) solving() bool { return m.split == nil && m.splitErr == "" }
