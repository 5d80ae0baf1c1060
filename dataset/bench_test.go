package dataset

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// BenchmarkLoad1000 reads and validates a data set of 1,000 destination files.
// Target: under 1 s per op.
func BenchmarkLoad1000(b *testing.B) {
	fsys := mini(b)
	kz := string(fsys["countries/kz.yaml"].Data)
	for i := range 1000 {
		id := fmt.Sprintf("c%04d", i)
		fsys["countries/"+id+".yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(kz, "id: kz", "id: "+id, 1))}
	}
	b.ReportAllocs()
	for b.Loop() {
		set, issues := Load(fsys, "big")
		if len(issues) > 0 || len(set.Countries) != 1003 {
			b.Fatalf("%d countries, issues %v", len(set.Countries), issues)
		}
	}
}
