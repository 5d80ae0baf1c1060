package model

import (
	"errors"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// openForm opens one of the editors; the what-if editor keeps to the destination it was
// opened on, whatever happens to the selection meanwhile.
func (m Model) openForm(s screen) Model {
	m.back = screenMain
	m.screen = s
	m.form = newForm()
	m.form.target = m.selected
	m.form.clamp(m.fields())
	return m
}

// fields are the editable lines of the open editor.
func (m Model) fields() []field {
	switch m.screen {
	case screenFleet:
		return m.fleetFields()
	case screenAssumptions:
		return m.assumptionFields()
	case screenWhatIf:
		return m.whatIfFields()
	}
	return nil
}

// formKey acts on the open editor's list of fields.
func (m Model) formKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	fields := m.fields()
	f := &m.form
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Back):
		m.screen = screenMain
	case key.Matches(msg, k.Up):
		f.move(fields, -1)
	case key.Matches(msg, k.Down):
		f.move(fields, 1)
	case key.Matches(msg, k.PageUp):
		f.page(fields, -1, m.formRoom())
	case key.Matches(msg, k.PageDown):
		f.page(fields, 1, m.formRoom())
	case key.Matches(msg, k.Top):
		f.end(fields, -1)
	case key.Matches(msg, k.Bottom):
		f.end(fields, 1)
	case key.Matches(msg, k.Edit):
		if f.cursor < len(fields) && fields[f.cursor].set != nil {
			m.mode, f.err = modeValue, ""
			f.input.SetValue(fields[f.cursor].value)
			f.input.CursorEnd()
			cmd := f.input.Focus()
			return m, cmd
		}
	case key.Matches(msg, k.Undo):
		return m.undo()
	case key.Matches(msg, k.Reset):
		return m.resetAll()
	case key.Matches(msg, k.Add) && m.screen == screenFleet:
		if len(m.pickable()) == 0 {
			f.err = m.nothingToPick()
			return m, nil
		}
		m.mode, f.pick, f.err = modePick, 0, ""
	case key.Matches(msg, k.Remove) && m.screen == screenFleet:
		i := f.cursor - 1 // line 0 is the heading
		v, err := removeBatch(m.current, i)
		if err != nil {
			f.err = err.Error()
			return m, nil
		}
		cmd := m.change(v, "removed "+fields[f.cursor].label+" from the fleet")
		m.form.clamp(m.fields())
		return m, cmd
	case key.Matches(msg, k.Help):
		m.back, m.screen = m.screen, screenHelp
	case key.Matches(msg, k.Save) && m.screen == screenWhatIf:
		return m.startSave()
	case key.Matches(msg, k.Screenshot):
		return m, m.takeScreenshot()
	}
	return m, nil
}

// valueKey types a value into the field under the editor's cursor; enter applies it when the
// loader's rules allow it, and otherwise says why and keeps the old value.
func (m Model) valueKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys.Value
	fields := m.fields()
	f := &m.form
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Cancel):
		m.leaveMode()
		f.err = ""
		return m, nil
	case key.Matches(msg, k.Apply):
		if f.cursor >= len(fields) || fields[f.cursor].set == nil {
			m.leaveMode() // the field went away under the edit (a reload)
			return m, nil
		}
		v, err := fields[f.cursor].set(m.current, f.input.Value())
		if errors.Is(err, errUnchanged) { // nothing to change, so nothing to undo either
			m.leaveMode()
			f.err = ""
			return m, m.showToast(fields[f.cursor].label + " unchanged")
		}
		if err != nil {
			f.err = err.Error() // the old value stays
			return m, nil
		}
		m.leaveMode()
		f.err = ""
		cmd := m.change(v, m.describeEdit(fields[f.cursor], v))
		return m, cmd
	}
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	return m, cmd
}

// describeEdit says what setting the field to the value it has in v changed, as the editor
// shows it: "Hashprice 0.034 → 0.05 USD/TH/day", "Kazakhstan: Uptime 0.95 → 0.9 share".
func (m Model) describeEdit(before field, v variant) string {
	now := m
	now.current = v
	value := "?"
	if after := now.fields(); m.form.cursor < len(after) {
		value = after[m.form.cursor].value
	}
	what := before.label + " " + before.value + " → " + value
	if before.unit != "" {
		what += " " + before.unit
	}
	if m.screen == screenWhatIf {
		what = m.nameOf(m.form.target) + ": " + what
	}
	return what
}

// pickKey chooses a machine model the scenario can value, to add to the fleet.
func (m Model) pickKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys.Pick
	f := &m.form
	list := m.pickable()
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Up):
		f.pick = max(0, f.pick-1)
	case key.Matches(msg, k.Down):
		f.pick = max(0, min(len(list)-1, f.pick+1))
	case key.Matches(msg, k.PageUp):
		f.pick = max(0, f.pick-max(1, m.formRoom()-2))
	case key.Matches(msg, k.PageDown):
		f.pick = max(0, min(len(list)-1, f.pick+max(1, m.formRoom()-2)))
	case key.Matches(msg, k.Top):
		f.pick = 0
	case key.Matches(msg, k.Bottom):
		f.pick = max(0, len(list)-1)
	case key.Matches(msg, k.Cancel):
		m.leaveMode()
	case key.Matches(msg, k.Add):
		m.leaveMode()
		if f.pick < 0 || f.pick >= len(list) {
			return m, nil // the catalogue changed under the picker
		}
		mach := list[f.pick]
		v := addMachine(m.current, mach.ID)
		cmd := m.change(v, "added 100 "+mach.Name+" to the fleet")
		for i, b := range v.Scenario.Fleet { // the cursor goes to the count that changed
			if b.Machine == mach.ID {
				m.form.cursor = i + 1 // after the heading
			}
		}
		return m, cmd
	}
	return m, nil
}
