package model

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"hashhaven/economics"
	"hashhaven/human"
)

// kept is how many machines not moving keeps running at the origin.
func kept(m Model) int {
	n := 0
	for _, r := range m.ranking {
		if r.Kind == economics.Sell {
			for _, b := range r.Batches {
				if b.Alternative == economics.Stay {
					n += b.Count
				}
			}
		}
	}
	return n
}

func TestFirstScreenAnswersInWords(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		m := newTestModel(t, size[0], size[1])
		screen := plain(m)
		for _, want := range []string{"Not moving:", "Best split:", "⌂ Kazakhstan (stay)", "$ Sell the fleet now"} {
			if !strings.Contains(screen, want) {
				t.Errorf("%dx%d: the first screen should say %q:\n%s", size[0], size[1], want, screen)
			}
		}
		if !strings.Contains(screen, "Best single move:") && !strings.Contains(screen, "No move pays:") {
			t.Errorf("%dx%d: the first screen should say whether a move pays:\n%s", size[0], size[1], screen)
		}
		if strings.Contains(screen, "solving…") {
			t.Errorf("%dx%d: the split was solved, yet the screen still waits for it", size[0], size[1])
		}
	}
}

func TestSplitShowsSolvingUntilItArrives(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m = keys(t, m, "o")
	if m.screen != screenPortfolio {
		t.Fatalf("o opens the split, got screen %d", m.screen)
	}
	m.current = m.current.withWhatIf(whatIf{Country: "kz", Path: "taxes.mining_levy_per_kwh", Value: 10})
	asked := quick(m.rerank()) // the ranking; the re-rank halts the split under way
	if len(asked) != 1 {
		t.Fatalf("a re-rank gives %d messages, want its ranking", len(asked))
	}
	next, _ := m.Update(asked[0]) // the ranking arrives, its split is not solved yet
	m = next.(Model)
	if !strings.Contains(plain(m), "Solving the split…") || m.split != nil {
		t.Fatalf("before the solve returns the split screen says it is solving:\n%s", plain(m))
	}
	if !strings.Contains(strings.Join(m.answer().Lines(), " "), "Best split: solving…") {
		t.Errorf("the answer says the split is being solved: %q", m.answer().Lines())
	}
	m = send(t, m, m.solveSplit()())
	screen := plain(m)
	if m.split == nil || len(m.split.Allocations) == 0 {
		t.Fatalf("the solve's message fills the split: %+v", m.split)
	}
	wants := []string{"vs not moving", "fractions of machines", "share of the fleet's IT load", "no cap"}
	if m.split.MaxShare < 1 {
		wants[3] = "cap: at most " + human.Percent(m.split.MaxShare)
	}
	for _, a := range m.split.Allocations {
		mach, _ := m.set.Machines.ByID(a.Machine)
		wants = append(wants, mach.Name)
	}
	for _, want := range wants {
		if !strings.Contains(screen, want) {
			t.Errorf("the split screen should show %q:\n%s", want, screen)
		}
	}
	total := 0
	for _, a := range m.split.Allocations {
		total += a.Count
	}
	if total != m.plan.Machines {
		t.Errorf("the allocations place %d machines of %d", total, m.plan.Machines)
	}
}

func TestNewerSolveSupersedesOlder(t *testing.T) {
	m := newTestModel(t, 120, 40)
	older := m.solveSplit()
	olderGen := m.gen
	m.current = m.current.withWhatIf(whatIf{Country: "kz", Path: "taxes.mining_levy_per_kwh", Value: 10})
	asked := quick(m.rerank()) // the new ranking; the re-rank halts the older solve
	if len(asked) != 1 {
		t.Fatalf("a re-rank gives %d messages, want its ranking", len(asked))
	}
	next, cmd := m.Update(asked[0]) // the new ranking starts its own solve
	m = next.(Model)
	if m.gen == olderGen || m.split != nil {
		t.Fatal("a re-rank starts a new generation and waits for its own split")
	}
	newer := quick(cmd)
	olderMsg := older().(splitMsg)
	if olderMsg.err == nil {
		t.Error("the older solve is cancelled by the re-rank")
	}
	m = send(t, m, newer...)
	m = send(t, m, olderMsg)
	if m.split == nil || m.splitErr != "" {
		t.Fatalf("the newer split stays, the older result is dropped: split %v, err %q", m.split, m.splitErr)
	}
	stale := splitMsg{gen: olderGen, portfolio: economics.Portfolio{NPV: -1}}
	m = send(t, m, stale)
	if m.split.NPV == -1 {
		t.Error("a split of an older ranking must not replace the current one")
	}
}

// Hashprice +50 %: running pays again, so not moving keeps machines in Kazakhstan instead of
// selling them, and the fleet is worth more. Then Kazakhstan's levy 1 → 10 KZT/kWh: keeping
// them there pays less, so fewer stay and the answer says so.
func TestWhatIfsChangeTheAnswer(t *testing.T) {
	m := newTestModel(t, 120, 40)
	base, keptBefore := economics.NotMoving(m.ranking), kept(m)
	hashprice := m.current.Scenario.Market.Algorithms["sha256"].USDPerUnitDay.Value
	m = keys(t, m, "a")
	m = editField(t, m, "Hashprice", trimFloat(hashprice*1.5))
	m = keys(t, m, "esc")
	richer, keptRicher := economics.NotMoving(m.ranking), kept(m)
	if richer <= base || keptRicher <= keptBefore {
		t.Fatalf("hashprice +50%%: not moving should keep more and be worth more: %v → %v, kept %d → %d", base, richer, keptBefore, keptRicher)
	}
	answer := strings.Join(m.answer().Lines(), "\n")
	if !strings.Contains(answer, "keep ") || !strings.Contains(answer, "in Kazakhstan") {
		t.Errorf("with a richer hashprice the answer keeps machines in Kazakhstan:\n%s", answer)
	}
	if !strings.Contains(plain(m), "Not moving: keep") {
		t.Errorf("the screen says what not moving keeps:\n%s", plain(m))
	}

	m = selectID(t, m, "kz")
	m = keys(t, m, "e")
	m = editField(t, m, "Mining levy", "10")
	m = keys(t, m, "esc")
	levied, keptLevied := economics.NotMoving(m.ranking), kept(m)
	if levied > richer || keptLevied >= keptRicher {
		t.Errorf("levy 1 → 10 KZT/kWh: staying in Kazakhstan should be worth less and keep fewer: %v → %v, kept %d → %d",
			richer, levied, keptRicher, keptLevied)
	}
	if got := strings.Join(m.answer().Lines(), "\n"); got == answer {
		t.Errorf("a tenfold levy at the origin should change the answer:\n%s", got)
	}
	if m.split == nil {
		t.Error("the split is solved again after the what-if")
	}
}

func TestSellRowHasNothingToEdit(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m = selectID(t, m, economics.SellID)
	m = keys(t, m, "e")
	if m.screen == screenWhatIf || !strings.Contains(m.toast, "no site to edit") {
		t.Errorf("e on the sell row explains there is nothing to edit: screen %d, toast %q", m.screen, m.toast)
	}
	m = keys(t, m, "enter")
	screen := plain(m)
	for _, want := range []string{"Sell the fleet now", "The sale", "Machines"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the sell row's detail shows %q:\n%s", want, screen)
		}
	}
	m = keys(t, m, "esc", "v")
	if !strings.Contains(plain(m), "vs not moving") {
		t.Errorf("the sell row's cash chart compares with not moving:\n%s", plain(m))
	}
}

func TestStayRowEditsTheOrigin(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m = selectID(t, m, "kz")
	m = keys(t, m, "e")
	if m.screen != screenWhatIf || !strings.Contains(plain(m), "What if — Kazakhstan (where the fleet stands)") {
		t.Fatalf("e on the stay row edits the origin:\n%s", plain(m))
	}
}

func TestDetailShowsEachMachineModel(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m = selectID(t, m, "no")
	m = keys(t, m, "enter")
	screen := plain(m)
	for _, b := range m.current.Scenario.Fleet {
		mach, _ := m.set.Machines.ByID(b.Machine)
		if !strings.Contains(screen, mach.Name) {
			t.Errorf("the detail has a line for %s:\n%s", mach.Name, screen)
		}
	}
	for _, want := range []string{"sold in", "month ", "power: tariff", "levies", "all-in", "vs not moving"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the detail shows %q:\n%s", want, screen)
		}
	}
}

// Short of room, the answer's sentences are cut from the longest, of equals the later,
// and the first, the answer itself, is cut last.
func TestAnswerCutsTheHeadlineLast(t *testing.T) {
	m := newTestModel(t, 80, 24)
	long := strings.Repeat("word ", 20) // two lines at 80 columns
	sentences := []string{"First: " + long, "Second: " + long, "Third: " + long}
	text := func(lines []string) string { return ansi.Strip(strings.Join(lines, "\n")) }
	cut := func(maxLines int) string {
		lines := strings.Split(text(m.sentenceLines(sentences, 80, maxLines)), "\n")
		marks := ""
		for _, l := range lines {
			marks += map[bool]string{true: "…", false: "-"}[strings.HasSuffix(l, "…")]
		}
		return marks
	}
	for lines, want := range map[int]string{6: "------", 5: "----…", 4: "--……", 3: "………"} {
		if got := cut(lines); got != want {
			t.Errorf("in %d lines the cut lines are %s, want %s", lines, got, want)
		}
	}
}

// The banner over refused data reads in full, wrapped, and the screen still fits the window.
func TestBannerWrapsWhole(t *testing.T) {
	problem := "mydata/countries/kz.yaml:21:3: not valid YAML: did not find expected ',' or '}'"
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		m := newTestModel(t, size[0], size[1])
		m.banner = problem
		screen := plain(m)
		if !strings.Contains(unwrapped(m), "✗ "+problem+" — showing the last good data") {
			t.Errorf("%v: the banner should say the whole problem:\n%s", size, screen)
		}
		if lines := strings.Split(screen, "\n"); len(lines) != size[1] || !strings.Contains(lines[len(lines)-1], "quit") {
			t.Errorf("%v: the screen takes %d lines, its footer %q", size, len(lines), lines[len(lines)-1])
		}
		if !strings.Contains(screen, "Option") {
			t.Errorf("%v: the table should stay:\n%s", size, screen)
		}
	}
}
