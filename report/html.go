package report

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"html"
	"html/template"
	"image/color"
	"io"
	"maps"
	"math"
	"slices"
	"sort"
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
	Label, Value, Source, AsOf string
	Estimate, Edited, Unset    bool
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
		v.CashCaption = "Expected cumulative cash for " + strings.Join(names, " and ") +
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
	if best != nil {
		out = append(out, htmlKPI{Label: fmt.Sprintf("Best value · rank %d", best.Rank), Value: Destination(*best),
			Detail: fmt.Sprintf("score %.0f · %s", best.Score, strings.ReplaceAll(best.LegalStatus, "_", "-"))})
		out = append(out, htmlKPI{Label: fmt.Sprintf("Value over %d months", rep.Plan.Scenario.Horizon()), Value: human.USD(best.NPV), Class: signClass(best.NPV),
			Detail: fmt.Sprintf("payback %s · %s net/month", Payback(*best), human.USD(best.MonthlyNet))})
	}
	if stay != nil {
		if best != nil && best.Kind == economics.Stay {
			// Staying is best and already shown: show the best move instead.
			if move != nil {
				out = append(out, htmlKPI{Label: fmt.Sprintf("Best move · rank %d", move.Rank), Value: human.USD(move.NPV), Class: signClass(move.NPV),
					Detail: fmt.Sprintf("%s · payback %s", move.Name, Payback(*move))})
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
				Estimate: n.Estimate, Edited: n.Edited, Unset: !n.Set && !n.Edited}
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

// svgText escapes text for SVG, which must stay well-formed XML.
func svgText(s string) string { return html.EscapeString(Clean(s, false)) }

// fx renders a coordinate.
func fx(v float64) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	if s == "-0" {
		s = "0"
	}
	return s
}

// niceTicks widens [lo, hi] to round numbers and returns about n ticks across it.
func niceTicks(lo, hi float64, n int) (float64, float64, []float64) {
	if hi <= lo {
		if lo == 0 {
			hi = 1
		} else {
			lo, hi = max(lo-math.Abs(lo)/2, -math.MaxFloat64), min(hi+math.Abs(hi)/2, math.MaxFloat64)
		}
	}
	// Halves keep the span finite for any finite bounds, however far apart.
	step := niceNum((hi/2 - lo/2) / float64(n) * 2)
	niceLo, niceHi := math.Floor(lo/step)*step, math.Ceil(hi/step)*step
	count := math.Round(niceHi/step - niceLo/step)
	// Bounds near the float64 limits, or so close together that a step is lost in rounding,
	// have no nice ticks: the axis is labelled at its ends.
	if math.IsInf(niceLo, 0) || math.IsInf(niceHi, 0) || !(count >= 1 && count <= float64(4*n)) || niceLo+step == niceLo {
		return lo, hi, []float64{lo, hi}
	}
	ticks := make([]float64, 0, int(count)+1)
	for i := range int(count) + 1 {
		t := niceLo + float64(i)*step
		if math.Abs(t) < step*1e-9 {
			t = 0
		}
		ticks = append(ticks, t)
	}
	return niceLo, niceHi, ticks
}

// along is how far v lies from lo to hi, as a share; halves keep it finite for any finite
// bounds, however far apart.
func along(v, lo, hi float64) float64 {
	if !(hi > lo) {
		return 0
	}
	return (v/2 - lo/2) / (hi/2 - lo/2)
}

func niceNum(x float64) float64 {
	if x <= 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return 1
	}
	e := math.Pow(10, math.Floor(math.Log10(x)))
	switch f := x / e; {
	case f <= 1:
		return e
	case f <= 2:
		return 2 * e
	case f <= 2.5:
		return 2.5 * e
	case f <= 5:
		return 5 * e
	}
	return 10 * e
}

// axisUSD returns the labeller for money ticks: every tick in the same unit (k, M or B), chosen
// by the largest, with no more decimals than the ticks need.
func axisUSD(ticks []float64) func(float64) string {
	top := 0.0
	for _, t := range ticks {
		top = math.Max(top, math.Abs(t))
	}
	scale, suffix := 1.0, ""
	switch {
	case top >= 1e9:
		scale, suffix = 1e9, "B"
	case top >= 1e6:
		scale, suffix = 1e6, "M"
	case top >= 1e4:
		scale, suffix = 1e3, "k"
	}
	return func(v float64) string {
		if v == 0 {
			return "$0"
		}
		sign := ""
		if v < 0 {
			sign = "-"
		}
		a := math.Round(math.Abs(v)/scale*1000) / 1000
		if suffix == "" {
			return sign + "$" + human.Thousands(a, 0)
		}
		return sign + "$" + strconv.FormatFloat(a, 'f', -1, 64) + suffix
	}
}

const svgOpen = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" width="100%%" role="img" aria-labelledby="%s-title" class="chart" font-size="13">`

// npvChart draws one horizontal bar per ranked destination, best NPV on top, with negative
// values to the left of the zero axis.
func npvChart(results []economics.Result, pal palette, horizon int) string {
	var rows []economics.Result
	for _, r := range results {
		if !r.Excluded {
			rows = append(rows, r)
		}
	}
	if len(rows) == 0 {
		return ""
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].NPV > rows[j].NPV })
	lo, hi := 0.0, 0.0
	for _, r := range rows {
		lo, hi = math.Min(lo, r.NPV), math.Max(hi, r.NPV)
	}
	lo, hi, ticks := niceTicks(lo, hi, 6)
	tick := axisUSD(ticks)

	const width, labelW, rowH, barH, top = 960.0, 230.0, 30.0, 20.0, 8.0
	padL, padR := 8.0, 16.0
	if lo < 0 {
		padL = 78
	}
	if hi > 0 {
		padR = 84
	}
	plotL, plotR := labelW+padL, width-padR
	x := func(v float64) float64 { return plotL + along(v, lo, hi)*(plotR-plotL) }
	plotH := float64(len(rows)) * rowH
	height := top + plotH + 58

	var b strings.Builder
	fmt.Fprintf(&b, svgOpen, fx(width), fx(height), "npv")
	fmt.Fprintf(&b, `<title id="npv-title">NPV over %d months by destination, highest first</title>`, horizon)
	for _, t := range ticks {
		fmt.Fprintf(&b, `<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="%s" stroke-width="1"/>`, fx(x(t)), fx(x(t)), fx(top), fx(top+plotH), pal.grid)
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="middle" fill="%s" class="tick">%s</text>`, fx(x(t)), fx(top+plotH+20), pal.muted, svgText(tick(t)))
	}
	for i, r := range rows {
		y := top + float64(i)*rowH
		cy := y + rowH/2
		x0, x1 := x(math.Min(0, r.NPV)), x(math.Max(0, r.NPV))
		if x1-x0 < 1 {
			x1 = x0 + 1
		}
		fill, anchor, vx := pal.bar, "start", x(r.NPV)+6
		if r.NPV < 0 {
			fill, anchor, vx = pal.neg, "end", x(r.NPV)-6
		}
		weight := ""
		if r.Rank == 1 {
			weight = ` font-weight="700"`
		}
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="end" dominant-baseline="central" fill="%s"%s>%s</text>`, fx(labelW-12), fx(cy), pal.fg, weight, svgText(Destination(r)))
		fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" rx="2" fill="%s"><title>%s: %s</title></rect>`,
			fx(x0), fx(cy-barH/2), fx(x1-x0), fx(barH), fill, svgText(Destination(r)), svgText(human.USD(r.NPV)))
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="%s" dominant-baseline="central" fill="%s" class="val">%s</text>`, fx(vx), fx(cy), anchor, pal.fg, svgText(human.CompactUSD(r.NPV)))
	}
	fmt.Fprintf(&b, `<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="%s" stroke-width="1.5"/>`, fx(x(0)), fx(x(0)), fx(top-4), fx(top+plotH+4), pal.fg)
	fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="middle" fill="%s" class="axis">NPV in USD: expected value today of moving there, over %d months</text>`,
		fx((plotL+plotR)/2), fx(height-8), pal.muted, horizon)
	b.WriteString(`</svg>`)
	return b.String()
}

type cashSeries struct {
	r      economics.Result // the row the curve is of; none for not moving
	name   string           // the curve's label when it is not a row's
	cum    []float64
	color  string
	dashed bool
}

func (s cashSeries) label() string {
	if s.name != "" {
		return s.name
	}
	return Destination(s.r)
}

// marksPayback reports whether the curve gets a payback marker: not for a free move (month 0).
func (s cashSeries) marksPayback() bool {
	return s.r.MovedMachines > 0 && s.r.HasPayback && s.r.Payback > 0 && s.r.Payback < len(s.cum)
}

// cashChart draws the expected cumulative cash curves over the horizon with the zero line and
// each curve's payback month.
func cashChart(series []cashSeries, pal palette) string {
	months := 0
	lo, hi := 0.0, 0.0
	for _, s := range series {
		months = max(months, len(s.cum)-1)
		for _, v := range s.cum {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if months < 1 {
		months = 1
	}
	lo, hi, yTicks := niceTicks(lo, hi, 6)
	tick := axisUSD(yTicks)
	const width, height, left, right, top, bottom = 960.0, 420.0, 86.0, 200.0, 44.0, 56.0
	plotL, plotR, plotT, plotB := left, width-right, top, height-bottom
	x := func(m float64) float64 { return plotL + m/float64(months)*(plotR-plotL) }
	y := func(v float64) float64 { return plotB - along(v, lo, hi)*(plotB-plotT) }

	var b strings.Builder
	fmt.Fprintf(&b, svgOpen, fx(width), fx(height), "cash")
	b.WriteString(`<title id="cash-title">Expected cumulative cash by month</title>`)
	// Legend.
	lx := plotL
	for _, s := range series {
		dash := ""
		if s.dashed {
			dash = ` stroke-dasharray="8 5"`
		}
		fmt.Fprintf(&b, `<line x1="%s" x2="%s" y1="14" y2="14" stroke="%s" stroke-width="3"%s/>`, fx(lx), fx(lx+28), s.color, dash)
		fmt.Fprintf(&b, `<text x="%s" y="14" dominant-baseline="central" fill="%s">%s</text>`, fx(lx+36), pal.fg, svgText(s.label()))
		lx += 36 + 8*float64(len([]rune(s.label()))) + 36
	}
	for _, s := range series {
		if s.marksPayback() {
			fmt.Fprintf(&b, `<circle cx="%s" cy="14" r="5" fill="%s" stroke="%s" stroke-width="2"/>`, fx(lx+6), pal.bg, pal.fg)
			fmt.Fprintf(&b, `<text x="%s" y="14" dominant-baseline="central" fill="%s">payback month</text>`, fx(lx+18), pal.fg)
			break
		}
	}

	for _, t := range yTicks {
		stroke, w := pal.grid, "1"
		if t == 0 {
			stroke, w = pal.fg, "1.5"
		}
		fmt.Fprintf(&b, `<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="%s" stroke-width="%s"/>`, fx(plotL), fx(plotR), fx(y(t)), fx(y(t)), stroke, w)
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="end" dominant-baseline="central" fill="%s" class="tick">%s</text>`, fx(plotL-10), fx(y(t)), pal.muted, svgText(tick(t)))
	}
	step := 1
	for _, s := range []int{1, 2, 3, 6, 12, 24, 60, 120} {
		step = s
		if months/s <= 12 {
			break
		}
	}
	for m := 0; m <= months; m += step {
		fmt.Fprintf(&b, `<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="%s" stroke-width="1"/>`, fx(x(float64(m))), fx(x(float64(m))), fx(plotB), fx(plotB+5), pal.muted)
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="middle" fill="%s" class="tick">%d</text>`, fx(x(float64(m))), fx(plotB+22), pal.muted, m)
	}
	fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="middle" fill="%s" class="axis">months from the decision</text>`, fx((plotL+plotR)/2), fx(height-6), pal.muted)
	fmt.Fprintf(&b, `<text transform="translate(16 %s) rotate(-90)" text-anchor="middle" fill="%s" class="axis">expected cumulative cash, USD</text>`, fx((plotT+plotB)/2), pal.muted)

	// End labels, pushed apart when they would overlap.
	ends := make([]float64, len(series))
	for i, s := range series {
		ends[i] = y(s.cum[len(s.cum)-1])
	}
	if len(ends) == 2 && math.Abs(ends[0]-ends[1]) < 40 {
		mid := (ends[0] + ends[1]) / 2
		if ends[0] <= ends[1] {
			ends[0], ends[1] = mid-20, mid+20
		} else {
			ends[0], ends[1] = mid+20, mid-20
		}
	}
	for i, s := range series {
		var pts []string
		for m, v := range s.cum {
			pts = append(pts, fx(x(float64(m)))+","+fx(y(v)))
		}
		dash := ""
		if s.dashed {
			dash = ` stroke-dasharray="8 5"`
		}
		fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="%s" stroke-width="3" stroke-linejoin="round"%s/>`, strings.Join(pts, " "), s.color, dash)
		last := s.cum[len(s.cum)-1]
		fmt.Fprintf(&b, `<text x="%s" y="%s" fill="%s" font-weight="600">%s</text>`, fx(plotR+10), fx(ends[i]-2), s.color, svgText(truncate(s.label(), 22)))
		fmt.Fprintf(&b, `<text x="%s" y="%s" fill="%s">%s</text>`, fx(plotR+10), fx(ends[i]+14), pal.fg, svgText(human.CompactUSD(last)+" at month "+strconv.Itoa(len(s.cum)-1)))
		if s.marksPayback() {
			px, py := x(float64(s.r.Payback)), y(s.cum[s.r.Payback])
			fmt.Fprintf(&b, `<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="%s" stroke-width="1" stroke-dasharray="3 3"/>`, fx(px), fx(px), fx(py), fx(plotB), s.color)
			fmt.Fprintf(&b, `<circle cx="%s" cy="%s" r="6" fill="%s" stroke="%s" stroke-width="2.5"><title>%s pays back in month %d</title></circle>`,
				fx(px), fx(py), pal.bg, s.color, svgText(s.label()), s.r.Payback)
			fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="start" fill="%s" font-weight="600" class="halo">payback: month %d</text>`, fx(px+10), fx(py-12), s.color, s.r.Payback)
		}
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// costChart draws the relocation cost of each destination as stacked bars: set-up, freight, duty.
func costChart(rows []economics.Result, pal palette) string {
	hi := 0.0
	for _, r := range rows {
		hi = math.Max(hi, r.Freight+r.Duty+r.Setup)
	}
	_, hi, ticks := niceTicks(0, hi, 6)
	tick := axisUSD(ticks)
	labels := make([]string, len(rows))
	longest := 0
	for i, r := range rows {
		labels[i] = human.CompactUSD(r.Freight + r.Duty + r.Setup)
		switch {
		case r.Kind == economics.Stay:
			labels[i] = "no move"
		case r.StartMonth > 0:
			labels[i] += fmt.Sprintf(" · runs from month %d", r.StartMonth)
		}
		longest = max(longest, len([]rune(labels[i])))
	}
	const width, labelW, rowH, barH, top = 960.0, 230.0, 34.0, 22.0, 40.0
	plotL, plotR := labelW, width-16-7.6*float64(longest)
	x := func(v float64) float64 { return plotL + along(v, 0, hi)*(plotR-plotL) }
	plotH := float64(len(rows)) * rowH
	height := top + plotH + 58
	parts := []struct {
		name  string
		color string
		value func(economics.Result) float64
	}{
		{"set-up", pal.bar, func(r economics.Result) float64 { return r.Setup }},
		{"freight", pal.barLight, func(r economics.Result) float64 { return r.Freight }},
		{"import duty", pal.accent, func(r economics.Result) float64 { return r.Duty }},
	}

	var b strings.Builder
	fmt.Fprintf(&b, svgOpen, fx(width), fx(height), "cost")
	b.WriteString(`<title id="cost-title">Relocation cost by destination: set-up, freight and import duty</title>`)
	lx := plotL
	for _, p := range parts {
		fmt.Fprintf(&b, `<rect x="%s" y="6" width="16" height="16" rx="2" fill="%s"/>`, fx(lx), p.color)
		fmt.Fprintf(&b, `<text x="%s" y="14" dominant-baseline="central" fill="%s">%s</text>`, fx(lx+22), pal.fg, p.name)
		lx += 22 + 8*float64(len(p.name)) + 28
	}
	for _, t := range ticks {
		fmt.Fprintf(&b, `<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="%s" stroke-width="1"/>`, fx(x(t)), fx(x(t)), fx(top), fx(top+plotH), pal.grid)
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="middle" fill="%s" class="tick">%s</text>`, fx(x(t)), fx(top+plotH+20), pal.muted, svgText(tick(t)))
	}
	for i, r := range rows {
		cy := top + float64(i)*rowH + rowH/2
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="end" dominant-baseline="central" fill="%s">%s</text>`, fx(labelW-12), fx(cy), pal.fg, svgText(Destination(r)))
		at := 0.0
		for _, p := range parts {
			v := p.value(r)
			if v <= 0 {
				continue
			}
			fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"><title>%s %s: %s</title></rect>`,
				fx(x(at)), fx(cy-barH/2), fx(x(at+v)-x(at)), fx(barH), p.color, svgText(Destination(r)), p.name, svgText(human.USD(v)))
			at += v
		}
		fmt.Fprintf(&b, `<text x="%s" y="%s" dominant-baseline="central" fill="%s" class="val">%s</text>`, fx(x(at)+8), fx(cy), pal.fg, svgText(labels[i]))
	}
	fmt.Fprintf(&b, `<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="%s" stroke-width="1.5"/>`, fx(plotL), fx(plotL), fx(top-4), fx(top+plotH+4), pal.fg)
	fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="middle" fill="%s" class="axis">relocation cost, USD (one-off)</text>`, fx((plotL+plotR)/2), fx(height-8), pal.muted)
	b.WriteString(`</svg>`)
	return b.String()
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

var htmlPage = template.Must(template.New("report").Parse(htmlTemplate))

const htmlTemplate = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="hashhaven">
<title>{{.Title}} · hashhaven</title>
<style>
{{.CSS}}
*{box-sizing:border-box}
html{background:var(--bg);color:var(--fg);-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","Liberation Sans",sans-serif;font-size:17px;line-height:1.5;-webkit-font-smoothing:antialiased}
main{max-width:1180px;margin:0 auto;padding:56px 48px 72px}
.eyebrow{font-size:13px;font-weight:650;letter-spacing:.1em;text-transform:uppercase;color:var(--accent);margin:0}
h1{font-size:40px;line-height:1.15;letter-spacing:-.015em;margin:8px 0 12px;font-weight:750}
.desc{font-size:19px;color:var(--muted);max-width:58em;margin:0 0 16px}
.meta{margin:0;color:var(--fg);font-size:16px}
.meta span{color:var(--muted)}
.notes{margin:28px 0 0;padding:16px 22px 16px 20px;border-left:6px solid var(--edited);background:var(--note-bg);border-radius:0 8px 8px 0}
.notes h2{font-size:15px;letter-spacing:.06em;text-transform:uppercase;color:var(--edited);margin:0 0 6px;border:0;padding:0}
.notes ul{margin:0;padding-left:20px}
.notes li{margin:2px 0;font-weight:550}
.notes p{margin:6px 0 0;color:var(--muted);font-size:15px}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(210px,1fr));gap:16px;margin:36px 0 0}
.kpi{background:var(--card);border:1px solid var(--subtle);border-radius:10px;padding:16px 20px 18px}
.kpi .label{font-size:13px;font-weight:600;letter-spacing:.05em;text-transform:uppercase;color:var(--muted)}
.kpi .value{font-size:28px;font-weight:700;line-height:1.25;margin-top:6px;font-variant-numeric:tabular-nums;overflow-wrap:anywhere}
.kpi .detail{font-size:14px;color:var(--muted);margin-top:4px}
section{margin-top:60px}
h2{font-size:25px;letter-spacing:-.01em;margin:0 0 6px;padding-bottom:8px;border-bottom:2px solid var(--fg);font-weight:700}
h3{font-size:18px;margin:0}
.lede{color:var(--muted);margin:8px 0 18px;max-width:62em}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
th{text-align:left;font-size:12.5px;font-weight:650;letter-spacing:.05em;text-transform:uppercase;color:var(--muted);padding:10px 10px 8px;border-bottom:2px solid var(--subtle);vertical-align:bottom;white-space:nowrap}
td{padding:10px 10px;border-bottom:1px solid var(--subtle);vertical-align:top}
th.num,td.num{text-align:right;white-space:nowrap}
.neg{color:var(--neg)}
.pos{color:var(--pos)}
.ranking td{font-size:16px}
.ranking td.name{font-weight:600}
.ranking tr.best td{background:var(--sel)}
.ranking tr.best td.name::after{content:"best";display:inline-block;white-space:nowrap;margin-left:8px;font-size:11px;font-weight:700;letter-spacing:.06em;text-transform:uppercase;color:var(--accent);vertical-align:2px}
.ranking tr.stay td.name{font-style:italic}
.ranking tr.excluded td{color:var(--muted);font-weight:400}
.ranking tr.excluded td.neg{color:var(--muted)}
.ranking tr.excluded td.name{text-decoration:line-through;text-decoration-color:var(--muted)}
.ranking tr.excluded td.status{text-decoration:none;font-style:italic}
td.status{font-size:14px;color:var(--muted)}
.mark{color:var(--edited);font-weight:700;margin-left:4px}
.est{display:inline-block;font-size:11px;font-weight:650;letter-spacing:.04em;color:var(--warn);border:1px solid var(--warn);border-radius:4px;padding:0 4px;margin-left:6px;vertical-align:1px;line-height:1.4}
figure{margin:18px 0 0;padding:20px 22px 12px;background:var(--card);border:1px solid var(--subtle);border-radius:10px}
figure svg{display:block;width:100%;height:auto}
figcaption{color:var(--muted);font-size:15px;margin-top:8px}
svg text{font-family:inherit}
svg .tick{font-size:12px}
svg .val{font-size:12.5px;font-weight:600}
svg .halo{paint-order:stroke;stroke:var(--card);stroke-width:4px;stroke-linejoin:round}
svg .axis{font-size:13px}
.assumptions th[scope=rowgroup]{padding-top:22px;color:var(--accent);border-bottom:1px solid var(--subtle);font-size:13px}
.assumptions td:first-child{width:24%;font-weight:500}
.assumptions td.value{width:28%;white-space:nowrap;font-variant-numeric:tabular-nums}
.assumptions td.src,.sources td.src{color:var(--muted);font-size:14.5px}
.how p{max-width:62em}
.how code{font-size:15px;background:var(--card);border:1px solid var(--subtle);border-radius:4px;padding:0 4px}
.sources .dest{margin-top:28px;break-inside:avoid-page}
.sources .dest h3 span{color:var(--muted);font-weight:400;font-size:15px;margin-left:8px}
.sources table{font-size:14.5px;margin-top:8px}
.sources td{padding:5px 8px}
.sources th{padding:6px 8px}
.sources td.label{width:22%}
.sources td.value{width:16%;text-align:right;white-space:nowrap}
.sources td.asof{width:8%;white-space:nowrap;color:var(--muted)}
.sources td.flag{width:52px;text-align:right}
.sources td.flag .est{margin-left:0}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.sources tr.unset td{color:var(--muted)}
.sources tr.edited td{background:var(--note-bg)}
.sources tr.edited td:first-child{box-shadow:inset 4px 0 0 var(--edited)}
footer{margin-top:64px;padding-top:16px;border-top:1px solid var(--subtle);color:var(--muted);font-size:14px}
@media screen and (max-width:760px){main{padding:28px 18px}h1{font-size:30px}.ranking{display:block;overflow-x:auto}}
@media print{
  @page{margin:14mm 12mm}
  html,body{background:#fff}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  body{font-size:10.5pt}
  main{max-width:none;padding:0}
  h1{font-size:22pt}
  .desc{font-size:12pt}
  section{margin-top:28px}
  h2{font-size:15pt;break-after:avoid}
  .kpis{margin-top:18px;gap:8px;grid-template-columns:repeat(4,1fr)}
  .kpi{padding:8px 12px}
  .kpi .value{font-size:16pt}
  figure{break-inside:avoid;padding:10px 12px}
  .ranking td{font-size:9pt;padding:4px 5px}
  .ranking td.status{font-size:8pt}
  th{padding:5px;font-size:7.5pt}
  thead{display:table-header-group}
  tr{break-inside:avoid}
  .sources{break-before:page}
  .sources table{font-size:8.5pt}
}
</style>
</head>
<body>
<main>
<header>
<p class="eyebrow">hashhaven · fleet relocation</p>
<h1>{{.Title}}</h1>
{{with .Description}}<p class="desc">{{.}}</p>{{end}}
<p class="meta">{{.Summary}}</p>
<p class="meta"><span>Data:</span> {{.Data}} <span>· newest figure as of</span> {{.AsOf}}</p>
{{if or .Notes .EditedFigures}}<aside class="notes" aria-label="changes to this view">
<h2>This view was changed</h2>
{{with .Notes}}<ul>{{range .}}
<li>{{.}}</li>{{end}}
</ul>{{end}}
{{if .EditedFigures}}<p><span class="mark">✎</span> {{.EditedFigures}} figure{{if gt .EditedFigures 1}}s{{end}} in this report {{if gt .EditedFigures 1}}are what-if edits{{else}}is a what-if edit{{end}}, not the data files; they are marked ✎ below.</p>{{end}}
</aside>{{end}}
</header>

{{with .Answer}}<section class="answer" aria-label="recommendation">
<h2>The answer</h2>
<ul>{{range .}}
<li>{{.}}</li>{{end}}
</ul>
</section>{{end}}

{{with .Split}}<section>
<h2>The best split of the fleet</h2>
<table class="ranking">
<thead><tr><th scope="col">Option</th><th scope="col">Machines</th><th class="num" scope="col">Share of the fleet's load</th></tr></thead>
<tbody>{{range .}}
<tr><td class="name">{{.Option}}</td><td>{{.Machines}}</td><td class="num">{{.Share}}</td></tr>{{end}}
</tbody>
</table>
<p class="lede">{{$.SplitNote}}</p>
</section>{{end}}

{{with .KPIs}}<div class="kpis">{{range .}}
<div class="kpi"><div class="label">{{.Label}}</div><div class="value{{with .Class}} {{.}}{{end}}">{{.Value}}</div><div class="detail">{{.Detail}}</div></div>{{end}}
</div>{{end}}

<section>
<h2>Ranking</h2>
<p class="lede">Ranked by the value of each option's plan over {{.Horizon}} months: the machines that gain move there, the rest stay or are sold. Gain is that value minus not moving. Money in USD; monthly figures are month 0, running, for the machines that fit. Excluded destinations are listed last with the reason and are not ranked.</p>
<table class="ranking">
<thead><tr>{{range .Headers}}<th{{if .Right}} class="num"{{end}} scope="col">{{.Text}}</th>{{end}}</tr></thead>
<tbody>{{range .Rows}}
<tr{{with .Class}} class="{{.}}"{{end}}>{{range .Cells}}<td{{with .Class}} class="{{.}}"{{end}}>{{.Text}}{{if .Edited}}<span class="mark" title="what-if edits applied">✎</span>{{end}}</td>{{end}}</tr>{{end}}
</tbody>
</table>
</section>

{{if .NPVChart}}<section>
<h2>NPV by destination</h2>
<figure>{{.NPVChart}}
<figcaption>Ranked destinations, highest NPV first. Bars left of the zero line lose money over the horizon.</figcaption>
</figure>
</section>{{end}}

{{if .BandChart}}<section>
<h2>How sure: outcomes over {{.BandPaths}} simulated futures</h2>
<figure>{{.BandChart}}
<figcaption>Each option's plan is fixed; the hashprice wanders around its trend, levies may jump and sites may be shut down, differently on each simulated future. The bar spans the 10th to the 90th percentile of the fleet's value.</figcaption>
</figure>
</section>{{end}}

{{if .TornadoChart}}<section>
<h2>What moves the answer</h2>
<figure>{{.TornadoChart}}
<figcaption>{{.TornadoCaption}}</figcaption>
</figure>
</section>{{end}}

{{if .CashChart}}<section>
<h2>Cash over time</h2>
<figure>{{.CashChart}}
<figcaption>{{.CashCaption}}</figcaption>
</figure>
</section>{{end}}

{{if .CostChart}}<section>
<h2>What the move costs</h2>
<figure>{{.CostChart}}
<figcaption>{{.CostCaption}}</figcaption>
</figure>
</section>{{end}}

<section class="how">
<h2>How to read this</h2>
<p><strong>NPV</strong> is the expected value today of moving the fleet to a destination: minus the one-off relocation cost (freight, import duty, set-up), plus each month's net cash after power, opex and profit tax from the month the site runs to the end of the {{.Horizon}}-month horizon, weighted by the chance the site has not been shut down and discounted at {{.Discount}} a year. <strong>Payback</strong> is the month the expected (undiscounted) cash has earned the relocation cost back. The <strong>score</strong> (0–100) weighs NPV, political stability, grid headroom and proximity with the scenario's weights; ranks follow NPV alone.</p>
<p>Every formula is in <code>docs/economics.md</code> and can be checked by hand against the figures below. <span class="est">est.</span> marks a judgement call rather than a published figure; <span class="mark">✎</span> marks a what-if edit made in the app, not in the data files.</p>
</section>

<section>
<h2>Assumptions</h2>
<p class="lede">The scenario behind every figure above, with where each number came from.</p>
<table class="assumptions">
<thead><tr><th scope="col">Assumption</th><th scope="col">Value</th><th scope="col">Source</th></tr></thead>
{{range .Assumptions}}<tbody>
<tr><th scope="rowgroup" colspan="3">{{.Title}}</th></tr>{{range .Rows}}
<tr><td>{{.Label}}</td><td class="value">{{.Value}}{{if .Edited}}<span class="mark" title="what-if edit">✎</span>{{end}}</td><td class="src">{{.Source}}</td></tr>{{end}}
</tbody>{{end}}
</table>
</section>

<section class="sources">
<h2>Sources</h2>
{{with .Sources}}<p class="lede">Every figure of every destination, as used in this report.</p>
{{range .}}<div class="dest">
<h3>{{.Name}}<span>{{.Meta}}</span>{{if .Edited}}<span class="mark">✎ {{.Edited}} what-if</span>{{end}}</h3>
<table>
<thead><tr><th scope="col">Figure</th><th scope="col" class="num">Value</th><th scope="col">Source</th><th scope="col">As of</th><th scope="col"><span class="sr">Estimate</span></th></tr></thead>
<tbody>{{range .Rows}}
<tr{{if .Edited}} class="edited"{{else if .Unset}} class="unset"{{end}}><td class="label">{{.Label}}</td><td class="value">{{.Value}}{{if .Edited}}<span class="mark" title="what-if edit">✎</span>{{end}}</td><td class="src">{{.Source}}</td><td class="asof">{{.AsOf}}</td><td class="flag">{{if and .Estimate (not .Edited)}}<span class="est" title="estimate: a judgement call">est.</span>{{end}}</td></tr>{{end}}
</tbody>
</table>
</div>{{end}}
{{else}}<p class="lede">Not included: this report was made without the destinations' figures.</p>{{end}}
</section>

<footer>hashhaven · {{.Title}} · data: {{.Data}}, newest figure as of {{.AsOf}}</footer>
</main>
</body>
</html>
`

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
	kw, names := map[string]float64{}, map[string]string{}
	for _, b := range rep.Plan.Batches {
		kw[b.Machine.ID], names[b.Machine.ID] = b.KW, b.Machine.Name
	}
	type option struct {
		name     string
		load     float64
		machines []string
	}
	var opts []*option
	byID := map[string]*option{}
	for _, a := range pf.Allocations {
		o := byID[a.Option]
		if o == nil {
			name := a.Name
			switch a.Kind {
			case economics.Stay:
				name = "Stay in " + a.Name
			case economics.Sell:
				name = "Sell now"
			}
			o = &option{name: name}
			byID[a.Option] = o
			opts = append(opts, o)
		}
		o.load += float64(a.Count) * kw[a.Machine]
		o.machines = append(o.machines, human.Thousands(float64(a.Count), 0)+" "+names[a.Machine])
	}
	slices.SortStableFunc(opts, func(a, b *option) int { return cmp.Compare(b.load, a.load) })
	rows := make([]htmlSplitRow, len(opts))
	for i, o := range opts {
		rows[i] = htmlSplitRow{Option: o.name, Machines: strings.Join(o.machines, ", "), Share: human.Percent(o.load / rep.Plan.ITkW)}
	}
	gap := 0.0
	if pf.Bound > 0 {
		gap = math.Max(0, 1-pf.NPV/pf.Bound)
	}
	note := fmt.Sprintf("Value %s, %s against not moving. No place holds more than %s of the fleet's load (selling excepted); whole machines, within %s of the best split the linear programme allows.",
		human.USD(pf.NPV), SignedUSD(pf.Gain), human.Percent(pf.MaxShare), fmt.Sprintf("%.2f %%", 100*gap))
	if u, ok := rep.Bands[economics.SplitID]; ok {
		note += fmt.Sprintf(" Over %s simulated futures it is worth %s to %s (P10 to P90) and below not moving on %s of them.",
			human.Thousands(float64(rep.Paths), 0), human.USD(u.P10), human.USD(u.P90), human.Percent(u.PWorse))
	}
	return rows, note
}

// tornadoChart draws how a row's gain over not moving changes when each input moves by its
// step: one row per input, the largest first, the downward step's change in one colour and the
// upward step's in another, around a zero line.
func tornadoChart(name string, sens []economics.Sensitivity, pal palette) string {
	lo, hi := 0.0, 0.0
	for _, s := range sens {
		lo, hi = math.Min(lo, math.Min(s.Down, s.Up)), math.Max(hi, math.Max(s.Down, s.Up))
	}
	lo, hi, ticks := niceTicks(lo, hi, 6)
	tick := axisUSD(ticks)
	const width, labelW, rowH, barH, top = 960.0, 260.0, 32.0, 20.0, 40.0
	plotL, plotR := labelW, width-24
	x := func(v float64) float64 { return plotL + along(v, lo, hi)*(plotR-plotL) }
	plotH := float64(len(sens)) * rowH
	height := top + plotH + 58
	var b strings.Builder
	fmt.Fprintf(&b, svgOpen, fx(width), fx(height), "tornado")
	fmt.Fprintf(&b, `<title id="tornado-title">What moves the gain of %s: each input moved by its step</title>`, svgText(name))
	legend := []struct{ name, color string }{{"input down", pal.accent}, {"input up", pal.bar}}
	lx := plotL
	for _, l := range legend {
		fmt.Fprintf(&b, `<rect x="%s" y="6" width="16" height="16" rx="2" fill="%s"/>`, fx(lx), l.color)
		fmt.Fprintf(&b, `<text x="%s" y="14" dominant-baseline="central" fill="%s">%s</text>`, fx(lx+22), pal.fg, l.name)
		lx += 22 + 8*float64(len(l.name)) + 28
	}
	for _, t := range ticks {
		fmt.Fprintf(&b, `<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="%s" stroke-width="1"/>`, fx(x(t)), fx(x(t)), fx(top), fx(top+plotH), pal.grid)
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="middle" fill="%s" class="tick">%s</text>`, fx(x(t)), fx(top+plotH+20), pal.muted, svgText(tick(t)))
	}
	for i, s := range sens {
		cy := top + float64(i)*rowH + rowH/2
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="end" dominant-baseline="central" fill="%s">%s <tspan fill="%s">%s</tspan></text>`,
			fx(labelW-12), fx(cy), pal.fg, svgText(s.Input), pal.muted, svgText(s.Step))
		for _, bar := range []struct {
			v     float64
			color string
			dir   string
		}{{s.Down, pal.accent, "down"}, {s.Up, pal.bar, "up"}} {
			if bar.v == 0 {
				continue
			}
			x0, x1 := x(math.Min(0, bar.v)), x(math.Max(0, bar.v))
			fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"><title>%s %s: %s</title></rect>`,
				fx(x0), fx(cy-barH/2), fx(x1-x0), fx(barH), bar.color, svgText(s.Input), bar.dir, svgText(SignedUSD(bar.v)))
		}
	}
	fmt.Fprintf(&b, `<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="%s" stroke-width="1.5"/>`, fx(x(0)), fx(x(0)), fx(top-4), fx(top+plotH+4), pal.fg)
	fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="middle" fill="%s" class="axis">change in the gain over not moving, USD</text>`, fx((plotL+plotR)/2), fx(height-8), pal.muted)
	b.WriteString(`</svg>`)
	return b.String()
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

// bandChart draws each ranked row's simulated outcomes on one axis: a bar from P10 to P90, a
// tick at P50 and a dot at the mean, with not moving's median as a dashed line.
func bandChart(rows []economics.Result, bands map[string]economics.Uncertainty, pal palette) string {
	type row struct {
		name string
		u    economics.Uncertainty
	}
	var shown []row
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, r := range rows {
		u, ok := bands[r.ID]
		if !ok || len(shown) == 12 {
			continue
		}
		shown = append(shown, row{Destination(r), u})
		lo, hi = math.Min(lo, u.P10), math.Max(hi, u.P90)
	}
	if len(shown) == 0 {
		return ""
	}
	lo, hi, ticks := niceTicks(lo, hi, 6)
	tick := axisUSD(ticks)
	const width, labelW, rowH, barH, top = 960.0, 260.0, 30.0, 12.0, 30.0
	plotL, plotR := labelW, width-150
	x := func(v float64) float64 { return plotL + along(v, lo, hi)*(plotR-plotL) }
	plotH := float64(len(shown)) * rowH
	height := top + plotH + 58
	var b strings.Builder
	fmt.Fprintf(&b, svgOpen, fx(width), fx(height), "bands")
	b.WriteString(`<title id="bands-title">Value of each option over simulated futures: P10 to P90, median and mean</title>`)
	for _, t := range ticks {
		fmt.Fprintf(&b, `<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="%s" stroke-width="1"/>`, fx(x(t)), fx(x(t)), fx(top), fx(top+plotH), pal.grid)
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="middle" fill="%s" class="tick">%s</text>`, fx(x(t)), fx(top+plotH+20), pal.muted, svgText(tick(t)))
	}
	for i, r := range shown {
		cy := top + float64(i)*rowH + rowH/2
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="end" dominant-baseline="central" fill="%s">%s</text>`, fx(labelW-12), fx(cy), pal.fg, svgText(r.name))
		x0, x1 := x(r.u.P10), x(r.u.P90)
		fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" rx="3" fill="%s"><title>%s: P10 %s, P50 %s, P90 %s</title></rect>`,
			fx(x0), fx(cy-barH/2), fx(math.Max(2, x1-x0)), fx(barH), pal.barLight, svgText(r.name), svgText(human.USD(r.u.P10)), svgText(human.USD(r.u.P50)), svgText(human.USD(r.u.P90)))
		fmt.Fprintf(&b, `<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="%s" stroke-width="3"/>`, fx(x(r.u.P50)), fx(x(r.u.P50)), fx(cy-barH), fx(cy+barH), pal.bar)
		fmt.Fprintf(&b, `<circle cx="%s" cy="%s" r="3.5" fill="%s"/>`, fx(x(r.u.Mean)), fx(cy), pal.fg)
		fmt.Fprintf(&b, `<text x="%s" y="%s" dominant-baseline="central" fill="%s" class="val">worse %s</text>`, fx(plotR+12), fx(cy), pal.muted, svgText(human.Percent(r.u.PWorse)))
	}
	fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="middle" fill="%s" class="axis">value of the fleet, USD: bar P10–P90, tick P50, dot mean; "worse": share of futures below not moving</text>`, fx((plotL+plotR)/2), fx(height-8), pal.muted)
	b.WriteString(`</svg>`)
	return b.String()
}
