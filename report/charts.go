package report

// The report's charts, drawn as inline SVG: scaled to nice ticks, labelled, and total over any
// finite figures.

import (
	"fmt"
	"html"
	"math"
	"sort"
	"strconv"
	"strings"

	"hashhaven/economics"
	"hashhaven/human"
)

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

// usdTicks are niceTicks for an axis of dollars: whole dollars at least, so no two ticks read
// alike ($0 $0 $1), and a single $0 in the middle when every figure is zero.
func usdTicks(lo, hi float64, n int) (float64, float64, []float64) {
	if lo == 0 && hi == 0 {
		return -1, 1, []float64{0}
	}
	lo, hi, ticks := niceTicks(lo, hi, n)
	if len(ticks) < 2 || ticks[1]-ticks[0] >= 1 {
		return lo, hi, ticks
	}
	lo, hi = math.Floor(lo), math.Ceil(hi)
	if lo == hi {
		hi = lo + 1
	}
	ticks = ticks[:0]
	for t := lo; t <= hi; t++ {
		ticks = append(ticks, t)
	}
	return lo, hi, ticks
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
	lo, hi, ticks := usdTicks(lo, hi, 6)
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
	svgGrid(&b, ticks, x, tick, top, plotH, pal)
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
	lo, hi, yTicks := usdTicks(lo, hi, 6)
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
	_, hi, ticks := usdTicks(0, hi, 6)
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
	legend := make([]legendEntry, len(parts))
	for i, p := range parts {
		legend[i] = legendEntry{p.name, p.color}
	}
	svgLegend(&b, plotL, legend, pal)
	svgGrid(&b, ticks, x, tick, top, plotH, pal)
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

// tornadoChart draws how a row's gain over not moving changes when each input moves by its
// step: one row per input, the largest first, the downward step's change in one colour and the
// upward step's in another, around a zero line.
func tornadoChart(name string, sens []economics.Sensitivity, pal palette) string {
	lo, hi := 0.0, 0.0
	for _, s := range sens {
		lo, hi = math.Min(lo, math.Min(s.Down, s.Up)), math.Max(hi, math.Max(s.Down, s.Up))
	}
	lo, hi, ticks := usdTicks(lo, hi, 6)
	tick := axisUSD(ticks)
	const width, labelW, rowH, barH, top = 960.0, 260.0, 32.0, 20.0, 40.0
	plotL, plotR := labelW, width-24
	x := func(v float64) float64 { return plotL + along(v, lo, hi)*(plotR-plotL) }
	plotH := float64(len(sens)) * rowH
	height := top + plotH + 58
	var b strings.Builder
	fmt.Fprintf(&b, svgOpen, fx(width), fx(height), "tornado")
	fmt.Fprintf(&b, `<title id="tornado-title">What moves the gain of %s: each input moved by its step</title>`, svgText(name))
	svgLegend(&b, plotL, []legendEntry{{"input down", pal.accent}, {"input up", pal.bar}}, pal)
	svgGrid(&b, ticks, x, tick, top, plotH, pal)
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
	lo, hi, ticks := usdTicks(lo, hi, 6)
	tick := axisUSD(ticks)
	const width, labelW, rowH, barH, top = 960.0, 260.0, 30.0, 12.0, 30.0
	plotL, plotR := labelW, width-150
	x := func(v float64) float64 { return plotL + along(v, lo, hi)*(plotR-plotL) }
	plotH := float64(len(shown)) * rowH
	height := top + plotH + 58
	var b strings.Builder
	fmt.Fprintf(&b, svgOpen, fx(width), fx(height), "bands")
	b.WriteString(`<title id="bands-title">Value of each option over simulated futures: P10 to P90, median and mean</title>`)
	svgGrid(&b, ticks, x, tick, top, plotH, pal)
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

const svgOpen = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" width="100%%" role="img" aria-labelledby="%s-title" class="chart" font-size="13">`

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

// legendEntry is one swatch of a chart's legend.
type legendEntry struct{ name, color string }

// svgLegend draws swatches and names in a row along the top of a chart, from x.
func svgLegend(b *strings.Builder, x float64, entries []legendEntry, pal palette) {
	for _, e := range entries {
		fmt.Fprintf(b, `<rect x="%s" y="6" width="16" height="16" rx="2" fill="%s"/>`, fx(x), e.color)
		fmt.Fprintf(b, `<text x="%s" y="14" dominant-baseline="central" fill="%s">%s</text>`, fx(x+22), pal.fg, e.name)
		x += 22 + 8*float64(len(e.name)) + 28
	}
}

// svgGrid draws a vertical grid line and its label at each tick, across the plot.
func svgGrid(b *strings.Builder, ticks []float64, x func(float64) float64, label func(float64) string, top, plotH float64, pal palette) {
	for _, t := range ticks {
		fmt.Fprintf(b, `<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="%s" stroke-width="1"/>`, fx(x(t)), fx(x(t)), fx(top), fx(top+plotH), pal.grid)
		fmt.Fprintf(b, `<text x="%s" y="%s" text-anchor="middle" fill="%s" class="tick">%s</text>`, fx(x(t)), fx(top+plotH+20), pal.muted, svgText(label(t)))
	}
}
