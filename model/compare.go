package model

import (
	"slices"
	"strings"
	"unicode"

	"charm.land/lipgloss/v2"

	"hashhaven/economics"
	"hashhaven/report"
)

// compareKeys are the figures compare shows, in order: what each option is worth against
// not moving first, then how it runs, what moving costs and its risks.
func compareKeys() []string {
	return []string{"rank", "gain_usd", "npv_usd", "moved_machines", "move_all_gain_usd", "monthly_net_usd",
		"monthly_revenue_usd", "monthly_power_cost_usd", "all_in_usd_per_kwh", "breakeven_usd_per_kwh", "uptime",
		"deployable_fraction", "relocation_cost_usd", "start_month", "payback_months", "distance_km",
		"political_stability", "annual_shutdown_probability", "score"}
}

// compareRow is one line of compare: a declared figure, or the legal status.
type compareRow struct {
	label string
	field *economics.Field // nil for the status line
}

func compareRows() []compareRow {
	keys := compareKeys()
	rows := make([]compareRow, 0, len(keys)+1)
	for _, key := range keys {
		f := economics.MustField(key)
		rows = append(rows, compareRow{label: capitalised(f.Label), field: &f})
	}
	return append(rows, compareRow{label: "Status"})
}

// capitalised is a label as the first word of a line.
func capitalised(label string) string {
	r := []rune(label)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

func (row compareRow) cell(r economics.Result) string {
	if row.field == nil {
		return report.Status(r)
	}
	return report.Cell(*row.field, &r)
}

// maxCompareColumn is the widest an option's column grows.
const maxCompareColumn = 32

// compareView puts the marked destinations side by side, the better value of each row in bold,
// and where the window has room, their expected cash against not moving as curves under it.
// The title and the names stay put; the rows scroll when they are taller than the window
// (more).
func (m Model) compareView(width, height int) (view string, more bool) {
	head, body, bodyH, ok := m.compareParts(width, height)
	if !ok {
		return head, false
	}
	rows, more := m.scrolled(body, width, bodyH, m.compareY)
	return fitLines(head+"\n"+rows, width, height), more
}

// comparePicked is the marked results, in the table's order.
func (m Model) comparePicked() []economics.Result {
	var picked []economics.Result
	for _, id := range m.compareIDs() {
		for _, r := range m.results {
			if r.ID == id {
				picked = append(picked, r)
			}
		}
	}
	return picked
}

// compareParts is compare in a window of width×height: the head that stays put (title, names
// and rule), and the body that scrolls under it in bodyH lines: the rows, and the cash curves
// where the window has room for the rows and them. ok is false with fewer than two marks.
func (m Model) compareParts(width, height int) (head, body string, bodyH int, ok bool) {
	s := m.styles
	picked := m.comparePicked()
	if len(picked) < minCompare {
		return s.Muted.Render("Mark 2 to 4 options with space on the main screen, then press c."), "", 0, false
	}
	rows := compareRows()
	labelW := 0
	for _, row := range rows {
		labelW = max(labelW, cells(row.label))
	}
	// The options share the width, the first ones taking the odd cells, up to a column an
	// eye can follow from its label: a few options on a wide window leave room to the right.
	room := min(max(len(picked)*8, width-labelW), len(picked)*(maxCompareColumn+1))
	colW := make([]int, len(picked))
	for i := range colW {
		colW[i] = room/len(picked) - 1
		if i < room%len(picked) {
			colW[i]++
		}
	}
	edited := m.editedCountries()
	names := make([][]string, len(picked))
	nameLines := 1
	for i, r := range picked {
		name := report.Destination(r)
		if edited[r.ID] {
			name += " ✎"
		}
		names[i] = strings.Split(ansiWrap(name, colW[i]), "\n")
		if len(names[i]) > 2 { // two lines at most: the rest is cut
			names[i] = []string{names[i][0], strings.Join(names[i][1:], " ")}
		}
		nameLines = max(nameLines, len(names[i]))
	}
	var b strings.Builder
	b.WriteString(ansiTruncate(s.PanelTitle.Render("Compare")+s.Muted.Render("  — the better value in each row is highlighted"), width) + "\n\n")
	for line := range nameLines {
		b.WriteString(pad("", labelW, false))
		for i, r := range picked {
			style := s.TableHead
			if edited[r.ID] {
				style = s.Edited.Bold(true)
			}
			text := ""
			if line < len(names[i]) {
				text = names[i][line]
			}
			b.WriteString(" " + style.Render(pad(text, colW[i], true)))
		}
		b.WriteString("\n")
	}
	b.WriteString(s.Rule.Render(strings.Repeat("─", min(width, labelW+room))))
	head = b.String()

	var lines []string
	for _, row := range rows {
		best := bestOf(picked, row.field)
		line := s.Muted.Render(pad(row.label, labelW, false))
		texts := make([]string, len(picked))
		compact := false
		for i, r := range picked {
			texts[i] = row.cell(r)
			compact = compact || cells(texts[i]) > colW[i] && row.field != nil
		}
		for i := range picked {
			if compact { // the whole row reads "$1.3M" where one "$1,252,398" does not fit
				texts[i] = report.CompactCell(*row.field, &picked[i])
			}
		}
		for i, r := range picked {
			cell := pad(texts[i], colW[i], true)
			switch {
			case best[i]:
				cell = s.Best.Render(cell)
			case r.Excluded:
				cell = s.Excluded.Render(cell)
			default:
				cell = s.Base.Render(cell)
			}
			line += " " + cell
		}
		lines = append(lines, line)
	}
	body = strings.Join(lines, "\n")
	bodyH = max(1, height-strings.Count(head, "\n")-1)
	if room := bodyH - len(lines) - 1; room >= 10 { // the curves only where the rows fit whole
		body += "\n\n" + m.compareCash(picked, width, room)
	}
	return head, body, bodyH, true
}

// compareCash is the picked options' cumulative expected cash by month against not moving,
// one curve each in its own colour, in height lines.
func (m Model) compareCash(picked []economics.Result, width, height int) string {
	s := m.styles
	tones, baseline := compareTones(s)
	var curves []cashCurve
	var keys, names []string
	var base []float64
	// A curve the same as one drawn before lies under it: its key says so.
	key := func(glyph, name string, cash []float64) string {
		if i := slices.IndexFunc(curves, func(c cashCurve) bool { return slices.Equal(c.values, cash) }); i >= 0 {
			name += " (under " + names[i] + ")"
		}
		return glyph + "\u00a0" + strings.ReplaceAll(name, " ", "\u00a0")
	}
	for i, r := range picked {
		plan, notMoving := m.plan.CashOf(m.cashSites(r.ID), &r)
		tone := tones[i%len(tones)]
		keys = append(keys, key(tone.Render("━━"), report.Destination(r), plan.Position))
		curves = append(curves, cashCurve{plan.Position, sgrOf(tone), sgrOf(tone)})
		names = append(names, report.Destination(r))
		base = notMoving.Position
	}
	keys = append(keys, key(baseline.Render("━━"), "not moving", base))
	curves = append(curves, cashCurve{base, sgrOf(baseline), sgrOf(baseline)})
	title := ansiWrap(s.PanelTitle.Render("Expected cash")+s.Muted.Render(" — cumulative, weighted by the chance each site still runs"), width)
	legend := ansiWrap(strings.Join(keys, "   "), width)
	plotH := max(3, height-4-strings.Count(title, "\n")-strings.Count(legend, "\n"))
	plot, _ := cashPlot(curves, width, plotH, -1, s)
	return title + "\n" + strings.Join(plot, "\n") + "\n" + legend
}

// bestOf marks which results hold the best value of the field among the ones it applies to;
// a tie marks all, and a row where all are equal marks none. Rank orders, it is not better.
func bestOf(rs []economics.Result, f *economics.Field) []bool {
	out := make([]bool, len(rs))
	if f == nil || f.Value == nil || f.Key == "rank" {
		return out
	}
	var best float64
	found, differ := false, false
	for _, r := range rs {
		if !economics.Applies(*f, &r) {
			continue
		}
		v, _ := f.Value(&r)
		switch {
		case !found:
			best, found = v, true
		case v != best:
			differ = true
			if (v > best) == f.HigherBetter {
				best = v
			}
		}
	}
	if !differ {
		return out
	}
	for i, r := range rs {
		v, ok := f.Value(&r)
		out[i] = economics.Applies(*f, &r) && ok && v == best
	}
	return out
}

// compareTones are the colours of compare's curves: one per option, and not moving's.
func compareTones(s styles) (options []lipgloss.Style, notMoving lipgloss.Style) {
	return s.Series[:maxCompare], s.Series[maxCompare]
}
