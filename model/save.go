package model

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"

	"hashhaven/countries"
	"hashhaven/dataset"
	"hashhaven/economics"
	"hashhaven/safefile"
	"hashhaven/yamledit"
)

type savedMsg struct {
	id   string
	path string
	set  *dataset.Set // the data set read back after the write, when it validates
	err  error
}

// saveWhatIfs writes one destination's what-if values into its file: only those values and
// their source lines change, the file is replaced atomically, and nothing is written unless
// the result validates.
func saveWhatIfs(dir, file, id string, edits map[string]float64, note string, now time.Time) tea.Cmd {
	return func() tea.Msg {
		path := filepath.Join(dir, filepath.FromSlash(file))
		src, err := os.ReadFile(path)
		if err != nil {
			return savedMsg{id: id, path: path, err: err}
		}
		if note == "" {
			note = "edited in hashhaven " + now.Format("2006-01-02")
		}
		var changes []yamledit.Edit
		for _, p := range slices.Sorted(maps.Keys(edits)) {
			changes = append(changes, yamledit.Edit{Path: p, Value: edits[p], Source: note, AsOf: now.Format("2006-01-02")})
		}
		out, err := yamledit.Apply(src, changes)
		if err != nil {
			return savedMsg{id: id, path: path, err: err}
		}
		if _, doc := countries.Decode(path, out); len(doc.Issues) > 0 {
			return savedMsg{id: id, path: path, err: fmt.Errorf("the edited file would not validate, left untouched: %w", doc.Issues)}
		}
		if err := safefile.Replace(path, out); err != nil {
			return savedMsg{id: id, path: path, err: err}
		}
		set, issues := dataset.Open(nil, dir)
		if len(issues) > 0 {
			return savedMsg{id: id, path: path, err: fmt.Errorf("saved, but the data folder does not load: %w", issues)}
		}
		return savedMsg{id: id, path: path, set: set}
	}
}

// errEmbedded is why the bundled data cannot take a what-if.
var errEmbedded = errors.New("the bundled data set is read-only: run 'hashhaven init mydata', then 'hashhaven --data mydata' to save what-ifs")

// startSave asks for the note that becomes the source of the saved values.
func (m Model) startSave() (Model, tea.Cmd) {
	r, ok := m.selectedResult()
	if m.screen == screenWhatIf {
		c, found := m.country(m.form.target)
		r, ok = economics.Result{ID: c.ID, Name: c.Name}, found
	}
	switch {
	case !ok:
		return m, nil
	case m.dataDir == "":
		cmd := m.showToast(errEmbedded.Error())
		return m, cmd
	case len(m.current.edited(r.ID)) == 0:
		cmd := m.showToast("no what-if edits on " + r.Name + " to save (e edits its figures)")
		return m, cmd
	}
	m.saving, m.saveID = true, r.ID
	m.note.SetValue("")
	cmd := m.note.Focus()
	return m, cmd
}

func (m Model) noteKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch msg.String() {
	case "esc":
		m.saving = false
		m.note.Blur()
		return m, nil
	case "enter":
		m.saving = false
		m.note.Blur()
		file, ok := m.set.Files[m.saveID]
		if !ok {
			cmd := m.showToast("not saved: " + m.saveID + " is no longer in the data folder")
			return m, cmd
		}
		return m, saveWhatIfs(m.dataDir, file, m.saveID, m.current.edited(m.saveID), m.note.Value(), m.now)
	}
	var cmd tea.Cmd
	m.note, cmd = m.note.Update(msg)
	return m, cmd
}

func (m *Model) saved(msg savedMsg) tea.Cmd {
	if msg.err != nil {
		return m.showToast("not saved: " + msg.err.Error())
	}
	m.history = append(m.history, m.current)
	m.current = m.current.withoutCountry(msg.id)
	m.set = msg.set
	m.banner = ""
	m.countProvenance()
	return tea.Batch(m.rerank(), m.showToast("saved to "+msg.path))
}
