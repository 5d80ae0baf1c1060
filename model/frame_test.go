package model

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"hashhaven/economics"
)

// update applies one message and nothing it leads to, as Bubble Tea does before drawing.
func update(m Model, msg tea.Msg) (Model, tea.Cmd) {
	next, cmd := m.Update(msg)
	return next.(Model), cmd
}

// A burst of keys draws its first key at once, leaves that frame up for the keys that follow
// within the frame interval, and the frame tick draws the state the last key left; a tick
// with nothing new draws nothing and ends the ticking.
func TestAKeyBurstDrawsOncePerFrame(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m, cmd := update(m, press("j"))
	if cmd == nil {
		t.Fatal("the first key of a burst asks for a frame tick")
	}
	first := m.View().Content
	if first != m.draw().Content {
		t.Fatal("the first key of a burst is drawn at once")
	}
	for range 3 {
		m, _ = update(m, press("j"))
	}
	m, _ = update(m, insightDueMsg{}) // a wait for a row the cursor has left: nothing to draw
	m, _ = update(m, tea.MouseMotionMsg{X: 3, Y: 3})
	if m.View().Content != first {
		t.Error("keys before the frame tick leave the last frame up")
	}
	if m.draw().Content == first {
		t.Fatal("the keys moved the cursor, so the state differs from the frame up")
	}
	m, cmd = update(m, frameMsg{})
	if got := m.View().Content; got != m.draw().Content || got == first {
		t.Error("the frame tick draws the state the last key left")
	}
	if cmd == nil {
		t.Error("after drawing a burst's keys the ticking goes on, for the keys still coming")
	}
	drawn := m.pacing.last.view.Content
	m, cmd = update(m, frameMsg{})
	if cmd != nil || m.View().Content != drawn {
		t.Error("a tick with nothing new draws nothing and stops the ticking")
	}
	m, _ = update(m, press("k"))
	if m.View().Content != m.draw().Content {
		t.Error("a key after the burst has settled is the first of a new one: drawn at once")
	}
}

// Messages other than input (a ranking, an insight) are drawn at once, with the keys before
// them: only input is held for the tick.
func TestOtherMessagesDrawAtOnce(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m, _ = update(m, press("j"))
	_ = m.View()
	m, _ = update(m, press("j"))
	m, _ = update(m, tea.WindowSizeMsg{Width: 100, Height: 40})
	if m.View().Content != m.draw().Content {
		t.Error("a resize during a burst is drawn at once, with the keys before it")
	}
}

// The selection's insight is worked out only once the selection rests: the wait started for a
// row the cursor has left starts nothing, even when the cursor comes back to that row.
func TestARestlessSelectionStartsNoInsight(t *testing.T) {
	m := newTestModel(t, 120, 40)
	destination := func(m Model) bool {
		r, ok := m.selectedResult()
		return ok && r.Kind == economics.Destination && !r.Excluded
	}
	for !destination(m) || m.insight.ready {
		m, _ = update(m, press("j"))
	}
	left := m.insight
	m, _ = update(m, press("j"))
	m, _ = update(m, press("k")) // back on the same row
	if m.selected != left.id || m.insight.ready {
		t.Fatalf("back on %s, the insight waits again: %+v", left.id, m.insight)
	}
	if _, cmd := update(m, insightDueMsg{left.rest}); cmd != nil {
		t.Error("a wait the cursor cut short starts no work")
	}
	m, cmd := update(m, insightDueMsg{m.insight.rest})
	if cmd == nil {
		t.Fatal("once the selection rests its insight is worked out")
	}
	m, _ = update(m, cmd())
	if !m.insight.ready || m.insight.id != m.selected {
		t.Errorf("the insight worked out is the selection's: %+v", m.insight)
	}
}

// A burst of what-if edits values only what is still wanted: a re-rank that a newer edit
// superseded before it started does nothing, and the newest is ranked.
func TestSupersededRerankIsDropped(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m.current = m.current.withWhatIf(whatIf{Country: "py", Path: "power.uptime", Value: 0.5})
	first := m.rerank()
	m.current = m.current.withWhatIf(whatIf{Country: "py", Path: "power.uptime", Value: 0.4})
	second := m.rerank()
	if msg := first(); msg != nil {
		t.Errorf("the superseded re-rank ran: %T", msg)
	}
	msg, ok := second().(rankedMsg)
	if !ok || msg.gen != m.gen {
		t.Fatalf("the newest re-rank brings generation %d: %+v", m.gen, msg.gen)
	}
	m = send(t, m, msg)
	if c, _ := m.country("py"); c.Power.Uptime.Value != 0.4 {
		t.Errorf("uptime %v on screen, want the last edit's 0.4", c.Power.Uptime.Value)
	}
}

// The first split, and the simulation it leads to, wait until the first frame has had time to
// reach the screen, so they do not hold it back.
func TestFirstWorkWaitsForTheFirstFrame(t *testing.T) {
	m := movingModel(t, 120, 40, false)
	start := time.Now()
	if _, ok := m.firstWork().(splitMsg); !ok {
		t.Fatal("the first work is not the split")
	}
	if waited := time.Since(start); waited < 2*frameInterval {
		t.Errorf("the split started after %v, before two frame intervals", waited)
	}
}
