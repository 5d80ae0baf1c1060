package report

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"hashhaven/audit"
	"html/template"
	"image/color"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"hashhaven/cited"
	"hashhaven/countries"
	"hashhaven/economics"
	"hashhaven/human"
	"hashhaven/theme"
)

// WriteHTML writes the report as one self-contained HTML page for a meeting room or a
// printer: the ranking, charts drawn as inline SVG, the assumptions and the source of every
// figure. It loads nothing from the network (no scripts, fonts or images) and holds no
// timestamp, so the same report always gives the same bytes.
func WriteHTML(w io.Writer, rep Report) error {
	if rep.Plan == nil {
		return errors.New("html report: no plan")
	}
	th, _ := theme.ByName("light")
	v := buildHTMLView(rep, newPalette(th))
	var buf bytes.Buffer
	if err := htmlPage.Execute(&buf, v); err != nil {
		return err
	}
	_, err := io.WriteString(w, Clean(buf.String(), true))
	return err
}

// palette is the light theme as CSS hex colours, plus tints mixed from it.
type palette struct {
	bg, fg, muted, subtle, accent, sel, pos, neg, warn, edited, bar string
	card, grid, noteBg, barLight                                    string
}

func newPalette(t theme.Theme) palette {
	return palette{
		bg: hexColor(t.Background), fg: hexColor(t.Foreground), muted: hexColor(t.Muted), subtle: hexColor(t.Subtle),
		accent: hexColor(t.Accent), sel: hexColor(t.Selection), pos: hexColor(t.Positive), neg: hexColor(t.Negative),
		warn: hexColor(t.Warning), edited: hexColor(t.Edited), bar: hexColor(t.Bar),
		card:     mixColor(t.Selection, t.Background, 0.25),
		grid:     mixColor(t.Subtle, t.Background, 0.55),
		noteBg:   mixColor(t.Edited, t.Background, 0.08),
		barLight: mixColor(t.Bar, t.Background, 0.45),
	}
}

func (p palette) css() template.CSS {
	return template.CSS(fmt.Sprintf(":root{--bg:%s;--fg:%s;--muted:%s;--subtle:%s;--accent:%s;--sel:%s;--pos:%s;"+
		"--neg:%s;--warn:%s;--edited:%s;--bar:%s;--card:%s;--grid:%s;--note-bg:%s}",
		p.bg, p.fg, p.muted, p.subtle, p.accent, p.sel, p.pos, p.neg, p.warn, p.edited, p.bar, p.card, p.grid, p.noteBg))
}

// hexColor renders an opaque colour as #rrggbb.
func hexColor(c color.Color) string {
	if c == nil {
		return "#000000"
	}
	r, g, b, _ := c.RGBA()
	return fmt.Sprintf("#%02x%02x%02x", r>>8, g>>8, b>>8)
}

// mixColor is share t of a over b, as #rrggbb.
func mixColor(a, b color.Color, t float64) string {
	if a == nil || b == nil {
		return hexColor(a)
	}
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	m := func(x, y uint32) uint8 { return uint8(math.Round((t*float64(x>>8) + (1-t)*float64(y>>8)))) }
	return fmt.Sprintf("#%02x%02x%02x", m(ar, br), m(ag, bg), m(ab, bb))
}

// htmlSplitRow is one option of the fleet split: how many machines of each model go there.
type htmlSplitRow struct {
	Option, Machines, Share string
}

type htmlView struct {
	Title, Description, Summary, Data, AsOf string
	CSS                                     template.CSS
	Notes                                   []string
	EditedFigures                           int
	Answer                                  []string
	Split                                   []htmlSplitRow
	SplitNote                               string
	KPIs                                    []htmlKPI
	Headers                                 []htmlHeader
	Rows                                    []htmlRow
	NPVChart, CashChart, CostChart          template.HTML
	TornadoChart, BandChart                 template.HTML
	TornadoCaption, BandPaths               string
	CashCaption, CostCaption                string
	Horizon                                 int
	Assumptions                             []htmlGroup
	Sources                                 []htmlSource
	Discount                                string
}

type htmlKPI struct{ Label, Value, Detail, Class string }

type htmlHeader struct {
	Text  string
	Right bool
}

type htmlRow struct {
	Class string
	Cells []htmlCell
}

type htmlCell struct {
	Text, Class string
	Edited      bool
}

type htmlGroup struct {
	Title string
	Rows  []htmlFigure
}

// htmlFigure is one figure with where it came from.
type htmlFigure struct {
	Label, Value, Source, AsOf     string
	Estimate, Edited, Unset, Stale bool
}

type htmlSource struct {
	Name, Meta string
	Edited     int
	Rows       []htmlFigure
}

func buildHTMLView(rep Report, pal palette) htmlView {
	p := rep.Plan
	sc := p.Scenario
	byID := map[string]*countries.Country{}
	edited := map[string]bool{} // destinations with a what-if figure
	v := htmlView{Title: sc.Name, Description: sc.Description, Summary: rep.Summary(), Data: rep.Data, AsOf: rep.AsOf,
		CSS: pal.css(), Notes: rep.Notes, Horizon: sc.Horizon(), Discount: human.Percent(sc.DiscountRate.Value)}
	for i := range rep.Countries {
		c := &rep.Countries[i]
		if _, dup := byID[c.ID]; !dup {
			byID[c.ID] = c
		}
		for _, f := range countries.Numbers(c) {
			if f.Num.Edited {
				edited[c.ID] = true
				v.EditedFigures++
			}
		}
	}
	for _, n := range scenarioNumbers(p) {
		if n.Edited {
			v.EditedFigures++
		}
	}

	// The ranking table: the same columns and cells as the markdown.
	columns := rep.columns()
	for _, c := range columns {
		v.Headers = append(v.Headers, htmlHeader{c.header, c.right})
	}
	for _, r := range rep.Results {
		row := htmlRow{}
		switch {
		case r.Excluded:
			row.Class = "excluded"
		case r.Rank == 1:
			row.Class = "best"
		}
		if r.Kind == economics.Stay {
			row.Class = strings.TrimSpace(row.Class + " stay")
		}
		for i, text := range rep.cells(r) {
			cell := htmlCell{Text: text}
			var cls []string
			if columns[i].right {
				cls = append(cls, "num")
			}
			if strings.HasPrefix(text, "-$") {
				cls = append(cls, "neg")
			}
			switch columns[i].header {
			case "Option":
				cls = append(cls, "name")
				cell.Edited = edited[r.ID]
			case "Status":
				cls = append(cls, "status")
			}
			cell.Class = strings.Join(cls, " ")
			row.Cells = append(row.Cells, cell)
		}
		v.Rows = append(v.Rows, row)
	}

	best, stay := headline(rep)
	move := bestMove(rep.Results)
	v.KPIs = kpis(rep, best, stay, move)
	v.Answer = rep.Answer().Lines()
	if rep.Bands != nil {
		v.BandChart = template.HTML(bandChart(rep.Results, rep.Bands, pal))
		v.BandPaths = human.Thousands(float64(rep.Paths), 0)
	}
	if move != nil {
		if sens := p.Sensitivities(rep.Countries, move.ID); len(sens) > 0 {
			v.TornadoChart = template.HTML(tornadoChart(move.Name, sens, pal))
			v.TornadoCaption = "How the gain of moving to " + move.Name + " over not moving changes when one input at a time moves by the step named; the inputs that matter most come first." + breakevenText(move)
		}
	}
	v.Split, v.SplitNote = splitRows(rep)
	v.NPVChart = template.HTML(npvChart(rep.Results, pal, sc.Horizon()))

	// The cash chart compares the best plan that moves machines with not moving.
	var series []cashSeries
	shown := best
	if shown != nil && shown.Kind != economics.Destination {
		shown = move
	}
	if shown != nil {
		plan, base := p.CashOf(rep.Countries, shown)
		series = append(series, cashSeries{r: *shown, cum: plan.Position, color: pal.bar},
			cashSeries{name: "not moving", cum: base.Position, color: pal.accent, dashed: true})
	}
	if len(series) > 0 {
		v.CashChart = template.HTML(cashChart(series, pal))
		names := make([]string, len(series))
		for i, s := range series {
			names[i] = s.label()
		}
		v.CashCaption = "Expected cumulative cash for " + human.List(names) +
			": month 0 holds the move's outlay and the machines sold at once; each month adds that month's net cash and the sales of machines that stop paying, weighted by the chance each site still runs (not discounted)."
		marked, moves := false, false
		for _, s := range series {
			marked = marked || s.marksPayback()
			moves = moves || s.r.MovedMachines > 0
		}
		switch {
		case marked:
			v.CashCaption += " The circle marks the payback month, where the curve has earned the move back."
		case moves:
			v.CashCaption += " The move shown does not pay for itself within the horizon."
		}
	}

	var movers []economics.Result
	for _, r := range rep.Results {
		if !r.Excluded && len(movers) < 8 {
			movers = append(movers, r)
		}
	}
	if len(movers) > 0 {
		v.CostChart = template.HTML(costChart(movers, pal))
		v.CostCaption = fmt.Sprintf("One-off cost of moving the fleet to the first %d ranked destinations shown: freight by distance and weight, import duty on the hardware, and set-up of the site. Only the share of the fleet that fits moves.", len(movers))
	}

	v.Assumptions = assumptions(rep, byID)
	v.Sources = sources(rep)
	return v
}

// headline picks the best-ranked result shown and the stay option. The stay option comes from
// the results, or, when a filter hid it, from the destinations, so the page can still compare
// moving with staying.
func headline(rep Report) (best, stay *economics.Result) {
	for i := range rep.Results {
		r := &rep.Results[i]
		if !r.Excluded && (best == nil || r.Rank < best.Rank) {
			best = r
		}
		if r.Kind == economics.Stay && stay == nil {
			stay = r
		}
	}
	return best, stay
}

// bestMove is the best-ranked destination that is not the stay option.
func bestMove(results []economics.Result) *economics.Result {
	var move *economics.Result
	for i := range results {
		r := &results[i]
		if !r.Excluded && r.Kind == economics.Destination && (move == nil || r.Rank < move.Rank) {
			move = r
		}
	}
	return move
}

func kpis(rep Report, best, stay, move *economics.Result) []htmlKPI {
	var out []htmlKPI
	ranked, excluded := 0, 0
	for _, r := range rep.Results {
		if r.Excluded {
			excluded++
		} else {
			ranked++
		}
	}
	if top := rankedFirst(rep.Ranking); top != nil && best != nil && top.ID != best.ID {
		out = append(out, htmlKPI{Label: "Best of all · rank 1", Value: Destination(*top),
			Detail: "not in this filtered view · gain " + SignedUSD(top.Gain) + " · value " + human.USD(top.NPV)})
	}
	if best != nil {
		out = append(out, htmlKPI{Label: fmt.Sprintf("Best shown · rank %d", best.Rank), Value: Destination(*best),
			Detail: fmt.Sprintf("score %.0f · %s", best.Score, strings.ReplaceAll(best.LegalStatus, "_", "-"))})
		out = append(out, htmlKPI{Label: fmt.Sprintf("Value over %d months", rep.Plan.Scenario.Horizon()), Value: human.USD(best.NPV), Class: signClass(best.NPV),
			Detail: fmt.Sprintf("payback %s · %s net/month", Payback(*best), human.USD(best.MonthlyNet))})
	}
	if stay != nil {
		if best != nil && best.Kind == economics.Stay {
			// Staying is best and already shown: show the best move instead.
			switch {
			case move != nil && move.Gain > 0:
				out = append(out, htmlKPI{Label: fmt.Sprintf("Best move · rank %d", move.Rank), Value: human.USD(move.NPV), Class: signClass(move.NPV),
					Detail: fmt.Sprintf("%s · payback %s", move.Name, Payback(*move))})
			case move != nil:
				// A destination that moves nothing is worth what not moving is: no best move to show.
				out = append(out, htmlKPI{Label: "Best move", Value: "No move pays",
					Detail: "not one machine is worth more moved than kept or sold"})
			}
		} else {
			out = append(out, htmlKPI{Label: "Staying in " + stay.Name, Value: human.USD(stay.NPV), Class: signClass(stay.NPV),
				Detail: human.USD(stay.MonthlyNet) + " net/month, no move"})
		}
		if move != nil {
			d := move.MoveAllGain
			if move.Gain > 0 {
				d = move.Gain
			}
			val := human.USD(d)
			if d > 0 {
				val = "+" + val
			}
			detail := "what moving the machines that gain to " + move.Name + " adds to not moving"
			if move.Gain <= 0 {
				detail = "what moving everything that fits to " + move.Name + " would change: no machine gains by it"
			}
			out = append(out, htmlKPI{Label: "Moving vs not moving", Value: val, Class: signClass(d), Detail: detail})
		}
	}
	if len(out) < 4 {
		out = append(out, htmlKPI{Label: "Destinations", Value: fmt.Sprintf("%d ranked", ranked),
			Detail: fmt.Sprintf("%d excluded (banned, no capacity or no uptime)", excluded)})
	}
	return out
}

func signClass(v float64) string {
	switch s := human.USD(v); {
	case strings.HasPrefix(s, "-"):
		return "neg"
	case s != "$0":
		return "pos"
	}
	return ""
}

// scenarioNumbers are the scenario's cited figures, for counting what-if edits.
func scenarioNumbers(p *economics.Plan) []cited.Number {
	sc := p.Scenario
	out := []cited.Number{sc.Market.PoolFee, sc.FreightUSDPerKgPer1000km, sc.DiscountRate}
	for _, alg := range slices.Sorted(maps.Keys(sc.Market.Algorithms)) {
		a := sc.Market.Algorithms[alg]
		out = append(out, a.USDPerUnitDay, a.MonthlyChange, a.HalvingMonth, a.FeeShare)
	}
	return out
}

// cite is a scenario figure with its provenance.
func cite(label, value string, n cited.Number) htmlFigure {
	return htmlFigure{Label: label, Value: value, Source: n.Provenance(), Edited: n.Edited, Estimate: n.Estimate}
}

func assumptions(rep Report, byID map[string]*countries.Country) []htmlGroup {
	p := rep.Plan
	sc := p.Scenario
	origin := sc.Origin.String()
	if c := byID[p.OriginID]; c != nil {
		origin += " — " + c.Name
	}
	fleet := htmlGroup{Title: "Fleet", Rows: []htmlFigure{
		{Label: "Machines", Value: human.Thousands(float64(p.Machines), 0), Source: "scenario fleet"},
	}}
	for _, b := range sc.Fleet {
		fleet.Rows = append(fleet.Rows, htmlFigure{Label: "· " + b.Machine, Value: human.Thousands(float64(b.Count), 0) + " machines", Source: "scenario fleet batch"})
	}
	fleet.Rows = append(fleet.Rows,
		htmlFigure{Label: "IT load", Value: human.Power(p.ITkW), Source: "machines' rated power (machine catalogue)"},
		htmlFigure{Label: "Sold today", Value: human.USD(fleetSaleValue(p)), Source: "used-machine prices (machine catalogue) less the sale fee"},
		htmlFigure{Label: "Origin", Value: origin, Source: "scenario; distances are measured from here"},
	)
	groups := []htmlGroup{fleet}
	for _, alg := range slices.Sorted(maps.Keys(sc.Market.Algorithms)) {
		a := sc.Market.Algorithms[alg]
		halving := htmlFigure{Label: "Halving", Value: "none in the model", Source: "scenario"}
		if a.HalvingMonth.Set {
			halving = cite("Halving", "month "+cited.Format(a.HalvingMonth.Value), a.HalvingMonth)
		}
		groups = append(groups, htmlGroup{Title: "Market · " + alg, Rows: []htmlFigure{
			cite("Hashprice", "$"+cited.Format(a.USDPerUnitDay.Value)+" per "+a.Unit+" per day", a.USDPerUnitDay),
			cite("Monthly change", pct(a.MonthlyChange.Value)+" a month", a.MonthlyChange),
			halving,
			cite("Fee share of revenue", pct(a.FeeShare.Value), a.FeeShare),
		}})
	}
	w := sc.Weights.Normalised()
	weight := func(label string, raw, norm float64) htmlFigure {
		return htmlFigure{Label: label, Value: human.Percent(norm), Source: "scenario weight " + cited.Format(raw) + ", scaled so the weights sum to 100%"}
	}
	groups = append(groups,
		htmlGroup{Title: "Money and time", Rows: []htmlFigure{
			cite("Pool fee", pct(sc.Market.PoolFee.Value), sc.Market.PoolFee),
			cite("Freight rate", "$"+cited.Format(sc.FreightUSDPerKgPer1000km.Value)+" per kg per 1,000 km", sc.FreightUSDPerKgPer1000km),
			{Label: "Horizon", Value: fmt.Sprintf("%d months", sc.Horizon()), Source: "scenario"},
			cite("Discount rate", pct(sc.DiscountRate.Value)+" a year", sc.DiscountRate),
		}},
		htmlGroup{Title: "Score weights", Rows: []htmlFigure{
			weight("NPV", sc.Weights.NPV.Value, w.NPV),
			weight("Political stability", sc.Weights.Stability.Value, w.Stability),
			weight("Grid headroom", sc.Weights.Headroom.Value, w.Headroom),
			weight("Proximity", sc.Weights.Proximity.Value, w.Proximity),
		}},
	)
	return groups
}

// sources lists every destination's figures: those shown in the results first, in their
// order, then the rest in the order given.
func sources(rep Report) []htmlSource {
	order := make([]int, 0, len(rep.Countries))
	placed := make([]bool, len(rep.Countries))
	pos := map[string]int{}
	for i := len(rep.Countries) - 1; i >= 0; i-- {
		pos[rep.Countries[i].ID] = i
	}
	for _, r := range rep.Results {
		if i, ok := pos[r.ID]; ok && !placed[i] {
			placed[i] = true
			order = append(order, i)
		}
	}
	for i := range rep.Countries {
		if !placed[i] {
			order = append(order, i)
		}
	}
	var out []htmlSource
	for _, i := range order {
		c := &rep.Countries[i]
		s := htmlSource{Name: c.Name, Meta: c.ID + " · " + c.Region + " · " + strings.ReplaceAll(c.Risk.LegalStatus, "_", "-")}
		for _, f := range countries.Numbers(c) {
			n := f.Num
			row := htmlFigure{Label: f.Label, Value: figure(n.Value, f.Unit), Source: n.Source, AsOf: n.AsOf,
				Estimate: n.Estimate, Edited: n.Edited, Unset: !n.Set && !n.Edited,
				Stale: rep.StaleMonths > 0 && !n.Edited && n.Stale(rep.Now, audit.MaxAge(f.Path, rep.StaleMonths))}
			if row.Unset {
				row.Value, row.Source = "—", "not in the file: counts as 0"
			} else if !n.Sourced() && !n.Edited {
				row.Source = "no source"
			}
			if n.Edited {
				// The source and date still describe the file's figure, not the edit.
				s.Edited++
				row.Source, row.AsOf = "what-if edit", ""
				if n.Sourced() {
					row.Source += " · the file's figure: " + n.Source
					if n.AsOf != "" {
						row.Source += ", as of " + n.AsOf
					}
				}
			}
			s.Rows = append(s.Rows, row)
		}
		out = append(out, s)
	}
	return out
}

// figure renders a destination figure with its unit.
func figure(v float64, unit string) string {
	switch unit {
	case "share":
		return pct(v)
	case "°", "°C":
		return cited.Format(v) + unit
	case "percentile":
		return cited.Format(v) + " / 100"
	}
	s := cited.Format(v)
	if math.Abs(v) >= 1000 {
		dec := 0
		if _, frac, ok := strings.Cut(s, "."); ok {
			dec = len(frac)
		}
		s = human.Thousands(v, dec)
	}
	return s + " " + unit
}

// pct renders a share as a percentage with no more digits than it was written with.
func pct(v float64) string {
	return strconv.FormatFloat(math.Round(v*100*1e6)/1e6, 'f', -1, 64) + "%"
}

// ---- charts ----

// htmlPage is the report's markup and style, kept as template files beside the code.
var htmlPage = template.Must(template.ParseFS(templates, "templates/report.html", "templates/report.css"))

//go:embed templates
var templates embed.FS

// cashOf is the expected cumulative cash of the row whose destination is c.
func cashOf(rep Report, c *countries.Country) []float64 {
	for i := range rep.Results {
		if rep.Results[i].ID == c.ID {
			plan, _ := rep.Plan.CashOf(rep.Countries, &rep.Results[i])
			return plan.Position
		}
	}
	return nil
}

// fleetSaleValue is what the whole fleet brings sold today.
func fleetSaleValue(p *economics.Plan) float64 {
	v := 0.0
	for _, b := range p.Batches {
		v += float64(b.Count) * b.SellValue()
	}
	return v
}

// splitRows lists the split's options, largest share of the fleet's load first.
func splitRows(rep Report) ([]htmlSplitRow, string) {
	pf := rep.Portfolio
	if pf == nil || len(pf.Allocations) == 0 {
		return nil, ""
	}
	var rows []htmlSplitRow
	for _, o := range SplitOptions(rep.Plan, pf, rep.Results) {
		rows = append(rows, htmlSplitRow{Option: o.Name, Machines: strings.Join(o.Models, ", "), Share: human.Percent(o.Share)})
	}
	gap := 0.0
	if pf.Bound > 0 {
		gap = math.Max(0, 1-pf.NPV/pf.Bound)
	}
	closeness := "as good as the best split the linear programme allows"
	if gap >= 0.00005 { // shows as 0.01 % or more
		closeness = fmt.Sprintf("within %.2f %% of the best split the linear programme allows", 100*gap)
	}
	note := fmt.Sprintf("Value %s, %s against not moving. No place holds more than %s of the fleet's load (selling excepted); whole machines, %s.",
		human.USD(pf.NPV), SignedUSD(pf.Gain), human.Percent(pf.MaxShare), closeness)
	if u, ok := rep.Bands[economics.SplitID]; ok {
		note += fmt.Sprintf(" Over %s simulated futures it is worth %s to %s (P10 to P90) and below not moving on %s of them.",
			human.Thousands(float64(rep.Paths), 0), human.USD(u.P10), human.USD(u.P90), human.Percent(u.PWorse))
	}
	return rows, note
}

// breakevenText says at what hashprice and origin power price the row's move stops paying.
func breakevenText(r *economics.Result) string {
	var parts []string
	if r.HasBreakevenHashprice {
		parts = append(parts, fmt.Sprintf(" Moving everything that fits breaks even at a hashprice of %s.", FormatValue(economics.USDPerUnitDay, r.BreakevenHashprice)))
	}
	if r.HasBreakevenOriginPower {
		parts = append(parts, fmt.Sprintf(" Not moving is worth as much when the origin's power costs %s.", FormatValue(economics.USDPerKWh, r.BreakevenOriginPower)))
	}
	return strings.Join(parts, "")
}

// rankedFirst is the row ranked 1 in a whole ranking; nil when there is none.
func rankedFirst(ranking []economics.Result) *economics.Result {
	for i := range ranking {
		if ranking[i].Rank == 1 {
			return &ranking[i]
		}
	}
	return nil
}
