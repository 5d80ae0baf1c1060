package cited

import (
	"fmt"
	"testing"
	"time"
)

// ParseAsOf reads exactly what time.Parse reads with the three layouts, to the same time.
func TestParseAsOfAgreesWithTimeParse(t *testing.T) {
	var cases []string
	for _, y := range []string{"0000", "1900", "2000", "2023", "2024", "9999"} {
		cases = append(cases, y)
		for m := -1; m <= 13; m++ {
			ym := fmt.Sprintf("%s-%02d", y, m)
			cases = append(cases, ym, fmt.Sprintf("%s-%d", y, m))
			for d := -1; d <= 32; d++ {
				cases = append(cases, fmt.Sprintf("%s-%02d", ym, d), fmt.Sprintf("%s-%d", ym, d))
			}
		}
	}
	cases = append(cases, "", "202", "20234", "+023", "-023", "2023-", "2023/12", "2023-12-", "2023-12-1x",
		"２０２３", "2023-1a", "2023 12", "2023-12-31 ", " 2023", "2023-12-31T00")
	for _, s := range cases {
		var want time.Time
		wantOK := false
		for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
			if tm, err := time.Parse(layout, s); err == nil {
				want, wantOK = tm, true
				break
			}
		}
		got, ok := ParseAsOf(s)
		if ok != wantOK || !got.Equal(want) {
			t.Errorf("ParseAsOf(%q) = %v, %v; time.Parse gives %v, %v", s, got, ok, want, wantOK)
		}
	}
}
