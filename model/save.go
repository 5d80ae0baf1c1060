package model

import (
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"hashhaven/cited"
	"hashhaven/countries"
	"hashhaven/dataset"
	"hashhaven/economics"
	"hashhaven/safefile"
	"hashhaven/strictyaml"
	"hashhaven/yamledit"
)

type savedMsg struct {
	id     string
	path   string
	set    *dataset.Set // the data set read back after the write, when it validates
	err    error        // nothing was written
	broken error        // written, but the data folder does not load (another file may be at fault)
}

// sourcePrefix starts a note that cites a source: the saved value is then that source's figure,
// dated today, and not an estimate.
const sourcePrefix = "source:"

// provenance is what a saved what-if says of itself.
type provenance struct {
	source, asOf string
	estimate     bool
}

// savedProvenance keeps a what-if honest about where it came from. A note beginning with
// "source:" cites a new source: the value becomes that source's, dated today, and is no longer
// an estimate. Any other note (or none) makes the value a judgement on the old figure: its
// source says "what-if of: <old source>" and the note, it is an estimate, and its as_of stays
// the old figure's, the date of the evidence it reasons from — so saving a what-if neither
// makes a figure look sourced nor makes the data set look newer than it is.
func savedProvenance(old cited.Number, note string, now time.Time) provenance {
	note = strings.TrimSpace(note)
	if rest, ok := strings.CutPrefix(note, sourcePrefix); ok && strings.TrimSpace(rest) != "" {
		return provenance{source: strings.TrimSpace(rest), asOf: now.Format("2006-01-02")}
	}
	was := strings.TrimSpace(old.Source)
	if was == "" {
		was = "no source"
	}
	src := "what-if of: " + was
	if old.Set {
		src += " (was " + cited.Format(old.Value) + ")"
	}
	if note != "" {
		src += "; " + note
	} else {
		src += "; edited in hashhaven " + now.Format("2006-01-02")
	}
	asOf := old.AsOf
	if asOf == "" {
		// A figure with no date of its own (not in the file, or written plain): the judgement
		// is the only evidence, and it is made today.
		asOf = now.Format("2006-01")
	}
	return provenance{source: src, asOf: asOf, estimate: true}
}

// saveWhatIfs writes one destination's what-if values into its file: only those values and
// their provenance change, the file is replaced atomically, and nothing is written unless
// the result validates. The folder is read back through cache, when there is one, so only
// the saved file is read again.
func saveWhatIfs(dir, file, id string, edits map[string]float64, note string, now time.Time, cache *dataset.Cache) tea.Cmd {
	return func() tea.Msg {
		path := filepath.Join(dir, filepath.FromSlash(file))
		src, err := dataset.ReadFile(path)
		if err != nil {
			return savedMsg{id: id, path: path, err: err}
		}
		out, err := applyWhatIfs(path, src, edits, note, now)
		if err != nil {
			return savedMsg{id: id, path: path, err: err}
		}
		if err := safefile.Replace(path, out); err != nil {
			return savedMsg{id: id, path: path, err: err}
		}
		open := dataset.Open
		if cache != nil {
			open = cache.Open
		}
		set, issues := open(nil, dir)
		if len(issues) > 0 {
			return savedMsg{id: id, path: path, broken: doesNotLoad(issues)}
		}
		return savedMsg{id: id, path: path, set: set}
	}
}

// applyWhatIfs returns src with the edits written as saved what-ifs (see savedProvenance).
func applyWhatIfs(path string, src []byte, edits map[string]float64, note string, now time.Time) ([]byte, error) {
	before, doc := countries.Decode(path, src)
	if len(doc.Issues) > 0 {
		return nil, fmt.Errorf("the file does not validate as it is, left untouched: %w", doc.Issues)
	}
	olds := figures(&before)
	var changes []yamledit.Edit
	estimates := map[string]bool{}
	for _, p := range slices.Sorted(maps.Keys(edits)) {
		if olds[p].Set && olds[p].Value == edits[p] {
			continue // the file holds this value already: not an edit
		}
		pv := savedProvenance(olds[p], note, now)
		changes = append(changes, yamledit.Edit{Path: p, Value: edits[p], Source: pv.source, AsOf: pv.asOf})
		estimates[p] = pv.estimate
	}
	if len(changes) == 0 {
		return nil, errors.New("nothing to save: the file holds these values already")
	}
	out, err := yamledit.Apply(src, changes)
	if err != nil {
		return nil, err
	}
	for _, p := range slices.Sorted(maps.Keys(estimates)) {
		if out, err = setEstimate(path, out, p, estimates[p]); err != nil {
			return nil, err
		}
	}
	if _, doc := countries.Decode(path, out); len(doc.Issues) > 0 {
		return nil, fmt.Errorf("the edited file would not validate, left untouched: %w", doc.Issues)
	}
	return out, nil
}

// figures maps each figure's path to its number.
func figures(c *countries.Country) map[string]cited.Number {
	m := map[string]cited.Number{}
	for _, f := range countries.Numbers(c) {
		m[f.Path] = *f.Num
	}
	return m
}

// setEstimate makes the cited number at path say estimate: want, changing nothing else. The
// number is a mapping by now (yamledit writes value, source and as_of): in flow style the
// estimate key is set or added on the value's line; in block style on its own line under the
// value. The result is read back and must differ from src in that flag alone.
func setEstimate(path string, src []byte, field string, want bool) ([]byte, error) {
	before, _ := countries.Decode(path, src)
	n := figures(&before)[field]
	if n.Estimate == want {
		return src, nil
	}
	lines := strings.Split(string(src), "\n")
	if n.Line < 1 || n.Line > len(lines) {
		return nil, fmt.Errorf("%s: cannot find the saved value to mark it an estimate", field)
	}
	i := n.Line - 1
	line, flag := lines[i], fmt.Sprintf("estimate: %t", want)
	switch {
	case strings.Count(line, "estimate: "+strconv.FormatBool(!want)) == 1:
		lines[i] = strings.Replace(line, "estimate: "+strconv.FormatBool(!want), flag, 1)
	case strings.HasPrefix(strings.TrimSpace(line), "value:"):
		indent := line[:len(line)-len(strings.TrimLeft(line, " "))]
		done := false
		for j := i + 1; j < len(lines) && strings.HasPrefix(lines[j], indent) && !strings.HasPrefix(lines[j], indent+" "); j++ {
			if strings.HasPrefix(strings.TrimSpace(lines[j]), "estimate:") {
				lines[j] = indent + flag
				done = true
				break
			}
		}
		if !done {
			lines = slices.Insert(lines, i+1, indent+flag)
		}
	default:
		end := closingBrace(line, n.Col-1)
		if end < 0 {
			return nil, fmt.Errorf("%s: cannot mark the saved value an estimate: edit it by hand", field)
		}
		lines[i] = line[:end] + ", " + flag + line[end:]
	}
	out := []byte(strings.Join(lines, "\n"))
	after, doc := countries.Decode(path, out)
	got := figures(&after)
	want0 := figures(&before)
	if len(doc.Issues) > 0 || got[field].Estimate != want {
		return nil, fmt.Errorf("%s: marking the saved value an estimate failed, left untouched", field)
	}
	for p, a := range want0 {
		b := got[p]
		if p == field {
			a.Estimate, a.Line, a.Col, b.Line, b.Col = b.Estimate, 0, 0, 0, 0
		} else {
			a.Line, a.Col, b.Line, b.Col = 0, 0, 0, 0
		}
		if a != b {
			return nil, fmt.Errorf("%s: marking the saved value an estimate would change %s, left untouched", field, p)
		}
	}
	return out, nil
}

// closingBrace finds the } that closes the flow mapping holding the value at byte col of line,
// skipping quoted text; -1 when the mapping does not close on this line.
func closingBrace(line string, col int) int {
	var quote byte
	for k := max(col, 0); k < len(line); k++ {
		c := line[k]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' {
				k++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '}':
			return k
		case c == '{' || c == '#':
			return -1
		}
	}
	return -1
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
	case r.Kind == economics.Sell:
		cmd := m.showToast(nothingToEdit)
		return m, cmd
	case m.dataDir == "":
		cmd := m.showToast(errEmbedded.Error())
		return m, cmd
	case len(m.current.edited(r.ID)) == 0:
		cmd := m.showToast("no what-if edits on " + r.Name + " to save (e edits its figures)")
		return m, cmd
	}
	m.mode, m.saveID = modeNote, r.ID
	m.note.SetValue("")
	cmd := m.note.Focus()
	return m, cmd
}

// noteKey types the note of the save under way; enter writes the file.
func (m Model) noteKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys.Note
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Cancel):
		m.leaveMode()
		return m, nil
	case key.Matches(msg, k.Save):
		m.leaveMode()
		file, ok := m.set.Files[m.saveID]
		if !ok {
			cmd := m.showToast("not saved: " + m.saveID + " is no longer in the data folder")
			return m, cmd
		}
		return m, saveWhatIfs(m.dataDir, file, m.saveID, m.current.edited(m.saveID), m.note.Value(), m.now, m.cache)
	}
	var cmd tea.Cmd
	m.note, cmd = m.note.Update(msg)
	return m, cmd
}

// doesNotLoad says which file keeps the data folder from loading after a save, and why.
func doesNotLoad(issues strictyaml.Issues) error {
	first := issues[0]
	detail := first.Msg
	if first.Field != "" {
		detail = first.Field + ": " + detail
	}
	if first.Line > 0 {
		detail = fmt.Sprintf("line %d: %s", first.Line, detail)
	}
	if n := len(issues) - 1; n > 0 {
		detail += fmt.Sprintf(" (+%d more)", n)
	}
	return fmt.Errorf("saved; but %s does not load: %s", first.File, detail)
}

func (m *Model) saved(msg savedMsg) tea.Cmd {
	if msg.err != nil {
		return m.showToast("not saved: " + msg.err.Error())
	}
	if msg.broken != nil {
		// The values are in the file; the what-ifs stay on screen until the folder loads again.
		return m.showToast(msg.broken.Error())
	}
	m.history = append(m.history, step{was: m.current, what: "saving " + m.nameOf(msg.id) +
		"'s what-ifs, which show as edits again (the file keeps them)"})
	m.current = m.current.withoutCountry(msg.id)
	m.set = msg.set
	m.banner = ""
	return tea.Batch(m.rerank(), m.recount(), m.showToast("saved to "+msg.path))
}

// nameOf is a destination's name, or its id when the data set no longer has it.
func (m Model) nameOf(id string) string {
	if c, ok := m.set.Country(id); ok {
		return c.Name
	}
	return id
}
