package model

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"hashhaven/machines"
)

func TestRemoveAfterUndoDoesNotCrash(t *testing.T) {
	m := newTestModel(t, 120, 40)
	models := len(m.current.Scenario.Fleet)
	m = keys(t, m, "f", "+")
	m = keys(t, m, downTo(m, firstNotInFleet(t, m))...)
	m = keys(t, m, "enter", "+")
	m = keys(t, m, downTo(m, firstNotInFleet(t, m))...)
	m = keys(t, m, "enter")
	for range models + 1 {
		m = keys(t, m, "j") // onto the last model
	}
	if len(m.current.Scenario.Fleet) != models+2 {
		t.Fatalf("fleet %+v", m.current.Scenario.Fleet)
	}
	m = keys(t, m, "u", "-")
	if len(m.current.Scenario.Fleet) != models {
		t.Errorf("after undo the cursor sits on a remaining model and - removes it: %+v", m.current.Scenario.Fleet)
	}
}

func TestPickerSurvivesAShrinkingCatalogue(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m = keys(t, m, "f", "+", "j", "j", "j", "j", "j", "j", "j", "j", "j")
	smaller := *m.set
	smaller.Machines = machines.Catalogue{Machines: m.set.Machines.Machines[:5]}
	m = send(t, m, Reloaded{Set: &smaller, Scenario: m.base})
	m = keys(t, m, "enter")
	if m.mode == modePick {
		t.Error("enter closes the picker")
	}
}

func TestWheelLeavesTheWhatIfTargetAlone(t *testing.T) {
	m := newTestModel(t, 120, 40)
	first := selectedID(m)
	m = keys(t, m, "e")
	m = send(t, m, tea.MouseWheelMsg{Button: tea.MouseWheelDown}, tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	m = focusField(t, m, "Uptime")
	m = keys(t, m, "enter")
	m.form.input.SetValue("0.2")
	m = keys(t, m, "enter")
	if len(m.current.WhatIfs) != 1 || m.current.WhatIfs[0].Country != first {
		t.Errorf("the what-if belongs to %s, the destination the editor was opened on: %+v", first, m.current.WhatIfs)
	}
}

func TestHelpFromAnEditorReturnsToIt(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m = keys(t, m, "a", "?")
	if m.screen != screenHelp {
		t.Fatalf("? in an editor opens help, got screen %d", m.screen)
	}
	m = keys(t, m, "esc")
	if m.screen != screenAssumptions {
		t.Errorf("esc from help goes back to the editor, got screen %d", m.screen)
	}
}
