package report

import (
	"cmp"
	"slices"

	"hashhaven/economics"
	"hashhaven/human"
)

// SplitOption is one option of the fleet split as people read it: where, how much of the
// fleet's load goes there (the measure the cap is on), and which machines.
type SplitOption struct {
	ID, Name string // Name: "Stay in Kazakhstan", "Sell now" or the destination
	Kind     economics.Kind
	Machines int
	ITkW     float64
	Share    float64  // of the fleet's IT load
	Value    float64  // of the machines sent there, valued there
	Models   []string // "1,200 Antminer S21", in fleet order
}

// SplitOptions groups the split's allocations by option, the largest share of load first.
// results (as ranked) give each machine's value at its option.
func SplitOptions(p *economics.Plan, pf *economics.Portfolio, results []economics.Result) []SplitOption {
	kw, names := map[string]float64{}, map[string]string{}
	for _, b := range p.Batches {
		kw[b.Machine.ID], names[b.Machine.ID] = b.KW, b.Machine.Name
	}
	perMachine := map[[2]string]float64{}
	for _, r := range results {
		for _, b := range r.Batches {
			perMachine[[2]string{r.ID, b.Machine}] = b.Value
		}
	}
	var opts []SplitOption
	index := map[string]int{}
	for _, a := range pf.Allocations {
		i, ok := index[a.Option]
		if !ok {
			i = len(opts)
			index[a.Option] = i
			name := a.Name
			switch a.Kind {
			case economics.Stay:
				name = "Stay in " + a.Name
			case economics.Sell:
				name = "Sell now"
			}
			opts = append(opts, SplitOption{ID: a.Option, Name: name, Kind: a.Kind})
		}
		o := &opts[i]
		o.Machines += a.Count
		o.ITkW += float64(a.Count) * kw[a.Machine]
		o.Value += float64(a.Count) * perMachine[[2]string{a.Option, a.Machine}]
		o.Models = append(o.Models, human.Thousands(float64(a.Count), 0)+" "+names[a.Machine])
	}
	for i := range opts {
		if p.ITkW > 0 {
			opts[i].Share = opts[i].ITkW / p.ITkW
		}
	}
	slices.SortStableFunc(opts, func(a, b SplitOption) int { return cmp.Compare(b.ITkW, a.ITkW) })
	return opts
}
