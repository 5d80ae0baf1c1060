package dataset

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// mini returns the small test data set as an in-memory folder, for variants.
func mini(t testing.TB) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, f := range []string{"machines.yaml", "countries/kz.yaml", "countries/py.yaml", "countries/cn.yaml", "scenarios/default.yaml"} {
		b, err := os.ReadFile("testdata/mini/" + f)
		if err != nil {
			t.Fatal(err)
		}
		fsys[f] = &fstest.MapFile{Data: b}
	}
	return fsys
}

func TestLoadMini(t *testing.T) {
	set, issues := Load(mini(t), "mini")
	if len(issues) > 0 {
		t.Fatalf("issues:\n%v", issues)
	}
	if len(set.Countries) != 3 || set.Countries[0].ID != "cn" || len(set.Machines.Machines) != 2 {
		t.Errorf("loaded %d countries (first %s), %d machines", len(set.Countries), set.Countries[0].ID, len(set.Machines.Machines))
	}
	if _, ok := set.Country("py"); !ok {
		t.Error("Country(py) not found")
	}
	if set.AsOf != "2026-11" {
		t.Errorf("newest as-of = %q", set.AsOf)
	}
	if sc, is := set.PickScenario(""); len(is) > 0 || sc.Name != "100 S19 leaving Kazakhstan" {
		t.Errorf("default scenario: %v %v", sc.Name, is)
	}
}

func TestCrossFileProblems(t *testing.T) {
	cases := []struct {
		name, file, old, new, want string
	}{
		{"unknown machine", "scenarios/default.yaml", "machine: s19", "machine: s9",
			`mini/scenarios/default.yaml:4:15: fleet[0].machine: unknown machine "s9"`},
		{"unknown origin", "scenarios/default.yaml", "origin: kz", "origin: xx",
			`mini/scenarios/default.yaml:2:9: origin: unknown destination "xx"`},
		{"unit mismatch", "scenarios/default.yaml", "unit: TH/s", "unit: PH/s",
			`fleet[0].machine: unit mismatch: s19 is rated in TH/s but market.algorithms.sha256 is priced per PH/s`},
		{"no market", "scenarios/default.yaml", "machine: s19", "machine: gpu",
			`fleet[0].machine: gpu mines etchash, but market.algorithms has no etchash entry`},
		{"duplicate machine", "machines.yaml", "id: gpu", "id: s19",
			`mini/machines.yaml:10:9: machines[1].id: "s19" is already used by machines[0]`},
		{"empty fleet", "scenarios/default.yaml", "  - {machine: s19, count: 100}\n", "  []\n",
			`fleet`},
		{"zero count", "scenarios/default.yaml", "count: 100", "count: 0",
			`fleet[0].count: must be at least 1, got 0`},
		{"bad origin", "scenarios/default.yaml", "origin: kz", "origin: [1, 2]",
			`origin: must be a destination id`},
		{"point origin out of range", "scenarios/default.yaml", "origin: kz", "origin: {lat: 95, lon: 0}",
			`origin.lat: must be at most 90, got 95`},
		{"zero weights", "scenarios/default.yaml", "weights: {npv: 0.6, stability: 0.2, headroom: 0.1, proximity: 0.1}", "weights: {npv: 0}",
			`weights: at least one weight must be above 0`},
		{"unknown scenario field", "scenarios/default.yaml", "horizon_months: 36", "horizon_months: 36\nhorizon_years: 3",
			`horizon_years: unknown field`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := mini(t)
			src := string(fsys[c.file].Data)
			if !strings.Contains(src, c.old) {
				t.Fatalf("fixture lacks %q", c.old)
			}
			fsys[c.file] = &fstest.MapFile{Data: []byte(strings.Replace(src, c.old, c.new, 1))}
			_, issues := Load(fsys, "mini")
			if !strings.Contains(issues.Error(), c.want) {
				t.Errorf("issues:\n%v\nwant one containing %q", issues, c.want)
			}
		})
	}
}

func TestMissingPartsAndLimits(t *testing.T) {
	fsys := mini(t)
	delete(fsys, "machines.yaml")
	_, issues := Load(fsys, "mini")
	if !strings.Contains(issues.Error(), "mini/machines.yaml: missing") {
		t.Errorf("missing catalogue: %v", issues)
	}

	fsys = mini(t)
	fsys["countries/big.yaml"] = &fstest.MapFile{Data: make([]byte, 2<<20)}
	_, issues = Load(fsys, "mini")
	if !strings.Contains(issues.Error(), "mini/countries/big.yaml: file is 2097152 bytes, over the 1048576-byte limit") {
		t.Errorf("big file: %v", issues)
	}

	fsys = mini(t)
	for i := range MaxFiles + 1 {
		fsys[fmt.Sprintf("countries/notes-%d.txt", i)] = &fstest.MapFile{}
	}
	_, issues = Load(fsys, "mini")
	if !strings.Contains(issues.Error(), "mini/countries: holds 5004 files, over the limit of 5000") {
		t.Errorf("many files: %v", issues)
	}

	// Many files each under the size limit still may not add up to more than the folder's.
	fsys = mini(t)
	for i := range 70 {
		fsys[fmt.Sprintf("countries/c%d.yaml", i)] = &fstest.MapFile{Data: make([]byte, 1<<20-1)}
	}
	_, issues = Load(fsys, "mini")
	if !strings.Contains(issues.Error(), "mini/countries: holds 70 MiB of YAML, over the limit of 64 MiB") {
		t.Errorf("a folder of large files: %v", issues)
	}

	fsys = mini(t)
	fsys["countries/kz2.yml"] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys["countries/kz.yaml"].Data), "id: kz", "id: kz2", 1))}
	fsys["countries/.kz.yaml.swp"] = &fstest.MapFile{Data: []byte("junk")}
	set, issues := Load(fsys, "mini")
	if len(issues) > 0 || len(set.Countries) != 4 {
		t.Errorf(".yml files load and editor files are skipped: %v (%d countries)", issues, len(set.Countries))
	}
}
