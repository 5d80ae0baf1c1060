package model

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// frameInterval is how often the terminal is repainted at most: Bubble Tea's renderer flushes
// 60 times a second, and draws View after every message, so a frame drawn between two flushes
// is never seen.
const frameInterval = time.Second / 60

// frameMsg is the frame tick that follows input: the latest state is drawn if input arrived
// since the last frame.
type frameMsg struct{}

// pacing is how the model spends frames on bursts of input: the first key of a burst is drawn
// at once; keys arriving before the next frame tick leave the last frame on screen, and the
// tick draws the state they left; mouse wheel and motion count as input. The state decides
// what is stale, never the clock.
type pacing struct {
	ticking bool // a frame tick is on its way
	reuse   bool // the last frame drawn still stands: the state since is drawn by the tick
	behind  bool // input changed the state after the last frame drawn
	last    *drawn
}

// drawn is the last frame View drew, shared by the copies of a model (Bubble Tea keeps the
// one Update returns), so View stays a function of the state and this memo.
type drawn struct {
	view  tea.View
	valid bool
}

func newPacing() pacing { return pacing{last: &drawn{}} }

// paced updates the pacing after msg and returns the frame tick to wait for, if one is due.
func (m *Model) paced(msg tea.Msg) tea.Cmd {
	p := &m.pacing
	switch msg.(type) {
	case insightDueMsg:
		// It changes nothing on screen: with input behind the tick draws it, else the last
		// frame is the current state (Bubble Tea draws after every message).
		p.reuse = true
		return nil
	case frameMsg:
		p.ticking = false
		if !p.behind {
			p.reuse = true // nothing arrived since the last frame: it is the current state
			return nil
		}
		p.reuse, p.behind = false, false
	case tea.KeyPressMsg, tea.MouseWheelMsg, tea.MouseMotionMsg:
		if p.ticking {
			p.reuse, p.behind = true, true
			return nil
		}
		p.reuse, p.behind = false, false
	default:
		p.reuse, p.behind = false, false
		return nil
	}
	// A frame is drawn now: the next input within the interval waits for the tick.
	p.ticking = true
	return tea.Tick(frameInterval, func(time.Time) tea.Msg { return frameMsg{} })
}

// frame is the view to show: the last one drawn while it still stands, else a new one.
func (m Model) frame(draw func() tea.View) tea.View {
	if m.pacing.last == nil {
		return draw()
	}
	if m.pacing.reuse && m.pacing.last.valid {
		return m.pacing.last.view
	}
	v := draw()
	*m.pacing.last = drawn{view: v, valid: true}
	return v
}

// afterFirstFrame runs cmd once the first frame has had time to reach the screen: the split
// leads to the simulation, whose futures take both cores for a while and, started at once,
// would hold back the first frame.
func afterFirstFrame(cmd tea.Cmd) tea.Cmd {
	return func() tea.Msg {
		time.Sleep(2 * frameInterval)
		return cmd()
	}
}
