package model

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

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
	fleet    int // machines in the fleet, which the widest Moved figure counts
	styles   styles
	// The axis the band bars share: the lowest P10 and highest P90 of the rows in view.
	bandLo, bandHi float64
}

// cellText is one cell's text and the tone it asks for (toneRow: the row's own).
type cellText struct {
	text string
	tone tone
}

// tone is a cell's colour role; the table turns each into escape sequences once per frame,
// since styling thousands of cells one by one is too slow for a smooth frame.
type tone int

const (
	toneRow tone = iota
	toneNegative
	tonePositive
	toneWarning
	toneAccent
	toneEdited
	toneBar
	toneExcluded
	toneBaseline     // the stay and sell rows
	toneHypothetical // a figure no plan on the row realises
	toneCount
)

// sgr is a style reduced to the escape sequences around its text.
type sgr struct{ pre, post string }

func sgrOf(st lipgloss.Style) sgr {
	out := st.Render("X")
	i := strings.Index(out, "X")
	return sgr{out[:i], out[i+1:]}
}

func (g sgr) wrap(text string) string { return g.pre + text + g.post }

func (s styles) tones() [toneCount]sgr {
	return [toneCount]sgr{sgrOf(s.Row), sgrOf(s.Negative), sgrOf(s.Positive), sgrOf(s.Warning),
		sgrOf(s.Accent), sgrOf(s.Edited), sgrOf(s.Bar), sgrOf(s.Excluded), sgrOf(s.Baseline), sgrOf(s.Muted)}
}

type tableColumn struct {
	title    string
	key      string   // sort field, for the sort arrow
	alsoSort []string // further sort fields the column shows, after key in the sort cycle
	width    int
	flexMax  int // a flexible column grows up to this width
	right    bool
	priority int // columns with the highest number drop first when space runs out
	cell     func(t *tableView, r *economics.Result, width int) cellText
}

func tableColumns() []tableColumn {
	return []tableColumn{
		{title: "", width: 1, priority: 0, cell: func(t *tableView, r *economics.Result, _ int) cellText {
			if t.marks[r.ID] {
				return cellText{text: "●", tone: toneAccent}
			}
			return cellText{}
		}},
		fieldColumn("rank", "#", 3, 0, nil),
		{title: "", width: 3, priority: 2, cell: func(t *tableView, r *economics.Result, _ int) cellText {
			switch d := t.moved[r.ID]; {
			case d > 0:
				return cellText{text: fmt.Sprintf("▲%d", d), tone: tonePositive}
			case d < 0:
				return cellText{text: fmt.Sprintf("▼%d", -d), tone: toneNegative}
			}
			return cellText{}
		}},
		{title: "Option", key: "name", width: 20, flexMax: 28, priority: 0, cell: func(t *tableView, r *economics.Result, width int) cellText {
			name := report.Destination(*r)
			switch {
			case t.edited[r.ID]:
				return cellText{text: glyphOf(r.Kind) + "✎ " + fitName(name, width-cells(glyphOf(r.Kind)+"✎ ")), tone: toneEdited}
			case r.Kind != economics.Destination:
				return cellText{text: glyphOf(r.Kind) + fitName(name, width-cells(glyphOf(r.Kind))), tone: toneBaseline}
			}
			return cellText{text: fitName(name, width)}
		}},
		{title: "Gain", key: "gain_usd", width: 10, right: true, priority: 0, cell: gainCell},
		fieldColumn("npv_usd", "Value", 7, 0, signTone),
		{title: "P10–P90", key: "p10_usd", alsoSort: []string{"mean_usd"}, width: 9, flexMax: 24, priority: 4, cell: (*tableView).bandBar},
		fieldColumn("p_worse", "Worse", 5, 5, nil),
		fieldColumn("moved_machines", "Moved", 16, 1, nil),
		fieldColumn("monthly_net_usd", "Net/month", 9, 3, signTone),
		fieldColumn("all_in_usd_per_kwh", "¢/kWh", 6, 6, nil),
		fieldColumn("uptime", "Uptime", 6, 8, nil),
		fieldColumn("deployable_fraction", "Fits", 5, 7, func(r *economics.Result, v float64) tone {
			if v < 1 && r.Kind == economics.Destination {
				return toneWarning
			}
			return toneRow
		}),
		fieldColumn("payback_months", "Payback", 7, 9, nil),
		{title: "Status", width: 12, flexMax: 22, priority: 10, cell: func(_ *tableView, r *economics.Result, _ int) cellText {
			if r.Excluded {
				return cellText{text: "✗ " + r.ExcludedReason}
			}
			return cellText{text: report.Status(*r)}
		}},
		fieldColumn("score", "Score", 5, 1, nil),
		{title: "", width: 8, flexMax: 20, priority: 11, cell: (*tableView).scoreBar},
	}
}

// fieldColumn shows one of the result's declared figures as the reports format it; tone,
// when given, colours the cell by the row and the figure's value.
func fieldColumn(key, title string, width, priority int, tone func(r *economics.Result, v float64) tone) tableColumn {
	f := economics.MustField(key)
	return tableColumn{title: title, key: key, width: width, right: true, priority: priority,
		cell: func(_ *tableView, r *economics.Result, _ int) cellText {
			c := cellText{text: report.CompactCell(f, r)}
			if v, ok := f.Value(r); ok && tone != nil && economics.Applies(f, r) {
				c.tone = tone(r, v)
			}
			return c
		}}
}

func signTone(_ *economics.Result, v float64) tone {
	if v < 0 {
		return toneNegative
	}
	return toneRow
}

// gainCell is the gain over not moving; where nothing is worth moving it shows instead what
// moving everything that fits would change ("all -$1.3M"), dimmed, since no plan does that.
func gainCell(_ *tableView, r *economics.Result, _ int) cellText {
	if report.MovesNothing(r) {
		return cellText{text: report.CompactCell(gainField, r), tone: toneHypothetical}
	}
	f := gainField
	c := cellText{text: report.CompactCell(f, r)}
	switch {
	case !economics.Applies(f, r):
	case r.Gain > 0:
		c.tone = tonePositive
	case r.Gain < 0:
		c.tone = toneNegative
	}
	return c
}

// kindGlyph marks the rows that move nothing: keeping the fleet where it is, selling it all.
func kindGlyph(r economics.Result) string { return glyphOf(r.Kind) }

func glyphOf(k economics.Kind) string {
	switch k {
	case economics.Stay:
		return "⌂ "
	case economics.Sell:
		return "$ "
	}
	return ""
}

const columnGap = 1

var columnGapText = strings.Repeat(" ", columnGap)

var gainField = economics.MustField("gain_usd")

// namesOver is the priority above which a column drops before a name is cut.
const namesOver = 4

// fitColumns drops the least important columns until the rest fit, and those above namesOver
// until the names fit whole too, then widens the flexible ones, the names first.
func fitColumns(cols []tableColumn, width int) []tableColumn {
	total := func(cs []tableColumn) int {
		w := 0
		for _, c := range cs {
			w += c.width + columnGap
		}
		return w - columnGap
	}
	names := func(cs []tableColumn) int {
		for _, c := range cs {
			if c.key == "name" {
				return max(0, c.flexMax-c.width)
			}
		}
		return 0
	}
	drop := func(cs []tableColumn, above int) ([]tableColumn, bool) {
		d := 0
		for i, c := range cs {
			if c.priority > cs[d].priority {
				d = i
			}
		}
		if cs[d].priority <= above {
			return cs, false
		}
		return append(cs[:d:d], cs[d+1:]...), true
	}
	for ok := true; ok && total(cols) > width; {
		cols, ok = drop(cols, 0)
	}
	for ok := true; ok && total(cols)+names(cols) > width; {
		cols, ok = drop(cols, namesOver)
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

func (t *tableView) render() string {
	cols := t.columns()
	cols = fitColumns(cols, t.width)
	s := t.styles
	tones := s.tones()
	t.bandLo, t.bandHi = t.bandAxis()
	var b strings.Builder
	var heads strings.Builder
	headings := t.headings(cols)
	for i, c := range cols {
		h, w := headings[i], c.width
		if i > 0 && c.right && cells(h) > w {
			w += columnGap // the arrow stands in the gap, and the title stays flush with the figures
		} else if i > 0 {
			heads.WriteString(columnGapText)
		}
		heads.WriteString(pad(h, w, c.right))
	}
	b.WriteString(s.TableHead.Render(heads.String()))
	b.WriteString("\n")
	b.WriteString(t.rule(cols, headings))
	for line := 0; line < t.height; line++ {
		b.WriteString("\n")
		i := t.offset + line
		if i >= len(t.rows) {
			continue
		}
		b.WriteString(t.renderRow(cols, &tones, &t.results[t.rows[i]], i == t.cursor))
	}
	return b.String()
}

// columns are the table's columns sized for what it shows: a column of text the table can
// be sorted by keeps room for the arrow whichever column it is on (a column of figures puts
// it before its title, in the gap if need be), so no column moves when the order changes;
// the name column may grow to the longest name, and Moved is as wide as the fleet's count
// needs.
func (t *tableView) columns() []tableColumn {
	cols := tableColumns()
	for i := range cols {
		c := &cols[i]
		if !c.right && (c.key != "" || len(c.alsoSort) > 0) { // figures' arrows may take the gap
			c.width = max(c.width, cells(c.title)+1)
			for _, k := range c.alsoSort {
				c.width = max(c.width, cells(economics.MustField(k).Label)+1)
			}
		}
		switch c.key {
		case "name":
			c.flexMax = max(c.width, t.longestName())
		case "moved_machines":
			n := cells(human.Thousands(float64(max(t.fleet, 100)), 0))
			c.width = max(cells(c.title)+1, 2*n+len(" of "))
		}
	}
	return cols
}

// longestName is the width of the widest name cell of the table's options.
func (t *tableView) longestName() int {
	w := 0
	for i := range t.results {
		r := &t.results[i]
		n := cells(report.Destination(*r)) + cells(glyphOf(r.Kind))
		if t.edited[r.ID] {
			n += cells("✎ ")
		}
		w = max(w, n)
	}
	return w
}

// rule is the line under the column titles. When the table holds more rows than it shows,
// it says which are in view; when no title carries the sort arrow (the table is sorted by
// a column the window is too narrow to show, or one whose arrow has no room), it says so,
// arrow and all.
func (t *tableView) rule(cols []tableColumn, headings []string) string {
	s := t.styles
	var parts []string
	arrowShown := false // a title differs from its column's only by the arrow
	for i, c := range cols {
		arrowShown = arrowShown || headings[i] != c.title
	}
	if !arrowShown {
		parts = append(parts, "sorted by "+economics.MustField(t.sortKey).Label+" "+t.arrow())
	}
	if n := len(t.rows); n > t.height && t.height > 0 {
		first := min(t.offset, n-1) + 1
		parts = append(parts, itoa(first)+"–"+itoa(min(n, t.offset+t.height))+" of "+itoa(n))
	}
	label := " " + strings.Join(parts, " · ") + " "
	if len(parts) == 0 || cells(label)+2 > t.width {
		return s.Rule.Render(strings.Repeat("─", t.width))
	}
	return s.Rule.Render(strings.Repeat("─", t.width-cells(label)-2)) + s.Muted.Render(label) + s.Rule.Render("──")
}

// headings are the columns' titles as drawn. A column of figures whose arrow takes the gap
// before it keeps its plain title when the column before ends flush at that gap too, as the
// arrow would join the two titles ("Moved▼Net/month"); the rule under them names the order.
func (t *tableView) headings(cols []tableColumn) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = t.heading(c)
		if i > 0 && c.right && cells(out[i]) > c.width && cols[i-1].right {
			out[i] = c.title
		}
	}
	return out
}

func (t *tableView) arrow() string {
	if t.reverse {
		return "▲"
	}
	return "▼"
}

// heading is a column's title, with the sort arrow when the table is sorted by it: before
// the title of a column of figures, so the title stays flush with them, after it otherwise.
func (t *tableView) heading(c tableColumn) string {
	arrow := t.arrow()
	title := c.title
	switch {
	case c.key != "" && c.key == t.sortKey:
	case slices.Contains(c.alsoSort, t.sortKey):
		title = economics.MustField(t.sortKey).Label
	default:
		return title
	}
	if c.right {
		return arrow + title
	}
	return title + arrow
}

// renderRow draws one row: in its cells' tones, or for the selected row as plain text in the
// selection's style.
func (t *tableView) renderRow(cols []tableColumn, tones *[toneCount]sgr, r *economics.Result, selected bool) string {
	rowTone := toneRow
	if r.Excluded {
		rowTone = toneExcluded
	}
	var line strings.Builder
	line.Grow(2 * t.width)
	for i, c := range cols {
		cell := c.cell(t, r, c.width)
		text := pad(cell.text, c.width, c.right)
		if i > 0 {
			line.WriteString(columnGapText)
		}
		if selected {
			line.WriteString(text)
			continue
		}
		tn := cell.tone
		if r.Excluded || tn == toneRow {
			tn = rowTone
		}
		// The tone covers the figure, not the spaces that align it: an underline stays
		// under the figure.
		lead, figure, trail := splitPadding(text)
		line.WriteString(lead)
		line.WriteString(tones[tn].pre)
		line.WriteString(figure)
		line.WriteString(tones[tn].post)
		line.WriteString(trail)
	}
	if selected {
		text := line.String()
		if !t.marks[r.ID] {
			text = "▸" + strings.TrimPrefix(text, " ") // the mark column shows the cursor
		}
		if t.styles.theme.Mono {
			// The selection is reverse video: the bars' own reversed cells turn it back
			// off and on, so they stay drawn the other way round from the row.
			text = swapReverse.Replace(text)
		}
		return t.styles.Selected.Render(pad(text, t.width, false))
	}
	return line.String()
}

// swapReverse turns reverse video off where a cell turns it on, and on where it turns it off.
var swapReverse = strings.NewReplacer(reverseOn, reverseOff, reverseOff, reverseOn)

// splitPadding splits a padded cell into its leading spaces, its text and its trailing
// spaces.
func splitPadding(s string) (lead, text, trail string) {
	text = strings.TrimLeft(s, " ")
	lead = s[:len(s)-len(text)]
	trimmed := strings.TrimRight(text, " ")
	return lead, trimmed, text[len(trimmed):]
}

// bandAxis is the range every listed row's band bar shares, so bars compare across the
// whole table and do not change scale as it scrolls.
func (t *tableView) bandAxis() (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, i := range t.rows {
		if u := t.results[i].Band; u != nil {
			lo, hi = math.Min(lo, u.P10), math.Max(hi, u.P90)
		}
	}
	return lo, hi
}

// bandBar draws a row's band on the shared axis: P10 to P90 as a bar in eighths of a cell,
// P50 as a slit in it; the sell row's, the same in every future, is a tick alone.
func (t *tableView) bandBar(r *economics.Result, width int) cellText {
	u := r.Band
	switch {
	case r.Excluded:
		return cellText{text: strings.Repeat(" ", width/2) + "–"} // where a band would be
	case u == nil:
		return cellText{} // still being simulated
	case !(t.bandHi > t.bandLo): // every band in view is one figure: no axis to draw it on
		return cellText{text: human.CompactUSD(u.P50)}
	}
	eighths := 8 * width
	at := func(v float64) int {
		return min(eighths, max(0, int(math.Round((v-t.bandLo)/(t.bandHi-t.bandLo)*float64(eighths)))))
	}
	from, to := at(u.P10), at(u.P90)
	mid := min(width-1, at(u.P50)/8)
	var b strings.Builder
	for cell := range width {
		lo, hi := max(from, 8*cell), min(to, 8*cell+8)
		switch {
		case cell == mid && hi-lo == 8:
			b.WriteString(reverseOn + "│" + reverseOff)
		case cell == mid:
			b.WriteString("│")
		case hi-lo == 8:
			b.WriteString("█")
		case hi <= lo:
			b.WriteByte(' ')
		case lo > 8*cell && hi == 8*cell+8: // the band starts inside the cell: its right part
			b.WriteString(reverseOn + string(eighthBlocks[lo-8*cell-1]) + reverseOff)
		default:
			b.WriteRune(eighthBlocks[hi-lo-1])
		}
	}
	return cellText{text: b.String(), tone: toneBar}
}

// scoreBar draws the score as a bar scaled to the best score shown.
func (t *tableView) scoreBar(r *economics.Result, width int) cellText {
	if !r.Scored || t.maxScore <= 0 {
		return cellText{}
	}
	return cellText{text: bar(r.Score/t.maxScore, width), tone: toneBar}
}

// fitName fits a name into width cells, cutting a name with a part in brackets before the
// brackets, which tell places of one country apart: "United St… (New Mexico)".
func fitName(name string, width int) string {
	if cells(name) <= width {
		return name
	}
	if i := strings.LastIndex(name, " ("); i > 0 && strings.HasSuffix(name, ")") {
		if room := width - cells(name[i:]); room >= 4 {
			return ansiTruncate(name[:i], room) + name[i:]
		}
	}
	return ansiTruncate(name, width)
}

// pad fits s into width cells, truncating with an ellipsis or padding with spaces.
func pad(s string, width int, right bool) string {
	w := cells(s)
	if w > width {
		return ansi.Truncate(s, width, "…")
	}
	if right {
		return strings.Repeat(" ", width-w) + s
	}
	return s + strings.Repeat(" ", width-w)
}

// cells is the display width of s. Plain text of ASCII and of the one-cell symbols the
// screens draw with (letters with accents, punctuation, arrows, boxes, blocks, bars) is
// counted a rune a cell, and styles' escape sequences none; anything else (other escape
// sequences, wide or combining characters, emoji) is measured grapheme by grapheme.
func cells(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == 0x1b {
				// A style's CSI sequence (ESC [, parameters, intermediates, a final byte)
				// takes no cell; any other escape is measured in full.
				end := csiEnd(s, i)
				if end < 0 {
					return ansi.StringWidth(s)
				}
				i = end
				continue
			}
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !oneCell(r) {
			return ansi.StringWidth(s)
		}
		n++
		i += size
	}
	return n
}

// csiEnd is where the CSI sequence starting at s[i] ends, or -1 when there is none.
func csiEnd(s string, i int) int {
	if i+1 >= len(s) || s[i+1] != '[' {
		return -1
	}
	j := i + 2
	for j < len(s) && s[j] >= 0x30 && s[j] <= 0x3f {
		j++
	}
	for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
		j++
	}
	if j < len(s) && s[j] >= 0x40 && s[j] <= 0x7e {
		return j + 1
	}
	return -1
}

// oneCellRanges are where the runes counted a cell each without measuring may come from;
// of them, only those that are a grapheme of one cell on their own and never join a
// neighbour count (oneCell works them out once).
var oneCellRanges = [][2]rune{{0xa0, 0x24f}, {0x2010, 0x205f}, {0x20a0, 0x20bf}, {0x2190, 0x23ff}, {0x2500, 0x28ff}}

var (
	oneCellOnce sync.Once
	oneCellBits []uint64 // a bit a rune from oneCellRanges[0][0] up
)

func oneCell(r rune) bool {
	oneCellOnce.Do(func() {
		top := oneCellRanges[len(oneCellRanges)-1][1]
		oneCellBits = make([]uint64, (top+64)/64)
		for _, rg := range oneCellRanges {
			for r := rg[0]; r <= rg[1]; r++ {
				if unicode.In(r, unicode.M, unicode.Cc, unicode.Cf, unicode.Zl, unicode.Zp, unicode.Co, unicode.Cs) ||
					!unicode.IsPrint(r) && r != 0xa0 && r != 0x202f {
					continue
				}
				if ansi.StringWidth(string(r)) == 1 && ansi.StringWidth(string(r)+"a") == 2 && ansi.StringWidth("a"+string(r)) == 2 {
					oneCellBits[r/64] |= 1 << (r % 64)
				}
			}
		}
	})
	return int(r/64) < len(oneCellBits) && oneCellBits[r/64]&(1<<(r%64)) != 0
}
