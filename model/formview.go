package model

import (
	"strings"
)

// formView draws the open editor, with the machine picker when adding to the fleet.
func (m Model) formView(width, height int) string {
	s := m.styles
	var title, intro string
	switch m.screen {
	case screenFleet:
		title = "Fleet"
		intro = "Your machines. enter changes a count, + adds a model from the catalogue, − removes one. Every change re-ranks at once."
	case screenAssumptions:
		title = "Assumptions"
		intro = "The market and money assumptions of the scenario. Type a share as 0.015 or 1.5%."
	case screenWhatIf:
		c, ok := m.country(m.form.target)
		if !ok {
			return "\n  " + s.Muted.Render("This destination is no longer in the data folder. esc goes back.")
		}
		title = "What if — " + c.Name
		intro = "Change any figure of this destination; edited values are marked ✎ everywhere. u undoes, R resets all."
		if c.ID == m.plan.OriginID {
			title += " (where the fleet stands)"
			intro = "Change any figure of the origin: it changes staying, and the machines kept there when the fleet does not move. " +
				"Edited values are marked ✎ everywhere. u undoes, R resets all."
		}
	}
	body := m.form.render(title, intro, m.fields(), m.mode == modeValue, width-4, height-2, s)
	if m.mode == modePick {
		body = m.picker(width-4, height-2)
	}
	if m.form.err != "" && m.mode != modeValue {
		body += "\n\n" + s.ErrorText.Render("✗ "+m.form.err)
	}
	return "\n" + indent(body, "  ")
}

// picker lists the catalogue to add a machine model to the fleet.
func (m Model) picker(width, height int) string {
	s := m.styles
	lines := []string{s.PanelTitle.Render("Add a machine model"), s.Muted.Render("Adds 100 of the model to the fleet; its count can be changed after."), ""}
	for i, mach := range m.set.Machines.Machines {
		marker := "  "
		if i == m.form.pick {
			marker = s.Accent.Render("▸ ")
		}
		line := marker + pad(mach.Name, 24, false) + s.Muted.Render(
			" "+trimFloat(mach.Hashrate.Value)+" "+mach.Unit+" · "+trimFloat(mach.PowerW.Value)+" W · "+mach.Algorithm)
		lines = append(lines, ansiTruncate(line, width))
	}
	return fitLines(strings.Join(lines, "\n"), width, height)
}

func indent(s, prefix string) string {
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix)
}
