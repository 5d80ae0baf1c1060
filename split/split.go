// Package split divides a fleet among options — sites with limited room, and one without a
// limit (selling) — to maximise the fleet's value: a linear programme solved with gonum's
// simplex, then made whole without breaking a limit.
package split

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize/convex/lp"
)

// Problem is a fleet of batches and the options it may be split among.
type Problem struct {
	Counts []int     // machines in each batch
	KW     []float64 // the load one machine of each batch puts on an option's room
	// Options are the places a machine can go. Fallback names the one without a limit.
	Options  []Option
	Fallback int
}

// Option is one place for machines: what one machine of each batch is worth there, and how
// much load it can take (+Inf: no limit).
type Option struct {
	ID     string
	Values []float64 // per batch
	// Room is the load the option takes, in the units of Problem.KW: the tightest of its
	// limits, for the linear programme.
	Room float64
	// Limits are checked exactly on whole counts, as they are written.
	Limits []Limit
}

// Limit is Σ_b count_b · Per[b] ≤ Max.
type Limit struct {
	Per []float64
	Max float64
}

// fits reports whether the counts hold every limit of option o.
func (p Problem) fits(counts [][]int, o int) bool {
	for _, l := range p.Options[o].Limits {
		sum := 0.0
		for b, n := range counts[o] {
			sum += float64(n) * l.Per[b]
		}
		if sum > l.Max {
			return false
		}
	}
	return true
}

// Split is a whole-number allocation.
type Split struct {
	Counts [][]int // [option][batch]
	Value  float64
	// Bound is the linear programme's optimum: no allocation, whole or not, is worth more.
	Bound float64
}

// Solve finds the allocation. It fails only when ctx is done or the problem is malformed.
func Solve(ctx context.Context, p Problem) (Split, error) {
	if err := p.check(); err != nil {
		return Split{}, err
	}
	pairs := p.candidates()
	bound, fractions := p.relax(pairs)
	if err := ctx.Err(); err != nil {
		return Split{}, err
	}
	// The rounded optimum can lose a few machines to rounding; on a small fleet that matters,
	// so the whole allocations built greedily — from nothing, and from each option filled
	// first — compete with it.
	best := p.greedy(pairs, p.empty())
	tried := map[int]bool{}
	for _, c := range pairs {
		if !tried[c.option] {
			tried[c.option] = true
			if s := p.greedy(pairs, p.greedy(only(pairs, c.option), p.empty()).Counts); s.Value > best.Value {
				best = s
			}
		}
	}
	if fractions != nil {
		if whole := p.greedy(pairs, p.round(pairs, fractions)); whole.Value > best.Value {
			best = whole
		}
	} else {
		bound = math.Max(bound, best.Value)
	}
	best.Bound = bound
	return best, nil
}

func (p Problem) check() error {
	if p.Fallback < 0 || p.Fallback >= len(p.Options) || !math.IsInf(p.Options[p.Fallback].Room, 1) {
		return errors.New("split: the fallback option must have no limit")
	}
	for _, o := range p.Options {
		if len(o.Values) != len(p.Counts) {
			return fmt.Errorf("split: option %s values %d batches, the fleet has %d", o.ID, len(o.Values), len(p.Counts))
		}
	}
	if len(p.KW) != len(p.Counts) {
		return errors.New("split: one load per batch")
	}
	return nil
}

// only keeps the pairs of option o.
func only(pairs []pair, o int) []pair {
	var out []pair
	for _, c := range pairs {
		if c.option == o {
			out = append(out, c)
		}
	}
	return out
}

// pair is a batch at an option where it is worth more than at the fallback.
type pair struct {
	batch, option int
	gain          float64 // per machine, over the fallback
}

// candidates keeps, for each batch, the options worth more than the fallback, best first,
// until their room could hold the whole fleet: an option further down the list is never
// needed, since one of the better ones always has room left for the batch.
func (p Problem) candidates() []pair {
	total := p.totalLoad()
	var out []pair
	for b := range p.Counts {
		var mine []pair
		for o, opt := range p.Options {
			if g := opt.Values[b] - p.Options[p.Fallback].Values[b]; o != p.Fallback && g > 0 && opt.Room > 0 {
				mine = append(mine, pair{b, o, g})
			}
		}
		slices.SortStableFunc(mine, func(x, y pair) int { return cmp.Compare(y.gain, x.gain) })
		room := 0.0
		for i, c := range mine {
			room += p.Options[c.option].Room
			if room >= total {
				mine = mine[:i+1]
				break
			}
		}
		out = append(out, mine...)
	}
	return out
}

func (p Problem) totalLoad() float64 {
	t := 0.0
	for b, n := range p.Counts {
		t += float64(n) * p.KW[b]
	}
	return t
}

// relax solves the linear programme over the candidate pairs, in shares of each batch, and
// returns its optimum and each pair's share; nil shares when it could not be solved.
//
//	maximise Σ gain·n_b·y   s.t.  Σ_o y_bo + y_b,fallback = 1,  Σ_b n_b·kw_b·y_bo + slack_o = room_o
func (p Problem) relax(pairs []pair) (bound float64, shares []float64) {
	base := 0.0
	for b, n := range p.Counts {
		base += float64(n) * p.Options[p.Fallback].Values[b]
	}
	if len(pairs) == 0 {
		return base, nil
	}
	rows := map[int]int{} // option → its room row
	var rowOption []int
	for _, c := range pairs {
		if _, ok := rows[c.option]; !ok {
			rows[c.option] = len(p.Counts) + len(rowOption)
			rowOption = append(rowOption, c.option)
		}
	}
	nRows := len(p.Counts) + len(rowOption)
	nCols := len(pairs) + len(p.Counts) + len(rowOption) // pairs, fallbacks, slacks
	total := p.totalLoad()
	scale := 0.0
	for _, c := range pairs {
		scale = math.Max(scale, c.gain*float64(p.Counts[c.batch]))
	}
	a := mat.NewDense(nRows, nCols, nil)
	cost := make([]float64, nCols)
	rhs := make([]float64, nRows)
	for j, c := range pairs {
		n := float64(p.Counts[c.batch])
		cost[j] = -c.gain * n / scale
		a.Set(c.batch, j, 1)
		a.Set(rows[c.option], j, n*p.KW[c.batch]/total)
	}
	basic := make([]int, 0, nRows)
	for b := range p.Counts {
		j := len(pairs) + b
		a.Set(b, j, 1)
		rhs[b] = 1
		basic = append(basic, j)
	}
	for i, o := range rowOption {
		j := len(pairs) + len(p.Counts) + i
		a.Set(len(p.Counts)+i, j, 1)
		rhs[len(p.Counts)+i] = math.Min(p.Options[o].Room, total) / total
		basic = append(basic, j)
	}
	opt, x, err := solve(cost, a, rhs, basic)
	if err != nil {
		return base, nil
	}
	return base - opt*scale, x[:len(pairs)]
}

// solve runs the simplex, turning a panic of the solver on a degenerate problem into an error.
func solve(cost []float64, a *mat.Dense, rhs []float64, basic []int) (opt float64, x []float64, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("split: the solver failed: %v", r)
		}
	}()
	return lp.Simplex(cost, a, rhs, 1e-10, basic)
}

func (p Problem) empty() [][]int {
	counts := make([][]int, len(p.Options))
	for o := range counts {
		counts[o] = make([]int, len(p.Counts))
	}
	counts[p.Fallback] = slices.Clone(p.Counts)
	return counts
}

// round takes the whole machines of each share, then gives back what would overfill a room.
func (p Problem) round(pairs []pair, shares []float64) [][]int {
	counts := p.empty()
	for j, c := range pairs {
		n := int(math.Floor(shares[j]*float64(p.Counts[c.batch]) + 1e-6))
		n = min(n, counts[p.Fallback][c.batch])
		counts[c.option][c.batch] += n
		counts[p.Fallback][c.batch] -= n
	}
	for o := range p.Options {
		for o != p.Fallback && !p.fits(counts, o) {
			worst := -1
			for b, n := range counts[o] {
				if n > 0 && (worst < 0 || p.gain(o, b)/p.KW[b] < p.gain(o, worst)/p.KW[worst]) {
					worst = b
				}
			}
			counts[o][worst]--
			counts[p.Fallback][worst]++
		}
	}
	return counts
}

func (p Problem) gain(o, b int) float64 {
	return p.Options[o].Values[b] - p.Options[p.Fallback].Values[b]
}

func (p Problem) load(counts [][]int, o int) float64 {
	l := 0.0
	for b, n := range counts[o] {
		l += float64(n) * p.KW[b]
	}
	return l
}

// greedy places machines still at the fallback where they gain most per unit of room, as
// long as room remains, and values the result.
func (p Problem) greedy(pairs []pair, counts [][]int) Split {
	order := slices.Clone(pairs)
	density := func(c pair) float64 {
		if p.KW[c.batch] <= 0 {
			return math.Inf(1)
		}
		return c.gain / p.KW[c.batch]
	}
	slices.SortStableFunc(order, func(x, y pair) int { return cmp.Compare(density(y), density(x)) })
	for _, c := range order {
		left := counts[p.Fallback][c.batch]
		if left == 0 {
			continue
		}
		n := left
		if kw := p.KW[c.batch]; kw > 0 {
			room := p.Options[c.option].Room - p.load(counts, c.option)
			n = int(math.Min(float64(left), math.Max(0, math.Floor(room/kw)+1)))
		}
		counts[c.option][c.batch] += n
		for n > 0 && !p.fits(counts, c.option) {
			counts[c.option][c.batch]--
			n--
		}
		counts[p.Fallback][c.batch] -= n
	}
	s := Split{Counts: counts}
	for o, row := range counts {
		for b, n := range row {
			s.Value += float64(n) * p.Options[o].Values[b]
		}
	}
	return s
}
