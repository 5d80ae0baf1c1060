package model

import (
	"strings"
	"testing"
)

func TestAllZeroWeightsAreRefused(t *testing.T) {
	m := keys(t, newTestModel(t, 120, 40), "a")
	for _, label := range []string{"NPV", "Stability", "Headroom"} {
		m = editField(t, m, label, "0")
		if m.form.err != "" {
			t.Fatalf("%s 0 is allowed while another weight is above 0: %q", label, m.form.err)
		}
	}
	before := m.current.Scenario.Weights.Proximity.Value
	m = editField(t, m, "Proximity", "0")
	if !m.form.editing || m.form.err != "at least one weight must be above 0" {
		t.Errorf("the last weight at 0 is refused as the loader refuses it: editing %t, err %q", m.form.editing, m.form.err)
	}
	if m.current.Scenario.Weights.Proximity.Value != before {
		t.Error("the old weight stays")
	}
	if !strings.Contains(plain(m), "at least one weight must be above 0") {
		t.Error("the form shows why")
	}
}
