package model

import (
	"slices"
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
	th := m.styles.theme
	screen := m.Screen()
	if !th.Mono { // the theme's own background in every cell, whatever the terminal's is
		screen = paint(screen, m.width, th.Background, th.Foreground)
	}
	v := tea.NewView(screen)
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "hashhaven — " + m.title()
	if !th.Mono {
		v.BackgroundColor = th.Background
		v.ForegroundColor = th.Foreground
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
	more := false // the screen holds more than its window, and scrolls
	bodyHeight := m.height - m.headerHeight() - footerLines
	switch m.screen {
	case screenDetail:
		body = m.detailScreen(m.width, bodyHeight)
	case screenCompare:
		body, more = m.compareView(m.width, bodyHeight)
	case screenHelp:
		body = m.helpView(m.width, bodyHeight)
	case screenFleet, screenAssumptions, screenWhatIf:
		body, more = m.formView(m.width, bodyHeight)
	case screenChart:
		body = m.chartView(m.width, bodyHeight)
	case screenPortfolio:
		body, more = m.portfolioView(m.width, bodyHeight)
	case screenPresent:
		return m.presentView()
	default:
		body = m.mainView(g)
	}
	body = fitLines(body, m.width, bodyHeight)
	overBody := m.toast != "" && cells(m.toast) > m.toastRoom(m.width) // too long for the footer
	if overBody {
		block := m.toastBlock(m.width, bodyHeight)
		lines := strings.Split(body, "\n")
		body = strings.Join(append(lines[:len(lines)-len(block)], block...), "\n")
	}
	return m.header(m.width) + "\n" + body + "\n" + m.footer(m.width, more, overBody)
}

// toastBlock is the passing message wrapped over up to three lines, to stand at the foot of
// the body when it is too long for the footer (a message passes, so what it covers comes back).
func (m Model) toastBlock(width, bodyHeight int) []string {
	s := m.styles
	lines := strings.Split(ansiWrap(m.toast, width-2), "\n")
	if n := min(3, bodyHeight-1); len(lines) > n {
		lines = lines[:max(0, n)]
		if n > 0 {
			lines[n-1] = ansiTruncate(lines[n-1]+" …", width-2)
		}
	}
	for i, l := range lines {
		lines[i] = s.Toast.Render(pad(l, width-2, false))
	}
	return lines
}

// toastRoom is the cells the footer has for a passing message beside the keys that leave
// the screen and quit.
func (m Model) toastRoom(width int) int {
	h := help.New()
	hints, quit := m.footerHints(false)
	always, _ := m.alwaysShown(hints)
	tail := h.Styles.ShortSeparator.Render(h.ShortSeparator) + h.ShortHelpView(append(always, quit))
	return width - cells(m.footerLead()) - cells(tail) - 2 // the message's padding
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
		edited: m.editedCountries(), maxScore: m.maxScore(), fleet: m.plan.Machines, styles: m.styles,
	}).render()
	risks := strings.Join(g.risks, "\n")
	switch g.detail {
	case detailBeside:
		detail := m.styles.Panel.Width(g.detailWidth).Height(g.detailHeight).
			Render(m.detailPane(g.detailWidth-4, g.detailHeight-2))
		left := fitLines(table, g.tableWidth, g.tableRows+tableChrome) + "\n" + fitLines(risks, g.tableWidth, len(g.risks))
		return answer + "\n" + joinColumns(left, " ", detail)
	case detailBelow:
		rule := m.styles.Rule.Render(strings.Repeat("─", m.width))
		return answer + "\n" + table + "\n" + risks + "\n" + rule + "\n" + m.detailPane(m.width, g.detailHeight)
	}
	return answer + "\n" + fitLines(table, g.tableWidth, g.tableRows+tableChrome) + "\n" + risks
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

// footer says what the keys do in the mode the user is in, naming it when it is not the
// normal one; the way back, the help where there is one, and quit are always in view. A
// passing message takes the other hints' place, unless it is too long for the footer and
// stands over the body (toastOverBody).
func (m Model) footer(width int, more, toastOverBody bool) string {
	h := help.New()
	h.Styles = m.styles.Help
	lead := m.footerLead()
	hints, quit := m.footerHints(more)
	sep := h.Styles.ShortSeparator.Render(h.ShortSeparator)
	always, rest := m.alwaysShown(hints)
	always = append(always, quit)
	if m.toast == "" || toastOverBody {
		tail := sep + h.ShortHelpView(always)
		return ansiTruncate(lead+shortHelp(h, rest, max(1, width-cells(lead)-cells(tail)))+tail, width)
	}
	return ansiTruncate(lead+m.styles.Toast.Render(m.toast)+sep+h.ShortHelpView(always), width)
}

// alwaysShown splits the hints into those the footer keeps in view at any width, beside
// quit (the way out of the screen or the mode, on esc, and the help), and the rest, which
// give way from the end.
func (m Model) alwaysShown(hints []key.Binding) (always, rest []key.Binding) {
	var help []key.Binding
	for _, b := range hints {
		switch {
		case slices.Contains(b.Keys(), "esc"):
			always = append(always, b)
		case slices.Equal(b.Keys(), m.keys.Help.Keys()):
			help = append(help, b)
		default:
			rest = append(rest, b)
		}
	}
	return append(always, help...), rest
}

// shortHelp draws the bindings that fit in width cells, in order, an ellipsis marking those
// left out. help cuts a line itself, but lets it overflow when the ellipsis would just fill it.
func shortHelp(h help.Model, bindings []key.Binding, width int) string {
	h.SetWidth(0)
	ellipsis := " " + h.Styles.Ellipsis.Render(h.Ellipsis)
	for n := len(bindings); n > 0; n-- {
		line := h.ShortHelpView(bindings[:n])
		if n < len(bindings) {
			line += ellipsis
		}
		if cells(line) <= width {
			return line
		}
	}
	return ""
}

// footerLead starts the footer: the mode's name and the input it types into, or, on the main
// screen, the filter the table is narrowed by.
func (m Model) footerLead() string {
	s := m.styles
	name := s.Accent.Render(m.mode.name()) + " "
	switch m.mode {
	case modeFilter:
		return name + m.filter.View() + " "
	case modeNote:
		return name + m.note.View() + " "
	case modeValue, modePick:
		return name + s.Muted.Render("· ")
	}
	if q := m.filter.Value(); q != "" && m.screen == screenMain {
		return s.Accent.Render("filter: "+q+" ") + s.Muted.Render("(esc clears) ")
	}
	return ""
}

// footerHints is the keys of the mode, or in the normal mode of the screen on view (more: it
// scrolls), and the key that quits there.
func (m Model) footerHints(more bool) (hints []key.Binding, quit key.Binding) {
	k := m.keys
	if m.mode != modeNormal {
		return k.modeHelp(m.mode)
	}
	switch m.screen {
	case screenFleet:
		return k.formHelp(true, more), k.Quit
	case screenAssumptions, screenWhatIf:
		return k.formHelp(false, more), k.Quit
	case screenMain:
		return k.mainHelp(), k.Quit
	}
	return m.overlayHelp(more), k.Quit
}

// inputWidth is the room a footer input has in mode md: the line less the mode's name, the
// input's prompt, the mode's hints and how to quit.
func (m Model) inputWidth(md mode, prompt string) int {
	h := help.New()
	hints, quit := m.keys.modeHelp(md)
	used := cells(md.name()) + 1 + cells(prompt) + 1 + cells(h.ShortHelpView(hints)) + cells(h.ShortSeparator) + cells(h.ShortHelpView([]key.Binding{quit}))
	return max(12, m.width-used-1)
}
