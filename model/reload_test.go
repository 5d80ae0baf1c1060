package model

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"hashhaven/strictyaml"
)

func TestBrokenReloadKeepsTheLastGoodData(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m = selectID(t, m, "py")
	before := len(m.results)
	bad := strictyaml.Issues{{File: "mydata/countries/kz.yaml", Line: 12, Col: 3, Field: "power.uptime", Msg: "must be at most 1, got 1.8"}}
	m = send(t, m, Reloaded{Issues: bad})
	screen := plain(m)
	if !strings.Contains(screen, "mydata/countries/kz.yaml:12:3: power.uptime: must be at most 1") {
		t.Fatalf("the banner names the file, line and message:\n%s", screen)
	}
	if len(m.results) != before || selectedID(m) != "py" {
		t.Error("a broken reload must not change the data shown")
	}
	m = send(t, m, Reloaded{Set: m.set, Scenario: m.base})
	if m.banner != "" || strings.Contains(plain(m), "last good data") {
		t.Error("a good reload clears the banner")
	}
}

func TestReloadKeepsSelectionMarksAndWhatIfs(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m = selectID(t, m, "py")
	m = keys(t, m, "space")
	m.current = m.current.withWhatIf(whatIf{Country: "py", Path: "power.uptime", Value: 0.5})
	m = send(t, m, m.rerank()())

	// The folder now lacks Iceland and has a new destination.
	next := *m.set
	next.Countries = nil
	for _, c := range m.set.Countries {
		switch c.ID {
		case "is":
		case "no":
			nw := c
			nw.ID, nw.Name = "nz", "New Zealand"
			next.Countries = append(next.Countries, c, nw)
		default:
			next.Countries = append(next.Countries, c)
		}
	}
	m = send(t, m, Reloaded{Set: &next, Scenario: m.base})
	if rankOf(m, "is") != -1 || rankOf(m, "nz") == -1 {
		t.Error("removed files vanish and added files appear")
	}
	if selectedID(m) != "py" || !m.marks["py"] {
		t.Errorf("selection %s and marks %v survive a reload", selectedID(m), m.marks)
	}
	r, _ := m.selectedResult()
	if r.Uptime != 0.5 {
		t.Errorf("the what-if on py survives a reload: uptime %v", r.Uptime)
	}
}

func TestExportWritesEveryFormatWithNotes(t *testing.T) {
	dir := t.TempDir()
	m := newTestModel(t, 120, 40)
	m.outDir = dir
	m = keys(t, m, "/")
	m = typeText(t, m, "united")
	m = keys(t, m, "enter")
	m.current = m.current.withWhatIf(whatIf{Country: "us-tx", Path: "power.price_usd_per_kwh", Value: 0.03})
	m = send(t, m, m.rerank()())
	m = slow(t, m, "x")
	files, _ := filepath.Glob(filepath.Join(dir, "hashhaven-*"))
	if len(files) != 4 {
		t.Fatalf("x wrote %v, want .md .csv .json .html", files)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		if strings.HasSuffix(f, ".csv") {
			// CSV is data for spreadsheets: its header row comes first; the notes are in the others.
			if !strings.HasPrefix(text, "id,name,kind,") || strings.Contains(text, "Kazakhstan (stay)") {
				t.Errorf("the CSV must start with its header and hold only the rows shown:\n%.200s", text)
			}
			continue
		}
		if !strings.Contains(text, "what-if: United States (Texas) power price 0.066 → 0.03") {
			t.Errorf("%s does not say the what-if was applied", filepath.Base(f))
		}
		if !strings.Contains(text, `filtered by \"united\"`) && !strings.Contains(text, `filtered by "united"`) && !strings.Contains(text, "filtered by &#34;united&#34;") && !strings.Contains(text, "filtered by &quot;united&quot;") {
			t.Errorf("%s does not say the view was filtered", filepath.Base(f))
		}
		if strings.Contains(text, "Kazakhstan (stay)") && !strings.HasSuffix(f, ".html") {
			t.Errorf("%s holds rows the filter hid", filepath.Base(f))
		}
	}
	if !strings.Contains(m.toast, "exported") {
		t.Errorf("toast %q", m.toast)
	}
}

func TestScreenshotWritesPNGAndSVG(t *testing.T) {
	dir := t.TempDir()
	m := newTestModel(t, 80, 24)
	m.outDir = dir
	m = slow(t, m, "p")
	pngs, _ := filepath.Glob(filepath.Join(dir, "hashhaven-*.png"))
	svgs, _ := filepath.Glob(filepath.Join(dir, "hashhaven-*.svg"))
	if len(pngs) != 1 || len(svgs) != 1 {
		t.Fatalf("p wrote %v %v", pngs, svgs)
	}
	if !strings.Contains(m.toast, pngs[0]) {
		t.Errorf("the toast shows the path: %q", m.toast)
	}
	m = slow(t, m, "p")
	pngs, _ = filepath.Glob(filepath.Join(dir, "hashhaven-*.png"))
	if len(pngs) != 2 {
		t.Errorf("a second screenshot gets a new name, never overwriting: %v", pngs)
	}
}

// A reload counts the new files' provenance in the background; counts that arrive for a data
// set no longer on screen are dropped.
func TestReloadRecountsProvenanceInTheBackground(t *testing.T) {
	m := newTestModel(t, 120, 40)
	first := m.set
	stale := m.stale
	next := *m.set
	next.Countries = slices.Clone(m.set.Countries)
	for i := range next.Countries {
		next.Countries[i].Power.Uptime.AsOf = "2001" // every uptime goes stale
	}
	m, cmd := update(m, Reloaded{Set: &next, Scenario: m.base})
	if m.stale != stale {
		t.Error("the reload itself counts nothing: the count runs in a command")
	}
	m = send(t, m, provenanceMsg{set: first, stale: 99})
	if m.stale == 99 {
		t.Error("counts of the set before the reload are dropped")
	}
	m = send(t, m, quick(cmd)...)
	if m.stale <= stale {
		t.Errorf("%d stale after the reload, %d before: the new set's count arrives", m.stale, stale)
	}
}
