package economics

import "testing"

// A figure applies where it means something: the sell row runs nothing, staying and a
// destination no machine moves to have no move; sorting puts rows without it last, in
// either direction.
func TestFiguresApplyAndSortLast(t *testing.T) {
	price, cost := MustField("all_in_usd_per_kwh"), MustField("relocation_cost_usd")
	sell := Result{ID: "sell", Kind: Sell, NPV: 10}
	stay := Result{ID: "kz", Kind: Stay, NPV: 10, AllInUSDPerKWh: 0.05}
	idle := Result{ID: "no", Kind: Destination, NPV: 9, AllInUSDPerKWh: 0.06, Relocation: 0, StartMonth: 5}
	moving := Result{ID: "is", Kind: Destination, NPV: 12, AllInUSDPerKWh: 0.045, MovedMachines: 10, Relocation: 5000, StartMonth: 3}
	for _, c := range []struct {
		f    Field
		r    Result
		want bool
	}{
		{price, sell, false}, {price, stay, true}, {price, idle, true},
		{cost, stay, false}, {cost, idle, false}, {cost, moving, true}, {MustField("start_month"), idle, false},
		{MustField("npv_usd"), sell, true},
	} {
		if got := Applies(c.f, &c.r); got != c.want {
			t.Errorf("%s applies to %s: %v, want %v", c.f.Key, c.r.ID, got, c.want)
		}
	}
	for _, reverse := range []bool{false, true} {
		rows := []Result{sell, stay, idle, moving}
		SortBy(rows, price, reverse)
		if rows[3].ID != "sell" {
			t.Errorf("by price (reverse %v), the sell row is not last: %v", reverse, ids(rows))
		}
		SortBy(rows, cost, reverse)
		if rows[0].ID != "is" {
			t.Errorf("by move cost (reverse %v), the only move is not first: %v", reverse, ids(rows))
		}
	}
}

func ids(rows []Result) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.ID
	}
	return out
}
