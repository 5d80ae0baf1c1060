package report

import (
	"encoding/csv"
	"io"
	"math"
	"strconv"
	"strings"

	"hashhaven/economics"
)

// WriteCSV writes one row per option with raw numbers (USD, USD/kWh, shares 0–1): who it is,
// then the same figures as the JSON output; empty cells stand for null. The header row comes
// first, so spreadsheets and data frames read the file as it is.
func WriteCSV(w io.Writer, rep Report) error {
	cw := csv.NewWriter(w)
	header := []string{"id", "name", "kind", "region", "legal_status", "excluded", "excluded_reason"}
	for _, f := range economics.Fields {
		if f.Value != nil {
			header = append(header, f.Key)
		}
	}
	cw.Write(header)
	for i := range rep.Results {
		r := &rep.Results[i]
		row := []string{r.ID, inert(r.Name), string(r.Kind), inert(r.Region), r.LegalStatus, strconv.FormatBool(r.Excluded), r.ExcludedReason}
		for _, f := range economics.Fields {
			if f.Value == nil {
				continue
			}
			cell := ""
			if v, ok := Exported(f, r); ok {
				cell = num(v)
			}
			row = append(row, cell)
		}
		for i := range row {
			row[i] = Clean(row[i], false)
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

// inert keeps a text cell from being read as a formula by a spreadsheet (=HYPERLINK(…)): one
// that starts like a formula gets a leading apostrophe, which spreadsheets show as text.
func inert(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// num is v as written in the CSV: rounded to 12 significant digits, which drops the noise
// of binary arithmetic (0.052000000000000005 is 0.052) and keeps every cent of any sum a
// fleet could be worth, then in as few digits as read back the same; integers stay integers.
func num(v float64) string { return strconv.FormatFloat(round12(v), 'f', -1, 64) }

// round12 is v rounded to 12 significant digits.
func round12(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) || v == 0 {
		return v
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
	if err != nil {
		return v
	}
	return r
}
