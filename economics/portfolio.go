package economics

import (
	"context"
	"math"

	"hashhaven/split"
)

// Portfolio is the best split of the fleet over selling, staying and the ranked destinations,
// with no option holding more than MaxShare of the fleet's IT load (selling excepted).
type Portfolio struct {
	NPV         float64
	Gain        float64 // vs not moving
	MaxShare    float64
	Bound       float64 // the linear programme's optimum, which no split can beat
	Allocations []Allocation
}

// Allocation is a number of machines of one model sent to one option.
type Allocation struct {
	Option  string // a destination id, the origin's id (stay) or "sell"
	Kind    Kind
	Name    string // the option as people read it
	Machine string
	Count   int
}

// Split divides the fleet among the ranked rows of results (as Rank returns them).
func (p *Plan) Split(ctx context.Context, results []Result) (Portfolio, error) {
	share := p.Scenario.Portfolio.MaxShare()
	prob := split.Problem{Counts: make([]int, len(p.Batches)), KW: make([]float64, len(p.Batches))}
	for i, b := range p.Batches {
		prob.Counts[i], prob.KW[i] = b.Count, b.KW
	}
	itKW := make([]float64, len(p.Batches))
	for i, b := range p.Batches {
		itKW[i] = b.KW
	}
	shareLimit := split.Limit{Per: itKW, Max: share * p.ITkW}
	var rows []*Result
	for i := range results {
		r := &results[i]
		if r.Excluded || len(r.Batches) != len(p.Batches) {
			continue
		}
		opt := split.Option{ID: r.ID, Values: make([]float64, len(p.Batches))}
		for b, br := range r.Batches {
			opt.Values[b] = br.Value
		}
		switch r.Kind {
		case Sell:
			opt.Room = math.Inf(1)
			prob.Fallback = len(prob.Options)
		case Stay:
			opt.Room, opt.Limits = share*p.ITkW, []split.Limit{shareLimit}
		default:
			facility := make([]float64, len(p.Batches))
			for b := range facility {
				facility[b] = itKW[b] * r.PUE
			}
			opt.Room = math.Min(r.CapacityKW/r.PUE, share*p.ITkW)
			opt.Limits = []split.Limit{shareLimit, {Per: facility, Max: r.CapacityKW}}
		}
		prob.Options = append(prob.Options, opt)
		rows = append(rows, r)
	}
	s, err := split.Solve(ctx, prob)
	if err != nil {
		return Portfolio{}, err
	}
	out := Portfolio{NPV: s.Value, Gain: s.Value - NotMoving(results), MaxShare: share, Bound: s.Bound}
	for o, counts := range s.Counts {
		for b, n := range counts {
			if n > 0 {
				out.Allocations = append(out.Allocations, Allocation{Option: rows[o].ID, Kind: rows[o].Kind,
					Name: rows[o].Name, Machine: p.Batches[b].Machine.ID, Count: n})
			}
		}
	}
	return out, nil
}
