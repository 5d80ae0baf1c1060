package report

import (
	"fmt"
	"io"
	"strings"

	"charm.land/lipgloss/v2"
	"charm.land/lipgloss/v2/table"

	"hashhaven/theme"
)

// WriteTable writes the ranking as a table for a terminal. With a mono theme it uses no
// colour and light borders; a colour-profile writer strips what is left for pipes and logs.
func WriteTable(w io.Writer, rep Report, th theme.Theme) error {
	var b strings.Builder
	title := lipgloss.NewStyle().Bold(true).Foreground(th.Accent)
	muted := lipgloss.NewStyle().Foreground(th.Muted)
	if th.Mono {
		muted = lipgloss.NewStyle()
	}
	fmt.Fprintln(&b, title.Render(Clean(rep.Plan.Scenario.Name, false)))
	fmt.Fprintln(&b, muted.Render(Clean(rep.Summary(), false)))
	fmt.Fprintln(&b, muted.Render(Clean(fmt.Sprintf("Data: %s, newest figure as of %s", rep.Data, rep.AsOf), false)))
	for _, n := range rep.Notes {
		fmt.Fprintln(&b, lipgloss.NewStyle().Foreground(th.Edited).Render("▸ "+Clean(n, false)))
	}
	for _, l := range rep.Answer().Lines() {
		fmt.Fprintln(&b, lipgloss.NewStyle().Bold(true).Foreground(th.Foreground).Render(Clean(l, false)))
	}

	rows := make([][]string, len(rep.Results))
	for i, r := range rep.Results {
		rows[i] = rep.cells(r)
	}
	columns := rep.columns()
	t := table.New().Headers(rep.headers()...).Rows(rows...).
		Border(lipgloss.RoundedBorder()).BorderStyle(lipgloss.NewStyle().Foreground(th.Subtle)).
		StyleFunc(func(row, col int) lipgloss.Style {
			s := lipgloss.NewStyle().Padding(0, 1)
			if columns[col].right {
				s = s.Align(lipgloss.Right)
			}
			if row == table.HeaderRow {
				return s.Bold(true).Foreground(th.Accent)
			}
			r := rep.Results[row]
			switch {
			case r.Excluded:
				return s.Foreground(th.Muted).Faint(th.Mono)
			case strings.HasPrefix(rows[row][col], "-$"):
				return s.Foreground(th.Negative)
			}
			return s.Foreground(th.Foreground)
		})
	if th.Mono {
		t = t.Border(lipgloss.NormalBorder()).BorderTop(false).BorderBottom(false).BorderLeft(false).
			BorderRight(false).BorderColumn(false)
	}
	// The last column is padded to its width: lines end at their last character.
	lines := strings.Split(t.Render(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	fmt.Fprintln(&b, strings.Join(lines, "\n"))
	_, err := io.WriteString(w, b.String())
	return err
}
