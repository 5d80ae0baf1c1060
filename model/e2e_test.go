package model

import (
	"bytes"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// End to end: the program runs as in a terminal, keys arrive one by one, and the screen
// is read back from the terminal output.

func waitFor(t *testing.T, tm *teatest.TestModel, text string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(text)) },
		teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
}

func sendKeys(tm *teatest.TestModel, names ...string) {
	for _, n := range names {
		tm.Send(press(n))
	}
}

// The first screen answers move, keep or sell, and where, in words; hashprice +50 % makes
// keeping machines in Kazakhstan pay, and then its levy 1 → 10 KZT/kWh makes fewer stay.
func TestFlowWhatIfsChangeTheAnswer(t *testing.T) {
	m := newTestModel(t, 120, 40)
	hashprice := m.current.Scenario.Market.Algorithms["sha256"].USDPerUnitDay.Value
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 40))
	waitFor(t, tm, "Not moving:")

	sendKeys(tm, "a", "enter")
	for range 12 {
		sendKeys(tm, "backspace")
	}
	tm.Type(trimFloat(hashprice * 1.5))
	sendKeys(tm, "enter")
	waitFor(t, tm, "was "+trimFloat(hashprice))
	sendKeys(tm, "esc")
	waitFor(t, tm, "Not moving: keep")

	tm.Send(press("/"))
	tm.Type("kazakh")
	sendKeys(tm, "enter", "esc", "e")
	waitFor(t, tm, "What if — Kazakhstan")
	sendKeys(tm, "j", "j", "j", "j", "j", "j", "enter", "backspace")
	tm.Type("10")
	sendKeys(tm, "enter")
	waitFor(t, tm, "was 1 ·")
	sendKeys(tm, "esc", "q")

	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	if got := final.current.edited("kz")["taxes.mining_levy_per_kwh"]; got != 10 {
		t.Fatalf("levy what-if = %v, want 10", got)
	}
	withHashprice := newTestModel(t, 120, 40)
	withHashprice = keys(t, withHashprice, "a")
	withHashprice = editField(t, withHashprice, "Hashprice", trimFloat(hashprice*1.5))
	if kept(final) >= kept(withHashprice) {
		t.Errorf("a tenfold levy at the origin should keep fewer machines there: %d, without it %d", kept(final), kept(withHashprice))
	}
}

func TestFlowFilterMarkCompare(t *testing.T) {
	tm := teatest.NewTestModel(t, newTestModel(t, 120, 40), teatest.WithInitialTermSize(120, 40))
	waitFor(t, tm, "Option")
	tm.Send(press("/"))
	tm.Type("united")
	sendKeys(tm, "enter", "space", "j", "space", "j", "space", "c")
	waitFor(t, tm, "the better value in each row is highlighted")
	sendKeys(tm, "q")

	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	if final.screen != screenCompare || len(final.compareIDs()) != 3 {
		t.Fatalf("screen %d with %v marked, want compare of 3", final.screen, final.compareIDs())
	}
	for _, id := range final.compareIDs() {
		if !strings.HasPrefix(id, "us-") && id != "ae" {
			t.Errorf("marked %s, which the filter 'united' hides", id)
		}
	}
	screen := plain(final)
	if !strings.Contains(screen, "Compare") || !strings.Contains(screen, "United") {
		t.Errorf("compare screen:\n%s", screen)
	}
}

var _ tea.Model = Model{}
