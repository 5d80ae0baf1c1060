package report

import (
	"strings"
	"testing"

	"hashhaven/economics"
)

// A split worth less than not moving says why before it lists its shares, so a short line
// still shows the reason.
func TestSplitBelowNotMovingSaysWhyFirst(t *testing.T) {
	rep := sample(t)
	pf := &economics.Portfolio{Gain: -500, MaxShare: 0.5, Allocations: []economics.Allocation{
		{Option: "home", Name: "Home", Kind: economics.Stay, Machine: "rig", Count: 5},
		{Option: "ab", Name: "A|B, *Ltd*", Kind: economics.Destination, Machine: "rig", Count: 5}}}
	got := splitLine(rep.Plan, pf, rep.Results)
	want := "Best split: -$500 vs not moving, as no more than 50% of the fleet's load may stay in one place — "
	if !strings.HasPrefix(got, want) {
		t.Errorf("got %q, want it to start %q", got, want)
	}
	pf.Gain = 500
	if got := splitLine(rep.Plan, pf, rep.Results); strings.Contains(got, ", as no more") || !strings.Contains(got, "(shares of the fleet's load; at most 50% in one place)") {
		t.Errorf("a split that gains: %q", got)
	}
}
