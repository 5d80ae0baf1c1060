package audit

import (
	"fmt"
	"strconv"
	"strings"
)

// maxAgeMonths keeps ages to a sensible range (a century), far from overflowing a date.
const maxAgeMonths = 1200

// ParseAge reads an age in months: "18mo", "2y" (24 months) or a bare number of months, "24".
// "m" alone is refused: it could mean minutes.
func ParseAge(s string) (months int, err error) {
	age := strings.ToLower(strings.TrimSpace(s))
	digits := strings.TrimRightFunc(age, func(r rune) bool { return r < '0' || r > '9' })
	n, err := strconv.Atoi(digits)
	unit := age[len(digits):]
	if err != nil || strings.ContainsAny(digits, "+-") || (unit != "" && unit != "mo" && unit != "y") {
		return 0, fmt.Errorf("%q is not an age: write months as 18mo or 18, years as 2y", s)
	}
	limit, perUnit := maxAgeMonths, 1
	if unit == "y" {
		limit, perUnit = maxAgeMonths/12, 12
	}
	if n < 1 || n > limit {
		return 0, fmt.Errorf("%q is out of range: an age is 1 month to 100 years", s)
	}
	return n * perUnit, nil
}

// volatile lists the figures that go stale faster than the chosen age, by field name: market
// prices move every day. A hashprice a quarter old, or a used-machine price half a year old,
// misleads whatever age is chosen for tariffs and taxes.
var volatile = map[string]int{
	"usd_per_unit_day": 3, // hashprice
	"price_usd":        6, // used-machine price
}

// MaxAge is the age in months after which the figure at field is stale, given the age chosen
// for ordinary figures.
func MaxAge(field string, months int) int {
	name := field[strings.LastIndex(field, ".")+1:]
	if v, ok := volatile[name]; ok && v < months {
		return v
	}
	return months
}
