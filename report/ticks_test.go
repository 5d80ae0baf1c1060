package report

import (
	"math"
	"testing"
)

func TestNiceTicksTotal(t *testing.T) {
	cases := [][2]float64{
		{0, 0}, {-5, 10}, {0, 218000}, {-math.MaxFloat64, math.MaxFloat64}, {0, math.MaxFloat64},
		{-math.MaxFloat64, 0}, {1e300, 1e300 * (1 + 1e-15)}, {0, 5e-324}, {-1e-300, 1e-300}, {7, 7}, {-3, -3}, {math.MaxFloat64, math.MaxFloat64}, {-math.MaxFloat64, -math.MaxFloat64},
	}
	for _, c := range cases {
		lo, hi, ticks := niceTicks(c[0], c[1], 6)
		if len(ticks) < 2 || len(ticks) > 25 {
			t.Errorf("niceTicks(%g, %g): %d ticks", c[0], c[1], len(ticks))
		}
		for _, v := range append([]float64{lo, hi}, ticks...) {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Errorf("niceTicks(%g, %g) = %g, %g, %v: not finite", c[0], c[1], lo, hi, ticks)
				break
			}
		}
		if lo > c[0] || hi < c[1] {
			t.Errorf("niceTicks(%g, %g) = [%g, %g] does not cover the data", c[0], c[1], lo, hi)
		}
	}
}

// Dollar axes never label two ticks alike: all-zero effects get one $0 tick, small ranges whole dollars.
func TestUSDTicksAreDistinct(t *testing.T) {
	for _, c := range [][2]float64{{0, 0}, {0, 1}, {-0.3, 0.4}, {0, 3}, {-2, 0}, {0.2, 0.4}, {0, 218000}, {-1252398, 0}} {
		lo, hi, ticks := usdTicks(c[0], c[1], 6)
		if lo > c[0] || hi < c[1] || lo >= hi {
			t.Errorf("usdTicks(%g, %g) = [%g, %g] does not cover the data", c[0], c[1], lo, hi)
		}
		label := axisUSD(ticks)
		seen := map[string]bool{}
		for _, v := range ticks {
			if l := label(v); seen[l] {
				t.Errorf("usdTicks(%g, %g): %v label %s twice", c[0], c[1], ticks, l)
			} else {
				seen[l] = true
			}
		}
		if c[0] == 0 && c[1] == 0 && (len(ticks) != 1 || ticks[0] != 0) {
			t.Errorf("all zero: ticks %v, want just $0", ticks)
		}
	}
}
