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
