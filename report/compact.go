package report

import (
	"hashhaven/economics"
	"hashhaven/human"
)

// CompactCell is Cell for narrow columns: money rounded as $1.2M, prices as 5.20¢.
func CompactCell(f economics.Field, r *economics.Result) string {
	if f.Key == "gain_usd" && MovesNothing(r) {
		return "all " + CompactCell(economics.MustField("move_all_gain_usd"), r)
	}
	if !economics.Applies(f, r) || (f.Unit != economics.USD && f.Unit != economics.USDPerKWh) {
		return Cell(f, r)
	}
	v, ok := f.Value(r)
	if !ok {
		return "–"
	}
	if f.Unit == economics.USDPerKWh {
		return human.Cents(v)
	}
	s := human.CompactUSD(v)
	if (f.Key == "gain_usd" || f.Key == "move_all_gain_usd") && v > 0 && s != "$0" {
		s = "+" + s // a gain reads with its sign, as in Cell
	}
	return s
}
