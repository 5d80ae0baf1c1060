package economics

import (
	"hashhaven/countries"
)

// Cash is a plan's expected cash position over time, undiscounted but weighted by the chance
// that each site still operates: Position[k] is the cash after k months (index 0 holds the
// move's outlay and the machines sold at once), and Sales lists the months machines are sold.
type Cash struct {
	Position []float64
	Sales    []int
}

// CashOf is the cash of row r — its moved machines at its site, the rest on their baseline —
// and of not moving, for comparison. dests are the destinations r was ranked among.
func (p *Plan) CashOf(dests []countries.Country, r *Result) (plan, notMoving Cash) {
	var origin, here *countries.Country
	for i := range dests {
		switch dests[i].ID {
		case p.OriginID:
			origin = &dests[i]
		case r.ID:
			here = &dests[i]
		}
	}
	base := p.notMoving(origin)
	h := p.Scenario.Horizon()
	plan, notMoving = Cash{Position: make([]float64, h+1)}, Cash{Position: make([]float64, h+1)}
	var s site
	if here != nil && r.Kind == Destination {
		s = p.site(here, false)
	}
	for i := range p.Batches {
		b := &p.Batches[i]
		moved := 0
		if r.Kind == Destination && i < len(r.Batches) {
			moved = r.Batches[i].Move
		}
		rest := b.Count - moved
		if r.Kind == Sell {
			plan.add(p, b, nil, machineValue{}, b.Count)
		} else {
			p.addBaseline(&plan, b, &base, i, rest)
			if moved > 0 {
				plan.add(p, b, &s, p.value(b, &s), moved)
			}
		}
		p.addBaseline(&notMoving, b, &base, i, b.Count)
	}
	for k := 1; k <= h; k++ {
		plan.Position[k] += plan.Position[k-1]
		notMoving.Position[k] += notMoving.Position[k-1]
	}
	return plan, notMoving
}

func (p *Plan) addBaseline(c *Cash, b *Batch, base *notMoving, i, n int) {
	if base.altKind[i] == Stay {
		c.add(p, b, &base.origin, base.values[i], n)
	} else {
		c.add(p, b, nil, machineValue{}, n)
	}
}

// add puts n machines' monthly cash into c (still as monthly flows, summed by CashOf): kept
// at site s, or sold now when s is nil.
func (c *Cash) add(p *Plan, b *Batch, s *site, v machineValue, n int) {
	if n == 0 {
		return
	}
	count := float64(n)
	if s == nil {
		c.Position[0] += count * b.sellValue
		c.mark(0)
		return
	}
	c.Position[0] -= count * v.relocation()
	alive := 1.0
	for m := 0; m < len(c.Position)-1; m++ {
		alive *= s.survive
		c.Position[m+1] += count * p.net(b, s, v, m) * alive
	}
	if v.exit < len(c.Position) {
		c.Position[v.exit] += count * b.Resale(v.exit) * s.alive(v.exit)
		c.mark(v.exit)
	}
}

func (c *Cash) mark(month int) {
	for _, m := range c.Sales {
		if m == month {
			return
		}
	}
	c.Sales = append(c.Sales, month)
}
