package model

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"hashhaven/cited"
	"hashhaven/countries"
	"hashhaven/economics"
	"hashhaven/report"
	"hashhaven/safefile"
)

type exportMsg struct {
	paths []string
	err   error
}

// Report is the current view as a report: the rows shown, in the order shown, with notes
// that say what the user changed (filter, what-ifs, assumptions, fleet).
func (m Model) Report() report.Report {
	rows := make([]economics.Result, len(m.rows))
	for i, idx := range m.rows {
		rows[i] = m.results[idx]
	}
	rep := report.Report{Plan: m.plan, Results: rows, Data: m.set.Name(), AsOf: m.set.AsOf, Notes: m.notes(),
		Countries: m.current.apply(m.set.Countries), Portfolio: m.split, Now: m.now, StaleMonths: staleMonths}
	if m.bands != nil {
		rep.Bands, rep.Paths = m.bands, simPaths
	}
	if len(rows) < len(m.results) {
		rep.Ranking = m.results
	}
	return rep
}

// notes describe how the view differs from the data set as loaded.
func (m Model) notes() []string {
	var notes []string
	if q := m.filter.Value(); q != "" {
		notes = append(notes, fmt.Sprintf("filtered by %q: %d of %d destinations shown", q, len(m.rows), len(m.results)))
	}
	for _, w := range m.latestWhatIfs() {
		c, ok := m.set.Country(w.Country)
		if !ok {
			continue
		}
		for _, f := range countries.Numbers(&c) {
			if f.Path == w.Path {
				notes = append(notes, fmt.Sprintf("what-if: %s %s %s → %s %s", c.Name, strings.ToLower(f.Label[:1])+f.Label[1:],
					cited.Format(f.Num.Value), cited.Format(w.Value), f.Unit))
			}
		}
	}
	for _, f := range m.editedAssumptions() {
		notes = append(notes, fmt.Sprintf("assumption: %s %s (%s)", strings.ToLower(f.label), f.value, f.note))
	}
	if fleet := m.fleetChange(); fleet != "" {
		notes = append(notes, fleet)
	}
	return notes
}

// latestWhatIfs keeps the last edit of each figure.
func (m Model) latestWhatIfs() []whatIf {
	seen := map[string]int{}
	var out []whatIf
	for _, w := range m.current.WhatIfs {
		k := w.Country + " " + w.Path
		if i, ok := seen[k]; ok {
			out[i] = w
			continue
		}
		seen[k] = len(out)
		out = append(out, w)
	}
	return out
}

func (m Model) fleetChange() string {
	var was, now []string
	for _, b := range m.base.Fleet {
		was = append(was, fmt.Sprintf("%d %s", b.Count, b.Machine))
	}
	for _, b := range m.current.Scenario.Fleet {
		now = append(now, fmt.Sprintf("%d %s", b.Count, b.Machine))
	}
	if strings.Join(was, ", ") == strings.Join(now, ", ") {
		return ""
	}
	return "fleet changed: " + strings.Join(now, ", ") + " (was " + strings.Join(was, ", ") + ")"
}

// export writes the report as markdown, CSV, JSON and HTML beside each other in dir.
func export(rep report.Report, dir string) tea.Cmd {
	return func() tea.Msg {
		writers := []struct {
			ext   string
			write func(io.Writer, report.Report) error
		}{{".md", report.WriteMarkdown}, {".csv", report.WriteCSV}, {".json", report.WriteJSON}, {".html", report.WriteHTML}}
		exts := make([]string, len(writers))
		for i, w := range writers {
			exts[i] = w.ext
		}
		// One name free for every format, so the set stays together; all files or none.
		stem := safefile.UniqueStem(dir, "hashhaven", exts, time.Now())
		files := make([]safefile.File, len(writers))
		paths := make([]string, len(writers))
		for i, w := range writers {
			var buf bytes.Buffer
			if err := w.write(&buf, rep); err != nil {
				return exportMsg{err: err}
			}
			files[i] = safefile.File{Path: stem + w.ext, Data: buf.Bytes()}
			paths[i] = stem + w.ext
		}
		if err := safefile.WriteNewSet(files); err != nil {
			return exportMsg{err: err}
		}
		return exportMsg{paths: paths}
	}
}

func (m *Model) exportDone(msg exportMsg) tea.Cmd {
	if msg.err != nil {
		return m.showToast("export failed: " + msg.err.Error())
	}
	return m.showToast(fmt.Sprintf("exported %s (.md .csv .json .html)", strings.TrimSuffix(msg.paths[0], ".md")))
}
