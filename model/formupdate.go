package model

import (
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

func (m Model) formKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	fields := m.fields()
	f := &m.form
	if m.saving {
		return m.noteKey(msg)
	}
	if f.picking {
		return m.pickKey(msg)
	}
	if f.editing {
		switch msg.String() {
		case "enter":
			if f.cursor >= len(fields) || fields[f.cursor].set == nil {
				f.editing = false // the field went away under the edit (a reload)
				f.input.Blur()
				return m, nil
			}
			v, err := fields[f.cursor].set(m.current, f.input.Value())
			if err != nil {
				f.err = err.Error() // the old value stays
				return m, nil
			}
			f.editing, f.err = false, ""
			f.input.Blur()
			cmd := m.change(v)
			return m, cmd
		case "esc":
			f.editing, f.err = false, ""
			f.input.Blur()
			return m, nil
		}
		var cmd tea.Cmd
		f.input, cmd = f.input.Update(msg)
		return m, cmd
	}
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Back):
		m.screen = screenMain
	case key.Matches(msg, k.Up):
		f.move(fields, -1)
	case key.Matches(msg, k.Down):
		f.move(fields, 1)
	case key.Matches(msg, k.Edit):
		if f.cursor < len(fields) && fields[f.cursor].set != nil {
			f.editing, f.err = true, ""
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
		f.picking, f.pick, f.err = true, 0, ""
	case key.Matches(msg, k.Remove) && m.screen == screenFleet:
		v, err := removeBatch(m.current, f.cursor-1) // line 0 is the heading
		if err != nil {
			f.err = err.Error()
			return m, nil
		}
		cmd := m.change(v)
		m.form.clamp(m.fields())
		return m, cmd
	case key.Matches(msg, k.Help):
		m.back, m.screen = m.screen, screenHelp
	case key.Matches(msg, k.Save) && m.screen == screenWhatIf:
		return m.startSave()
	case key.Matches(msg, k.Screenshot):
		return m, screenshot(m.Screen(), PictureOptions(m.styles.theme, m.width, m.height), m.outDir)
	}
	return m, nil
}

// pickKey chooses a machine model from the catalogue to add to the fleet.
func (m Model) pickKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	f := &m.form
	n := len(m.set.Machines.Machines)
	switch msg.String() {
	case "up", "k":
		f.pick = max(0, f.pick-1)
	case "down", "j":
		f.pick = max(0, min(n-1, f.pick+1))
	case "esc":
		f.picking = false
	case "enter":
		f.picking = false
		if f.pick < 0 || f.pick >= n {
			return m, nil // the catalogue changed under the picker
		}
		v, err := m.addMachine(m.current, m.set.Machines.Machines[f.pick].ID)
		if err != nil {
			f.err = err.Error()
			return m, nil
		}
		cmd := m.change(v)
		return m, cmd
	}
	return m, nil
}
