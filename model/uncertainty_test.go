package model

import (
	"context"
	"errors"
	"github.com/charmbracelet/x/ansi"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"hashhaven/economics"
)

// movingModel is the default fleet with the hashprice at 0.06 USD/TH/s/day and Kazakhstan's
// uptime at 30 %: moving part of the fleet to Paraguay pays, so the bands differ from row to
// row. With simulateNow the split and the bands are there from the first frame; without,
// they are worked out by the commands Init returns.
func movingModel(t testing.TB, width, height int, simulateNow bool) Model {
	t.Helper()
	set, sc := bundled(t)
	sc = cloneScenario(sc)
	alg := sc.Market.Algorithms["sha256"]
	alg.USDPerUnitDay.Value = 0.06
	sc.Market.Algorithms["sha256"] = alg
	moved := *set
	moved.Countries = slices.Clone(set.Countries)
	for i := range moved.Countries {
		if moved.Countries[i].ID == "kz" {
			moved.Countries[i].Power.Uptime.Value = 0.3
		}
	}
	m, err := New(Options{Set: &moved, Scenario: sc, Theme: "dark", Now: testNow, Width: width, Height: height,
		SimulateNow: simulateNow, Select: "py-hosted"})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// drain runs cmd and every command its messages lead to, to the end; only for commands with
// no timers (the split, the simulation and its progress, the detail's insight).
func drain(t *testing.T, m Model, cmd tea.Cmd) Model {
	t.Helper()
	if cmd == nil {
		return m
	}
	msg := cmd()
	if batch, ok := msg.(tea.BatchMsg); ok {
		for _, c := range batch {
			m = drain(t, m, c)
		}
		return m
	}
	if msg == nil {
		return m
	}
	next, follow := m.Update(msg)
	return drain(t, next.(Model), follow)
}

func TestBandsFillInAfterTheSimulation(t *testing.T) {
	m := movingModel(t, 120, 40, false)
	if m.bands != nil || m.results[m.rows[0]].Band != nil {
		t.Fatal("the deterministic table comes first, without bands")
	}
	if screen := plain(m); !strings.Contains(screen, "Futures: simulating 10,000…") {
		t.Fatalf("the answer says the futures are being simulated:\n%s", screen)
	}
	split := m.firstWork().(splitMsg)
	next, simulation := m.Update(split) // the split arrives and starts the simulation
	m = next.(Model)
	if m.bands != nil || simulation == nil {
		t.Fatal("the split starts the simulation in a command")
	}
	m = drain(t, m, simulation)
	if m.bands == nil || m.simErr != "" {
		t.Fatalf("the simulation's message fills the bands (error %q)", m.simErr)
	}
	for _, r := range m.results {
		if (r.Band != nil) == r.Excluded {
			t.Errorf("%s: excluded %v, band %v; every ranked row has a band, excluded rows none", r.ID, r.Excluded, r.Band)
		}
	}
	screen := plain(m)
	for _, want := range []string{"Paraguay (hosted) is at least as good as not moving on", "of 10,000 simulated futures", "P10–P90", "Worse"} {
		if !strings.Contains(screen, want) {
			t.Errorf("with the bands the screen shows %q:\n%s", want, screen)
		}
	}
	if !strings.Contains(m.Screen(), reverseOn+"│"+reverseOff) {
		t.Error("a band bar marks its P50 with a slit")
	}
	if strings.Contains(screen, "simulating") {
		t.Error("the progress mark goes once the bands are there")
	}
	if rep := m.Report(); rep.Bands == nil || rep.Paths != simPaths {
		t.Error("exports from the app carry the bands shown")
	}
	split2 := plain(keys(t, m, "o"))
	if !strings.Contains(split2, "Over 10,000 simulated futures: P10") || !strings.Contains(split2, "worse than not moving in") {
		t.Errorf("the split screen shows the split's band:\n%s", split2)
	}
}

func TestProgressIsShownAndStaleReportsDropped(t *testing.T) {
	m := movingModel(t, 120, 40, false)
	m = send(t, m, simProgressMsg{gen: m.gen, done: 4096})
	if !strings.Contains(plain(m), "Futures: simulating 4,096 of 10,000…") {
		t.Errorf("the answer counts the futures done:\n%s", plain(m))
	}
	m = send(t, m, simProgressMsg{gen: m.gen, done: 2048}) // workers report out of order
	m = send(t, m, simProgressMsg{gen: m.gen - 1, done: 9999})
	if m.simDone != 4096 {
		t.Errorf("progress only grows, and an older run's reports are dropped: %d", m.simDone)
	}
}

// A what-if while a simulation runs: the running one is cancelled, its result (and any of an
// older ranking) is dropped, and the new ranking's bands replace it.
func TestWhatIfCancelsTheRunningSimulation(t *testing.T) {
	m := movingModel(t, 120, 40, true)
	next, older := m.Update(splitMsg{gen: m.gen, portfolio: *m.split}) // a run under way
	m = next.(Model)
	olderGen := m.gen
	olderBand := *m.ranking[0].Band

	m.current = m.current.withWhatIf(whatIf{Country: "py-hosted", Path: "power.price_usd_per_kwh", Value: 0.09})
	m = send(t, m, m.rerank()()) // the new ranking stops the older run and solves its split
	if m.gen == olderGen {
		t.Fatal("a what-if starts a new ranking")
	}
	if m.bands == nil {
		m = drain(t, m, m.simulate()) // the background run was slower than the test's patience
	}
	newBands := m.bands
	olderRun := older().(tea.BatchMsg)[0]().(simMsg)
	if !errors.Is(olderRun.err, context.Canceled) {
		t.Errorf("the older run is cancelled by the new ranking, got %v", olderRun.err)
	}
	m = send(t, m, olderRun, simMsg{gen: olderGen, bands: map[string]economics.Uncertainty{"py-hosted": olderBand}})
	if m.simErr != "" || m.bands == nil || m.bands["py-hosted"] != newBands["py-hosted"] {
		t.Fatalf("the older run's result must not replace the new bands: err %q", m.simErr)
	}
	if got, was := m.bands["py-hosted"].Mean, olderBand.Mean; got >= was {
		t.Errorf("dearer power in Paraguay lowers its mean value: %.0f, was %.0f", got, was)
	}
}

func TestSortByWorstPlausibleAndMean(t *testing.T) {
	m := movingModel(t, 120, 40, true)
	for _, want := range []string{"mean_usd", "p10_usd"} {
		for range economics.Fields {
			if m.sortKeyField().Key == want {
				break
			}
			m = keys(t, m, "s")
		}
		if m.sortKeyField().Key != want {
			t.Fatalf("s never sorts by %s", want)
		}
		f := economics.MustField(want)
		var last float64
		for i, idx := range m.rows {
			r := m.results[idx]
			v, ok := f.Value(&r)
			if r.Excluded || !ok {
				continue
			}
			if i > 0 && v > last {
				t.Errorf("sorted by %s, %s (%.0f) comes after a lower value (%.0f)", want, r.ID, v, last)
			}
			last = v
		}
	}
	head := plain(m)
	if !strings.Contains(head, "P10–P90▼") {
		t.Errorf("the band column shows the sort by P10:\n%s", head)
	}
	first := m.results[m.rows[0]]
	for _, idx := range m.rows {
		if r := m.results[idx]; !r.Excluded && r.Band.P10 > first.Band.P10 {
			t.Errorf("%s has a higher P10 than the first row %s", r.ID, first.ID)
		}
	}
}

// The tornado lists every input with its step, the largest change in the gain first.
func TestTornadoOrderedByImpact(t *testing.T) {
	m := movingModel(t, 120, 40, true)
	m = keys(t, m, "enter")
	in := m.insight
	if !in.ready || in.id != "py-hosted" || len(in.sensitivities) != 9 {
		t.Fatalf("the detail of Paraguay (hosted) has its nine sensitivities: %+v", in)
	}
	screen := plain(m)
	at := -1
	for i, x := range in.sensitivities {
		if i > 0 && x.Impact() > in.sensitivities[i-1].Impact() {
			t.Errorf("%s (%.0f) is listed after a smaller impact", x.Input, x.Impact())
		}
		pos := strings.Index(screen, x.Input+" "+x.Step)
		if pos < at {
			t.Errorf("%s %s is missing or out of order on screen", x.Input, x.Step)
		}
		at = pos
	}
	for _, want := range []string{"Sensitivity", "Hashprice ±30 %", "Mining levy ×10", "Break-even", "hashprice: $", "Kazakhstan's power price:"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the detail shows %q:\n%s", want, screen)
		}
	}
	// The largest impact draws the longest bar: it reaches the end of one side.
	top := in.sensitivities[0]
	lines := strings.Split(screen, "\n")
	for i, l := range lines {
		if strings.Contains(l, top.Input+" "+top.Step) && i+1 < len(lines) {
			if !strings.Contains(lines[i+1]+l, strings.Repeat("█", 10)) {
				t.Errorf("the largest impact should draw a long bar:\n%s\n%s", l, lines[i+1])
			}
		}
	}
}

// Moving the cursor works out the new selection's insight in a command; one that arrives for
// an earlier selection is dropped.
func TestInsightFollowsTheSelection(t *testing.T) {
	m := movingModel(t, 120, 40, true)
	before := m.insight      // Paraguay (hosted)'s
	m = keys(t, m, "j", "j") // to staying and selling, which have none to work out
	next, cmd := m.Update(press("j"))
	m = next.(Model)
	if m.insight.ready || m.insight.id == before.id {
		t.Fatalf("a new selection waits for its insight: %+v", m.insight)
	}
	m = send(t, m, insightMsg{before})
	if m.insight.ready {
		t.Error("the previous selection's insight must not stand for the new one")
	}
	m = drain(t, m, cmd)
	if !m.insight.ready || m.insight.id != m.selected {
		t.Errorf("the command brings the selection's insight: %+v", m.insight)
	}
}

// In a terminal: bands fill in, and a what-if typed as the app starts re-ranks and simulates
// the new ranking, the split's band included.
func TestFlowBandsFillInAndFollowAWhatIf(t *testing.T) {
	m := movingModel(t, 120, 40, false)
	before := movingModel(t, 120, 40, true).bands["py-hosted"]
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 40))
	sendKeys(tm, "e", "j", "j", "j", "enter") // Paraguay (hosted)'s power price
	for range 8 {
		sendKeys(tm, "backspace")
	}
	tm.Type("0.03")
	sendKeys(tm, "enter", "esc", "o")
	waitFor(t, tm, "Over 10,000 simulated futures: P10")
	sendKeys(tm, "q")
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	if final.current.edited("py-hosted")["power.price_usd_per_kwh"] != 0.03 {
		t.Fatalf("the what-if was not made: %v", final.current.WhatIfs)
	}
	if final.bands == nil || final.bands["py-hosted"].Mean <= before.Mean {
		t.Errorf("cheaper power in Paraguay raises its simulated mean: %v, was %v", final.bands["py-hosted"], before)
	}
}

// A plan whose value does not depend on the future (it sells now) reads as one figure, not
// as a range from a figure to itself.
func TestBandOfOneFigure(t *testing.T) {
	m := newTestModel(t, 120, 40)
	r := economics.Result{Kind: economics.Destination, Band: &economics.Uncertainty{Mean: 2.7e6, P10: 2.698e6, P50: 2.7e6, P90: 2.701e6}}
	line := ansi.Strip(m.bandLine(r))
	if strings.Contains(line, "$2.7M – $2.7M") || !strings.Contains(line, "$2.7M from P10 to P90") {
		t.Errorf("band line %q", line)
	}
	r.Band.P90 = 3.5e6
	if line := ansi.Strip(m.bandLine(r)); !strings.Contains(line, "$2.7M – $3.5M") {
		t.Errorf("a real range: %q", line)
	}
}

// The split and the simulation under way are cancelled as soon as a new ranking is asked
// for, not once it is worked out, so they do not slow the ranking.
func TestNewRankingHaltsTheBackgroundWorkAtOnce(t *testing.T) {
	m := movingModel(t, 120, 40, true)
	next, older := m.Update(splitMsg{gen: m.gen, portfolio: *m.split}) // a run under way
	m = next.(Model)
	split := m.solveSplit() // and a split, not yet begun
	asked := m.rerank()().(tea.BatchMsg)
	if len(asked) != 2 || asked[0] == nil {
		t.Fatalf("a re-rank asks for %d commands, want the halt and the ranking", len(asked))
	}
	asked[0]() // the halt, run before the ranking's result comes back
	olderRun := older().(tea.BatchMsg)[0]().(simMsg)
	if !errors.Is(olderRun.err, context.Canceled) {
		t.Errorf("the run under way is cancelled when the ranking is asked for, got %v", olderRun.err)
	}
	if solved := split().(splitMsg); !errors.Is(solved.err, context.Canceled) {
		t.Errorf("the split is cancelled when the ranking is asked for, got %v", solved.err)
	}
}

// A ranking that fails leaves the one on screen, and its split and futures, halted when the
// failed one was asked for, are worked out again: the screen does not say "solving" for good.
func TestFailedRankingKeepsTheSplitAndFutures(t *testing.T) {
	m := movingModel(t, 120, 40, true)
	shown := m.ranking
	solve := m.solveSplit() // a split under way
	asked := m.rerank()().(tea.BatchMsg)
	asked[0]() // the re-rank halts it
	m = send(t, m, solve(), rankedMsg{gen: m.gen, err: errors.New("no plan")})
	if m.bands == nil {
		m = drain(t, m, m.simulate()) // the background run was slower than the test's patience
	}
	if m.solving() || m.simulating() || len(m.ranking) != len(shown) {
		t.Fatalf("after a failed ranking: solving %v, simulating %v, %d rows (had %d)", m.solving(), m.simulating(), len(m.ranking), len(shown))
	}
}
