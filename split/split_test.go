package split

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"
)

func limit(kw []float64, max float64) []Limit { return []Limit{{Per: kw, Max: max}} }

// Two batches of 10 one-kW machines, two sites of 10 kW each, selling as the fallback:
//
//	        sell  d1   d2
//	a        100  300  200      a gains 100 more at d1 than at d2; b only 10
//	b        100  250  240
//
// Both cannot have d1: a → d1, b → d2 = 10 × 300 + 10 × 240 = 5,400 beats
// b → d1, a → d2 = 4,500 and anything mixed (each swap of a machine pair costs 90).
func TestKnownOptimum(t *testing.T) {
	kw := []float64{1, 1}
	p := Problem{Counts: []int{10, 10}, KW: kw, Options: []Option{
		{ID: "sell", Values: []float64{100, 100}, Room: math.Inf(1)},
		{ID: "d1", Values: []float64{300, 250}, Room: 10, Limits: limit(kw, 10)},
		{ID: "d2", Values: []float64{200, 240}, Room: 10, Limits: limit(kw, 10)},
	}}
	s, err := Solve(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if s.Value != 5400 || s.Bound < 5400-1e-6 || s.Bound > 5400+1e-6 {
		t.Errorf("value %v bound %v, want 5,400", s.Value, s.Bound)
	}
	if s.Counts[1][0] != 10 || s.Counts[2][1] != 10 {
		t.Errorf("counts %v, want a at d1 and b at d2", s.Counts)
	}
}

// A cap on every option's share: stay (the best) may hold half the fleet, the rest goes to
// the next best place, then is sold.
func TestShareCapBinds(t *testing.T) {
	kw := []float64{2}
	p := Problem{Counts: []int{1000}, KW: kw, Options: []Option{
		{ID: "sell", Values: []float64{10}, Room: math.Inf(1)},
		{ID: "stay", Values: []float64{50}, Room: 1000, Limits: limit(kw, 1000)},
		{ID: "d", Values: []float64{40}, Room: 600, Limits: limit(kw, 600)},
	}}
	s, _ := Solve(context.Background(), p)
	// stay 500 machines (1,000 kW), d 300 (600 kW), sell 200.
	if s.Counts[1][0] != 500 || s.Counts[2][0] != 300 || s.Counts[0][0] != 200 || s.Value != 500*50+300*40+200*10 {
		t.Errorf("counts %v value %v", s.Counts, s.Value)
	}
}

// Random fleets and options: whole counts that sum to each batch, every limit held, a value
// within 0.5 % of the linear optimum for fleets of 1,000 or more, and never below any
// allocation the test builds by hand: each option filled alone (best gain per kW first, cut at
// its limits) with the rest sold.
func TestRandomSplitsHoldAndBeatSimplePlans(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 300 {
		nb, no := 1+rng.IntN(5), 2+rng.IntN(30)
		p := Problem{Counts: make([]int, nb), KW: make([]float64, nb)}
		total := 0.0
		for b := range nb {
			p.Counts[b] = 1 + rng.IntN(3000)
			p.KW[b] = 1 + rng.Float64()*4
			total += float64(p.Counts[b]) * p.KW[b]
		}
		share := []float64{0.2, 0.5, 1}[rng.IntN(3)]
		sell := Option{ID: "sell", Values: make([]float64, nb), Room: math.Inf(1)}
		for b := range nb {
			sell.Values[b] = 100 + rng.Float64()*1000
		}
		p.Options = append(p.Options, sell)
		for o := 1; o < no; o++ {
			pue := 1 + rng.Float64()*0.3
			capKW := rng.Float64() * total
			opt := Option{ID: "o", Values: make([]float64, nb), Room: math.Min(capKW/pue, share*total)}
			fac := make([]float64, nb)
			for b := range nb {
				opt.Values[b] = sell.Values[b] * (0.5 + rng.Float64())
				fac[b] = p.KW[b] * pue
			}
			opt.Limits = []Limit{{Per: p.KW, Max: share * total}, {Per: fac, Max: capKW}}
			p.Options = append(p.Options, opt)
		}
		s, err := Solve(context.Background(), p)
		if err != nil {
			t.Fatal(err)
		}
		machines := 0
		for b, n := range p.Counts {
			sum := 0
			for o := range p.Options {
				if s.Counts[o][b] < 0 {
					t.Fatalf("trial %d: negative count", trial)
				}
				sum += s.Counts[o][b]
			}
			if sum != n {
				t.Fatalf("trial %d: batch %d placed %d of %d", trial, b, sum, n)
			}
			machines += n
		}
		for o := range p.Options {
			if !p.fits(s.Counts, o) {
				t.Fatalf("trial %d: option %d over its limit", trial, o)
			}
		}
		if s.Value > s.Bound*(1+1e-9)+1e-6 {
			t.Fatalf("trial %d: value %v above the linear bound %v", trial, s.Value, s.Bound)
		}
		if machines >= 1000 && s.Value < s.Bound*0.995 {
			t.Errorf("trial %d: value %v more than 0.5 %% under the bound %v", trial, s.Value, s.Bound)
		}
		for o := 1; o < len(p.Options); o++ {
			if alone := fillAlone(p, o); alone > s.Value+1e-6 {
				t.Errorf("trial %d: filling option %d alone gives %v, more than %v", trial, o, alone, s.Value)
			}
		}
	}
}

// fillAlone values the plan that sends to option o, one machine at a time, the machine that
// gains most per kW over selling while every limit holds, and sells the rest.
func fillAlone(p Problem, o int) float64 {
	counts := make([]int, len(p.Counts))
	for {
		best, bestDensity := -1, 0.0
		for b := range p.Counts {
			gain := p.Options[o].Values[b] - p.Options[0].Values[b]
			if counts[b] == p.Counts[b] || gain <= 0 || gain/p.KW[b] <= bestDensity {
				continue
			}
			counts[b]++
			ok := true
			for _, l := range p.Options[o].Limits {
				sum := 0.0
				for i, n := range counts {
					sum += float64(n) * l.Per[i]
				}
				ok = ok && sum <= l.Max
			}
			counts[b]--
			if ok {
				best, bestDensity = b, gain/p.KW[b]
			}
		}
		if best < 0 {
			break
		}
		counts[best]++
	}
	v := 0.0
	for b, n := range p.Counts {
		v += float64(counts[b])*p.Options[o].Values[b] + float64(n-counts[b])*p.Options[0].Values[b]
	}
	return v
}
