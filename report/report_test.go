package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"hashhaven/cited"
	"hashhaven/countries"
	"hashhaven/economics"
	"hashhaven/machines"
	"hashhaven/scenario"
	"hashhaven/theme"
)

func n(v float64) cited.Number { return cited.Plain(v) }

func place(id, name string, price float64) countries.Country {
	c := countries.Country{ID: id, Name: name, Region: "Test", Currency: "USD", USDPerLocal: n(1)}
	c.Location = countries.Location{Lat: n(0), Lon: n(float64(len(id)))}
	c.Risk.LegalStatus = countries.Legal
	c.Risk.PoliticalStability = n(50)
	c.Site.PUE = n(1)
	c.Power.PriceUSDPerKWh, c.Power.AvailableMW, c.Power.Uptime = n(price), n(1), n(1)
	return c
}

// sample is a report over five hand-made destinations, in NPV order:
//
//	ab    "A|B, *Ltd*"  cheap power, a small set-up: every rig moves, ranked 1, payback 1 month
//	home  "Home"        the origin: the stay row, relocation 0, payback "now"
//	slow  "Slow_Place"  set-up far beyond six months of net: nothing moves, no payback (null)
//	sell                selling the rigs now: worth less than running them at home
//	cn    "China"       banned: excluded, no rank, no score
//	dark  "Dark"        no uptime: excluded, and no energy so no break-even (null)
func sample(t *testing.T, notes ...string) Report {
	t.Helper()
	cat := machines.Catalogue{Machines: []machines.Machine{{
		ID: "rig", Name: "Rig", Algorithm: "sha256", Unit: "TH/s",
		Hashrate: n(100), PowerW: n(3000), PriceUSD: n(2000), WeightKg: n(15),
	}}}
	sc := scenario.Scenario{
		Name:   "10 rigs | test",
		Origin: scenario.Origin{Country: "home"},
		Fleet:  []scenario.Batch{{Machine: "rig", Count: 10}},
		Market: scenario.Market{PoolFee: n(0), Algorithms: map[string]scenario.Algorithm{
			"sha256": {USDPerUnitDay: n(0.06), Unit: "TH/s"}}},
		FreightUSDPerKgPer1000km: n(0), HorizonMonths: n(6), DiscountRate: n(0.1),
		Weights: scenario.Weights{NPV: n(1), Stability: n(1)},
	}
	home := place("home", "Home", 0.04)
	ab := place("ab", "A|B, *Ltd*", 0.01)
	ab.Site.SetupUSDPerKW = n(10)
	slow := place("slow", "Slow_Place", 0.03)
	slow.Site.SetupUSDPerKW = n(100000)
	cn := place("cn", "China", 0.01)
	cn.Risk.LegalStatus = countries.Banned
	dark := place("dark", "Dark", 0.01)
	dark.Power.Uptime = n(0)
	dests := []countries.Country{home, ab, slow, cn, dark}
	p, err := economics.NewPlan(sc, cat, dests)
	if err != nil {
		t.Fatal(err)
	}
	rep := Report{Plan: p, Results: p.Rank(dests), Data: "testdata", AsOf: "2026-11", Notes: notes}
	var ids []string
	for _, r := range rep.Results {
		ids = append(ids, r.ID)
	}
	if strings.Join(ids, " ") != "ab home slow sell cn dark" {
		t.Fatalf("fixture order changed: %v", ids)
	}
	return rep
}

func TestJSON(t *testing.T) {
	rep := sample(t)
	var buf bytes.Buffer
	if err := WriteJSON(&buf, rep); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Scenario map[string]any   `json:"scenario"`
		Results  []map[string]any `json:"results"`
	}
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, buf.String())
	}
	sc := out.Scenario
	if sc["name"] != "10 rigs | test" || sc["origin"] != "home" || sc["machines"] != 10.0 || sc["it_kw"] != 30.0 ||
		sc["horizon_months"] != 6.0 || sc["discount_rate"] != 0.1 || sc["data"] != "testdata" || sc["data_as_of"] != "2026-11" {
		t.Errorf("scenario = %v", sc)
	}
	if notes, ok := sc["notes"].([]any); !ok || len(notes) != 0 {
		t.Errorf("notes without notes = %#v, want []", sc["notes"])
	}
	if len(out.Results) != 6 {
		t.Fatalf("%d results", len(out.Results))
	}
	fields := []string{"id", "name", "kind", "rank", "excluded", "excluded_reason", "facility_kw", "deployable_fraction",
		"fit_machines", "moved_machines", "all_in_usd_per_kwh", "monthly_revenue_usd", "monthly_power_cost_usd",
		"monthly_net_usd", "distance_km", "relocation_cost_usd", "start_month", "npv_usd", "gain_usd",
		"move_all_gain_usd", "payback_months", "breakeven_usd_per_kwh", "score", "batches"}
	byID := map[string]map[string]any{}
	for i, r := range out.Results {
		for _, f := range fields {
			if _, ok := r[f]; !ok {
				t.Errorf("result %d lacks %s", i, f)
			}
		}
		byID[r["id"].(string)] = r
		want := any(round12(rep.Results[i].NPV)) // to 12 significant digits: every cent, none of the binary noise
		if rep.Results[i].Excluded {
			want = nil // an excluded destination has no plan to value
		}
		if r["npv_usd"] != want {
			t.Errorf("%s npv_usd = %v, want %v", r["id"], r["npv_usd"], want)
		}
	}

	ab, home, slow, sell, cn, dark := byID["ab"], byID["home"], byID["slow"], byID["sell"], byID["cn"], byID["dark"]
	if ab["name"] != "A|B, *Ltd*" || ab["rank"] != 1.0 || ab["excluded"] != false || ab["payback_months"] != 1.0 ||
		ab["kind"] != "destination" || ab["moved_machines"] != 10.0 {
		t.Errorf("ab = %v", ab)
	}
	batches, _ := ab["batches"].([]any)
	if len(batches) != 1 {
		t.Fatalf("ab batches = %#v", ab["batches"])
	}
	batch := batches[0].(map[string]any)
	if batch["machine"] != "rig" || batch["count"] != 10.0 || batch["moved"] != 10.0 || batch["alternative"] != "stay" ||
		batch["exit_month"] != 6.0 {
		t.Errorf("ab batch = %v", batch)
	}
	if sell["kind"] != "sell" || sell["score"] != nil || sell["payback_months"] != nil || sell["rank"] != 4.0 {
		t.Errorf("sell = %v", sell)
	}
	for _, r := range []map[string]any{ab, home, slow} {
		if r["excluded_reason"] != nil {
			t.Errorf("%s: excluded_reason = %#v, want null for a ranked destination", r["id"], r["excluded_reason"])
		}
		if _, ok := r["rank"].(float64); !ok {
			t.Errorf("%s: rank = %#v", r["id"], r["rank"])
		}
		if s, ok := r["score"].(float64); !ok || s < 0 || s > 100 {
			t.Errorf("%s: score = %#v", r["id"], r["score"])
		}
	}
	if home["kind"] != "stay" || home["gain_usd"] != 0.0 || home["relocation_cost_usd"] != 0.0 || home["payback_months"] != 0.0 || home["start_month"] != 0.0 {
		t.Errorf("home (stay) = %v", home)
	}
	if slow["payback_months"] != nil || slow["moved_machines"] != 0.0 || slow["npv_usd"] != home["npv_usd"] {
		t.Errorf("slow: payback %#v moved %v npv %v; want null, 0 and the stay value (nothing moves)", slow["payback_months"], slow["moved_machines"], slow["npv_usd"])
	}
	if _, ok := slow["breakeven_usd_per_kwh"].(float64); !ok {
		t.Errorf("slow: breakeven = %#v", slow["breakeven_usd_per_kwh"])
	}
	for _, r := range []map[string]any{cn, dark} {
		if r["excluded"] != true || r["rank"] != nil || r["score"] != nil {
			t.Errorf("%s: excluded %v rank %#v score %#v; want true, null, null", r["id"], r["excluded"], r["rank"], r["score"])
		}
		if reason, ok := r["excluded_reason"].(string); !ok || reason == "" {
			t.Errorf("%s: excluded_reason = %#v", r["id"], r["excluded_reason"])
		}
	}
	if cn["excluded_reason"] != "mining is banned" {
		t.Errorf("cn reason = %v", cn["excluded_reason"])
	}
	if dark["breakeven_usd_per_kwh"] != nil {
		t.Errorf("dark: breakeven = %#v, want null (no energy)", dark["breakeven_usd_per_kwh"])
	}

	buf.Reset()
	if err := WriteJSON(&buf, sample(t, "a note", "another")); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	if notes, _ := out.Scenario["notes"].([]any); len(notes) != 2 || notes[1] != "another" {
		t.Errorf("notes = %#v", out.Scenario["notes"])
	}
}

// JSON written part by part is the document indented as a whole, as an indenting encoder
// writes it, with and without a solved split.
func TestJSONIsIndentedAsOneDocument(t *testing.T) {
	for _, solved := range []bool{true, false} {
		rep := sample(t, "a note")
		if solved {
			rep.Portfolio = &economics.Portfolio{NPV: 1, Allocations: []economics.Allocation{{Option: "sell", Kind: economics.Sell, Machine: "m", Count: 2}}}
		}
		var got, compact, want bytes.Buffer
		if err := WriteJSON(&got, rep); err != nil {
			t.Fatal(err)
		}
		if err := json.Compact(&compact, got.Bytes()); err != nil {
			t.Fatal(err)
		}
		if err := json.Indent(&want, compact.Bytes(), "", "  "); err != nil {
			t.Fatal(err)
		}
		if want.WriteByte('\n'); got.String() != want.String() {
			t.Errorf("split solved %v: written\n%s\nwant\n%s", solved, got.String(), want.String())
		}
	}
}

var numericCSV = map[string]bool{
	"rank": true, "facility_kw": true, "deployable_fraction": true, "all_in_usd_per_kwh": true, "uptime": true,
	"monthly_revenue_usd": true, "monthly_power_cost_usd": true, "monthly_levy_usd": true, "monthly_opex_usd": true,
	"monthly_tax_usd": true, "monthly_net_usd": true, "distance_km": true, "freight_usd": true, "duty_usd": true,
	"setup_usd": true, "relocation_cost_usd": true, "start_month": true, "npv_usd": true, "payback_months": true,
	"breakeven_usd_per_kwh": true, "score": true, "gain_usd": true, "move_all_gain_usd": true, "moved_machines": true,
	"fit_machines": true,
}

func TestCSV(t *testing.T) {
	rep := sample(t, "showing what-if edits", "second note")
	var buf bytes.Buffer
	if err := WriteCSV(&buf, rep); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "id,name,kind,") {
		t.Errorf("the header row must come first, so spreadsheets read it as is:\n%s", strings.SplitN(buf.String(), "\n", 2)[0])
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatalf("not valid CSV: %v", err)
	}
	if len(rows) != 1+len(rep.Results) {
		t.Fatalf("%d rows, want header + %d", len(rows), len(rep.Results))
	}
	header := rows[0]
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	for h := range numericCSV {
		if _, ok := col[h]; !ok {
			t.Errorf("no %s column", h)
		}
	}
	for i, row := range rows[1:] {
		res := rep.Results[i]
		if row[col["id"]] != res.ID || row[col["name"]] != res.Name {
			t.Errorf("row %d is %s/%q, want %s/%q", i, row[col["id"]], row[col["name"]], res.ID, res.Name)
		}
		for h, j := range col {
			cell := row[j]
			if !numericCSV[h] || cell == "" {
				continue
			}
			if strings.ContainsAny(cell, "$,¢% ") {
				t.Errorf("%s %s = %q: not a raw number", res.ID, h, cell)
			}
			if _, err := strconv.ParseFloat(cell, 64); err != nil {
				t.Errorf("%s %s = %q: %v", res.ID, h, cell, err)
			}
		}
		if res.Excluded {
			if cell := row[col["npv_usd"]]; cell != "" {
				t.Errorf("%s npv_usd = %q, want empty (excluded: no plan to value)", res.ID, cell)
			}
		} else if got, _ := strconv.ParseFloat(row[col["npv_usd"]], 64); got != round12(res.NPV) || math.Abs(got-res.NPV) > 0.005 {
			t.Errorf("%s npv_usd = %v, want %v to the cent", res.ID, got, res.NPV)
		}
		if row[col["excluded"]] != strconv.FormatBool(res.Excluded) {
			t.Errorf("%s excluded = %q", res.ID, row[col["excluded"]])
		}
		if res.Excluded {
			if row[col["rank"]] != "" || row[col["score"]] != "" || row[col["excluded_reason"]] != res.ExcludedReason {
				t.Errorf("%s excluded: rank %q score %q reason %q", res.ID, row[col["rank"]], row[col["score"]], row[col["excluded_reason"]])
			}
		} else if row[col["rank"]] != strconv.Itoa(res.Rank) || (row[col["score"]] == "") != (res.Kind == economics.Sell) || row[col["excluded_reason"]] != "" {
			t.Errorf("%s ranked: rank %q score %q reason %q", res.ID, row[col["rank"]], row[col["score"]], row[col["excluded_reason"]])
		}
	}
	slow := rows[3]
	if slow[col["id"]] != "slow" || slow[col["payback_months"]] != "" {
		t.Errorf("no payback must be an empty cell: %v", slow)
	}
	if dark := rows[6]; dark[col["breakeven_usd_per_kwh"]] != "" {
		t.Errorf("no break-even must be an empty cell: %v", dark)
	}
}

// unescapedPipes counts the | that separate markdown table cells.
func unescapedPipes(line string) int {
	return strings.Count(line, "|") - strings.Count(line, `\|`)
}

func TestMarkdown(t *testing.T) {
	rep := sample(t, "a note with | a pipe")
	var buf bytes.Buffer
	if err := WriteMarkdown(&buf, rep); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasPrefix(out, `### 10 rigs \| test`+"\n") {
		t.Errorf("title: %q", strings.SplitN(out, "\n", 2)[0])
	}
	if !strings.Contains(out, "> a note with \\| a pipe\n") {
		t.Error("notes must be quoted and escaped")
	}
	var table []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "|") {
			table = append(table, l)
		}
	}
	if len(table) != 2+len(rep.Results) {
		t.Fatalf("%d table lines, want header, separator and %d rows:\n%s", len(table), len(rep.Results), out)
	}
	if !strings.Contains(table[1], "|---:|") || !strings.Contains(table[1], ":---|") || strings.Trim(table[1], "|-: ") != "" {
		t.Errorf("separator = %q", table[1])
	}
	cols := unescapedPipes(table[0])
	for _, l := range table {
		if unescapedPipes(l) != cols {
			t.Errorf("row has %d cell separators, header %d: %q", unescapedPipes(l), cols, l)
		}
	}
	if !strings.Contains(table[2], `| A\|B, \*Ltd\* |`) {
		t.Errorf("name not escaped: %q", table[2])
	}
	if !strings.Contains(table[3], "| Home (stay) |") || !strings.Contains(table[3], "| now |") {
		t.Errorf("stay row: %q", table[3])
	}
	if !strings.Contains(table[4], `| Slow\_Place |`) || !strings.Contains(table[4], "| 0 of 10 |") {
		t.Errorf("slow row: %q", table[4])
	}
	if !strings.Contains(table[5], "| Sell the fleet now |") {
		t.Errorf("sell row: %q", table[5])
	}
	if !strings.Contains(table[6], "| ~~China~~ |") || !strings.Contains(table[6], "excluded: mining is banned") || !strings.HasPrefix(table[6], "| – |") {
		t.Errorf("excluded row: %q", table[6])
	}
	if !strings.Contains(table[7], "| ~~Dark~~ |") {
		t.Errorf("excluded row: %q", table[7])
	}
	if !strings.Contains(out, "- Best single move: A\\|B, \\*Ltd\\*") {
		t.Errorf("the answer in words must lead the table:\n%s", out)
	}
	for _, l := range table[2:4] {
		if strings.Contains(l, "~~") {
			t.Errorf("ranked row struck: %q", l)
		}
	}
}

var sgr = regexp.MustCompile("\x1b\\[([0-9;:]*)m")

func TestTableMono(t *testing.T) {
	rep := sample(t, "a note")
	var buf bytes.Buffer
	if err := WriteTable(&buf, rep, theme.Mono()); err != nil {
		t.Fatal(err)
	}
	raw := buf.String()
	plain := ansi.Strip(raw)
	if strings.Contains(plain, "\x1b") || ansi.Strip(plain) != plain {
		t.Fatalf("escape sequences survive stripping: %q", plain)
	}
	for _, want := range []string{"10 rigs | test", "Data: testdata, newest figure as of 2026-11", "▸ a note",
		"A|B, *Ltd*", "Home (stay)", "China", "excluded: mining is banned", "Gain", "Value", "Payback", "Best single move: A|B"} {
		if !strings.Contains(plain, want) {
			t.Errorf("table lacks %q:\n%s", want, plain)
		}
	}
	// Mono means no colour at all: only attributes (bold, faint, reset) may be set.
	for _, m := range sgr.FindAllStringSubmatch(raw, -1) {
		for _, p := range strings.Split(m[1], ";") {
			switch p {
			case "", "0", "1", "2", "3", "4", "7", "22", "23", "24", "27":
			default:
				t.Fatalf("mono table sets colour (SGR %q)", m[0])
			}
		}
	}
	// What a pipe receives (the writer rank uses, with no terminal) is plain text.
	var piped bytes.Buffer
	w := &colorprofile.Writer{Forward: &piped, Profile: colorprofile.NoTTY}
	if _, err := w.Write(buf.Bytes()); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(piped.String(), "\x1b") || piped.String() != plain {
		t.Errorf("piped mono table is not the plain text:\n%q", piped.String())
	}
	// One line per result under the header and its rule, none ending in spaces.
	lines := strings.Split(strings.TrimRight(plain, "\n"), "\n")
	for _, l := range lines {
		if strings.HasSuffix(l, " ") {
			t.Errorf("line ends in spaces: %q", l)
		}
	}
	if got := len(lines); got != 4+2+2+len(rep.Results) {
		t.Errorf("%d lines, want title, summary, data, note, two answer lines, header, rule and %d rows:\n%s", got, len(rep.Results), plain)
	}
}

// The colour themes do colour the table; the mono check above is not vacuous.
func TestTableColour(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteTable(&buf, sample(t), theme.Default(true)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "\x1b[38;") {
		t.Error("dark theme table has no foreground colours")
	}
	if !strings.Contains(ansi.Strip(buf.String()), "A|B, *Ltd*") {
		t.Error("dark theme table lacks a name")
	}
}

func TestPaybackAndStatus(t *testing.T) {
	cases := []struct {
		r               economics.Result
		payback, status string
	}{
		{economics.Result{Kind: economics.Stay, HasPayback: true, Payback: 0, LegalStatus: "legal"}, "now", "legal"},
		{economics.Result{Kind: economics.Destination, MovedMachines: 5, HasPayback: true, Payback: 7, LegalStatus: "state_run"}, "7 mo", "state-run"},
		{economics.Result{Kind: economics.Destination, MovedMachines: 5, LegalStatus: "licensed"}, "none", "licensed"},
		{economics.Result{Kind: economics.Destination, LegalStatus: "licensed"}, "–", "licensed"},
		{economics.Result{Kind: economics.Sell}, "–", "no site risk"},
		{economics.Result{Excluded: true, ExcludedReason: "mining is banned", HasPayback: true}, "–", "excluded: mining is banned"},
	}
	for _, c := range cases {
		if got := Payback(c.r); got != c.payback {
			t.Errorf("Payback(%+v) = %q, want %q", c.r, got, c.payback)
		}
		if got := Status(c.r); got != c.status {
			t.Errorf("Status(%+v) = %q, want %q", c.r, got, c.status)
		}
	}
}

func TestSummary(t *testing.T) {
	got := sample(t).Summary()
	want := "10 machines · 30.0 kW IT · from Home · 6-month horizon · 10% discount · sha256 hashprice $0.06/TH/s/day"
	if got != want {
		t.Errorf("Summary() = %q, want %q", got, want)
	}
	rep := sample(t)
	alg := rep.Plan.Scenario.Market.Algorithms["sha256"]
	alg.USDPerUnitDay.AsOf = "2026-02-11"
	rep.Plan.Scenario.Market.Algorithms = map[string]scenario.Algorithm{"sha256": alg}
	if got := rep.Summary(); !strings.HasSuffix(got, "hashprice $0.06/TH/s/day as of 2026-02-11") {
		t.Errorf("Summary() = %q, want the hashprice's date", got)
	}
	alg.USDPerUnitDay.Edited = true // a what-if is not dated as the evidence it replaced
	rep.Plan.Scenario.Market.Algorithms = map[string]scenario.Algorithm{"sha256": alg}
	if got := rep.Summary(); !strings.HasSuffix(got, "hashprice $0.06/TH/s/day (what-if)") {
		t.Errorf("Summary() = %q, want the hashprice marked a what-if", got)
	}
}

// A name that a spreadsheet would run as a formula is written as text.
func TestCSVNamesAreNotFormulas(t *testing.T) {
	rep := sample(t)
	rep.Results[0].Name = `=HYPERLINK("http://evil","x")`
	var buf bytes.Buffer
	if err := WriteCSV(&buf, rep); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := rows[1][1]; got != `'=HYPERLINK("http://evil","x")` {
		t.Errorf("name cell = %q, want it to start with an apostrophe", got)
	}
}

// CSV and JSON leave out what the tables show as "–": the sell row has no site, an excluded
// destination no plan. The figures the model fixes at 0 stay 0.
func TestExportsLeaveOutWhatDoesNotApply(t *testing.T) {
	rep := sample(t)
	var js, cs bytes.Buffer
	if err := WriteJSON(&js, rep); err != nil {
		t.Fatal(err)
	}
	if err := WriteCSV(&cs, rep); err != nil {
		t.Fatal(err)
	}
	var out struct{ Results []map[string]any }
	if err := json.Unmarshal(js.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&cs).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	absent := map[string][]string{
		"sell": {"all_in_usd_per_kwh", "uptime", "distance_km", "political_stability", "annual_shutdown_probability"},
		"cn":   {"gain_usd", "npv_usd", "monthly_net_usd", "monthly_power_cost_usd", "moved_machines", "facility_kw"},
		"dark": {"gain_usd", "npv_usd", "monthly_net_usd", "monthly_power_cost_usd"},
	}
	zero := map[string][]string{
		"sell": {"monthly_net_usd", "monthly_power_cost_usd", "move_all_gain_usd", "facility_kw"},
		"home": {"relocation_cost_usd", "start_month", "move_all_gain_usd", "distance_km"},
	}
	for i, r := range out.Results {
		id := r["id"].(string)
		for _, k := range absent[id] {
			if r[k] != nil || rows[1+i][col[k]] != "" {
				t.Errorf("%s %s: JSON %#v, CSV %q; want null and empty", id, k, r[k], rows[1+i][col[k]])
			}
		}
		for _, k := range zero[id] {
			if r[k] != 0.0 || rows[1+i][col[k]] != "0" {
				t.Errorf("%s %s: JSON %#v, CSV %q; want 0", id, k, r[k], rows[1+i][col[k]])
			}
		}
	}
}

func TestNumbersWithoutBinaryNoise(t *testing.T) {
	for v, want := range map[float64]string{
		0.052000000000000005: "0.052", 295133.16000000003: "295133.16", 30321.899999999998: "30321.9",
		2698000: "2698000", -1252397.8267912: "-1252397.82679", 0: "0", 1e-9: "0.000000001",
	} {
		if got := num(v); got != want {
			t.Errorf("num(%v) = %s, want %s", v, got, want)
		}
	}
}

// Numbers written without reflection read exactly as json.Marshal writes them.
func TestAppendJSONIsJSONMarshal(t *testing.T) {
	values := []any{nil, 0, -3, 1 << 40, 0.0, math.Copysign(0, -1), 0.1, -2.5, 1e-6, 9.99e-7, 1e-7, -1.5e-12,
		1e20, 1e21, -1.234e25, 123456.789, math.MaxFloat64, math.SmallestNonzeroFloat64, "text <&>", []int{1}}
	for _, v := range values {
		want, wantErr := json.Marshal(v)
		got, err := appendJSON([]byte("x"), v)
		if string(got) != "x"+string(want) || (err == nil) != (wantErr == nil) {
			t.Errorf("%#v: appended %s (%v), json.Marshal writes %s (%v)", v, got, err, want, wantErr)
		}
	}
	if _, err := appendJSON(nil, math.NaN()); err == nil {
		t.Error("NaN written without an error")
	}
}
