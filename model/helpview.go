package model

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"

	"hashhaven/human"
)

// helpView is every key, and what the table's figures mean, scrolled to where the user has
// read.
func (m Model) helpView(width, height int) string {
	w, h := helpArea(width, height)
	view, _ := m.scrolled(m.helpText(w), w, h, m.helpY)
	return lipgloss.NewStyle().Padding(1, 2, 0).Render(view)
}

// helpArea is the room the help's text has in a body of width×height: a margin of two
// cells at the sides and a blank line above.
func helpArea(width, height int) (int, int) { return max(1, width-4), max(1, height-1) }

// helpText is the whole help, however tall, at the given width.
func (m Model) helpText(width int) string {
	s := m.styles
	h := help.New()
	h.Styles = s.Help
	h.FullSeparator = "    "
	keys := helpColumns(h, m.keys.fullHelp(), width)
	pager := s.Muted.Render(pagerLead) + h.ShortHelpView(m.keys.Pager.fullHelp())
	editors := s.Muted.Render(editorsLead) + h.ShortHelpView(m.keys.editorKeys(false, true)) +
		s.Muted.Render(" · in the fleet ") + h.ShortHelpView([]key.Binding{m.keys.addRemove()}) + s.Muted.Render(editorsTail)
	// The modes that hold the keyboard, with the keys the footer shows in each.
	var inModes []string
	for _, md := range inputModes() {
		hints, quit := m.keys.modeHelp(md)
		inModes = append(inModes, ansiWrap(s.Muted.Render(capitalised(md.name())+": ")+h.ShortHelpView(append(hints, quit)), width))
	}
	terms := [][2]string{
		{"Gain", "what the option adds to not moving (keeping at the origin what pays there, selling the rest); \"all -$1.3M\": nothing pays to move there, and moving everything that fits would change the value by that much"},
		{"Value", "expected value today of the option's plan: the machines that gain move there, the others stay or are sold; each machine runs only in months that pay and is sold when it will not pay again"},
		{"Moved", "machines the plan moves, of the whole fleet; the fittest machines fill the capacity first"},
		{"Net/month", "month 0 at full operation of the machines that fit: revenue − power all-in (tariff + levies) − opex − profit tax"},
		{"¢/kWh", "all-in power price with mining levies, in US cents"},
		{"Fits", "share of the fleet's load the spare grid capacity can take"},
		{"Payback", "months until the moved machines' expected cash covers their move"},
		{"P10–P90", "the value over " + human.Thousands(simPaths, 0) + " simulated futures (hashprice swings, levy shocks, shutdowns): a bar █ from the 10th to the 90th percentile, │ the median, on one scale for the rows in view; s sorts by P10 (worst plausible) and by the mean"},
		{"Worse", "share of those futures in which the option ends below not moving"},
		{"Score", "0–100: weighted value, political stability, headroom and proximity (the sell row is not scored)"},
		{"⌂ $", "keep the fleet where it stands · sell the whole fleet now"},
		{"Split", "o: the best mix of selling, keeping and moving, with no place over the scenario's cap, and its band"},
		{"Detail", "enter: the option's band; the hashprice, and the origin's power price, at which moving all that fits gains nothing; how its gain moves when each input moves by a stated step, largest first"},
		{"▲▼ ● ✎", "rank moves after your last change, for a few seconds once the table is on screen · marked for compare (up to " + itoa(maxCompare) + ") · what-if edit"},
	}
	legend := []string{s.Bold.Render("What the figures mean")}
	descW := max(10, width-10)
	for _, t := range terms {
		desc := strings.ReplaceAll(ansiWrap(t[1], descW), "\n", "\n"+strings.Repeat(" ", 10))
		legend = append(legend, s.Accent.Render(pad(t[0], 9, false))+" "+desc)
	}
	legend = append(legend, "", ansiWrap(s.Muted.Render("Every formula is in docs/economics.md; every input's source is in the detail pane."), width))
	return s.PanelTitle.Render("Keys") + "\n\n" + keys + "\n\n" + ansiWrap(pager, width) + "\n" + ansiWrap(editors, width) + "\n" + strings.Join(inModes, "\n") +
		"\n\n" + strings.Join(legend, "\n")
}

// pagerLead introduces the keys of the screens that scroll.
const pagerLead = "In the detail, compare and this help: "

// editorsLead and editorsTail frame the editors' own keys and how figures are typed there.
const (
	editorsLead = "In the what-if (e), assumptions (a) and fleet (f) editors: "
	editorsTail = ". Type a share as 0.015 or 1.5%."
)

// helpColumns lays the key groups out side by side as far as they fit in width cells, and
// starts another band of columns below for the groups that do not, so no key is ever cut.
func helpColumns(h help.Model, groups [][]key.Binding, width int) string {
	h.SetWidth(0) // laid out here rather than cut
	var bands []string
	for len(groups) > 0 {
		n, used := 1, lipgloss.Width(h.FullHelpView(groups[:1]))
		for n < len(groups) {
			next := used + lipgloss.Width(h.FullSeparator) + lipgloss.Width(h.FullHelpView(groups[n:n+1]))
			if next > width {
				break
			}
			n, used = n+1, next
		}
		bands = append(bands, h.FullHelpView(groups[:n]))
		groups = groups[n:]
	}
	return strings.Join(bands, "\n\n")
}
