package countries

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"hashhaven/plainyaml"
)

var update = flag.Bool("update", false, "rewrite the .err golden files from the loader's output")

func TestGoodProfileLoads(t *testing.T) {
	src, err := os.ReadFile("testdata/good/kz.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c, doc := Decode("testdata/good/kz.yaml", src)
	if len(doc.Issues) > 0 {
		t.Fatalf("unexpected issues:\n%v", doc.Issues)
	}
	if c.Power.PriceUSDPerKWh.Value != 0.05 || c.Power.PriceUSDPerKWh.Source != "test fixture" || c.Power.PriceUSDPerKWh.AsOf != "2022" {
		t.Errorf("cited block number read as %+v", c.Power.PriceUSDPerKWh)
	}
	if c.Power.PriceUSDPerKWh.Line != 12 {
		t.Errorf("price value line = %d, want 12", c.Power.PriceUSDPerKWh.Line)
	}
	if !c.Power.AvailableMW.Estimate || c.Power.Uptime.Value != 0.8 || c.Power.Uptime.Sourced() {
		t.Errorf("estimate flag or plain number wrong: %+v %+v", c.Power.AvailableMW, c.Power.Uptime)
	}
	if c.Taxes.LevyShareOfPowerBill.Set || c.Site.OpexUSDPerKWMonth.Value != 0 {
		t.Errorf("absent optional numbers must be zero and unset")
	}
	if len(c.Risk.Events) != 1 || c.Risk.Events[0].Date != "2021-10" {
		t.Errorf("events = %+v", c.Risk.Events)
	}
}

// Every bad file gives the messages pinned in its .err file (go test -update rewrites them).
func TestBadProfilesReportEveryProblem(t *testing.T) {
	files, _ := filepath.Glob("testdata/bad/*.yaml")
	if len(files) < 25 {
		t.Fatalf("only %d bad fixtures", len(files))
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			_, doc := Decode(file, src)
			if len(doc.Issues) == 0 {
				t.Fatal("accepted a bad file")
			}
			got := doc.Issues.Error() + "\n"
			for _, is := range doc.Issues {
				if !strings.HasPrefix(is.Error(), file+":") {
					t.Errorf("message does not start with the path: %s", is.Error())
				}
			}
			golden := strings.TrimSuffix(file, ".yaml") + ".err"
			if *update {
				os.WriteFile(golden, []byte(got), 0o644)
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("no golden file (run go test -update): %v", err)
			}
			if got != string(want) {
				t.Errorf("messages changed:\n got: %s\nwant: %s", got, want)
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	files, _ := filepath.Glob("testdata/*/*.yaml")
	for _, file := range files {
		src, _ := os.ReadFile(file)
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		c, doc := Decode("fuzz/kz.yaml", src)
		for _, is := range doc.Issues {
			if is.File != "fuzz/kz.yaml" || is.Msg == "" {
				t.Fatalf("malformed issue %+v", is)
			}
		}
		if len(doc.Issues) == 0 && (c.ID != "kz" || c.Site.PUE.Value < 1) {
			t.Fatalf("accepted an invalid profile: %+v", c)
		}
	})
}

// A file read on the fast path (plainyaml) decodes exactly as through yaml.v3: the same
// profile and the same messages. A tab in a last comment line sends it to yaml.v3.
func TestEitherParserReadsAlike(t *testing.T) {
	files, _ := filepath.Glob("testdata/*/*.yaml")
	bundled, _ := filepath.Glob("../data/countries/*.yaml")
	compared := 0
	for _, file := range append(files, bundled...) {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		slowSrc := append(append([]byte{}, src...), "\n#\tyaml.v3\n"...)
		if _, fast := plainyaml.Parse(src); !fast {
			continue // read by yaml.v3 either way
		}
		if _, fast := plainyaml.Parse(slowSrc); fast {
			t.Fatalf("%s: the fast parser took a tab, so this test no longer reaches yaml.v3", file)
		}
		fast, fastDoc := Decode(file, src)
		slow, slowDoc := Decode(file, slowSrc)
		if !reflect.DeepEqual(fast, slow) || fastDoc.Issues.Error() != slowDoc.Issues.Error() {
			t.Errorf("%s reads differently:\nfast %+v\n%v\nyaml.v3 %+v\n%v", file, fast, fastDoc.Issues, slow, slowDoc.Issues)
		}
		compared++
	}
	if compared < 60 {
		t.Errorf("only %d files read on the fast path", compared)
	}
}
