package model

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// helpView is every key, and what the table's figures mean.
func (m Model) helpView(width, height int) string {
	s := m.styles
	h := help.New()
	h.Styles = s.Help
	h.SetWidth(width)
	h.FullSeparator = "    "
	keys := h.FullHelpView(m.keys.fullHelp())
	terms := [][2]string{
		{"NPV", "expected value today of moving there: the horizon's monthly net, weighted by the chance of still running and discounted, minus freight, duty and set-up"},
		{"Net/mo", "month 0 at full operation: revenue − power − levies − opex − profit tax"},
		{"¢/kWh", "all-in power price with mining levies, in US cents"},
		{"Fits", "share of the fleet the spare grid capacity can take"},
		{"Payback", "months until the expected cash covers the move"},
		{"Score", "0–100: weighted NPV, political stability, headroom and proximity"},
		{"▲▼ ● ✎", "rank moves after your last change · marked · what-if edit"},
	}
	legend := []string{s.Bold.Render("What the figures mean")}
	descW := max(10, width-4-10)
	for _, t := range terms {
		desc := strings.ReplaceAll(ansiWrap(t[1], descW), "\n", "\n"+strings.Repeat(" ", 10))
		legend = append(legend, s.Accent.Render(pad(t[0], 9, false))+" "+desc)
	}
	legend = append(legend, "", s.Muted.Render("Every formula is in docs/economics.md; every input's source is in the detail pane."))
	body := s.PanelTitle.Render("Keys") + "\n\n" + keys + "\n\n" + strings.Join(legend, "\n")
	return lipgloss.NewStyle().Padding(1, 2).Render(fitLines(body, width-4, height-2))
}
