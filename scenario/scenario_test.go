package scenario

import (
	"hashhaven/cited"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const base = `name: test
origin: kz
fleet:
  - {machine: s19, count: 100}
market:
  pool_fee: 0.02
  algorithms:
    sha256: {usd_per_unit_day: 0.04, unit: TH/s, monthly_change: -0.01, halving_month: 17, fee_share: 0.01}
freight_usd_per_kg_per_1000km: 0.35
horizon_months: 36
discount_rate: {value: 0.15, source: "hurdle rate", estimate: true}
weights: {npv: 0.6, stability: 0.2, headroom: 0.1, proximity: 0.1}
`

// with replaces one line of the base scenario; it fails the test if the line is not there.
func with(t *testing.T, old, new string) []byte {
	t.Helper()
	if !strings.Contains(base, old) {
		t.Fatalf("base scenario lacks %q", old)
	}
	return []byte(strings.Replace(base, old, new, 1))
}

func TestDecodeScenario(t *testing.T) {
	s, doc := Decode("s.yaml", []byte(base))
	if len(doc.Issues) > 0 {
		t.Fatalf("issues:\n%v", doc.Issues)
	}
	if s.Name != "test" || s.Horizon() != 36 || len(s.Fleet) != 1 || s.Fleet[0].Machine != "s19" || s.Fleet[0].Count != 100 {
		t.Errorf("scenario = %+v", s)
	}
	alg, ok := s.Market.Algorithms["sha256"]
	if !ok || alg.Unit != "TH/s" || alg.USDPerUnitDay.Value != 0.04 || alg.MonthlyChange.Value != -0.01 || alg.HalvingMonth.Value != 17 {
		t.Errorf("sha256 market = %+v, %v", alg, ok)
	}
	if s.DiscountRate.Value != 0.15 || s.DiscountRate.Source != "hurdle rate" || !s.DiscountRate.Estimate {
		t.Errorf("discount rate = %+v", s.DiscountRate)
	}
}

func TestOriginAsID(t *testing.T) {
	s, doc := Decode("s.yaml", []byte(base))
	if len(doc.Issues) > 0 {
		t.Fatal(doc.Issues)
	}
	if s.Origin.Country != "kz" || s.Origin.Point != nil {
		t.Errorf("origin = %+v", s.Origin)
	}
	if s.Origin.String() != "kz" {
		t.Errorf("String() = %q", s.Origin.String())
	}
}

func TestOriginAsPoint(t *testing.T) {
	s, doc := Decode("s.yaml", with(t, "origin: kz", "origin: {lat: 42.3, lon: -69.6}"))
	if len(doc.Issues) > 0 {
		t.Fatal(doc.Issues)
	}
	if s.Origin.Country != "" || s.Origin.Point == nil {
		t.Fatalf("origin = %+v", s.Origin)
	}
	if p := s.Origin.Point; p.Lat.Value != 42.3 || p.Lon.Value != -69.6 {
		t.Errorf("point = %+v", *p)
	}
	if s.Origin.String() != "42.3, -69.6" {
		t.Errorf("String() = %q", s.Origin.String())
	}

	// Block form, and cited numbers inside it.
	s, doc = Decode("s.yaml", with(t, "origin: kz", "origin:\n  lat: {value: 51.7, source: site survey}\n  lon: 75.3"))
	if len(doc.Issues) > 0 {
		t.Fatal(doc.Issues)
	}
	if p := s.Origin.Point; p == nil || p.Lat.Value != 51.7 || p.Lat.Source != "site survey" || p.Lon.Value != 75.3 {
		t.Errorf("block point = %+v", s.Origin)
	}
}

func TestOriginProblems(t *testing.T) {
	cases := []struct{ name, origin, want string }{
		{"number", "origin: 42", `s.yaml:2:9: origin: must be a destination id (like kz) or {lat: .., lon: ..}, found "42"`},
		{"list", "origin: [1, 2]", "s.yaml:2:9: origin: must be a destination id (like kz) or {lat: .., lon: ..}"},
		{"nothing", "origin:", "s.yaml:2:1: origin: needs a value"},
		{"latitude out of range", "origin: {lat: 95, lon: 0}", "s.yaml:2:15: origin.lat: must be at most 90, got 95"},
		{"longitude out of range", "origin: {lat: 0, lon: -181}", "s.yaml:2:23: origin.lon: must be at least -180, got -181"},
		{"missing longitude", "origin: {lat: 1}", "s.yaml:2:9: origin.lon: required field is missing"},
		{"unknown key", "origin: {lat: 1, lon: 2, alt: 3}", "s.yaml:2:26: origin.alt: unknown field (expected one of: lat, lon)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, doc := Decode("s.yaml", with(t, "origin: kz", c.origin))
			if !strings.Contains(doc.Issues.Error(), c.want) {
				t.Errorf("got:\n%v\nwant one containing %q", doc.Issues, c.want)
			}
		})
	}
}

func TestScenarioProblems(t *testing.T) {
	cases := []struct{ name, old, new, want string }{
		{"empty fleet", "  - {machine: s19, count: 100}\n", "  []\n", "s.yaml:4:3: fleet: the fleet is empty; list at least one {machine, count}"},
		{"zero count", "count: 100", "count: 0", "s.yaml:4:27: fleet[0].count: must be at least 1, got 0"},
		{"fractional count", "count: 100", "count: 10.5", "fleet[0].count: must be a whole number, got 10.5"},
		{"zero horizon", "horizon_months: 36", "horizon_months: 0", "s.yaml:10:17: horizon_months: must be at least 1, got 0"},
		{"fractional halving", "halving_month: 17", "halving_month: 17.5", "market.algorithms.sha256.halving_month: must be a whole number, got 17.5"},
		{"unknown unit", "unit: TH/s", "unit: TH", `market.algorithms.sha256.unit: must be one of H/s, kH/s, MH/s, GH/s, TH/s, PH/s, EH/s, got "TH"`},
		{"price falls through zero", "monthly_change: -0.01", "monthly_change: -1", "market.algorithms.sha256.monthly_change: must be greater than -1, got -1"},
		{"negative weight", "npv: 0.6", "npv: -0.6", "weights.npv: must be at least 0, got -0.6"},
		{"zero weights", "weights: {npv: 0.6, stability: 0.2, headroom: 0.1, proximity: 0.1}", "weights: {npv: 0}",
			"s.yaml:12:10: weights: at least one weight must be above 0"},
		{"unknown weight", "proximity: 0.1}", "proximity: 0.1, risk: 1}", "weights.risk: unknown field (expected one of: headroom, npv, proximity, stability)"},
		{"no market", "market:\n", "markets:\n", "market: required field is missing"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, doc := Decode("s.yaml", with(t, c.old, c.new))
			if !strings.Contains(doc.Issues.Error(), c.want) {
				t.Errorf("got:\n%v\nwant one containing %q", doc.Issues, c.want)
			}
		})
	}
}

func TestWeightsNormalised(t *testing.T) {
	w := func(npv, stability, headroom, proximity float64) Weights {
		return Weights{cited.Plain(npv), cited.Plain(stability), cited.Plain(headroom), cited.Plain(proximity)}
	}
	cases := []struct {
		in   Weights
		want Shares
	}{
		{w(0.6, 0.2, 0.1, 0.1), Shares{0.6, 0.2, 0.1, 0.1}},
		{w(3, 1, 0, 0), Shares{0.75, 0.25, 0, 0}},
		{w(5, 0, 0, 0), Shares{NPV: 1}},
		{w(60, 20, 10, 10), Shares{0.6, 0.2, 0.1, 0.1}},
		{w(1, 1, 1, 1), Shares{0.25, 0.25, 0.25, 0.25}},
		{Weights{}, Shares{}}, // all zero stays zero
	}
	for _, c := range cases {
		got := c.in.Normalised()
		for _, p := range []struct {
			name      string
			got, want float64
		}{{"npv", got.NPV, c.want.NPV}, {"stability", got.Stability, c.want.Stability}, {"headroom", got.Headroom, c.want.Headroom}, {"proximity", got.Proximity, c.want.Proximity}} {
			if math.Abs(p.got-p.want) > 1e-12 {
				t.Errorf("%+v normalised: %s = %v, want %v", c.in, p.name, p.got, p.want)
			}
		}
	}
	// The scenario file's weights are what Normalised scales.
	s, doc := Decode("s.yaml", with(t, "weights: {npv: 0.6, stability: 0.2, headroom: 0.1, proximity: 0.1}", "weights: {npv: 6, stability: 2}"))
	if len(doc.Issues) > 0 {
		t.Fatal(doc.Issues)
	}
	if w := s.Weights.Normalised(); w.NPV != 0.75 || w.Stability != 0.25 || w.Headroom != 0 || w.Proximity != 0 {
		t.Errorf("normalised file weights = %+v", w)
	}
}

func FuzzDecode(f *testing.F) {
	files, _ := filepath.Glob("../data/scenarios/*.yaml")
	files = append(files, "../dataset/testdata/mini/scenarios/default.yaml")
	if len(files) < 2 {
		f.Fatalf("found only %d seed scenarios", len(files))
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Add([]byte(base))
	f.Add([]byte(strings.Replace(base, "origin: kz", "origin: {lat: 1, lon: 2}", 1)))
	f.Fuzz(func(t *testing.T, src []byte) {
		s, doc := Decode("fuzz/s.yaml", src)
		for _, is := range doc.Issues {
			if is.File != "fuzz/s.yaml" || is.Msg == "" {
				t.Fatalf("malformed issue %+v", is)
			}
		}
		if len(doc.Issues) > 0 {
			return
		}
		if len(s.Fleet) == 0 || s.Horizon() < 1 {
			t.Fatalf("accepted fleet %v, horizon %d", s.Fleet, s.Horizon())
		}
		for _, b := range s.Fleet {
			if b.Count < 1 {
				t.Fatalf("accepted a count of %d", b.Count)
			}
		}
		if s.Origin.Point != nil && s.Origin.Country != "" {
			t.Fatalf("origin is both a point and an id: %+v", s.Origin)
		}
		w := s.Weights.Normalised()
		sum := 0.0
		for _, v := range []float64{w.NPV, w.Stability, w.Headroom, w.Proximity} {
			if !(v >= 0 && v <= 1) {
				t.Fatalf("normalised weight %v out of 0..1: %+v", v, s.Weights)
			}
			sum += v
		}
		raw := s.Weights.Sum()
		if !math.IsInf(raw, 0) && math.Abs(sum-1) > 1e-9 {
			t.Fatalf("normalised weights sum to %v: %+v", sum, s.Weights)
		}
	})
}
