package model

import (
	"fmt"
	"math"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"hashhaven/countries"
	"hashhaven/economics"
	"hashhaven/human"
	"hashhaven/report"
)

// insight is what the detail adds about one destination of one ranking: the hashprice and the
// origin's power price at which moving stops paying, and how its gain answers each input.
type insight struct {
	plan *economics.Plan // the ranking it belongs to
	id   string
	// ready is false while it is worked out.
	ready                bool
	hashprice, originKWh float64
	hasHashprice         bool
	hasOriginKWh         bool
	sensitivities        []economics.Sensitivity // largest impact first
	// rest counts the selections waited on, so a wait that ended before the selection came
	// back to the same row does not start the work.
	rest int
}

type insightMsg struct{ insight }

// insightRest is how long the selection must stay on a destination before its insight is
// worked out: a burst of cursor moves starts one search, not one a row passed.
const insightRest = 80 * time.Millisecond

// insightDueMsg says the rest-th wait for the selection to rest is over.
type insightDueMsg struct{ rest int }

// lookCloser waits for the selection to rest when the selection or the ranking changed since
// the last insight; nil when there is nothing new to work out. Only ranked destinations have
// one: staying, selling and excluded rows have no move to weigh.
func (m *Model) lookCloser() tea.Cmd {
	if m.plan == nil || m.insight.plan == m.plan && m.insight.id == m.selected {
		return nil
	}
	m.insight = insight{plan: m.plan, id: m.selected, rest: m.insight.rest + 1}
	r, ok := m.selectedResult()
	if !ok || r.Kind != economics.Destination || r.Excluded {
		m.insight.ready = true
		return nil
	}
	due := insightDueMsg{m.insight.rest}
	return tea.Tick(insightRest, func(time.Time) tea.Msg { return due })
}

// insightDue starts working out the insight the selection rested on; nil when the selection
// or the ranking has moved on since.
func (m Model) insightDue(msg insightDueMsg) tea.Cmd {
	if msg.rest != m.insight.rest || m.insight.ready {
		return nil
	}
	plan, id, dests := m.plan, m.selected, m.current.apply(m.set.Countries)
	return func() tea.Msg { return insightMsg{workOutInsight(plan, dests, id)} }
}

// insightNow works out the selected destination's insight at once, for the first frame.
func (m Model) insightNow() insight {
	if m.lookCloser() == nil {
		return m.insight
	}
	return workOutInsight(m.plan, m.current.apply(m.set.Countries), m.selected)
}

func workOutInsight(plan *economics.Plan, dests []countries.Country, id string) insight {
	in := insight{plan: plan, id: id, ready: true}
	in.hashprice, in.hasHashprice, in.originKWh, in.hasOriginKWh = plan.Breakeven(dests, id)
	in.sensitivities = plan.Sensitivities(dests, id)
	return in
}

// insightArrived takes a worked-out insight if it is still about the selection on screen.
func (m *Model) insightArrived(msg insightMsg) {
	if msg.plan == m.insight.plan && msg.id == m.insight.id {
		msg.rest = m.insight.rest
		m.insight = msg.insight
	}
}

// oneFigure is a band's P10 and P90 as one figure, when they read the same (a plan that
// sells now runs no risk), so it is not written as a range from a figure to itself.
func oneFigure(u *economics.Uncertainty) (string, bool) {
	p10 := human.CompactUSD(u.P10)
	return p10, p10 == human.CompactUSD(u.P90)
}

// bandLine is a row's value over the simulated futures, for the detail's headline; "" for an
// excluded row, which has no plan to simulate.
func (m Model) bandLine(r economics.Result) string {
	s := m.styles
	u := r.Band
	switch {
	case r.Excluded:
		return ""
	case u == nil:
		return s.Muted.Render(strings.ToLower(m.simulationStatus()[:1]) + m.simulationStatus()[1:])
	}
	sep := s.Muted.Render("  ·  ")
	line := s.Muted.Render("futures ") + s.HeaderValue.Render(human.CompactUSD(u.P10)+" – "+human.CompactUSD(u.P90)) +
		s.Muted.Render(" (P10–P90, median "+human.CompactUSD(u.P50)+", mean "+human.CompactUSD(u.Mean)+")")
	if one, ok := oneFigure(u); ok {
		line = s.Muted.Render("futures ") + s.HeaderValue.Render(one) + s.Muted.Render(" from P10 to P90 (mean "+human.CompactUSD(u.Mean)+")")
	}
	if r.Kind != economics.Sell {
		line += sep + s.Muted.Render("worse than not moving in ") + s.HeaderValue.Render(human.Percent(u.PWorse)) +
			s.Muted.Render(" of "+human.Thousands(simPaths, 0))
	}
	return line
}

// breakevenLines say where moving all that fits to a destination stops paying; "" for the
// other rows.
func (m Model) breakevenLines(r economics.Result, width int) string {
	s := m.styles
	if r.Kind != economics.Destination || r.Excluded {
		return ""
	}
	lines := []string{s.Bold.Render("Break-even") + s.Muted.Render(" — where moving all that fits here gains nothing")}
	in := m.insight
	if !in.ready || in.id != r.ID {
		return strings.Join(append(lines, s.Muted.Render("  working out…")), "\n")
	}
	unit, today := m.fleetHashprice()
	hashprice := s.Muted.Render("none between 0.01× and 100× today's")
	if in.hasHashprice {
		hashprice = s.HeaderValue.Render(fmt.Sprintf("$%s/%s/day", trimFloat(in.hashprice), unit))
	}
	origin := s.Muted.Render("none between 0 and 100¢/kWh")
	if in.hasOriginKWh {
		origin = s.HeaderValue.Render(human.Cents(in.originKWh)+"/kWh") + s.Muted.Render(", below which not moving is worth more")
	}
	for _, l := range []string{
		"hashprice: " + hashprice + s.Muted.Render(fmt.Sprintf(" (today $%s)", trimFloat(today))),
		m.plan.OriginName + "'s power price: " + origin + s.Muted.Render(" (today "+human.Cents(m.originPrice())+")"),
	} {
		lines = append(lines, "  "+strings.ReplaceAll(ansiWrap(l, width-4), "\n", "\n    "))
	}
	return strings.Join(lines, "\n")
}

// fleetHashprice is the unit and today's hashprice of the fleet's first algorithm, the one
// the break-even hashprice is stated in.
func (m Model) fleetHashprice() (unit string, today float64) {
	if len(m.plan.Batches) == 0 {
		return "", 0
	}
	alg := m.current.Scenario.Market.Algorithms[m.plan.Batches[0].Machine.Algorithm]
	return alg.Unit, alg.USDPerUnitDay.Value
}

// originPrice is the origin's power tariff with the what-ifs applied.
func (m Model) originPrice() float64 {
	c, _ := m.country(m.plan.OriginID)
	return c.Power.PriceUSDPerKWh.Value
}

// tornado draws the selected destination's sensitivities as bars either side of a zero axis:
// the gain's fall to the left, its rise to the right, largest first, each with its step.
func (m Model) tornado(r economics.Result, width int) string {
	s := m.styles
	title := s.Bold.Render("Sensitivity") + s.Muted.Render(" — the gain vs not moving when one input moves")
	in := m.insight
	switch {
	case r.Kind != economics.Destination || r.Excluded:
		return ""
	case !in.ready || in.id != r.ID:
		return ansiWrap(title, width) + "\n" + s.Muted.Render("  working out…")
	case len(in.sensitivities) == 0:
		return ansiWrap(title, width) + "\n" + s.Muted.Render("  none: this destination cannot be valued alone")
	}
	scale := 0.0
	labelW := 0
	for _, x := range in.sensitivities {
		scale = math.Max(scale, x.Impact())
		labelW = max(labelW, cells(x.Input+" "+x.Step))
	}
	if scale == 0 {
		text := "  none: no input moved by its step makes moving here pay; the gain stays " + signedCompact(r.Gain)
		if report.MovesNothing(&r) { // the headline's figure is what moving all that fits would change
			text += ", as nothing moves (moving all that fits: " + signedCompact(r.MoveAllGain) + ")"
		}
		return ansiWrap(title, width) + "\n" + s.Muted.Render(ansiWrap(text, width))
	}
	const valueW = 8
	twoLines := width < labelW+2*valueW+24 // too narrow for name and bars on one line
	if twoLines {
		labelW = 0
	}
	half := max(3, (width-labelW-2*valueW-4)/2)
	sideW := valueW + 1 + half // a side's bar with its value at the bar's end
	lines := []string{ansiWrap(title, width)}
	for _, x := range in.sensitivities {
		fall, rise := 0.0, 0.0
		var fallText, riseText string
		for _, side := range []struct {
			arrow string
			v     float64
		}{{"↓", x.Down}, {"↑", x.Up}} {
			switch {
			case side.v < fall:
				fall, fallText = side.v, side.arrow+signedCompact(side.v)
			case side.v > rise:
				rise, riseText = side.v, side.arrow+signedCompact(side.v)
			}
		}
		if fall == 0 && rise == 0 {
			riseText = "no effect"
		}
		fallShare, riseShare := 0.0, 0.0
		if scale > 0 {
			fallShare, riseShare = -fall/scale, rise/scale
		}
		fallBar, fallCells := barLeft(fallShare, half)
		riseBar := bar(riseShare, half)
		left := strings.Repeat(" ", max(0, sideW-fallCells-1-cells(fallText))) + s.Negative.Render(fallText) + " " + s.Negative.Render(fallBar)
		right := s.Positive.Render(riseBar) + " " + s.Positive.Render(riseText)
		plot := left + s.Faint.Render("│") + right
		name := s.Bold.Render(x.Input) + " " + s.Muted.Render(x.Step)
		if twoLines {
			lines = append(lines, ansiTruncate(name, width), ansiTruncate(plot, width))
			continue
		}
		lines = append(lines, ansiTruncate(pad(name, labelW, false)+" "+plot, width))
	}
	legend := "↑ the input raised by its step, ↓ lowered · left: the gain falls, right: it rises"
	return strings.Join(append(lines, s.Muted.Render(ansiWrap(legend, width))), "\n")
}

// signedCompact is a change in dollars with its sign: "+$35k", "-$1.2M".
func signedCompact(v float64) string {
	if v > 0 {
		return "+" + human.CompactUSD(v)
	}
	return human.CompactUSD(v)
}
