package machines

import (
	"os"
	"strings"
	"testing"
)

const s19 = `  - id: s19
    name: Antminer S19
    algorithm: sha256
    hashrate: {value: 95, source: "spec sheet", as_of: 2020}
    unit: TH/s
    power_w: 3250
    price_usd: 400
    weight_kg: 15
`

const gpu = `  - id: gpu
    name: GPU
    algorithm: etchash
    hashrate: 120
    unit: MH/s
    power_w: 300
    price_usd: 700
    weight_kg: 3
    max_ambient_c: {value: 40, estimate: true}
`

func TestDecodeCatalogue(t *testing.T) {
	cat, doc := Decode("m.yaml", []byte("machines:\n"+s19+gpu))
	if len(doc.Issues) > 0 {
		t.Fatalf("issues:\n%v", doc.Issues)
	}
	if len(cat.Machines) != 2 {
		t.Fatalf("%d machines", len(cat.Machines))
	}
	m, ok := cat.ByID("s19")
	if !ok || m.Name != "Antminer S19" || m.Hashrate.Value != 95 || m.Hashrate.Source != "spec sheet" || m.PowerW.Value != 3250 || m.Unit != "TH/s" {
		t.Errorf("ByID(s19) = %+v, %v", m, ok)
	}
	if m.MaxAmbientC.Set {
		t.Error("absent max_ambient_c must be unset")
	}
	g, ok := cat.ByID("gpu")
	if !ok || g.Algorithm != "etchash" || !g.MaxAmbientC.Estimate || g.MaxAmbientC.Value != 40 {
		t.Errorf("ByID(gpu) = %+v, %v", g, ok)
	}
	if _, ok := cat.ByID("s9"); ok {
		t.Error("ByID found a machine that is not there")
	}
}

func TestDuplicateIDNamesBothLines(t *testing.T) {
	src := "machines:\n" + s19 + strings.Replace(gpu, "id: gpu", "id: s19", 1)
	_, doc := Decode("data/machines.yaml", []byte(src))
	want := `data/machines.yaml:10:9: machines[1].id: "s19" is already used by machines[0]`
	if doc.Issues.Error() != want {
		t.Errorf("got:\n%v\nwant:\n%s", doc.Issues, want)
	}
	// The line points at the second use; the first is machines[0], on line 2.
	if is := doc.Issues[0]; is.Line != 10 || is.Col != 9 {
		t.Errorf("position %d:%d, want 10:9", is.Line, is.Col)
	}
}

func TestEveryDuplicateReportedAgainstTheFirst(t *testing.T) {
	third := strings.Replace(strings.Replace(gpu, "id: gpu", "id: s19", 1), "name: GPU", "name: Third", 1)
	src := "machines:\n" + s19 + strings.Replace(gpu, "id: gpu", "id: s19", 1) + third
	_, doc := Decode("m.yaml", []byte(src))
	want := "m.yaml:10:9: machines[1].id: \"s19\" is already used by machines[0]\n" +
		"m.yaml:19:9: machines[2].id: \"s19\" is already used by machines[0]"
	if doc.Issues.Error() != want {
		t.Errorf("got:\n%v\nwant:\n%s", doc.Issues, want)
	}
}

func TestProblems(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"unknown unit", "machines:\n" + strings.Replace(s19, "unit: TH/s", "unit: TH", 1),
			`m.yaml:6:11: machines[0].unit: must be one of H/s, kH/s, MH/s, GH/s, TH/s, PH/s, EH/s, got "TH"`},
		{"unit in the wrong case", "machines:\n" + strings.Replace(s19, "unit: TH/s", "unit: th/s", 1),
			`machines[0].unit: must be one of H/s, kH/s, MH/s, GH/s, TH/s, PH/s, EH/s, got "th/s"`},
		{"zero hashrate", "machines:\n" + strings.Replace(gpu, "hashrate: 120", "hashrate: 0", 1),
			"m.yaml:5:15: machines[0].hashrate: must be at least 0.001, got 0"},
		{"zero power, cited", "machines:\n" + strings.Replace(s19, "power_w: 3250", "power_w: {value: 0, source: x}", 1),
			"m.yaml:7:22: machines[0].power_w.value: must be at least 1, got 0"},
		{"negative price", "machines:\n" + strings.Replace(s19, "price_usd: 400", "price_usd: -1", 1),
			"machines[0].price_usd: must be at least 0, got -1"},
		{"bad id", "machines:\n" + strings.Replace(s19, "id: s19", "id: S19 Pro", 1),
			`machines[0].id: "S19 Pro" does not match [a-z0-9-]+`},
		{"missing power", "machines:\n" + strings.Replace(s19, "    power_w: 3250\n", "", 1),
			"m.yaml:2:5: machines[0].power_w: required field is missing"},
		{"unknown field", "machines:\n" + strings.Replace(s19, "weight_kg: 15", "weight_kg: 15\n    watts: 3250", 1),
			"m.yaml:10:5: machines[0].watts: unknown field (expected one of: algorithm, hashrate, id, max_ambient_c, name, power_w, price_usd, unit, weight_kg)"},
		{"too hot", "machines:\n" + strings.Replace(gpu, "value: 40", "value: 90", 1),
			"machines[0].max_ambient_c.value: must be at most 80, got 90"},
		{"empty list", "machines: []\n", "m.yaml:1:11: machines: the catalogue lists no machines"},
		{"no list", "machines:\n", "m.yaml:1:1: machines: needs a value"},
		{"wrong root field", "machine:\n" + s19, "m.yaml:1:1: machine: unknown field (expected one of: machines)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, doc := Decode("m.yaml", []byte(c.src))
			if len(doc.Issues) == 0 {
				t.Fatal("accepted a bad catalogue")
			}
			if !strings.Contains(doc.Issues.Error(), c.want) {
				t.Errorf("got:\n%v\nwant one containing %q", doc.Issues, c.want)
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	for _, file := range []string{"../data/machines.yaml", "../dataset/testdata/mini/machines.yaml"} {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Add([]byte("machines:\n" + s19 + gpu))
	f.Add([]byte("machines: []\n"))
	f.Add([]byte("machines:\n  - {id: a, name: A, algorithm: x, hashrate: 1e-300, unit: H/s, power_w: 0x10, price_usd: 0, weight_kg: 0}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		cat, doc := Decode("fuzz/machines.yaml", src)
		for _, is := range doc.Issues {
			if is.File != "fuzz/machines.yaml" || is.Msg == "" {
				t.Fatalf("malformed issue %+v", is)
			}
		}
		if len(doc.Issues) > 0 {
			return
		}
		if len(cat.Machines) == 0 {
			t.Fatal("accepted a catalogue with no machines")
		}
		ids := map[string]bool{}
		for _, m := range cat.Machines {
			if !(m.Hashrate.Value > 0) || !(m.PowerW.Value > 0) {
				t.Fatalf("accepted a machine without positive hashrate and power: %+v", m)
			}
			if ids[m.ID] {
				t.Fatalf("accepted a duplicate id %q", m.ID)
			}
			ids[m.ID] = true
		}
	})
}
