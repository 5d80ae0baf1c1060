package model

import (
	"fmt"
	"reflect"

	tea "charm.land/bubbletea/v2"

	"hashhaven/dataset"
	"hashhaven/economics"
	"hashhaven/scenario"
	"hashhaven/strictyaml"
)

// Reloaded reports that the data folder changed and was read again. Issues, when present,
// mean the new files do not validate: the app keeps the last good data and says why.
type Reloaded struct {
	Set      *dataset.Set
	Scenario scenario.Scenario
	Issues   strictyaml.Issues
}

// WatchError reports a problem watching the data folder; watching goes on.
type WatchError struct{ Err error }

// reloaded swaps in a new data set, keeping the user's place: selection, filter, marks and
// what-ifs carry over wherever their destination still exists.
func (m *Model) reloaded(msg Reloaded) tea.Cmd {
	if len(msg.Issues) > 0 {
		first := msg.Issues[0].Error()
		if n := len(msg.Issues) - 1; n > 0 {
			first += fmt.Sprintf(" (+%d more)", n)
		}
		m.banner = first
		return nil
	}
	m.banner = ""
	m.set = msg.Set
	defer m.fitForm()
	edited := len(m.history) > 0 && !sameScenario(m.current.Scenario, m.base)
	m.base = msg.Scenario
	if !edited {
		m.current.Scenario = cloneScenario(msg.Scenario)
	} else if _, err := economics.NewPlan(m.current.Scenario, m.set.Machines, m.set.Countries); err != nil {
		m.current.Scenario = cloneScenario(msg.Scenario)
		return tea.Batch(m.rerank(), m.recount(), m.showToast("your fleet or assumptions no longer fit the data and were reset: "+err.Error()))
	}
	return tea.Batch(m.rerank(), m.recount())
}

// sameScenario reports whether the user has left the scenario as loaded.
func sameScenario(a, b scenario.Scenario) bool { return reflect.DeepEqual(a, b) }

// fitForm keeps an open editor's cursors on lines that still exist.
func (m *Model) fitForm() {
	m.form.clamp(m.fields())
	m.form.pick = max(0, min(m.form.pick, len(m.pickable())-1))
}
