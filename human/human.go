// Package human formats figures the way people read them in a meeting: thousands separators,
// units, and no more digits than the figure deserves.
package human

import (
	"math"
	"strconv"
	"strings"
)

// Thousands renders v rounded to decimals places, with comma separators: 1234567.8 → "1,234,568".
func Thousands(v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', decimals, 64)
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if v < 0 && strings.Trim(s, "0.") != "" {
		b.WriteByte('-')
	}
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// USD renders whole dollars: "$1,234,568", "-$12,000"; beyond any real fleet's money, yet
// finite, in scientific notation: "$3.197e+201".
func USD(v float64) string {
	s := Thousands(v, 0)
	if a := math.Abs(v); a >= 1e15 && !math.IsInf(a, 0) {
		s = strconv.FormatFloat(v, 'e', 3, 64)
	}
	if strings.HasPrefix(s, "-") {
		return "-$" + s[1:]
	}
	return "$" + s
}

// CompactUSD renders money in a narrow column: "$12.3M", "-$850k", "$1.20B", "$4.39T", "$940".
// The unit is chosen after rounding, so 999,999 reads "$1.0M", not "$1000k".
func CompactUSD(v float64) string {
	a := math.Abs(v)
	var s string
	switch {
	case a >= 1e15: // beyond any real fleet's money, yet finite: keep the column narrow
		s = strconv.FormatFloat(a, 'e', 2, 64)
	case roundTo(a/1e9, 2) >= 1000:
		s = strconv.FormatFloat(a/1e12, 'f', 2, 64) + "T"
	case roundTo(a/1e6, 1) >= 1000:
		s = strconv.FormatFloat(a/1e9, 'f', 2, 64) + "B"
	case roundTo(a/1e3, 0) >= 1000:
		s = strconv.FormatFloat(a/1e6, 'f', 1, 64) + "M"
	case roundTo(a, 0) >= 1e4:
		s = strconv.FormatFloat(a/1e3, 'f', 0, 64) + "k"
	default:
		s = Thousands(a, 0)
	}
	if v < 0 && s != "0" {
		return "-$" + s
	}
	return "$" + s
}

func roundTo(v float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(v*p) / p
}

// Cents renders a USD/kWh price as US cents: 0.0661 → "6.61¢".
func Cents(usdPerKWh float64) string {
	return strconv.FormatFloat(usdPerKWh*100, 'f', 2, 64) + "¢"
}

// Percent renders a 0–1 share: 0.925 → "92.5%"; whole percentages drop the decimal.
func Percent(share float64) string {
	p := share * 100
	if p > 0 && p < 0.05 { // a share there is, too small to show: not "0%"
		return "<0.1%"
	}
	if math.Abs(p-math.Round(p)) < 0.05 {
		return strconv.FormatFloat(math.Round(p), 'f', 0, 64) + "%"
	}
	return strconv.FormatFloat(p, 'f', 1, 64) + "%"
}

// Power renders kW as kW or MW: 9150 → "9.15 MW".
func Power(kw float64) string {
	if a := math.Abs(kw); roundTo(a, sigDecimals(a)) >= 1000 {
		mw := kw / 1000
		return strconv.FormatFloat(mw, 'f', sigDecimals(roundTo(mw, 2)), 64) + " MW"
	}
	return strconv.FormatFloat(kw, 'f', sigDecimals(kw), 64) + " kW"
}

// Hashrate renders a hashrate in the largest unit that keeps it above 1: 300000 TH/s → "300 PH/s".
func Hashrate(v float64, unit string) string {
	units := []string{"H/s", "kH/s", "MH/s", "GH/s", "TH/s", "PH/s", "EH/s", "ZH/s"}
	i := 0
	for i < len(units) && units[i] != unit {
		i++
	}
	if i == len(units) {
		return Thousands(v, sigDecimals(v)) + " " + unit
	}
	for roundTo(v, sigDecimals(v)) >= 1000 && i+1 < len(units) {
		v /= 1000
		i++
	}
	return strconv.FormatFloat(v, 'f', sigDecimals(roundTo(v, 2)), 64) + " " + units[i]
}

// Distance renders km with separators.
func Distance(km float64) string { return Thousands(km, 0) + " km" }

// sigDecimals keeps about three significant digits for small numbers.
func sigDecimals(v float64) int {
	switch a := math.Abs(v); {
	case a >= 100:
		return 0
	case a >= 10:
		return 1
	default:
		return 2
	}
}

// List joins items as a sentence does: "a", "a and b", "a, b and c".
func List(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
