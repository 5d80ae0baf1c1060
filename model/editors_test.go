package model

import (
	"strings"
	"testing"
)

// Typing a figure's own value changes nothing: no history to undo, no edit mark.
func TestReenteringTheValueIsNoEdit(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m = selectID(t, m, "et")
	m = keys(t, m, "e")
	m = editField(t, m, "Power price", "0.05")
	if len(m.history) != 0 || len(m.current.WhatIfs) != 0 || m.mode == modeValue {
		t.Fatalf("the same price is no edit: history %d, what-ifs %v, mode %v", len(m.history), m.current.WhatIfs, m.mode)
	}
	if !strings.Contains(m.toast, "unchanged") || strings.Contains(plain(m), "was 0.05") {
		t.Errorf("toast %q, screen:\n%s", m.toast, plain(m))
	}
	// Back to the file's value after an edit: the figure is no longer edited.
	m = editField(t, m, "Power price", "0.06")
	m = editField(t, m, "Power price", "0.05")
	if len(m.current.WhatIfs) != 0 || len(m.history) != 2 {
		t.Errorf("the file's value again is no what-if: %v, history %d", m.current.WhatIfs, len(m.history))
	}
	// A share typed back as the percentage it is shown as.
	m = editField(t, m, "Uptime", "85%")
	if len(m.history) != 2 || len(m.current.WhatIfs) != 0 {
		t.Errorf("85%% is the uptime already: history %d", len(m.history))
	}
	m = keys(t, m, "esc", "a")
	m = editField(t, m, "Pool fee", "0.02")
	m = editField(t, m, "Horizon", "36")
	if len(m.history) != 2 {
		t.Errorf("assumptions re-entered are no edit: history %d", len(m.history))
	}
	m = keys(t, m, "esc", "f")
	m = focusField(t, m, m.fields()[1].label)
	m = keys(t, m, "enter", "enter")
	if len(m.history) != 2 {
		t.Errorf("a count re-entered is no edit: history %d", len(m.history))
	}
}

func TestTypedNumbers(t *testing.T) {
	for _, c := range []struct {
		text, unit string
		want       float64
		err        string
	}{
		{"0.05", "USD/kWh", 0.05, ""},
		{"1,500", "machines", 1500, ""},
		{"$5", "USD/kW", 5, ""},
		{"85%", "share", 0.85, ""},
		{"1.5%", "share", 0.015, ""},
		{"-3%", "share/month", -0.03, ""},
		{"5%", "USD/kWh", 0, "% is for shares; this figure is in USD/kWh"},
		{"1e400", "USD/kWh", 0, "1e400 is too large"},
		{"-1e400", "USD/kWh", 0, "too large a negative number"},
		{"abc", "USD/kWh", 0, "not a number"},
		{"inf", "USD/kWh", 0, "not a finite number"},
	} {
		v, err := parseNumber(c.text, c.unit)
		switch {
		case c.err == "" && (err != nil || v != c.want):
			t.Errorf("%q in %s = %v, %v; want %v", c.text, c.unit, v, err, c.want)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%q in %s: err %v, want %q", c.text, c.unit, err, c.err)
		}
	}
	for _, v := range []float64{0.85, 0.015, 0.0055, -0.03, 0.3, 1, 0} {
		if got, err := parseNumber(percentText(v), "share"); err != nil || got != v {
			t.Errorf("%v shown as %s reads back as %v, %v", v, percentText(v), got, err)
		}
	}
}

// A number too large to hold is told so, with the field's range, in the editor.
func TestTooLargeSaysTheRange(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m = keys(t, m, "e")
	m = editField(t, m, "Uptime", "1e400")
	if !strings.Contains(m.form.err, "too large") || !strings.Contains(m.form.err, "from 0% to 100%") {
		t.Errorf("err %q", m.form.err)
	}
	m = keys(t, m, "esc")
	m = editField(t, m, "Power price", "5%")
	if !strings.Contains(m.form.err, "% is for shares") || len(m.current.WhatIfs) != 0 {
		t.Errorf("err %q, what-ifs %v", m.form.err, m.current.WhatIfs)
	}
	// A share speaks in percentages, as it is shown: out of range, or a bare number that
	// would be a hundred times what was most likely meant.
	m = keys(t, m, "esc")
	for text, want := range map[string]string{"150%": "150% is out of range: this figure is from 0% to 100%", "90": "90 would be 9000%: type 90% for 90 per cent"} {
		m = editField(t, m, "Uptime", text)
		if m.form.err != want || len(m.current.WhatIfs) != 0 {
			t.Errorf("%s: err %q, want %q", text, m.form.err, want)
		}
		m = keys(t, m, "esc")
	}
	m = keys(t, m, "esc", "a")
	if m = editField(t, m, "Discount rate", "5"); !strings.Contains(m.form.err, "would be 500%") {
		t.Errorf("a discount rate of 5: err %q", m.form.err)
	}
}

// At every size, the field under the cursor stays in view with its whole source and a
// refused value's reason; the keys that page and jump reach every field.
func TestEditorsKeepTheCursorFieldInView(t *testing.T) {
	for _, size := range [][2]int{{60, 16}, {80, 24}, {120, 40}} {
		for _, open := range []string{"e", "a", "f"} {
			m := newTestModel(t, size[0], size[1])
			m = keys(t, m, open, "G")
			fields := m.fields()
			last := fields[len(fields)-1]
			if m.form.cursor != len(fields)-1 {
				t.Fatalf("%v %s: G goes to the last field, cursor %d of %d", size, open, m.form.cursor, len(fields))
			}
			m = keys(t, m, "enter")
			m.form.input.SetValue("")
			m = typeText(t, m, "1x")
			m = keys(t, m, "enter")
			screen := plain(m)
			flat := strings.Join(strings.Fields(screen), " ")
			for _, want := range []string{last.label, `"1x" is not a number`, strings.Join(strings.Fields(last.note), " ")} {
				if !strings.Contains(flat, want) {
					t.Errorf("%v %s: %q not on screen:\n%s", size, open, want, screen)
				}
			}
			if strings.Count(screen, "is not a number") != 1 {
				t.Errorf("%v %s: the refusal shows once:\n%s", size, open, screen)
			}
			m = keys(t, m, "esc", "g")
			if first := fields[m.form.cursor]; !strings.Contains(plain(m), "▸ "+first.label) {
				t.Errorf("%v %s: g goes back to the first field:\n%s", size, open, plain(m))
			}
			if len(fields) > size[1] { // a page down moves the cursor by more than a line
				was := m.form.cursor
				m = keys(t, m, "pgdown")
				if m.form.cursor <= was+1 || !strings.Contains(plain(m), "▸ "+fields[m.form.cursor].label) {
					t.Errorf("%v %s: pgdn from %d went to %d:\n%s", size, open, was, m.form.cursor, plain(m))
				}
				if !strings.Contains(plain(m), "more") {
					t.Errorf("%v %s: a scrolled editor says there is more:\n%s", size, open, plain(m))
				}
			}
		}
	}
}

// The picker pages and jumps through the catalogue, and says which models the fleet has.
func TestPickerPages(t *testing.T) {
	m := newTestModel(t, 60, 16)
	m = keys(t, m, "f", "+", "G")
	list := m.pickable()
	if m.form.pick != len(list)-1 || !strings.Contains(plain(m), "▸ "+list[len(list)-1].Name) {
		t.Fatalf("G shows the last machine, pick %d of %d:\n%s", m.form.pick, len(list), plain(m))
	}
	m = keys(t, m, "pgup")
	if m.form.pick >= len(list)-2 {
		t.Errorf("pgup moves up a page: pick %d of %d", m.form.pick, len(list))
	}
	m = newTestModel(t, 120, 40)
	m = keys(t, m, "f", "+")
	first, _ := m.set.Machines.ByID(m.current.Scenario.Fleet[0].Machine)
	if !strings.Contains(plain(m), first.Name) || !strings.Contains(plain(m), "1,200 in fleet") {
		t.Errorf("the picker marks the fleet's models:\n%s", plain(m))
	}
}

// The what-if editor says where its destination stands, and the line follows each edit.
func TestWhatIfShowsTheStanding(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m = keys(t, selectID(t, m, "et"), "e")
	before := plain(m)
	if !strings.Contains(before, "now #") || !strings.Contains(before, "vs not moving · value") {
		t.Fatalf("no standing:\n%s", before)
	}
	m = editField(t, m, "Power price", "0.01")
	m = rested(t, m)
	line := func(screen string) string {
		for _, l := range strings.Split(screen, "\n") {
			if strings.Contains(l, "now #") {
				return l
			}
		}
		return ""
	}
	if line(before) == line(plain(m)) {
		t.Errorf("the standing line is the same after a cheaper power price: %q", line(before))
	}
}
