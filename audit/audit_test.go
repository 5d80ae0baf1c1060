package audit

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"hashhaven/cited"
	"hashhaven/countries"
	"hashhaven/data"
	"hashhaven/dataset"
	"hashhaven/machines"
	"hashhaven/scenario"
)

var now = time.Date(2026, 5, 15, 0, 0, 0, 0, time.UTC)

func cite(v float64, source, asOf string, estimate bool, line int) cited.Number {
	return cited.Number{Value: v, Source: source, AsOf: asOf, Estimate: estimate, Set: true, Line: line, Col: 3}
}

func plain(v float64, line int) cited.Number {
	return cited.Number{Value: v, Set: true, Line: line, Col: 11}
}

// testSet has known figures: per file, the comments say which findings each should give at
// now with an 18-month age.
func testSet() *dataset.Set {
	kz := countries.Country{ID: "kz", Currency: "KZT"}
	kz.USDPerLocal = cite(0.002, " ", "2020", true, 6)                   // unsourced, estimate, stale
	kz.Power.PriceUSDPerKWh = cite(0.05, "EIA", "2022", false, 12)       // stale: 2022 ends Dec 2022
	kz.Power.AvailableMW = cite(100, "estimate: x", "2026-01", true, 13) // estimate
	kz.Power.Uptime = plain(0.8, 14)                                     // unsourced
	kz.Site.SetupMonths = cite(4, "survey", "2024-11", false, 30)        // ends 2024-11-30: 18 months later is after now
	kz.Site.PUE = cite(1.1, "survey", "2024-10", false, 29)              // ends 2024-10-31: stale
	kz.Site.AvgTempC = cite(6.4, "climate", "2024-11-14", false, 28)     // 18 months later is before now: stale
	kz.Location.Lat = cite(49.9, "site", "1990", false, 8)               // stable: never stale
	kz.Location.Lat.Stable = true

	us := countries.Country{ID: "us", Currency: "USD"}
	us.USDPerLocal = cited.Number{Value: 1, Set: true, Source: "currency is USD"} // implied, not in the file
	us.Power.Uptime = cite(0.9, "EIA", "2026", false, 9)

	cat := machines.Catalogue{Machines: []machines.Machine{{
		ID:       "s19",
		Hashrate: plain(95, 5),                                     // unsourced
		PowerW:   cite(3250, "Bitmain", "2026-03", false, 7),       // fine
		PriceUSD: cite(150, "estimate: used", "2026", true, 8),     // estimate
		WeightKg: cite(16.5, "spec sheet", "2023-01-01", false, 9), // stale
	}}}
	var sc scenario.Scenario
	sc.Market.PoolFee = cite(0.02, "estimate: fee", "2026-01", true, 4) // estimate
	sc.Market.Algorithms = map[string]scenario.Algorithm{
		"sha256":  {USDPerUnitDay: cite(0.038, "Luxor", "2024-10", false, 9)}, // stale
		"etchash": {USDPerUnitDay: cite(0.001, "pool", "2026-01", false, 12)}, // a hashprice: stale after 3 months
	}
	sc.HorizonMonths = plain(36, 20) // unsourced
	return &dataset.Set{
		Label:     "mydata",
		Countries: []countries.Country{kz, us},
		Files:     map[string]string{"kz": "countries/kz.yaml", "us": "countries/us.yaml"},
		Machines:  cat,
		Scenarios: map[string]scenario.Scenario{"default": sc},
	}
}

func TestRunFindsEveryKind(t *testing.T) {
	r := Run(testSet(), now, 18)
	var got []string
	for _, f := range r.Files {
		got = append(got, fmt.Sprintf("%s (%d figures)", f.Path, f.Figures))
		for _, x := range f.Findings {
			got = append(got, fmt.Sprintf("  %d:%d %s %s %v %q %q", x.Line, x.Col, x.Field, cited.Format(x.Value), x.Kinds, x.Source, x.AsOf))
		}
	}
	want := []string{
		"mydata/countries/kz.yaml (8 figures)",
		`  6:3 usd_per_local 0.002 [unsourced estimate stale] " " "2020"`,
		`  12:3 power.price_usd_per_kwh 0.05 [stale] "EIA" "2022"`,
		`  13:3 power.available_mw 100 [estimate] "estimate: x" "2026-01"`,
		`  14:11 power.uptime 0.8 [unsourced] "" ""`,
		`  28:3 site.avg_temp_c 6.4 [stale] "climate" "2024-11-14"`,
		`  29:3 site.pue 1.1 [stale] "survey" "2024-10"`,
		"mydata/countries/us.yaml (1 figures)",
		"mydata/machines.yaml (4 figures)",
		`  5:11 machines[0].hashrate 95 [unsourced] "" ""`,
		`  8:3 machines[0].price_usd 150 [estimate] "estimate: used" "2026"`,
		`  9:3 machines[0].weight_kg 16.5 [stale] "spec sheet" "2023-01-01"`,
		"mydata/scenarios/default.yaml (4 figures)",
		`  4:3 market.pool_fee 0.02 [estimate] "estimate: fee" "2026-01"`,
		`  9:3 market.algorithms.sha256.usd_per_unit_day 0.038 [stale] "Luxor" "2024-10"`,
		`  12:3 market.algorithms.etchash.usd_per_unit_day 0.001 [stale] "pool" "2026-01"`,
		`  20:11 horizon_months 36 [unsourced] "" ""`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	wantTotals := Totals{Files: 4, Figures: 17, Unsourced: 4, Estimates: 4, Stale: 7}
	if r.Totals != wantTotals {
		t.Errorf("totals %+v, want %+v", r.Totals, wantTotals)
	}
	if stale, unsourced := Counts(testSet(), now, 18); stale != 7 || unsourced != 4 {
		t.Errorf("Counts = %d stale, %d unsourced", stale, unsourced)
	}
}

func TestStableFiguresNeverGoStale(t *testing.T) {
	set := testSet()
	set.Countries[0].Location.Lat.Stable = false
	if stale, _ := Counts(set, now, 18); stale != 8 {
		t.Errorf("the 1990 latitude, unmarked, should count as stale: %d stale", stale)
	}
	if stale, _ := Counts(testSet(), now, 1); stale != 11 {
		t.Errorf("marked stable, it never counts, whatever the age: %d stale", stale)
	}
}

func TestMarketPricesGoStaleSooner(t *testing.T) {
	for _, c := range []struct {
		field       string
		months, got int
	}{
		{"market.algorithms.sha256.usd_per_unit_day", 18, 3},
		{"market.algorithms.sha256.usd_per_unit_day", 2, 2},
		{"machines[3].price_usd", 18, 6},
		{"power.price_usd_per_kwh", 18, 18},
		{"machines[3].weight_kg", 24, 24},
	} {
		if got := MaxAge(c.field, c.months); got != c.got {
			t.Errorf("MaxAge(%s, %d) = %d, want %d", c.field, c.months, got, c.got)
		}
	}
}

func TestAgeDecidesStaleness(t *testing.T) {
	for _, c := range []struct{ months, stale int }{{1, 11}, {18, 7}, {24, 5}, {48, 3}, {1200, 2}} {
		if stale, _ := Counts(testSet(), now, c.months); stale != c.stale {
			t.Errorf("%d months: %d stale, want %d", c.months, stale, c.stale)
		}
	}
}

func TestWriteText(t *testing.T) {
	var b strings.Builder
	if err := Run(testSet(), now, 18).WriteText(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"mydata/countries/kz.yaml  (6 of 8 figures to review)\n",
		"  6:3    usd_per_local            0.002  unsourced, estimate, stale  — no source, as of 2020\n",
		"  13:3   power.available_mw       100    estimate                    — estimate: x, as of 2026-01\n",
		"  14:11  power.uptime             0.8    unsourced                   — no source\n",
		"mydata/machines.yaml  (3 of 4 figures to review)\n",
		"  9:3   machines[0].weight_kg  16.5  stale      — spec sheet, as of 2023-01-01\n",
		"mydata/scenarios/default.yaml  (4 of 4 figures to review)\n",
		"4 files, 17 figures: 4 unsourced, 4 estimates, 7 stale (as_of more than 18 months before 2026-05-15; hashprices 3, used-machine prices 6); 1 file has nothing to review\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "us.yaml") {
		t.Errorf("a file with no findings gets a heading:\n%s", out)
	}
}

func TestParseAge(t *testing.T) {
	good := map[string]int{"18mo": 18, "2y": 24, "24": 24, "1": 1, " 3Y ": 36, "100y": 1200, "1200mo": 1200}
	for in, want := range good {
		if got, err := ParseAge(in); err != nil || got != want {
			t.Errorf("ParseAge(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "mo", "y", "18m", "18 mo", "1.5y", "-3", "+3", "0", "0y", "101y", "1201", "2w", "18mo2", "9223372036854775807y", "99999999999999999999"} {
		if got, err := ParseAge(in); err == nil {
			t.Errorf("ParseAge(%q) = %d, want an error", in, got)
		}
	}
}

// Counts, which the app recounts after every reload, are Run's totals on the bundled set at
// any age.
func TestCountsAreRunsTotals(t *testing.T) {
	set, issues := dataset.Open(data.FS(), "")
	if len(issues) > 0 {
		t.Fatal(issues)
	}
	for _, months := range []int{1, 6, 18, 48} {
		totals := Run(set, now, months).Totals
		if stale, unsourced := Counts(set, now, months); stale != totals.Stale || unsourced != totals.Unsourced {
			t.Errorf("%d months: counted %d stale, %d unsourced; Run has %+v", months, stale, unsourced, totals)
		}
	}
}
