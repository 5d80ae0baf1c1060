package report

import (
	"fmt"
	"strings"

	"hashhaven/economics"
	"hashhaven/human"
)

// Answer is the ranking said in words: what to do and what it is worth against not moving.
type Answer struct {
	BestMove  string // the best single destination, or what moving would lose when none pays
	BestSplit string // the best split over several options; "" until it is solved
	NotMoving string // what not moving means, machine model by machine model
	Certainty string // how often the best move beats not moving over simulated futures; "" without them
}

// Lines are the answer's sentences, in reading order.
func (a Answer) Lines() []string {
	var out []string
	for _, l := range []string{a.BestMove, a.Certainty, a.BestSplit, a.NotMoving} {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// Answer is the report's answer in words.
func (rep Report) Answer() Answer {
	all := rep.Results
	if rep.Ranking != nil {
		all = rep.Ranking // a filtered view still answers for the whole ranking
	}
	a := Recommend(rep.Plan, all, rep.Portfolio)
	a.Certainty = Certainty(all, rep.Bands, rep.Paths)
	return a
}

// Certainty says how sure the best move is: on what share of the simulated futures it is worth
// at least as much as not moving, and its worst plausible gain (P10 against not moving's P10).
func Certainty(results []economics.Result, bands map[string]economics.Uncertainty, paths int) string {
	if bands == nil {
		return ""
	}
	var best *economics.Result
	for i := range results {
		r := &results[i]
		if r.Kind == economics.Destination && !r.Excluded && r.Gain > 0 && (best == nil || r.Gain > best.Gain) {
			best = r
		}
	}
	if best == nil {
		base, ok := bands[baselineID(results)]
		if !ok {
			return ""
		}
		if human.USD(base.P10) == human.USD(base.P90) {
			return "" // the same in every future: the not-moving line already says it
		}
		return fmt.Sprintf("Over %s simulated futures not moving is worth %s to %s (P10 to P90).",
			human.Thousands(float64(paths), 0), human.USD(base.P10), human.USD(base.P90))
	}
	u, ok := bands[best.ID]
	if !ok {
		return ""
	}
	line := fmt.Sprintf("%s is at least as good as not moving on %s of %s simulated futures (value P10 %s, P90 %s)",
		best.Name, human.Percent(1-u.PWorse), human.Thousands(float64(paths), 0), human.USD(u.P10), human.USD(u.P90))
	if base, ok := bands[baselineID(results)]; ok && u.Mean < base.Mean {
		line += fmt.Sprintf(", but worse on average: %s below not moving once shocks and shutdowns are counted", human.USD(base.Mean-u.Mean))
	}
	return line + "."
}

// Recommend words the answer for results (as ranked) and the split, if solved.
func Recommend(p *economics.Plan, results []economics.Result, pf *economics.Portfolio) Answer {
	var a Answer
	var best, leastBad *economics.Result
	for i := range results {
		r := &results[i]
		if r.Excluded || r.Kind != economics.Destination {
			continue
		}
		if r.Gain > 0 && (best == nil || r.Gain > best.Gain) {
			best = r
		}
		if leastBad == nil || r.MoveAllGain > leastBad.MoveAllGain {
			leastBad = r
		}
	}
	switch {
	case best != nil:
		a.BestMove = fmt.Sprintf("Best single move: %s, %s vs not moving (moves %s of %s machines%s).",
			best.Name, SignedUSD(best.Gain), human.Thousands(float64(best.MovedMachines), 0),
			human.Thousands(float64(p.Machines), 0), payback(best))
	case leastBad != nil:
		a.BestMove = fmt.Sprintf("No move pays: moving everything that fits to %s, the least bad, would change the value by %s.",
			leastBad.Name, SignedUSD(leastBad.MoveAllGain))
	default:
		a.BestMove = "No destination can take the fleet."
	}
	if pf != nil {
		a.BestSplit = splitLine(p, pf, results)
	}
	a.NotMoving = notMovingLine(p, results)
	return a
}

func payback(r *economics.Result) string {
	if r.HasPayback && r.Payback > 0 {
		return fmt.Sprintf(", paid back in %d months", r.Payback)
	}
	return ""
}

// splitLine names the split's gain and its main options by share of the fleet's load.
func splitLine(p *economics.Plan, pf *economics.Portfolio, results []economics.Result) string {
	var parts []string
	opts := SplitOptions(p, pf, results)
	for i, o := range opts {
		if i == 3 {
			parts = append(parts, fmt.Sprintf("%d more", len(opts)-3))
			break
		}
		name := o.Name
		switch o.Kind { // inside the sentence: "sell 53%, stay in Kazakhstan 47%"
		case economics.Sell:
			name = "sell"
		case economics.Stay:
			name = strings.ToLower(name[:1]) + name[1:]
		}
		parts = append(parts, fmt.Sprintf("%s %s", name, human.Percent(o.Share)))
	}
	why, capNote := "", ""
	switch {
	case pf.MaxShare < 1 && pf.Gain < 0: // the reason first, where a short line still shows it
		why = fmt.Sprintf(", as no more than %s of the fleet's load may stay in one place", human.Percent(pf.MaxShare))
	case pf.MaxShare < 1:
		capNote = fmt.Sprintf(" (shares of the fleet's load; at most %s in one place)", human.Percent(pf.MaxShare))
	}
	return fmt.Sprintf("Best split: %s vs not moving%s — %s%s.", SignedUSD(pf.Gain), why, strings.Join(parts, ", "), capNote)
}

// notMovingLine says what each machine model does when the fleet does not move.
func notMovingLine(p *economics.Plan, results []economics.Result) string {
	var row *economics.Result
	for i := range results {
		if results[i].Kind == economics.Sell {
			row = &results[i]
		}
	}
	if row == nil {
		return ""
	}
	var keep, sell []string
	for _, b := range row.Batches {
		part := human.Thousands(float64(b.Count), 0) + " " + b.Name
		if b.Alternative == economics.Stay {
			keep = append(keep, part)
		} else {
			sell = append(sell, part)
		}
	}
	value := human.USD(economics.NotMoving(results))
	if len(keep) == 0 {
		why := "no model is worth more kept running in " + p.OriginName + " than sold"
		if !stays(results) {
			why = "the fleet cannot keep running at the origin"
		}
		return fmt.Sprintf("Not moving: sell the whole fleet now (%s); %s.", value, why)
	}
	var parts []string
	parts = append(parts, "keep "+human.List(keep)+" in "+p.OriginName)
	if len(sell) > 0 {
		parts = append(parts, "sell "+human.List(sell))
	}
	return fmt.Sprintf("Not moving: %s (%s).", strings.Join(parts, ", "), value)
}

// baselineID is the row that is not moving: staying when the fleet can, else selling.
func baselineID(results []economics.Result) string {
	id := economics.SellID
	for _, r := range results {
		if r.Kind == economics.Stay {
			id = r.ID
		}
	}
	return id
}

// stays reports whether the ranking has a stay row: the fleet can keep running where it is.
func stays(results []economics.Result) bool {
	for _, r := range results {
		if r.Kind == economics.Stay {
			return true
		}
	}
	return false
}
