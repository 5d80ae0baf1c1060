package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"maps"
	"math"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"

	"hashhaven/economics"
)

type jsonScenario struct {
	Name          string      `json:"name"`
	Origin        string      `json:"origin"`
	Machines      int         `json:"machines"`
	ITkW          float64     `json:"it_kw"`
	HorizonMonths int         `json:"horizon_months"`
	DiscountRate  float64     `json:"discount_rate"`
	PoolFee       float64     `json:"pool_fee"`
	SaleFee       float64     `json:"sale_fee"`
	Freight       float64     `json:"freight_usd_per_kg_per_1000km"`
	NotMoving     float64     `json:"not_moving_usd"`
	Fleet         []jsonBatch `json:"fleet"`
	Paths         int         `json:"paths,omitempty"`
	Seed          uint64      `json:"seed,omitempty"`
	Data          string      `json:"data"`
	DataAsOf      string      `json:"data_as_of"`
	Notes         []string    `json:"notes"`
}

type jsonBatch struct {
	Machine   string  `json:"machine"`
	Count     int     `json:"count"`
	SellValue float64 `json:"sell_value_per_machine_usd"`
}

type jsonBatchResult struct {
	Machine          string  `json:"machine"`
	Count            int     `json:"count"`
	Fit              int     `json:"fit"`
	Moved            int     `json:"moved"`
	Value            float64 `json:"value_per_machine_usd"`
	Alternative      string  `json:"alternative"`
	AlternativeValue float64 `json:"alternative_value_per_machine_usd"`
	ExitMonth        int     `json:"exit_month"`
}

type jsonPortfolio struct {
	NPV         float64          `json:"npv_usd"`
	Gain        float64          `json:"gain_usd"`
	MaxShare    float64          `json:"max_share_per_destination"`
	Bound       float64          `json:"lp_bound_usd"`
	Allocations []jsonAllocation `json:"allocations"`
	Uncertainty *jsonBand        `json:"uncertainty,omitempty"`
}

type jsonAllocation struct {
	Option  string `json:"option"`
	Kind    string `json:"kind"`
	Machine string `json:"machine"`
	Count   int    `json:"count"`
}

// jsonResult is one row: who it is, then every declared figure (null where it does not
// exist), then what its plan does with each batch.
type jsonResult struct {
	r *economics.Result
}

type jsonBand struct {
	Mean   float64 `json:"mean_usd"`
	P10    float64 `json:"p10_usd"`
	P50    float64 `json:"p50_usd"`
	P90    float64 `json:"p90_usd"`
	PWorse float64 `json:"p_worse"`
}

func (j jsonResult) MarshalJSON() ([]byte, error) {
	r := j.r
	var b bytes.Buffer
	put := func(key string, v any) error {
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		b.WriteString(`"` + key + `":`) // keys are plain identifiers
		val, err := appendJSON(b.AvailableBuffer(), v)
		b.Write(val)
		return err
	}
	b.WriteByte('{')
	var reason *string
	if r.Excluded {
		reason = &r.ExcludedReason
	}
	head := []struct {
		key string
		v   any
	}{{"id", r.ID}, {"name", r.Name}, {"kind", r.Kind}, {"region", r.Region}, {"legal_status", r.LegalStatus},
		{"excluded", r.Excluded}, {"excluded_reason", reason}}
	for _, h := range head {
		if err := put(h.key, h.v); err != nil {
			return nil, err
		}
	}
	groups := map[string]map[string]any{} // figures written in an object of their own
	for _, f := range economics.Fields {
		if f.Value == nil {
			continue
		}
		var v any
		x, ok := Exported(f, r)
		if ok {
			v = round12(x)
			if f.Unit == economics.Months || f.Unit == economics.Machines {
				v = int(x)
			}
		}
		if f.Group != "" {
			if ok {
				if groups[f.Group] == nil {
					groups[f.Group] = map[string]any{}
				}
				groups[f.Group][f.Key] = v
			}
			continue
		}
		if err := put(f.Key, v); err != nil {
			return nil, err
		}
	}
	batches := make([]jsonBatchResult, len(r.Batches))
	for i, br := range r.Batches {
		batches[i] = jsonBatchResult{Machine: br.Machine, Count: br.Count, Fit: br.Fit, Moved: br.Move, Value: br.Value,
			Alternative: string(br.Alternative), AlternativeValue: br.AlternativeValue, ExitMonth: br.ExitMonth}
	}
	if err := put("batches", batches); err != nil {
		return nil, err
	}
	for _, name := range slices.Sorted(maps.Keys(groups)) {
		if err := put(name, groups[name]); err != nil {
			return nil, err
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// appendJSON appends v as json.Marshal writes it, numbers without its reflection: a
// thousand rows hold tens of thousands of them.
func appendJSON(b []byte, v any) ([]byte, error) {
	switch x := v.(type) {
	case nil:
		return append(b, "null"...), nil
	case int:
		return strconv.AppendInt(b, int64(x), 10), nil
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			break // json.Marshal's error
		}
		format := byte('f')
		if abs := math.Abs(x); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
			format = 'e'
		}
		b = strconv.AppendFloat(b, x, format, -1, 64)
		if n := len(b); format == 'e' && n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1] // e-07 is written e-7
			b = b[:n-1]
		}
		return b, nil
	}
	val, err := json.Marshal(v)
	return append(b, val...), err
}

// WriteJSON writes {"scenario": …, "results": […], "portfolio": …} with raw numbers; figures
// that do not exist (no payback within the horizon, no rank for an excluded destination, no
// score for the sell row) are null, and so is the portfolio when it was not solved. The
// document is written part by part, indented as a whole document would be: thousands of
// rows never sit in one buffer.
func WriteJSON(w io.Writer, rep Report) error {
	p := rep.Plan
	sc := p.Scenario
	scenario := jsonScenario{
		Name: sc.Name, Origin: sc.Origin.String(), Machines: p.Machines, ITkW: p.ITkW,
		HorizonMonths: sc.Horizon(), DiscountRate: sc.DiscountRate.Value, PoolFee: sc.Market.PoolFee.Value,
		SaleFee: sc.Market.SaleFee.Value, Freight: sc.FreightUSDPerKgPer1000km.Value,
		NotMoving: economics.NotMoving(rep.Results), Paths: rep.Paths, Seed: rep.Seed, Data: rep.Data, DataAsOf: rep.AsOf, Notes: rep.Notes,
	}
	for _, b := range p.Batches {
		scenario.Fleet = append(scenario.Fleet, jsonBatch{Machine: b.Machine.ID, Count: b.Count, SellValue: b.SellValue()})
	}
	if scenario.Notes == nil {
		scenario.Notes = []string{}
	}
	var portfolio *jsonPortfolio
	if pf := rep.Portfolio; pf != nil {
		portfolio = &jsonPortfolio{NPV: pf.NPV, Gain: pf.Gain, MaxShare: pf.MaxShare, Bound: pf.Bound, Allocations: []jsonAllocation{}}
		for _, a := range pf.Allocations {
			portfolio.Allocations = append(portfolio.Allocations, jsonAllocation{Option: a.Option, Kind: string(a.Kind), Machine: a.Machine, Count: a.Count})
		}
		if u, ok := rep.Bands[economics.SplitID]; ok {
			portfolio.Uncertainty = &jsonBand{u.Mean, u.P10, u.P50, u.P90, u.PWorse}
		}
	}
	out := bufio.NewWriter(w)
	out.WriteString("{\n  \"scenario\": ")
	if err := write(out, "  ", scenario); err != nil {
		return err
	}
	out.WriteString(",\n  \"results\": [")
	// Rows are marshalled a window at a time on every core, and written in order.
	const window = 256
	rows := make([][]byte, min(window, len(rep.Results)))
	errs := make([]error, len(rows))
	for start := 0; start < len(rep.Results); start += window {
		n := min(window, len(rep.Results)-start)
		var next atomic.Int64
		var wg sync.WaitGroup
		for range min(runtime.GOMAXPROCS(0), n) {
			wg.Go(func() {
				for k := int(next.Add(1)) - 1; k < n; k = int(next.Add(1)) - 1 {
					// MarshalJSON writes compact JSON already, which json.Marshal would only check again.
					row, err := jsonResult{r: &rep.Results[start+k]}.MarshalJSON()
					if err == nil {
						rows[k], err = indentCompact("    ", row, rows[k][:0])
					}
					errs[k] = err
				}
			})
		}
		wg.Wait()
		for k := range n {
			if errs[k] != nil {
				return errs[k]
			}
			if start+k > 0 {
				out.WriteByte(',')
			}
			out.WriteString("\n    ")
			out.Write(rows[k])
		}
	}
	if len(rep.Results) > 0 {
		out.WriteString("\n  ")
	}
	out.WriteString("],\n  \"portfolio\": ")
	if err := write(out, "  ", portfolio); err != nil {
		return err
	}
	out.WriteString("\n}\n")
	return out.Flush()
}

// indent appends v to dst as it stands in the document: its lines after the first start at
// depth, as an indenting encoder writes the whole document.
func indent(depth string, v any, dst []byte) ([]byte, error) {
	compact, err := json.Marshal(v)
	if err != nil {
		return dst, err
	}
	return indentCompact(depth, compact, dst)
}

// indentCompact appends compact JSON to dst, indented as within a document at depth.
func indentCompact(depth string, compact, dst []byte) ([]byte, error) {
	buf := bytes.NewBuffer(dst)
	err := json.Indent(buf, compact, depth, "  ")
	return buf.Bytes(), err
}

func write(out *bufio.Writer, depth string, v any) error {
	b, err := indent(depth, v, nil)
	if err == nil {
		_, err = out.Write(b)
	}
	return err
}
