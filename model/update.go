package model

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/lucasb-eyer/go-colorful"

	"hashhaven/economics"
	"hashhaven/theme"
)

// nothingToEdit answers e and w on the sell row, which has no site and no file.
const nothingToEdit = "the sell row has no site to edit: its sale fee is an assumption (a)"

// How long a toast stays in the footer.
const toastFor = 3 * time.Second

type clearToastMsg struct{ id int }

// Update handles one message. It does no I/O: ranking, files and timers run in commands.
// When the message changed the selection or the ranking, the selected destination's
// break-even and sensitivities are worked out again in the background.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := m.update(msg)
	after := next.(Model)
	if after.toastID == m.toastID && (after.screen != m.screen || after.mode != m.mode) {
		after.toast = "" // a message belongs where it was raised; its timer finds nothing to clear
	}
	if frame := after.paced(msg); frame != nil {
		cmd = tea.Batch(cmd, frame)
	}
	return after, tea.Batch(cmd, after.lookCloser(), after.fadeMoves())
}

func (m Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.sizeInputs()
		m.follow()
		return m, nil
	case tea.BackgroundColorMsg:
		if !m.themeChosen {
			m.styles = newStyles(theme.Default(isDark(msg)))
		}
		return m, nil
	case rankedMsg:
		cmd := m.ranked(msg)
		return m, cmd
	case splitMsg:
		if m.splitSolved(msg) {
			return m, m.simulate() // with the split, so its band is simulated on the same futures
		}
		return m, nil
	case simProgressMsg:
		cmd := m.simulationProgressed(msg)
		return m, cmd
	case simMsg:
		m.simulated(msg)
		return m, nil
	case insightMsg:
		m.insightArrived(msg)
		return m, nil
	case insightDueMsg:
		return m, m.insightDue(msg)
	case frameMsg:
		return m, nil
	case clearMovesMsg:
		if msg.gen == m.movedGen {
			m.moved, m.movesFading = map[string]int{}, false
		}
		return m, nil
	case provenanceMsg:
		m.counted(msg)
		return m, nil
	case Reloaded:
		cmd := m.reloaded(msg)
		return m, tea.Batch(cmd, m.watch)
	case WatchError:
		cmd := m.showToast("watching the data folder: " + msg.Err.Error())
		return m, tea.Batch(cmd, m.watch)
	case savedMsg:
		cmd := m.saved(msg)
		return m, cmd
	case exportMsg:
		cmd := m.exportDone(msg)
		return m, cmd
	case screenshotMsg:
		cmd := m.screenshotDone(msg)
		return m, cmd
	case clearToastMsg:
		if msg.id == m.toastID {
			m.toast = ""
		}
		return m, nil
	case tea.MouseClickMsg:
		return m.click(msg.Mouse())
	case tea.MouseWheelMsg:
		return m.wheel(msg.Mouse())
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	// Anything else (a paste, say) is for the input the mode types into.
	var cmd tea.Cmd
	switch m.mode {
	case modeFilter:
		m.filter, cmd = m.filter.Update(msg)
		m.refreshRows()
	case modeNote:
		m.note, cmd = m.note.Update(msg)
	case modeValue:
		m.form.input, cmd = m.form.input.Update(msg)
	}
	return m, cmd
}

func isDark(msg tea.BackgroundColorMsg) bool {
	c, ok := colorful.MakeColor(msg.Color)
	if !ok {
		return true
	}
	_, _, l := c.Hsl()
	return l < 0.5
}

// key sends a key press to the mode that holds the keyboard; in the normal mode, to the
// screen on view.
func (m Model) key(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch m.mode {
	case modeFilter:
		return m.filterKey(msg)
	case modeValue:
		return m.valueKey(msg)
	case modePick:
		return m.pickKey(msg)
	case modeNote:
		return m.noteKey(msg)
	}
	if m.screen.isEditor() {
		return m.formKey(msg)
	}
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Back):
		return m.escape(), nil
	case key.Matches(msg, k.Help):
		m.helpY = 0
		return m.toggle(screenHelp), nil
	case key.Matches(msg, k.Theme):
		m.styles = newStyles(theme.Next(m.styles.theme))
		m.themeChosen = true
		cmd := m.showToast("theme: " + m.styles.theme.Name)
		return m, cmd
	case key.Matches(msg, k.Present):
		return m.toggle(screenPresent), nil
	case key.Matches(msg, k.Screenshot):
		return m, m.takeScreenshot()
	case key.Matches(msg, k.Save):
		return m.startSave()
	case key.Matches(msg, k.Export):
		return m, export(m.Report(), m.outDir)
	}
	// The detail, the help, compare and the split scroll their text with the pager's keys.
	if next, ok := m.pagerKey(msg); ok {
		return next, nil
	}
	if m.screen == screenHelp || m.screen == screenPresent {
		return m, nil
	}
	switch {
	case key.Matches(msg, k.Up):
		m.cursor--
	case key.Matches(msg, k.Down):
		m.cursor++
	case key.Matches(msg, k.Top):
		m.cursor = 0
	case key.Matches(msg, k.Bottom):
		m.cursor = len(m.rows) - 1
	case key.Matches(msg, k.PageUp):
		m.cursor -= max(1, m.layout().tableRows-1)
	case key.Matches(msg, k.PageDown):
		m.cursor += max(1, m.layout().tableRows-1)
	case key.Matches(msg, k.Sort):
		m.sortKey = nextSortable(m.sortKey)
		m.refreshRows()
		cmd := m.showToast("sorted by " + economics.Fields[m.sortKey].Label)
		return m, cmd
	case key.Matches(msg, k.Reverse):
		m.reverse = !m.reverse
		m.refreshRows()
	case key.Matches(msg, k.Filter):
		m.mode = modeFilter
		m.screen = screenMain
		cmd := m.filter.Focus()
		return m, cmd
	case key.Matches(msg, k.Mark):
		return m.mark()
	case key.Matches(msg, k.ClearMarks):
		return m.clearMarks()
	case key.Matches(msg, k.Compare):
		return m.openCompare()
	case key.Matches(msg, k.Detail):
		m.detailY = 0
		return m.toggle(screenDetail), nil
	case key.Matches(msg, k.Chart):
		return m.toggle(screenChart), nil
	case key.Matches(msg, k.Split):
		m.splitY = 0
		return m.toggle(screenPortfolio), nil
	case key.Matches(msg, k.Fleet):
		return m.openForm(screenFleet), nil
	case key.Matches(msg, k.Assumptions):
		return m.openForm(screenAssumptions), nil
	case key.Matches(msg, k.WhatIf):
		r, ok := m.selectedResult()
		if ok && r.Kind == economics.Sell {
			cmd := m.showToast(nothingToEdit)
			return m, cmd
		}
		if ok {
			return m.openForm(screenWhatIf), nil
		}
	case key.Matches(msg, k.Undo):
		return m.undo()
	case key.Matches(msg, k.Reset):
		return m.resetAll()
	}
	m.follow()
	return m, nil
}

// nextSortable is the next field that orders the table: one a column shows, so the arrow in
// the column heads always shows the order (rank is the NPV order).
func nextSortable(i int) int {
	shown := map[string]bool{}
	for _, c := range tableColumns() {
		shown[c.key] = c.key != "" && c.key != "rank"
		for _, k := range c.alsoSort {
			shown[k] = true
		}
	}
	for {
		i = (i + 1) % len(economics.Fields)
		if shown[economics.Fields[i].Key] {
			return i
		}
	}
}

// The number of destinations compare puts side by side.
const (
	minCompare = 2
	maxCompare = 4
)

// mark marks or unmarks the destination under the cursor, for compare; it marks no more than
// compare takes, and says so.
func (m Model) mark() (tea.Model, tea.Cmd) {
	r, ok := m.selectedResult()
	if !ok {
		return m, nil
	}
	if !m.marks[r.ID] && len(m.compareIDs()) >= maxCompare {
		cmd := m.showToast("compare takes at most " + itoa(maxCompare) + ": space unmarks, " +
			m.keys.ClearMarks.Help().Key + " clears all")
		return m, cmd
	}
	m.marks = toggled(m.marks, r.ID)
	return m, nil
}

func (m Model) clearMarks() (tea.Model, tea.Cmd) {
	n := len(m.compareIDs())
	if n == 0 {
		cmd := m.showToast("no marks to clear")
		return m, cmd
	}
	m.marks = map[string]bool{}
	cmd := m.showToast("cleared " + itoa(n) + " marks")
	return m, cmd
}

func toggled(set map[string]bool, id string) map[string]bool {
	out := make(map[string]bool, len(set)+1)
	for k, v := range set {
		out[k] = v
	}
	if out[id] {
		delete(out, id)
	} else {
		out[id] = true
	}
	return out
}

// toggle opens a full-screen view, or closes it when it is open.
func (m Model) toggle(s screen) Model {
	if m.screen == s {
		m.screen = m.back
		return m
	}
	if m.screen == screenMain || m.screen == screenDetail || m.screen == screenChart || m.screen == screenCompare || m.screen == screenPortfolio {
		m.back = screenMain
	}
	m.screen = s
	return m
}

func (m Model) escape() Model {
	switch {
	case m.screen == screenHelp:
		m.screen = m.back
	case m.screen != screenMain:
		m.screen = screenMain
	case m.filter.Value() != "":
		m.filter.SetValue("")
		m.refreshRows()
	}
	return m
}

// openCompare opens compare on the marked destinations; marking stops at maxCompare.
func (m Model) openCompare() (tea.Model, tea.Cmd) {
	if len(m.compareIDs()) < minCompare {
		cmd := m.showToast("mark " + itoa(minCompare) + " to " + itoa(maxCompare) + " destinations with space, then press c")
		return m, cmd
	}
	m.compareY = 0
	return m.toggle(screenCompare), nil
}

// compareIDs are the marked destinations, in the table's order.
func (m Model) compareIDs() []string {
	var ids []string
	for _, r := range m.results {
		if m.marks[r.ID] {
			ids = append(ids, r.ID)
		}
	}
	return ids
}

// filterKey types the filter, which narrows the table as it is typed.
func (m Model) filterKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys.Filtering
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Keep):
		m.leaveMode()
		return m, nil
	case key.Matches(msg, k.Clear):
		m.leaveMode()
		m.filter.SetValue("")
		m.refreshRows()
		return m, nil
	case key.Matches(msg, k.Leave):
		// The filter stays and the arrow moves the cursor in the table it narrowed.
		m.leaveMode()
		return m.key(msg)
	}
	var cmd tea.Cmd
	m.filter, cmd = m.filter.Update(msg)
	m.refreshRows()
	return m, cmd
}

// leaveMode gives the keys back to the screen.
func (m *Model) leaveMode() {
	m.mode = modeNormal
	m.filter.Blur()
	m.note.Blur()
	m.form.input.Blur()
}

// undo steps back to the variant before the last change, and says what it undid.
func (m Model) undo() (tea.Model, tea.Cmd) {
	if len(m.history) == 0 {
		cmd := m.showToast("nothing to undo")
		return m, cmd
	}
	last := m.history[len(m.history)-1]
	m.current = last.was
	m.history = m.history[:len(m.history)-1]
	m.fitForm()
	cmd := tea.Batch(m.rerank(), m.showToast("undid: "+last.what))
	return m, cmd
}

func (m Model) resetAll() (tea.Model, tea.Cmd) {
	if len(m.current.WhatIfs) == 0 && len(m.history) == 0 {
		cmd := m.showToast("nothing to reset")
		return m, cmd
	}
	rank := m.change(variant{Scenario: cloneScenario(m.base)}, "reset of all what-ifs, assumptions and fleet changes")
	m.fitForm()
	toast := m.showToast("all what-ifs, assumptions and fleet changes reset")
	return m, tea.Batch(rank, toast)
}

// showToast shows a short message in the footer for a few seconds.
func (m *Model) showToast(text string) tea.Cmd {
	m.toastID++
	m.toast = text
	id := m.toastID
	return tea.Tick(toastFor, func(time.Time) tea.Msg { return clearToastMsg{id} })
}

func (m Model) click(mouse tea.Mouse) (tea.Model, tea.Cmd) {
	if m.screen != screenMain || mouse.Button != tea.MouseLeft {
		return m, nil
	}
	g := m.layout()
	row := mouse.Y - g.firstRowY
	if mouse.X < g.tableWidth && row >= 0 && row < g.tableRows && m.offset+row < len(m.rows) {
		m.cursor = m.offset + row
		m.follow()
	}
	return m, nil
}

func (m Model) wheel(mouse tea.Mouse) (tea.Model, tea.Cmd) {
	if m.mode == modeNote {
		return m, nil // the note is for the destination on screen: leave it be
	}
	if m.screen == screenDetail || m.screen == screenHelp || m.screen == screenCompare || m.screen == screenPortfolio {
		return m.pagerWheel(mouse), nil
	}
	// Elsewhere the selection is what an editor works on: leave it be.
	if m.screen != screenMain && m.screen != screenChart {
		return m, nil
	}
	switch mouse.Button {
	case tea.MouseWheelUp:
		m.cursor--
	case tea.MouseWheelDown:
		m.cursor++
	}
	m.follow()
	return m, nil
}

// sizeInputs gives the text inputs in the footer the room its other parts leave.
func (m *Model) sizeInputs() {
	m.filter.SetWidth(m.inputWidth(modeFilter, m.filter.Prompt))
	m.note.SetWidth(m.inputWidth(modeNote, m.note.Prompt))
}

// takeScreenshot pictures the screen for a slide: a passing message ("exported …") is not part
// of it.
func (m Model) takeScreenshot() tea.Cmd {
	still := m
	still.toast = ""
	return screenshot(still.Screen(), PictureOptions(m.styles.theme, m.width, m.height), m.outDir)
}
