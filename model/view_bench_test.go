package model

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"hashhaven/countries"
	"hashhaven/dataset"
	"hashhaven/economics"
)

// bigSet is the bundled data set grown to 1,000 destinations (the bundled ones and renamed copies),
// sorted by id as a loaded set is, so looking a destination up finds it.
func bigSet(tb testing.TB) *dataset.Set {
	tb.Helper()
	set, _ := bundled(tb)
	big := *set
	big.Countries = nil
	big.Files = map[string]string{}
	for i := range 1000 {
		c := set.Countries[i%len(set.Countries)]
		if i >= len(set.Countries) { // the originals keep their ids: the scenario names its origin
			c.ID = fmt.Sprintf("%s-%04d", c.ID, i)
			c.Name = fmt.Sprintf("%s %d", c.Name, i)
		}
		big.Countries = append(big.Countries, c)
		big.Files[c.ID] = c.ID + ".yaml"
	}
	slices.SortFunc(big.Countries, func(a, b countries.Country) int { return strings.Compare(a.ID, b.ID) })
	return &big
}

var (
	bigOnce  sync.Once
	bigModel Model
)

// benchModel is a 200×60 window over 1,000 destinations, its split solved and its futures
// simulated as the app does them, with a real destination selected and three marked.
func benchModel(b *testing.B, view string) Model {
	b.Helper()
	bigOnce.Do(func() {
		set := bigSet(b)
		sc, _ := set.PickScenario("")
		sel := set.Countries[len(set.Countries)/2].ID // halfway down the ranking, most likely
		m, err := New(Options{Set: set, Scenario: sc, Theme: "dark", Now: testNow, Width: 200, Height: 60,
			SimulateNow: true, Select: sel})
		if err != nil {
			b.Fatal(err)
		}
		bigModel = m
	})
	m := bigModel
	m.marks = m.topMarks(3)
	if s := Views[view]; s.isEditor() {
		m = m.openForm(s) // on the selected destination, as the app opens it
	} else {
		m.screen = s
	}
	r, ok := m.selectedResult()
	if !ok || r.Kind != economics.Destination {
		b.Fatalf("no destination selected: %+v", r.ID)
	}
	if _, ok := m.selectedCountry(); !ok {
		b.Fatalf("the selected destination %s is not found in the data set", r.ID)
	}
	if shows := view == "main" || view == "detail" || view == "chart" || view == "whatif"; shows && !strings.Contains(m.Screen(), r.Name) {
		b.Fatalf("the %s frame does not show the selected destination %s", view, r.Name)
	}
	return m
}

func benchmarkFrame(b *testing.B, view string) {
	m := benchModel(b, view)
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}

// Frames of 200×60 over 1,000 destinations, one per screen. Target: under 4 ms each.
func BenchmarkView(b *testing.B)            { benchmarkFrame(b, "main") }
func BenchmarkViewDetail(b *testing.B)      { benchmarkFrame(b, "detail") }
func BenchmarkViewChart(b *testing.B)       { benchmarkFrame(b, "chart") }
func BenchmarkViewCompare(b *testing.B)     { benchmarkFrame(b, "compare") }
func BenchmarkViewPortfolio(b *testing.B)   { benchmarkFrame(b, "portfolio") }
func BenchmarkViewPresent(b *testing.B)     { benchmarkFrame(b, "present") }
func BenchmarkViewHelp(b *testing.B)        { benchmarkFrame(b, "help") }
func BenchmarkViewWhatIf(b *testing.B)      { benchmarkFrame(b, "whatif") }
func BenchmarkViewAssumptions(b *testing.B) { benchmarkFrame(b, "assumptions") }
func BenchmarkViewFleet(b *testing.B)       { benchmarkFrame(b, "fleet") }

// BenchmarkRerankWhatIf is a what-if re-rank as the app does it over 1,000 destinations:
// a figure of a destination edited (three others edited before it), the edits applied to
// the destinations, a plan built and every destination ranked. Target: under 2 ms all in.
func BenchmarkRerankWhatIf(b *testing.B) {
	set := bigSet(b)
	_, sc := bundled(b)
	v := variant{Scenario: cloneScenario(sc)}
	for i, id := range []int{3, 100, 517} {
		c := set.Countries[id]
		nums := countries.Numbers(&c)
		v = v.withWhatIf(whatIf{Country: c.ID, Path: nums[i].Path, Value: nums[i].Num.Value * 1.1})
	}
	edited := set.Countries[700]
	price := countries.Numbers(&edited)[3] // power.price_usd_per_kwh
	b.ReportAllocs()
	step := 0
	for b.Loop() {
		step++
		next := v.withWhatIf(whatIf{Country: edited.ID, Path: price.Path, Value: price.Num.Value * (1 + float64(step%50)/100)})
		msg := rerank(step, nil, next, set)().(rankedMsg)
		if msg.err != nil || len(msg.results) == 0 {
			b.Fatal(msg.err)
		}
	}
}

// A re-rank with what-ifs ranks as if the destinations' files held the edited figures,
// however many re-ranks came before it with other edits.
func TestRerankAppliesOnlyTheCurrentWhatIfs(t *testing.T) {
	set := bigSet(t)
	_, sc := bundled(t)
	base := variant{Scenario: cloneScenario(sc)}
	want := func(v variant) []economics.Result {
		dests := v.apply(set.Countries)
		plan, err := economics.NewPlan(v.Scenario, set.Machines, dests)
		if err != nil {
			t.Fatal(err)
		}
		return plan.Rank(dests)
	}
	edit := func(v variant, i int, factor float64) variant {
		c := set.Countries[i]
		f := countries.Numbers(&c)[3]
		return v.withWhatIf(whatIf{Country: c.ID, Path: f.Path, Value: f.Num.Value * factor})
	}
	one := edit(base, 10, 0.5)
	two := edit(edit(base, 20, 0.4), 30, 2)
	for _, v := range []variant{one, two, one, base, two, edit(one, 10, 3)} {
		got := rerank(1, nil, v, set)().(rankedMsg)
		if got.err != nil {
			t.Fatal(got.err)
		}
		w := want(v)
		if len(got.results) != len(w) {
			t.Fatalf("%d results, want %d", len(got.results), len(w))
		}
		for i := range w {
			if got.results[i].ID != w[i].ID || got.results[i].NPV != w[i].NPV || got.results[i].Rank != w[i].Rank {
				t.Fatalf("row %d: %s %v, want %s %v", i, got.results[i].ID, got.results[i].NPV, w[i].ID, w[i].NPV)
			}
		}
	}
	for _, c := range set.Countries {
		for _, f := range countries.Numbers(&c) {
			if f.Num.Edited {
				t.Fatalf("%s %s is marked edited in the data set", c.ID, f.Path)
			}
		}
	}
}

// BenchmarkKeyBurst is 200 cursor moves in a burst over 1,000 destinations as the program
// sees them: a real tea.Program, the keys sent faster than frames, frame ticks arriving when
// they would, each op from the first key sent until a frame of the state the last key left
// has been drawn. Goal: the burst settles within 0.3 s.
func BenchmarkKeyBurst(b *testing.B) {
	m := benchModel(b, "main")
	down, up := press("j"), press("k")
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		w := &burstWatch{drawn: make(chan int, 1)}
		p := tea.NewProgram(watched{m, w}, tea.WithInput(nil), tea.WithOutput(io.Discard),
			tea.WithWindowSize(m.width, m.height))
		ran := make(chan error, 1)
		go func() { _, err := p.Run(); ran <- err }()
		<-w.drawn // the first frame, before the burst
		b.StartTimer()
		for i := range 200 {
			k := down
			if i%50 >= 25 {
				k = up
			}
			p.Send(k)
		}
		for keys := 0; keys < 200; keys = <-w.drawn {
		}
		b.StopTimer()
		p.Quit()
		if err := <-ran; err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
}

// watched is the model as the program runs it, reporting each frame it draws afresh with the
// number of keys that frame has taken in.
type watched struct {
	Model
	w *burstWatch
}

type burstWatch struct {
	keys  int
	drawn chan int
}

func (m watched) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyPressMsg); ok {
		m.w.keys++
	}
	next, cmd := m.Model.Update(msg)
	m.Model = next.(Model)
	return m, cmd
}

func (m watched) View() tea.View {
	v := m.Model.View()
	if !m.pacing.reuse {
		select {
		case <-m.w.drawn: // only the latest count matters
		default:
		}
		m.w.drawn <- m.w.keys
	}
	return v
}
