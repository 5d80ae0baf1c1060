package report

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"hashhaven/cited"
	"hashhaven/countries"
	"hashhaven/economics"
	"hashhaven/human"
	"hashhaven/machines"
	"hashhaven/scenario"
)

func htmlPlain(v float64) cited.Number { return cited.Plain(v) }

func htmlSourced(v float64, source, asOf string, estimate bool) cited.Number {
	return cited.Number{Value: v, Source: source, AsOf: asOf, Estimate: estimate, Set: true}
}

// htmlFixture is a small ranking: staying, a good move, a loss-making move with a hostile
// name, and a banned destination; one figure carries a what-if edit.
func htmlFixture(t *testing.T) Report {
	t.Helper()
	cat := machines.Catalogue{Machines: []machines.Machine{
		{ID: "rig", Algorithm: "sha256", Unit: "TH/s", Hashrate: htmlPlain(100), PowerW: htmlPlain(3000), PriceUSD: htmlPlain(500), WeightKg: htmlPlain(15)},
		{ID: "gpu", Algorithm: "etchash", Unit: "MH/s", Hashrate: htmlPlain(120), PowerW: htmlPlain(300), PriceUSD: htmlPlain(900), WeightKg: htmlPlain(3)},
	}}
	sc := scenario.Scenario{
		Name:   "100 rigs <leaving> home",
		Origin: scenario.Origin{Country: "home"},
		Fleet:  []scenario.Batch{{Machine: "rig", Count: 100}, {Machine: "gpu", Count: 20}},
		Market: scenario.Market{PoolFee: htmlSourced(0.02, "pool's price list", "2025", false), Algorithms: map[string]scenario.Algorithm{
			"sha256":  {USDPerUnitDay: htmlSourced(0.05, "Hashrate Index", "2025-11", false), Unit: "TH/s", MonthlyChange: htmlSourced(-0.01, "guess", "2026", true), HalvingMonth: htmlPlain(8), FeeShare: htmlPlain(0.01), ResaleMonthlyChange: htmlPlain(-0.05)},
			"etchash": {USDPerUnitDay: htmlPlain(0.0013), Unit: "MH/s"},
		}},
		FreightUSDPerKgPer1000km: htmlPlain(0.1), HorizonMonths: htmlPlain(24), DiscountRate: htmlSourced(0.15, "hurdle rate", "2026", true),
		Weights: scenario.Weights{NPV: htmlPlain(3), Stability: htmlPlain(1)},
	}
	mk := func(id, name string, lat, lon, price float64) countries.Country {
		c := countries.Country{ID: id, Name: name, Region: "Test", Currency: "USD", USDPerLocal: htmlPlain(1)}
		c.Location = countries.Location{Lat: htmlSourced(lat, "site", "2026", false), Lon: htmlSourced(lon, "site", "2026", false)}
		c.Risk.LegalStatus = countries.Legal
		c.Risk.PoliticalStability = htmlPlain(50)
		c.Risk.AnnualShutdownProbability = htmlPlain(0.05)
		c.Site.PUE, c.Site.SetupUSDPerKW, c.Site.SetupMonths = htmlPlain(1.1), htmlPlain(100), htmlPlain(2)
		c.Power.PriceUSDPerKWh = htmlSourced(price, "utility tariff", "2024", false)
		c.Power.AvailableMW, c.Power.Uptime = htmlPlain(10), htmlPlain(0.95)
		c.Taxes.CorporateIncomeTax, c.Taxes.ImportDuty = htmlPlain(0.2), htmlPlain(0.05)
		return c
	}
	home := mk("home", "Homeland", 50, 70, 0.05)
	good := mk("good", "Goodland", 45, 60, 0.025)
	good.Power.PriceUSDPerKWh.Value, good.Power.PriceUSDPerKWh.Edited = 0.02, true // a what-if
	good.Site.SetupUSDPerKW = htmlPlain(10)
	evil := mk("evil", "<Evil & Co>", -30, -60, 0.09)
	evil.Site.SetupUSDPerKW = htmlPlain(900)
	banned := mk("ban", "Banland", 30, 110, 0.01)
	banned.Risk.LegalStatus = countries.Banned
	dests := []countries.Country{banned, evil, good, home}

	plan, err := economics.NewPlan(sc, cat, dests)
	if err != nil {
		t.Fatal(err)
	}
	return Report{Plan: plan, Results: plan.Rank(dests), Data: "testdata", AsOf: "2026",
		Notes: []string{"what-if: Goodland power price 0.025 → 0.02 USD/kWh", `filtered by "land & co": 4 of 4 destinations shown`}, Countries: dests}
}

func writeHTML(t *testing.T, rep Report) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteHTML(&b, rep); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestHTMLIsWellFormedAndSelfContained(t *testing.T) {
	out := writeHTML(t, htmlFixture(t))
	if !strings.HasPrefix(out, "<!DOCTYPE html>") || !strings.HasSuffix(strings.TrimSpace(out), "</html>") {
		t.Error("not a complete HTML document")
	}
	if strings.Contains(out, "ZgotmplZ") {
		t.Error("html/template rejected a value (ZgotmplZ in the output)")
	}
	for _, tag := range []string{"table", "thead", "tbody", "tr", "section", "figure", "svg", "main", "style"} {
		if o, c := strings.Count(out, "<"+tag+">")+strings.Count(out, "<"+tag+" "), strings.Count(out, "</"+tag+">"); o != c {
			t.Errorf("<%s> opened %d times, closed %d times", tag, o, c)
		}
	}
	svgs := regexp.MustCompile(`(?s)<svg\b.*?</svg>`).FindAllString(out, -1)
	if len(svgs) != 4 {
		t.Fatalf("found %d inline SVG charts, want 4 (NPV, what moves the answer, cash, cost)", len(svgs))
	}
	for i, s := range svgs {
		d := xml.NewDecoder(strings.NewReader(s))
		for {
			_, err := d.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("SVG %d is not well-formed XML: %v\n%s", i, err, s)
			}
		}
	}
	const ns = `xmlns="http://www.w3.org/2000/svg"`
	rest := strings.ReplaceAll(out, ns, "")
	if strings.Contains(rest, "http://") || strings.Contains(rest, "https://") {
		t.Error("the page refers to the network; it must be self-contained")
	}
	for _, bad := range []string{"<script", "<link", "<img", "@import", "url("} {
		if strings.Contains(out, bad) {
			t.Errorf("the page contains %q; it must need nothing outside itself", bad)
		}
	}
}

func TestHTMLEscapesUserText(t *testing.T) {
	out := writeHTML(t, htmlFixture(t))
	if strings.Contains(out, "<Evil") || strings.Contains(out, "<leaving>") {
		t.Error("a name from a data file reached the page unescaped")
	}
	if !strings.Contains(out, "&lt;Evil &amp; Co&gt;") {
		t.Error("the escaped destination name is missing")
	}
	if !strings.Contains(out, "100 rigs &lt;leaving&gt; home") {
		t.Error("the escaped scenario name is missing from the title")
	}
}

func TestHTMLShowsNotesEditsAndLosses(t *testing.T) {
	rep := htmlFixture(t)
	out := writeHTML(t, rep)
	for _, n := range rep.Notes {
		// html/template escapes quotes and ampersands; compare the escaped form.
		esc := strings.NewReplacer(`&`, "&amp;", `"`, "&#34;", "<", "&lt;", ">", "&gt;").Replace(n)
		if !strings.Contains(out, esc) {
			t.Errorf("note %q is missing", n)
		}
	}
	if !strings.Contains(out, "This view was changed") {
		t.Error("no prominent notice that the view was changed")
	}
	if !regexp.MustCompile(`<tr class="edited"><td class="label">Power price</td><td class="value">0.02 USD/kWh<span class="mark"[^>]*>✎</span>`).MatchString(out) {
		t.Error("the edited power price is not marked ✎ in the sources")
	}
	if !strings.Contains(out, "Goodland<span class=\"mark\"") {
		t.Error("the ranking does not mark the destination with a what-if edit")
	}
	var evil economics.Result
	for _, r := range rep.Results {
		if r.ID == "evil" {
			evil = r
		}
	}
	if evil.MonthlyNet >= 0 {
		t.Fatalf("fixture: evil net per month = %v, want a loss", evil.MonthlyNet)
	}
	want := `<td class="num neg">` + human.USD(evil.MonthlyNet) + `</td>`
	if !strings.HasPrefix(human.USD(evil.MonthlyNet), "-$") || !strings.Contains(out, want) {
		t.Errorf("a loss is not shown as %s", want)
	}
	if !strings.Contains(out, `<tr class="excluded">`) || !strings.Contains(out, "excluded: mining is banned") {
		t.Error("the banned destination is not dimmed with its reason")
	}
	if !strings.Contains(out, "payback: month") {
		t.Error("the cash chart does not mark a payback month")
	}
	if !strings.Contains(out, "Homeland (stay)") {
		t.Error("the stay option is missing")
	}
	// Scenario figures show their provenance.
	for _, s := range []string{"Hashrate Index · as of 2025-11", "hurdle rate · as of 2026 · estimate", "Market · etchash", "Market · sha256"} {
		if !strings.Contains(out, s) {
			t.Errorf("assumptions lack %q", s)
		}
	}
	if i, j := strings.Index(out, "Market · etchash"), strings.Index(out, "Market · sha256"); i > j {
		t.Error("algorithms are not in name order")
	}
}

func TestHTMLIsDeterministic(t *testing.T) {
	a := writeHTML(t, htmlFixture(t))
	for range 5 {
		if b := writeHTML(t, htmlFixture(t)); a != b {
			t.Fatal("two writes of the same report differ")
		}
	}
}

// A report with no results, no countries and no stay option still renders.
func TestHTMLWithNothingRanked(t *testing.T) {
	rep := htmlFixture(t)
	rep.Results, rep.Countries, rep.Notes = nil, nil, nil
	out := writeHTML(t, rep)
	if strings.Contains(out, "<svg") || strings.Contains(out, "This view was changed") {
		t.Error("charts or notices drawn for an empty report")
	}
	if !strings.Contains(out, "Not included: this report was made without the destinations") {
		t.Error("an empty Sources section does not say why")
	}
	if err := WriteHTML(io.Discard, Report{}); err == nil {
		t.Error("a report with no plan was written")
	}
}

// With simulated futures the page shows each option's band and says how sure the best move is.
func TestHTMLShowsBands(t *testing.T) {
	rep := htmlFixture(t)
	rep.Paths = 1000
	rep.Bands = map[string]economics.Uncertainty{}
	for _, r := range rep.Results {
		if !r.Excluded {
			rep.Bands[r.ID] = economics.Uncertainty{Mean: r.NPV, P10: r.NPV * 0.8, P50: r.NPV, P90: r.NPV * 1.1, PWorse: 0.25}
		}
	}
	out := writeHTML(t, rep)
	if !strings.Contains(out, `id="bands-title"`) || !strings.Contains(out, "outcomes over 1,000 simulated futures") {
		t.Error("no band chart")
	}
	if !strings.Contains(out, "Goodland is at least as good as not moving on 75% of 1,000 simulated futures") {
		t.Error("the answer does not say how sure the best move is")
	}
	if !strings.Contains(out, `id="tornado-title"`) {
		t.Error("no tornado of the best move")
	}
}

// Old figures are marked stale in the sources; a filtered view still names the real best row.
func TestHTMLStaleMarksAndFilteredBest(t *testing.T) {
	rep := htmlFixture(t)
	rep.Now, rep.StaleMonths = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), 18
	out := writeHTML(t, rep)
	// The tariffs are as of 2024: more than 18 months before December 2026.
	if !strings.Contains(out, `2024 <span class="stale"`) {
		t.Error("a 2024 tariff is not marked stale in December 2026")
	}
	rep.Now = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	if strings.Contains(writeHTML(t, rep), `class="stale"`) {
		t.Error("figures marked stale a month after their date")
	}

	rep.Ranking = rep.Results
	var shown []economics.Result
	for _, r := range rep.Results {
		if r.Rank != 1 {
			shown = append(shown, r)
		}
	}
	rep.Results = shown
	out = writeHTML(t, rep)
	if !strings.Contains(out, "Best of all · rank 1") || !strings.Contains(out, "not in this filtered view") {
		t.Error("a filtered report does not name the real best row")
	}
}

// The ranking scrolls inside its own box when it is wider than the page, never the page
// itself, and names stay on one line.
func TestHTMLRankingStaysInItsColumn(t *testing.T) {
	page := writeHTML(t, htmlFixture(t))
	for _, want := range []string{`<div class="wide"><table class="ranking">`, `.wide{overflow-x:auto}`, `.ranking td.name{font-weight:600;white-space:nowrap}`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}
