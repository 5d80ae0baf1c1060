package model

import (
	"strings"

	"hashhaven/economics"
	"hashhaven/human"
	"hashhaven/report"
)

// formView draws the open editor, with the machine picker when adding to the fleet. It says
// whether the editor holds more than its window (more), which then scrolls to the cursor.
func (m Model) formView(width, height int) (view string, more bool) {
	if m.mode == modePick {
		body, more := m.picker(width-4, height-2)
		return "\n" + indent(body, "  "), more
	}
	head, room, ok := m.formHead(width-4, height-2)
	if !ok {
		return "\n  " + m.styles.Muted.Render("This destination is no longer in the data folder. esc goes back."), false
	}
	lines, first, last := m.form.lines(m.fields(), m.mode == modeValue, width-4, m.styles)
	list, more := m.window(lines, width-4, room, first, last)
	return "\n" + indent(head+list, "  "), more
}

// formHead is the open editor's title and what it does, and the lines left for its fields
// in a window of width×height; ok is false when its destination has gone from the data. A
// window too short for both drops the description.
func (m Model) formHead(width, height int) (head string, room int, ok bool) {
	s := m.styles
	var title, intro string
	switch m.screen {
	case screenFleet:
		title = "Fleet"
		intro = "Your machines. enter changes a count, + adds a model from the catalogue, - removes one. Every change re-ranks at once."
	case screenAssumptions:
		title = "Assumptions"
		intro = "The market and money assumptions of the scenario. Type a share as 0.015 or 1.5%."
	case screenWhatIf:
		c, found := m.country(m.form.target)
		if !found {
			return "", 0, false
		}
		title = "What if — " + c.Name
		intro = "Change any figure of this destination; edited values are marked ✎ everywhere. Type a share as 0.015 or 1.5%."
		if c.ID == m.plan.OriginID {
			title += " (where the fleet stands)"
			intro = "Change any figure of the origin: it changes staying, and the machines kept there when the fleet does not move. " +
				"Edited values are marked ✎ everywhere. Type a share as 0.015 or 1.5%."
		}
	}
	head = s.PanelTitle.Render(title) + "\n"
	if m.screen == screenWhatIf {
		head += ansiTruncate(m.standing(m.form.target), width) + "\n"
	}
	withIntro := head + s.Muted.Render(ansiWrap(intro, width)) + "\n\n"
	if room = height - strings.Count(withIntro, "\n"); room >= 8 {
		return withIntro, room, true
	}
	return head + "\n", height - 2, true
}

// standing is where the destination under edit stands in the ranking as it is now, so an
// edit's effect shows without leaving the editor.
func (m Model) standing(id string) string {
	s := m.styles
	for i := range m.results {
		r := &m.results[i]
		if r.ID != id {
			continue
		}
		if r.Excluded {
			return s.Muted.Render("now " + notRanked(*r))
		}
		gain := economics.MustField("gain_usd")
		return s.Muted.Render("now ") + s.HeaderValue.Render("#"+itoa(r.Rank)) + s.Muted.Render(" of "+itoa(m.rankedCount())+" · ") +
			s.HeaderValue.Render(report.Cell(gain, r)) + s.Muted.Render(" vs not moving · value ") + s.HeaderValue.Render(human.USD(r.NPV))
	}
	return ""
}

// formRoom is the lines the open editor's fields (or the picker's machines) have on screen.
func (m Model) formRoom() int {
	height := m.height - m.headerHeight() - footerLines - 2
	if m.mode == modePick {
		_, _, room := m.pickerParts(m.width-4, height)
		return room
	}
	_, room, _ := m.formHead(m.width-4, height)
	return room
}

// window shows lines in room lines with lines first to last in view (the top of them when
// they are taller than the window); when the lines do not all fit, its last line is the
// scroll line saying where the window is and that there is more.
func (m Model) window(lines []string, width, room, first, last int) (string, bool) {
	view := room
	if len(lines) > room {
		view = room - 1
	}
	start := min(max(0, last-view+1), max(0, first))
	return m.scrolled(strings.Join(lines, "\n"), width, max(1, room), start)
}

// picker lists the machine models the scenario can value, to add one to the fleet, and says
// which it leaves out; on a short screen the list scrolls to keep its cursor in view.
func (m Model) picker(width, height int) (string, bool) {
	head, tail, room := m.pickerParts(width, height)
	s := m.styles
	list := m.pickable()
	nameW := 12
	for _, mach := range list {
		nameW = max(nameW, cells(mach.Name))
	}
	nameW = min(nameW, width/2)
	have := fleetCounts(m.current.Scenario.Fleet)
	lines := make([]string, 0, len(list))
	for i, mach := range list {
		marker := "  "
		if i == m.form.pick {
			marker = s.Accent.Render("▸ ")
		}
		line := marker + pad(mach.Name, nameW, false) + "  "
		if n := have[mach.ID]; n > 0 { // before the specs, so a narrow window keeps it
			line += s.Accent.Render(human.Thousands(float64(n), 0)+" in fleet") + s.Muted.Render(" · ")
		}
		line += s.Muted.Render(trimFloat(mach.Hashrate.Value) + " " + mach.Unit + " · " + trimFloat(mach.PowerW.Value) + " W · " + mach.Algorithm)
		lines = append(lines, ansiTruncate(line, width))
	}
	body, more := m.window(lines, width, room, m.form.pick, m.form.pick)
	return head + body + tail, more
}

// pickerParts is the picker's title and what it does, its note on the models it leaves out,
// and the lines left for the list between them.
func (m Model) pickerParts(width, height int) (head, tail string, room int) {
	s := m.styles
	head = s.PanelTitle.Render("Add a machine model") + "\n" + s.Muted.Render(ansiWrap("Adds 100 of the model to the fleet; its count can be changed after.", width)) + "\n\n"
	if out := m.unpicked(); len(out) > 0 {
		tail = "\n\n" + ansiWrap(s.Muted.Render("Not offered, as the scenario cannot value them — "+strings.Join(out, "; ")+"."), width)
	}
	room = height - strings.Count(head, "\n") - strings.Count(tail, "\n")
	if room < 4 { // the list comes first
		tail, room = "", height-strings.Count(head, "\n")
	}
	return head, tail, max(1, room)
}

func indent(s, prefix string) string {
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix)
}
