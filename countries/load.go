package countries

import (
	"fmt"
	"path"
	"strings"

	"hashhaven/cited"
	"hashhaven/plainyaml"
	"hashhaven/strictyaml"
)

// Decode reads one country file. file is the path as the user gave it, for messages.
// The returned doc locates fields for checks that span files.
func Decode(file string, src []byte) (Country, *strictyaml.Doc) {
	return DecodeWith(new(plainyaml.Parser), file, src)
}

// DecodeWith is Decode parsing with ps, as strictyaml.DecodeWith does: the doc locates
// fields until ps parses again.
func DecodeWith(ps *plainyaml.Parser, file string, src []byte) (Country, *strictyaml.Doc) {
	var c Country
	doc := strictyaml.DecodeWith(ps, file, src, &c)
	if len(doc.Issues) > 0 {
		return c, doc
	}
	base := path.Base(strings.ReplaceAll(file, "\\", "/"))
	wantID := base
	if ext := path.Ext(base); strings.EqualFold(ext, ".yaml") || strings.EqualFold(ext, ".yml") {
		wantID = strings.TrimSuffix(base, ext) // ae.YAML holds ae, as ae.yaml does
	}
	if c.ID != wantID {
		doc.Errorf("id", "is %q but the file is named %q; they must match", c.ID, wantID)
	}
	if c.Currency == "USD" {
		if c.USDPerLocal.Set && c.USDPerLocal.Value != 1 {
			doc.Errorf("usd_per_local", "must be 1 (or left out) when currency is USD")
		}
		c.USDPerLocal = cited.Number{Value: 1, Set: true, Source: "currency is USD"}
	} else if !c.USDPerLocal.Set {
		doc.Errorf("usd_per_local", "required field is missing: currency is %s, so the USD rate is needed to convert its levies", c.Currency)
	}
	for i, e := range c.Risk.Events {
		if _, ok := cited.ParseAsOf(e.Date); !ok {
			doc.Errorf(eventField(i), "must be a year, year-month or date (2023, 2023-12, 2023-12-31), found %q", e.Date)
		}
	}
	doc.Issues.Sort()
	return c, doc
}

func eventField(i int) string { return fmt.Sprintf("risk.events[%d].date", i) }
