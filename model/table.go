package model

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"hashhaven/economics"
	"hashhaven/human"
	"hashhaven/report"
)

// tableView is what the ranked table needs to draw itself.
type tableView struct {
	results  []economics.Result
	rows     []int
	cursor   int
	offset   int
	width    int
	height   int // data rows
	sortKey  string
	reverse  bool
	marks    map[string]bool
	moved    map[string]int
	edited   map[string]bool
	maxScore float64
	styles   styles
}

// cellText is one cell's text and the style it asks for (nil: the row's).
type cellText struct {
	text  string
	style *lipgloss.Style
}

type tableColumn struct {
	title    string
	key      string // sort field, for the sort arrow
	width    int
	flexMax  int // a flexible column grows up to this width
	right    bool
	priority int // columns with the highest number drop first when space runs out
	cell     func(t tableView, r economics.Result, width int) cellText
}

func tableColumns() []tableColumn {
	money := func(v float64, s styles) cellText {
		c := cellText{text: human.CompactUSD(v)}
		if v < 0 {
			c.style = &s.Negative
		}
		return c
	}
	return []tableColumn{
		{title: "", width: 1, priority: 0, cell: func(t tableView, r economics.Result, _ int) cellText {
			if t.marks[r.ID] {
				return cellText{text: "●", style: &t.styles.Accent}
			}
			return cellText{}
		}},
		{title: "#", key: "rank", width: 3, right: true, priority: 0, cell: func(_ tableView, r economics.Result, _ int) cellText {
			if r.Excluded {
				return cellText{text: "–"}
			}
			return cellText{text: fmt.Sprint(r.Rank)}
		}},
		{title: "", width: 2, priority: 2, cell: func(t tableView, r economics.Result, _ int) cellText {
			switch d := t.moved[r.ID]; {
			case d > 0:
				return cellText{text: fmt.Sprintf("▲%d", d), style: &t.styles.Positive}
			case d < 0:
				return cellText{text: fmt.Sprintf("▼%d", -d), style: &t.styles.Negative}
			}
			return cellText{}
		}},
		{title: "Destination", key: "name", width: 14, flexMax: 28, priority: 0, cell: func(t tableView, r economics.Result, _ int) cellText {
			name := r.Name
			if r.Stay {
				name += " (stay)"
			}
			if t.edited[r.ID] {
				return cellText{text: name + " ✎", style: &t.styles.Edited}
			}
			return cellText{text: name}
		}},
		{title: "NPV", key: "npv_usd", width: 9, right: true, priority: 0, cell: func(t tableView, r economics.Result, _ int) cellText {
			return money(r.NPV, t.styles)
		}},
		{title: "Net/mo", key: "monthly_net_usd", width: 8, right: true, priority: 3, cell: func(t tableView, r economics.Result, _ int) cellText {
			return money(r.MonthlyNet, t.styles)
		}},
		{title: "¢/kWh", key: "all_in_usd_per_kwh", width: 6, right: true, priority: 4, cell: func(_ tableView, r economics.Result, _ int) cellText {
			return cellText{text: fmt.Sprintf("%.2f", r.AllInUSDPerKWh*100)}
		}},
		{title: "Uptime", key: "uptime", width: 6, right: true, priority: 6, cell: func(_ tableView, r economics.Result, _ int) cellText {
			return cellText{text: human.Percent(r.Uptime)}
		}},
		{title: "Fits", key: "deployable_fraction", width: 5, right: true, priority: 5, cell: func(t tableView, r economics.Result, _ int) cellText {
			c := cellText{text: human.Percent(r.Deployable)}
			if r.Deployable < 1 {
				c.style = &t.styles.Warning
			}
			return c
		}},
		{title: "Payback", key: "payback_months", width: 7, right: true, priority: 7, cell: func(_ tableView, r economics.Result, _ int) cellText {
			return cellText{text: report.Payback(r)}
		}},
		{title: "Status", width: 11, flexMax: 22, priority: 8, cell: func(_ tableView, r economics.Result, _ int) cellText {
			if r.Excluded {
				return cellText{text: "✗ " + r.ExcludedReason}
			}
			return cellText{text: strings.ReplaceAll(r.LegalStatus, "_", "-")}
		}},
		{title: "Score", key: "score", width: 5, right: true, priority: 1, cell: func(_ tableView, r economics.Result, _ int) cellText {
			if r.Excluded {
				return cellText{text: "–"}
			}
			return cellText{text: fmt.Sprintf("%.0f", r.Score)}
		}},
		{title: "", width: 8, flexMax: 20, priority: 9, cell: tableView.scoreBar},
	}
}

const columnGap = 1

// fitColumns drops the least important columns until the rest fit, then widens the flexible ones.
func fitColumns(cols []tableColumn, width int) []tableColumn {
	total := func(cs []tableColumn) int {
		w := 0
		for _, c := range cs {
			w += c.width + columnGap
		}
		return w - columnGap
	}
	for total(cols) > width {
		drop := 0
		for i, c := range cols {
			if c.priority > cols[drop].priority {
				drop = i
			}
		}
		if cols[drop].priority == 0 {
			break
		}
		cols = append(cols[:drop:drop], cols[drop+1:]...)
	}
	spare := width - total(cols)
	for i := range cols {
		if cols[i].flexMax > 0 && spare > 0 {
			grow := min(spare, cols[i].flexMax-cols[i].width)
			cols[i].width += grow
			spare -= grow
		}
	}
	return cols
}

func (t tableView) render() string {
	cols := fitColumns(tableColumns(), t.width)
	s := t.styles
	var b strings.Builder
	heads := make([]string, len(cols))
	for i, c := range cols {
		title := c.title
		if c.key != "" && c.key == t.sortKey {
			arrow := "▼"
			if t.reverse {
				arrow = "▲"
			}
			title += arrow
		}
		heads[i] = pad(title, c.width, c.right)
	}
	b.WriteString(s.TableHead.Render(strings.Join(heads, strings.Repeat(" ", columnGap))))
	b.WriteString("\n")
	b.WriteString(s.Rule.Render(strings.Repeat("─", t.width)))
	for line := 0; line < t.height; line++ {
		b.WriteString("\n")
		i := t.offset + line
		if i >= len(t.rows) {
			continue
		}
		b.WriteString(t.renderRow(cols, t.results[t.rows[i]], i == t.cursor))
	}
	return b.String()
}

func (t tableView) renderRow(cols []tableColumn, r economics.Result, selected bool) string {
	s := t.styles
	rowStyle := s.Row
	if r.Excluded {
		rowStyle = s.Excluded
	}
	parts := make([]string, len(cols))
	plain := make([]string, len(cols))
	for i, c := range cols {
		cell := c.cell(t, r, c.width)
		text := pad(cell.text, c.width, c.right)
		plain[i] = text
		switch {
		case r.Excluded || cell.style == nil:
			parts[i] = rowStyle.Render(text)
		default:
			parts[i] = cell.style.Render(text)
		}
	}
	gap := strings.Repeat(" ", columnGap)
	if selected {
		line := strings.Join(plain, gap)
		if !t.marks[r.ID] {
			line = "▸" + strings.TrimPrefix(line, " ") // the mark column shows the cursor
		}
		return s.Selected.Render(pad(line, t.width, false))
	}
	return strings.Join(parts, rowStyle.Render(gap))
}

// scoreBar draws the score as a bar scaled to the best score shown.
func (t tableView) scoreBar(r economics.Result, width int) cellText {
	if r.Excluded || t.maxScore <= 0 {
		return cellText{}
	}
	return cellText{text: bar(r.Score/t.maxScore, width), style: &t.styles.Bar}
}

// bar is a horizontal bar of share×width cells, in eighths.
func bar(share float64, width int) string {
	share = max(0, min(1, share))
	eighths := int(share*float64(width)*8 + 0.5)
	full, rest := eighths/8, eighths%8
	out := strings.Repeat("█", full)
	if rest > 0 {
		out += string([]rune("▏▎▍▌▋▊▉")[rest-1])
	}
	return out
}

// pad fits s into width cells, truncating with an ellipsis or padding with spaces.
func pad(s string, width int, right bool) string {
	w := ansi.StringWidth(s)
	if w > width {
		return ansi.Truncate(s, width, "…")
	}
	if right {
		return strings.Repeat(" ", width-w) + s
	}
	return s + strings.Repeat(" ", width-w)
}
