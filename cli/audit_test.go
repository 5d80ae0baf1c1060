package cli

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestAuditPrintsFindings(t *testing.T) {
	var out, errOut bytes.Buffer
	o := AuditOptions{Dir: "../dataset/testdata/mini", StaleAfter: "2y", Now: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)}
	if err := Audit(o, Env{Stdout: &out, Stderr: &errOut}); err != nil {
		t.Fatalf("%v\n%s", err, errOut.String())
	}
	for _, want := range []string{
		"../dataset/testdata/mini/countries/kz.yaml  (",
		"power.uptime",
		"../dataset/testdata/mini/machines.yaml  (",
		"machines[0].hashrate",
		"stale (as_of more than 24 months before 2026-05-01;",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

// The bundled set: scenarios are audited, the hashprice (the input that moves fastest) is
// flagged as stale, and each figure is listed once whatever is wrong with it.
func TestAuditOfTheBundledSet(t *testing.T) {
	var out, errOut bytes.Buffer
	o := AuditOptions{StaleAfter: "18mo", Now: time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)}
	if err := Audit(o, Env{Stdout: &out, Stderr: &errOut}); err != nil {
		t.Fatalf("%v\n%s", err, errOut.String())
	}
	file, seen := "", map[string]bool{}
	hashprice := false
	for _, line := range strings.Split(out.String(), "\n") {
		if strings.HasPrefix(line, "data/") {
			file = strings.Fields(line)[0]
			continue
		}
		fields := strings.Fields(line)
		if len(fields) < 4 || !strings.Contains(fields[0], ":") {
			continue
		}
		key := file + " " + fields[0]
		if seen[key] {
			t.Errorf("%s listed twice", key)
		}
		seen[key] = true
		if file == "data/scenarios/default.yaml" && fields[1] == "market.algorithms.sha256.usd_per_unit_day" {
			hashprice = strings.Contains(line, "stale")
		}
		if fields[1] == "site.avg_temp_c" && strings.Contains(line, "stale") {
			t.Errorf("a climate normal is stable, never stale: %s", line)
		}
	}
	if !hashprice {
		t.Errorf("the hashprice is not flagged as stale:\n%s", out.String())
	}
}

func TestAuditReportsLoadErrors(t *testing.T) {
	var errOut bytes.Buffer
	err := Audit(AuditOptions{Dir: "testdata-missing", StaleAfter: "18mo"}, Env{Stdout: &bytes.Buffer{}, Stderr: &errOut})
	if !errors.Is(err, ErrReported) || !strings.Contains(errOut.String(), "testdata-missing: does not exist") {
		t.Errorf("%v, %q", err, errOut.String())
	}
}

func TestAuditOptionsCheck(t *testing.T) {
	if err := (AuditOptions{StaleAfter: "18mo"}).Check(); err != nil {
		t.Error(err)
	}
	if err := (AuditOptions{StaleAfter: "18m"}).Check(); err == nil || !strings.HasPrefix(err.Error(), "--stale-after: ") {
		t.Errorf("18m: %v", err)
	}
}
