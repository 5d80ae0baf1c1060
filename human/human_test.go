package human

import (
	"math"
	"testing"
)

func TestThousands(t *testing.T) {
	cases := []struct {
		v        float64
		decimals int
		want     string
	}{
		{0, 0, "0"},
		{7, 0, "7"},
		{999, 0, "999"},
		{1000, 0, "1,000"},
		{1234567.8, 0, "1,234,568"},
		{1234567.891, 2, "1,234,567.89"},
		{-1234.56, 1, "-1,234.6"},
		{-999999, 0, "-999,999"},
		{-1000000, 0, "-1,000,000"},
		{0.004, 2, "0.00"},
		{-0.4, 0, "0"},      // rounds to zero: no "-0"
		{-0.004, 2, "0.00"}, // nor "-0.00"
		{12.5, 3, "12.500"},
		{math.NaN(), 0, "—"},
		{math.Inf(1), 0, "—"},
		{math.Inf(-1), 2, "—"},
	}
	for _, c := range cases {
		if got := Thousands(c.v, c.decimals); got != c.want {
			t.Errorf("Thousands(%v, %d) = %q, want %q", c.v, c.decimals, got, c.want)
		}
	}
}

func TestUSD(t *testing.T) {
	cases := []struct {
		v    float64
		want string
	}{
		{0, "$0"},
		{940, "$940"},
		{1234567.8, "$1,234,568"},
		{-12000, "-$12,000"},
		{-1, "-$1"},
		{-0.3, "$0"}, // rounds to nothing: no "-$0"
		{-3292643.2, "-$3,292,643"},
	}
	for _, c := range cases {
		if got := USD(c.v); got != c.want {
			t.Errorf("USD(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

func TestCompactUSD(t *testing.T) {
	cases := []struct {
		v    float64
		want string
	}{
		{0, "$0"},
		{-0.3, "$0"},
		{940, "$940"},
		{-940, "-$940"},
		{9999, "$9,999"},
		{10000, "$10k"},
		{-10000, "-$10k"},
		{850000, "$850k"},
		{-850000, "-$850k"},
		{999000, "$999k"},
		{1e6, "$1.0M"},
		{12.3e6, "$12.3M"},
		{-12.3e6, "-$12.3M"},
		{999.9e6, "$999.9M"},
		{1e9, "$1.00B"},
		{1.2e9, "$1.20B"},
		{-1.2e9, "-$1.20B"},
		{4387.7e9, "$4.39T"},
		{-999.9e12, "-$999.90T"},
	}
	for _, c := range cases {
		if got := CompactUSD(c.v); got != c.want {
			t.Errorf("CompactUSD(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

// A figure just under a unit boundary that rounds up to the boundary must move to the next
// unit, as the figure at the boundary does: $999,999 reads "$1.0M", never "$1000k".
func TestCompactUSDRoundsIntoTheNextUnit(t *testing.T) {
	cases := []struct {
		v    float64
		want string
	}{
		{9999.7, "$10k"},
		{999999, "$1.0M"},
		{-999999, "-$1.0M"},
		{999999999, "$1.00B"},
		{999.999e9, "$1.00T"},
	}
	for _, c := range cases {
		if got := CompactUSD(c.v); got != c.want {
			t.Errorf("CompactUSD(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

// The same holds for power and hashrate: 999.7 kW reads "1.00 MW", not "1000 kW".
func TestPowerAndHashrateRoundIntoTheNextUnit(t *testing.T) {
	if got := Power(999.7); got != "1.00 MW" {
		t.Errorf("Power(999.7) = %q, want \"1.00 MW\"", got)
	}
	if got := Hashrate(999.7, "TH/s"); got != "1.00 PH/s" {
		t.Errorf("Hashrate(999.7, TH/s) = %q, want \"1.00 PH/s\"", got)
	}
}

func TestCents(t *testing.T) {
	cases := []struct {
		v    float64
		want string
	}{
		{0.0661, "6.61¢"},
		{0.066, "6.60¢"},
		{0.05, "5.00¢"},
		{0.1, "10.00¢"},
		{0, "0.00¢"},
		{0.00001, "0.00¢"},
		{1.25, "125.00¢"},
	}
	for _, c := range cases {
		if got := Cents(c.v); got != c.want {
			t.Errorf("Cents(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

func TestPercent(t *testing.T) {
	cases := []struct {
		v    float64
		want string
	}{
		{0, "0%"},
		{1, "100%"},
		{0.85, "85%"},
		{0.925, "92.5%"},
		{0.5155, "51.5%"},
		{0.516, "51.6%"},
		{0.1996, "20%"}, // within 0.05 points of a whole percentage
		{0.1994, "19.9%"},
		{0.0001, "<0.1%"}, // a share there is, however small
		{0.0005, "0.1%"},
		{0.15, "15%"},
		{-0.015, "-1.5%"},
		{-0.02, "-2%"},
		{2.5, "250%"},
	}
	for _, c := range cases {
		if got := Percent(c.v); got != c.want {
			t.Errorf("Percent(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

func TestPower(t *testing.T) {
	cases := []struct {
		kw   float64
		want string
	}{
		{0, "0.00 kW"},
		{3.25, "3.25 kW"},
		{15, "15.0 kW"},
		{300, "300 kW"},
		{999, "999 kW"},
		{1000, "1.00 MW"},
		{1500, "1.50 MW"},
		{9150, "9.15 MW"},
		{25400, "25.4 MW"},
		{254000, "254 MW"},
		{-2000, "-2.00 MW"},
	}
	for _, c := range cases {
		if got := Power(c.kw); got != c.want {
			t.Errorf("Power(%v) = %q, want %q", c.kw, got, c.want)
		}
	}
}

func TestHashrate(t *testing.T) {
	cases := []struct {
		v    float64
		unit string
		want string
	}{
		{100, "TH/s", "100 TH/s"},
		{999, "TH/s", "999 TH/s"},
		{1000, "TH/s", "1.00 PH/s"},
		{300000, "TH/s", "300 PH/s"},
		{9.5e6, "TH/s", "9.50 EH/s"},
		{120, "MH/s", "120 MH/s"},
		{6000, "MH/s", "6.00 GH/s"},
		{1500, "H/s", "1.50 kH/s"},
		{1e9, "H/s", "1.00 GH/s"},
		{12.5, "kH/s", "12.5 kH/s"},
		{0.5, "TH/s", "0.50 TH/s"}, // never steps down
		{5e6, "EH/s", "5000 ZH/s"}, // the largest unit stops the stepping
		{2e9, "EH/s", "2000000 ZH/s"},
		{1234, "Sol/s", "1,234 Sol/s"}, // unknown unit: shown as given, with separators
		{42, "Sol/s", "42.0 Sol/s"},
	}
	for _, c := range cases {
		if got := Hashrate(c.v, c.unit); got != c.want {
			t.Errorf("Hashrate(%v, %q) = %q, want %q", c.v, c.unit, got, c.want)
		}
	}
}

func TestDistance(t *testing.T) {
	if got := Distance(5795.257); got != "5,795 km" {
		t.Errorf("Distance = %q", got)
	}
	if got := Distance(0); got != "0 km" {
		t.Errorf("Distance(0) = %q", got)
	}
}

func TestHugeMoneyStaysNarrow(t *testing.T) {
	for v, want := range map[float64]string{3.1968e201: "$3.197e+201", -2e15: "-$2.000e+15", 999e12: "$999,000,000,000,000"} {
		if got := USD(v); got != want {
			t.Errorf("USD(%g) = %q, want %q", v, got, want)
		}
	}
	if got := CompactUSD(-1.5e300); got != "-$1.50e+300" {
		t.Errorf("CompactUSD(-1.5e300) = %q", got)
	}
}

func TestList(t *testing.T) {
	for want, items := range map[string][]string{
		"":                               nil,
		"a":                              {"a"},
		"a and b":                        {"a", "b"},
		"600 S21, 800 XP and 1,200 S19j": {"600 S21", "800 XP", "1,200 S19j"},
	} {
		if got := List(items); got != want {
			t.Errorf("List(%q) = %q, want %q", items, got, want)
		}
	}
}
