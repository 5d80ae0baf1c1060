package model

// The smallest window the app draws in; below it, it asks for a larger one.
const (
	minWidth  = 60
	minHeight = 16
)

// placement is where the detail pane goes on the main screen.
type placement int

const (
	detailHidden placement = iota // behind enter
	detailBelow
	detailBeside
)

// geometry is where things go on the main screen for the window's size. View draws with it
// and Update uses it to map mouse clicks and page moves to rows.
type geometry struct {
	tooSmall     bool
	headerLines  int
	answerLines  int      // the answer in words, between the header and the table
	answer       []string // its lines, worked out once a frame
	risks        []string // the selected row's status and risks, under the table
	detail       placement
	tableWidth   int
	tableRows    int // data rows that fit
	firstRowY    int // screen line of the first data row
	detailWidth  int
	detailHeight int
}

const (
	footerLines = 1
	tableChrome = 2 // column heads and their rule
)

func (m Model) layout() geometry {
	g := geometry{headerLines: m.headerHeight()}
	if m.width < minWidth || m.height < minHeight {
		g.tooSmall = true
		return g
	}
	body := m.height - g.headerLines - footerLines
	g.answer = m.answerLines(m.width, answerBudget(body))
	g.answerLines = len(g.answer)
	body -= g.answerLines
	g.tableWidth = m.width
	if m.width >= 150 {
		g.tableWidth = m.width - min(max(m.width*2/5, 56), 84) - 1
	}
	g.risks = m.riskLines(g.tableWidth)
	body -= len(g.risks)
	g.firstRowY = g.headerLines + g.answerLines + tableChrome
	switch {
	case m.width >= 150:
		g.detail = detailBeside
		g.detailWidth = m.width - g.tableWidth - 1
		g.detailHeight = body + len(g.risks)
		g.tableRows = body - tableChrome
	case m.height >= 36:
		g.detail = detailBelow
		g.detailWidth = m.width
		g.tableRows = min(max(8, body/2-tableChrome), len(m.rows))
		g.detailHeight = body - tableChrome - g.tableRows - 1
	default:
		g.tableRows = body - tableChrome
	}
	g.tableRows = max(1, g.tableRows)
	return g
}
