package model

import (
	"context"
	"errors"
	"slices"

	tea "charm.land/bubbletea/v2"

	"hashhaven/countries"
	"hashhaven/economics"
	"hashhaven/human"
)

// The simulated futures behind the outcome bands: the command line's default count, and a
// fixed seed, so the same data and changes always draw the same bands.
const (
	simPaths        = economics.DefaultPaths
	simSeed  uint64 = 2026
)

// simMsg is a finished simulation of one ranking generation.
type simMsg struct {
	gen   int
	bands map[string]economics.Uncertainty
	err   error
}

// simProgressMsg says how many futures of a generation's simulation are done; next listens
// for the following report.
type simProgressMsg struct {
	gen, done int
	next      tea.Cmd
}

// simulate starts the simulation of the ranking on screen, with its split when solved, off
// the UI's goroutine; an older run still going is cancelled when this one begins, and the
// progress comes back through a channel the simulation's workers write to without waiting.
func (m *Model) simulate() tea.Cmd {
	ctx, cancel := context.WithCancel(context.Background())
	older := m.cancelSim
	m.cancelSim = cancel
	m.bands, m.simDone, m.simErr = nil, 0, ""
	gen, plan, results, split := m.gen, m.plan, m.ranking, m.split
	dests := m.current.apply(m.set.Countries)
	progress := make(chan int, 1)
	run := func() tea.Msg {
		if older != nil {
			older()
		}
		defer cancel()
		defer close(progress) // after the run: no worker reports any more
		return runSimulation(ctx, gen, plan, dests, results, split, func(done, _ int) {
			select {
			case progress <- done:
			default: // the screen has not taken the last report yet; a later one will do
			}
		})
	}
	return tea.Batch(run, listenProgress(gen, progress))
}

func runSimulation(ctx context.Context, gen int, plan *economics.Plan, dests []countries.Country, results []economics.Result,
	split *economics.Portfolio, progress func(done, total int)) simMsg {
	bands, err := plan.Simulate(ctx, dests, results, economics.SimOptions{Paths: simPaths, Seed: simSeed, Split: split, Progress: progress})
	return simMsg{gen: gen, bands: bands, err: err}
}

func listenProgress(gen int, progress <-chan int) tea.Cmd {
	return func() tea.Msg {
		done, ok := <-progress
		if !ok {
			return nil
		}
		return simProgressMsg{gen: gen, done: done, next: listenProgress(gen, progress)}
	}
}

// simulationProgressed notes a progress report of the run under way and listens for the next.
func (m *Model) simulationProgressed(msg simProgressMsg) tea.Cmd {
	if msg.gen != m.gen || !m.simulating() {
		return nil
	}
	m.simDone = max(m.simDone, msg.done) // workers report out of order
	return msg.next
}

// simulated takes finished bands if they belong to the ranking on screen.
func (m *Model) simulated(msg simMsg) {
	if msg.gen != m.gen || errors.Is(msg.err, context.Canceled) {
		return // a newer ranking's run is on its way
	}
	if msg.err != nil {
		m.simErr = msg.err.Error()
		return
	}
	m.bands = msg.bands
	m.ranking = slices.Clone(m.ranking) // older models may still hold the ranking
	economics.AttachBands(m.ranking, msg.bands)
	m.results = slices.Clone(m.results)
	economics.AttachBands(m.results, msg.bands)
	m.refreshRows()
}

// haltBackground cancels the split and the simulation under way as soon as a new ranking is
// asked for: they are of the ranking being replaced, whose results would be dropped, and
// would otherwise take the cores while the new ranking is worked out and drawn.
func (m Model) haltBackground() tea.Cmd {
	split, sim := m.cancelSplit, m.cancelSim
	if split == nil && sim == nil {
		return nil
	}
	return func() tea.Msg {
		for _, cancel := range []context.CancelFunc{split, sim} {
			if cancel != nil {
				cancel()
			}
		}
		return nil
	}
}

// stopSimulation forgets the bands of the ranking being replaced and cancels its run.
func (m *Model) stopSimulation() tea.Cmd {
	cancel := m.cancelSim
	m.cancelSim = nil
	m.bands, m.simDone, m.simErr = nil, 0, ""
	if cancel == nil {
		return nil
	}
	return func() tea.Msg {
		cancel()
		return nil
	}
}

// simulating reports whether the bands of the ranking on screen are still being worked out.
func (m Model) simulating() bool { return m.bands == nil && m.simErr == "" }

// simulationStatus is the answer's line while the bands are not there.
func (m Model) simulationStatus() string {
	if m.simErr != "" {
		return "Futures: could not be simulated (" + m.simErr + ")."
	}
	if m.simDone == 0 {
		return "Futures: simulating " + human.Thousands(simPaths, 0) + "…"
	}
	return "Futures: simulating " + human.Thousands(float64(m.simDone), 0) + " of " + human.Thousands(simPaths, 0) + "…"
}
