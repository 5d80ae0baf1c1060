package model

import (
	"charm.land/lipgloss/v2"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// View is the whole window: in a burst of input, the last frame drawn until the next frame
// tick (see pacing).
func (m Model) View() tea.View { return m.frame(m.draw) }

// draw draws the whole window.
func (m Model) draw() tea.View {
	v := tea.NewView(m.Screen())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "hashhaven — " + m.current.Scenario.Name
	if !m.styles.theme.Mono {
		v.BackgroundColor = m.styles.theme.Background
		v.ForegroundColor = m.styles.theme.Foreground
	}
	return v
}

// Screen is exactly what the window shows, as styled text: View's content, and what a
// screenshot renders.
func (m Model) Screen() string {
	g := m.layout()
	if g.tooSmall {
		return m.tooSmall()
	}
	var body string
	bodyHeight := m.height - headerLines - footerLines
	switch m.screen {
	case screenDetail:
		body = m.detailScreen(m.width, bodyHeight)
	case screenCompare:
		body = m.compareView(m.width, bodyHeight)
	case screenHelp:
		body = m.helpView(m.width, bodyHeight)
	case screenFleet, screenAssumptions, screenWhatIf:
		body = m.formView(m.width, bodyHeight)
	case screenChart:
		body = m.chartView(m.width, bodyHeight)
	case screenPortfolio:
		body = m.portfolioView(m.width, bodyHeight)
	case screenPresent:
		return m.presentView()
	default:
		body = m.mainView(g)
	}
	return m.header(m.width) + "\n" + fitLines(body, m.width, bodyHeight) + "\n" + m.footer(m.width)
}

func (m Model) tooSmall() string {
	msg := "Enlarge the terminal to at least 60×16 to use hashhaven."
	now := "now " + itoa(m.width) + "×" + itoa(m.height)
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	text := ansiWrap(msg+" ("+now+")", m.width)
	return fitLines(text, m.width, m.height)
}

func (m Model) mainView(g geometry) string {
	answer := strings.Join(g.answer, "\n")
	table := (&tableView{
		results: m.results, rows: m.rows, cursor: m.cursor, offset: m.offset,
		width: g.tableWidth, height: g.tableRows,
		sortKey: m.sortKeyField().Key, reverse: m.reverse, marks: m.marks, moved: m.moved,
		edited: m.editedCountries(), maxScore: m.maxScore(), styles: m.styles,
	}).render()
	switch g.detail {
	case detailBeside:
		detail := m.styles.Panel.Width(g.detailWidth).Height(g.detailHeight).
			Render(m.detailPane(g.detailWidth-4, g.detailHeight-2))
		return answer + "\n" + joinColumns(fitLines(table, g.tableWidth, g.tableRows+tableChrome), " ", detail)
	case detailBelow:
		rule := m.styles.Rule.Render(strings.Repeat("─", m.width))
		return answer + "\n" + table + "\n" + rule + "\n" + m.detailPane(m.width, g.detailHeight)
	}
	return answer + "\n" + table
}

func (m Model) editedCountries() map[string]bool {
	out := map[string]bool{}
	for _, w := range m.current.WhatIfs {
		out[w.Country] = true
	}
	return out
}

func (m Model) maxScore() float64 {
	best := 0.0
	for i := range m.results {
		if r := &m.results[i]; !r.Excluded {
			best = max(best, r.Score)
		}
	}
	return best
}

func (m Model) footer(width int) string {
	s := m.styles
	switch {
	case m.toast != "":
		return pad(s.Toast.Render(m.toast), width, false)
	case m.saving:
		return pad(m.note.View(), width, false)
	case m.filtering:
		return pad(m.filter.View(), width, false)
	}
	h := help.New()
	h.Styles = s.Help
	// How to quit is always in view: the other hints share what room is left.
	quit := h.Styles.ShortSeparator.Render(h.ShortSeparator) + h.ShortHelpView([]key.Binding{m.keys.Quit})
	h.SetWidth(max(1, width-lipgloss.Width(quit)))
	var line string
	switch m.screen {
	case screenFleet:
		line = h.ShortHelpView(m.keys.formHelp(true))
	case screenAssumptions, screenWhatIf:
		line = h.ShortHelpView(m.keys.formHelp(false))
	case screenMain:
		prefix := ""
		if q := m.filter.Value(); q != "" {
			prefix = s.Accent.Render("filter: "+q+" ") + s.Muted.Render("(esc clears) ")
			h.SetWidth(max(1, width-lipgloss.Width(quit)-lipgloss.Width(prefix)))
		}
		line = prefix + h.ShortHelpView(m.keys.mainHelp())
	default:
		line = h.ShortHelpView(m.overlayHelp())
	}
	return ansiTruncate(line+quit, width)
}
