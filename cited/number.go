// Package cited holds numbers that carry their provenance: the value a consultant typed,
// where it came from, when it was true, and whether it is a judgement call.
package cited

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Number is a figure from a data file. Written plain (`0.066`) it has no source; written
// cited (`{value: 0.066, source: "...", as_of: 2023-12, estimate: false}`) it has.
type Number struct {
	Value    float64
	Source   string
	AsOf     string // a year, year-month or date, as written
	Estimate bool
	// Stable marks a figure that does not go stale: a climate normal, a site's coordinates,
	// a machine's nameplate spec. Its as_of still says when it was true; age does not matter.
	Stable bool
	Set    bool // present in the file (absent optional numbers count as zero)
	Line   int  // position of the value in its file, for messages
	Col    int
	Edited bool // changed in the app by a what-if, not read from the file
}

// Plain returns a number with no provenance, as a set value.
func Plain(v float64) Number { return Number{Value: v, Set: true} }

// Sourced reports whether the figure names where it came from.
func (n Number) Sourced() bool { return strings.TrimSpace(n.Source) != "" }

// AsOfTime is the start of the period as_of names; ok is false when it is missing or malformed.
func (n Number) AsOfTime() (time.Time, bool) { return ParseAsOf(n.AsOf) }

// ParseAsOf reads a year (2023), year-month (2023-12) or date (2023-12-31), as time.Parse
// does with those layouts; by hand, as every figure of every file has a date to check.
func ParseAsOf(s string) (time.Time, bool) {
	if len(s) != 4 && len(s) != 7 && len(s) != 10 {
		return time.Time{}, false
	}
	year, ok := digits(s[:4])
	month, day := 1, 1
	if ok && len(s) >= 7 {
		month, ok = digits(s[5:7])
		ok = ok && s[4] == '-' && month >= 1 && month <= 12
	}
	if ok && len(s) == 10 {
		day, ok = digits(s[8:10])
		// time.Date moves a day past the month's end into the next month: such a date is not one.
		ok = ok && s[7] == '-' && day >= 1 && time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC).Day() == day
	}
	if !ok {
		return time.Time{}, false
	}
	return time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC), true
}

// digits reads a run of ASCII digits, and nothing else, as a number.
func digits(s string) (int, bool) {
	n := 0
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// Stale reports whether the figure's as-of date is older than maxAge months before now.
// A figure without a date is not stale, it is undated (see Sourced and AsOf); a stable
// figure never is.
func (n Number) Stale(now time.Time, maxAgeMonths int) bool {
	t, ok := n.AsOfTime()
	if !ok || maxAgeMonths <= 0 || n.Stable {
		return false
	}
	// A year or month covers the whole period: measure from its end, not its start.
	switch len(n.AsOf) {
	case 4:
		t = t.AddDate(1, 0, -1)
	case 7:
		t = t.AddDate(0, 1, -1)
	}
	return t.AddDate(0, maxAgeMonths, 0).Before(now)
}

// Format renders the value without trailing zeros, as a consultant would write it.
func Format(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// Provenance is a one-line account of where the figure came from.
func (n Number) Provenance() string {
	var parts []string
	if n.Edited {
		parts = append(parts, "what-if edit")
	}
	if n.Sourced() {
		parts = append(parts, n.Source)
	} else if !n.Edited {
		parts = append(parts, "no source")
	}
	if n.AsOf != "" {
		parts = append(parts, fmt.Sprintf("as of %s", n.AsOf))
	}
	if n.Estimate {
		parts = append(parts, "estimate")
	}
	return strings.Join(parts, " · ")
}
