package model

import (
	"slices"
	"strings"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"

	"hashhaven/countries"
	"hashhaven/dataset"
	"hashhaven/economics"
)

// How long a rank change stays marked beside a destination.
const moveMarkFor = 4 * time.Second

type rankedMsg struct {
	gen     int
	plan    *economics.Plan
	results []economics.Result
	err     error
}

type clearMovesMsg struct{ gen int }

// rerank values the variant off the UI's goroutine, so a keystroke never waits for it. One
// that a newer re-rank has superseded (latest has moved past gen) before it starts does
// nothing: a burst of edits is valued once or twice, not once an edit.
func rerank(gen int, latest *atomic.Int64, v variant, set *dataset.Set) tea.Cmd {
	return func() tea.Msg {
		if latest != nil && latest.Load() != int64(gen) {
			return nil
		}
		var msg rankedMsg
		// Neither the plan nor the results keep the destinations they are worked out from.
		v.withApplied(set.Countries, func(dests []countries.Country) {
			plan, err := economics.NewPlan(v.Scenario, set.Machines, dests)
			if err != nil {
				msg = rankedMsg{gen: gen, err: err}
				return
			}
			msg = rankedMsg{gen: gen, plan: plan, results: plan.Rank(dests)}
		})
		return msg
	}
}

// step is a variant the user changed, and what the change did, for undo to say.
type step struct {
	was  variant
	what string // "Hashprice 0.034 → 0.05 USD/TH/day", "removed Antminer S19 XP from the fleet"
}

// change makes v the current variant, kept in the history as what, and says so: the message
// replaces any older one, which no longer describes the screen.
func (m *Model) change(v variant, what string) tea.Cmd {
	m.history = append(m.history, step{was: m.current, what: what})
	m.current = v
	return tea.Batch(m.rerank(), m.showToast(what+" · u undoes"))
}

func (m *Model) rerank() tea.Cmd {
	m.gen++
	if m.latest != nil {
		m.latest.Store(int64(m.gen))
	}
	return tea.Batch(m.haltBackground(), rerank(m.gen, m.latest, m.current, m.set))
}

// ranked takes a finished ranking, marking destinations whose rank moved.
func (m *Model) ranked(msg rankedMsg) tea.Cmd {
	if msg.gen != m.gen {
		return nil // a newer change is on its way
	}
	if msg.err != nil {
		// The ranking on screen stays; its split and futures, halted when this one was asked
		// for, are worked out again under this generation.
		return tea.Batch(m.showToast("cannot rank: "+msg.err.Error()), m.stopSimulation(), m.solveSplit())
	}
	before := map[string]int{}
	for _, r := range m.results {
		before[r.ID] = r.Rank
	}
	m.moved = map[string]int{}
	for _, r := range msg.results {
		if old, ok := before[r.ID]; ok && old != r.Rank && old > 0 && r.Rank > 0 {
			m.moved[r.ID] = old - r.Rank
		}
	}
	m.movedGen++ // a timer still running for the last arrows leaves these alone
	m.movesFading = false
	stop := m.stopSimulation()
	m.setRanking(msg.plan, msg.results)
	return tea.Batch(stop, m.solveSplit()) // the simulation starts once the split is solved
}

// fadeMoves starts the timer that clears the rank arrows once the table shows them. A change
// made in an editor or from another screen is seen back at the table, for as long as one made
// there: the arrows wait, however long the user stays away.
func (m *Model) fadeMoves() tea.Cmd {
	if len(m.moved) == 0 || m.movesFading || m.screen != screenMain {
		return nil
	}
	m.movesFading = true
	gen := m.movedGen
	return tea.Tick(moveMarkFor, func(time.Time) tea.Msg { return clearMovesMsg{gen} })
}

func (m *Model) setRanking(plan *economics.Plan, results []economics.Result) {
	m.plan, m.ranking, m.results = plan, results, results
	m.refreshRows()
}

// refreshRows re-sorts and re-filters, keeping the cursor on the same destination.
func (m *Model) refreshRows() {
	m.results = slices.Clone(m.results) // the previous model may still hold the old order
	economics.SortBy(m.results, economics.Fields[m.sortKey], m.reverse)
	query := strings.ToLower(strings.TrimSpace(m.filter.Value()))
	m.rows = make([]int, 0, len(m.results))
	for i, r := range m.results {
		if query == "" || matches(r, query) {
			m.rows = append(m.rows, i)
		}
	}
	m.cursor = 0
	for i, idx := range m.rows {
		if m.results[idx].ID == m.selected {
			m.cursor = i
		}
	}
	m.follow()
}

func matches(r economics.Result, query string) bool {
	for _, s := range []string{r.Name, r.ID, r.Region, r.LegalStatus, r.ExcludedReason} {
		if strings.Contains(strings.ToLower(s), query) {
			return true
		}
	}
	return false
}

// follow keeps the cursor in range and visible, and remembers which destination it is on.
func (m *Model) follow() {
	m.cursor = max(0, min(m.cursor, len(m.rows)-1))
	if len(m.rows) > 0 {
		m.selected = m.results[m.rows[m.cursor]].ID
	}
	visible := max(1, m.layout().tableRows)
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+visible {
		m.offset = m.cursor - visible + 1
	}
	m.offset = max(0, min(m.offset, len(m.rows)-visible))
}
