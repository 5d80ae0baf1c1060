package model

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
)

// The detail, the help, compare and the split hold more than a small window: their text is
// drawn whole and shown through a viewport, scrolled by the pager keys and the mouse wheel.
// The scroll position is the model's (detailY, helpY, compareY, splitY); the viewport is built from it for each frame and
// each key, so nothing but the model holds state.

// scrolled shows the part of text that starts at line y in a window of width×height. When
// the text is taller (more), the last line says where the window is and that there is more.
func (m Model) scrolled(text string, width, height, y int) (view string, more bool) {
	vp, more := newPager(text, width, height, y)
	if !more {
		return vp.View(), false
	}
	return vp.View() + "\n" + m.scrollIndicator(vp, width), true
}

// newPager is a viewport on text at line y; more says the text is taller than the window,
// which then keeps its last line for the scroll indicator.
func newPager(text string, width, height, y int) (viewport.Model, bool) {
	lines := strings.Split(text, "\n")
	more := len(lines) > height
	if more {
		height--
	}
	vp := viewport.New(viewport.WithWidth(max(1, width)), viewport.WithHeight(max(1, height)))
	vp.SetContentLines(lines)
	vp.SetYOffset(y)
	return vp, more
}

// scrollIndicator is a rule that says how far the text is read and whether more follows.
func (m Model) scrollIndicator(vp viewport.Model, width int) string {
	pct := fmt.Sprintf("%d%%", int(vp.ScrollPercent()*100+0.5))
	label := " ↑↓ more above and below · " + pct + " "
	switch {
	case vp.AtBottom():
		label = " end · ↑ g top · " + pct + " "
	case vp.AtTop():
		label = " ↓ more below · pgdn · " + pct + " "
	}
	rule := max(0, width-cells(label)-2)
	return m.styles.Rule.Render(strings.Repeat("─", rule)) + m.styles.Muted.Render(label) + m.styles.Rule.Render("──")
}

// pagerText is the text the screen on view scrolls, and the window it is shown in; ok is
// false on a screen that does not scroll. Drawing and the keys both use it, so they agree.
func (m Model) pagerText() (text string, width, height, y int, ok bool) {
	body := m.height - m.headerHeight() - footerLines
	switch m.screen {
	case screenDetail:
		return m.detailText(m.width), m.width, body, m.detailY, true
	case screenHelp:
		w, h := helpArea(m.width, body)
		return m.helpText(w), w, h, m.helpY, true
	case screenCompare:
		if _, text, h, ok := m.compareParts(m.width, body); ok {
			return text, m.width, h, m.compareY, true
		}
	case screenPortfolio:
		return m.splitText(m.width, body), m.width, body, m.splitY, true
	}
	return "", 0, 0, 0, false
}

// setScroll keeps the scroll position of the screen on view.
func (m *Model) setScroll(y int) {
	switch m.screen {
	case screenDetail:
		m.detailY = y
	case screenHelp:
		m.helpY = y
	case screenCompare:
		m.compareY = y
	case screenPortfolio:
		m.splitY = y
	}
}

// pagerKey scrolls the detail or the help; handled is false for keys it leaves to others.
// In the detail, ←/→ step to the destination before or after in the table.
func (m Model) pagerKey(msg tea.KeyPressMsg) (Model, bool) {
	p := m.keys.Pager
	if m.screen == screenDetail {
		switch {
		case key.Matches(msg, p.Prev), key.Matches(msg, p.Next):
			was := m.selected
			if key.Matches(msg, p.Prev) {
				m.cursor--
			} else {
				m.cursor++
			}
			m.follow()
			if m.selected != was { // a new destination is read from its top
				m.detailY = 0
			}
			return m, true
		}
	}
	text, w, h, y, ok := m.pagerText()
	if !ok {
		return m, false
	}
	vp, _ := newPager(text, w, h, y)
	switch {
	case key.Matches(msg, p.Up):
		vp.ScrollUp(1)
	case key.Matches(msg, p.Down):
		vp.ScrollDown(1)
	case key.Matches(msg, p.PageUp):
		vp.PageUp()
	case key.Matches(msg, p.PageDown):
		vp.PageDown()
	case key.Matches(msg, p.Top):
		vp.GotoTop()
	case key.Matches(msg, p.Bottom):
		vp.GotoBottom()
	default:
		return m, false
	}
	m.setScroll(vp.YOffset())
	return m, true
}

// pagerWheel scrolls the detail or the help by the viewport's wheel step.
func (m Model) pagerWheel(mouse tea.Mouse) Model {
	text, w, h, y, ok := m.pagerText()
	if !ok {
		return m
	}
	vp, _ := newPager(text, w, h, y)
	switch mouse.Button {
	case tea.MouseWheelUp:
		vp.ScrollUp(vp.MouseWheelDelta)
	case tea.MouseWheelDown:
		vp.ScrollDown(vp.MouseWheelDelta)
	}
	m.setScroll(vp.YOffset())
	return m
}

// overlayHelp is the footer's hints on a full screen other than the main one and the
// editors: how to scroll where the screen does (more: it holds more than its window), how
// to go back.
func (m Model) overlayHelp(more bool) []key.Binding {
	k := m.keys
	switch m.screen {
	case screenDetail:
		return append(k.Pager.shortHelp(true, k.Back), k.Help)
	case screenHelp:
		return k.Pager.shortHelp(false, k.Back)
	case screenChart:
		return k.chartHelp()
	case screenCompare, screenPortfolio:
		if more {
			return append(k.Pager.shortHelp(false, k.Back), k.Screenshot, k.Help)
		}
	}
	return []key.Binding{k.Back, k.Screenshot, k.Help}
}
