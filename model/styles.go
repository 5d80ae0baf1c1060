package model

import (
	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"

	"hashhaven/theme"
)

// styles are every style the views use, built from one theme.
type styles struct {
	theme theme.Theme

	Base, Title, Muted, Faint, Bold    lipgloss.Style
	Header, HeaderLabel, HeaderValue   lipgloss.Style
	TableHead, Row, Selected, Excluded lipgloss.Style
	Positive, Negative, Warning        lipgloss.Style
	Edited, Accent, Bar, BarTrack      lipgloss.Style
	Panel, PanelTitle, Rule            lipgloss.Style
	Best, Toast, Banner, ErrorText     lipgloss.Style
	Baseline                           lipgloss.Style // the stay and sell rows
	Payback                            lipgloss.Style // the payback month's guide, apart from every curve's tone
	// Series tell curves drawn together apart: compare's options, then not moving.
	Series [theme.SeriesCount]lipgloss.Style
	Help   help.Styles
}

func newStyles(t theme.Theme) styles {
	base := lipgloss.NewStyle().Foreground(t.Foreground)
	s := styles{theme: t, Base: base}
	s.Title = base.Bold(true).Foreground(t.Accent)
	s.Muted = base.Foreground(t.Muted)
	s.Faint = base.Foreground(t.Subtle)
	s.Bold = base.Bold(true)
	s.Header = base
	s.HeaderLabel = s.Muted
	s.HeaderValue = base.Bold(true)
	s.TableHead = base.Bold(true).Foreground(t.Accent)
	s.Row = base
	s.Selected = base.Background(t.Selection).Bold(true)
	s.Excluded = s.Muted
	s.Positive = base.Foreground(t.Positive)
	s.Negative = base.Foreground(t.Negative)
	s.Warning = base.Foreground(t.Warning)
	s.Edited = base.Foreground(t.Edited).Italic(true)
	s.Accent = base.Foreground(t.Accent)
	s.Bar = base.Foreground(t.Bar)
	s.BarTrack = base.Foreground(t.Subtle)
	s.Panel = base.Border(lipgloss.RoundedBorder()).BorderForeground(t.Subtle).Padding(0, 1)
	s.PanelTitle = base.Bold(true).Foreground(t.Accent)
	s.Rule = base.Foreground(t.Subtle)
	s.Best = base.Bold(true).Foreground(t.Positive)
	s.Toast = base.Bold(true).Foreground(t.Background).Background(t.Accent).Padding(0, 1)
	s.Banner = base.Bold(true).Foreground(t.Background).Background(t.Negative).Padding(0, 1)
	s.ErrorText = base.Foreground(t.Negative)
	s.Baseline = base.Bold(true).Foreground(t.Accent)
	s.Payback = base.Foreground(t.Bar)
	for i, c := range t.Series {
		s.Series[i] = base.Foreground(c)
	}
	s.Help = help.Styles{
		ShortKey: base.Foreground(t.Accent), ShortDesc: s.Muted, ShortSeparator: s.Faint,
		FullKey: base.Foreground(t.Accent), FullDesc: s.Muted, FullSeparator: s.Faint, Ellipsis: s.Faint,
	}
	if t.Mono {
		// Without colour, emphasis comes from weight and reverse video.
		s.Selected = lipgloss.NewStyle().Reverse(true)
		s.Negative = lipgloss.NewStyle().Underline(true)
		s.Excluded = lipgloss.NewStyle().Faint(true)
		s.Muted = lipgloss.NewStyle().Faint(true)
		s.Best = lipgloss.NewStyle().Bold(true).Underline(true)
		s.Baseline = lipgloss.NewStyle().Bold(true)
		s.Toast = lipgloss.NewStyle().Reverse(true).Padding(0, 1)
		s.Banner = lipgloss.NewStyle().Reverse(true).Bold(true).Padding(0, 1)
		plain := lipgloss.NewStyle()
		s.Series = [theme.SeriesCount]lipgloss.Style{plain, plain.Bold(true), plain.Underline(true), plain.Italic(true), plain.Faint(true)}
	}
	return s
}
