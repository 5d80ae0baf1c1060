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

// picker lists the machine models the scenario can value, to add one to the fleet, and says
// which it leaves out; on a short screen the list scrolls to keep its cursor in view.
func (m Model) picker(width, height int) string {
	s := m.styles
	head := []string{s.PanelTitle.Render("Add a machine model"), s.Muted.Render("Adds 100 of the model to the fleet; its count can be changed after."), ""}
	var tail []string
	if out := m.unpicked(); len(out) > 0 {
		note := "Not offered, as the scenario cannot value them — " + strings.Join(out, "; ") + "."
		tail = append([]string{""}, strings.Split(ansiWrap(s.Muted.Render(note), width), "\n")...)
	}
	list := m.pickable()
	room := max(1, height-len(head)-len(tail))
	start := max(0, min(m.form.pick-room+1, len(list)-room))
	lines := head
	for i, mach := range list[start:min(len(list), start+room)] {
		marker := "  "
		if start+i == m.form.pick {
			marker = s.Accent.Render("▸ ")
		}
		line := marker + pad(mach.Name, 24, false) + s.Muted.Render(
			" "+trimFloat(mach.Hashrate.Value)+" "+mach.Unit+" · "+trimFloat(mach.PowerW.Value)+" W · "+mach.Algorithm)
		lines = append(lines, ansiTruncate(line, width))
	}
	return fitLines(strings.Join(append(lines, tail...), "\n"), width, height)
}

func indent(s, prefix string) string {
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix)
}
