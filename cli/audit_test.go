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
		"stale (as_of more than 24 months before 2026-05-01)",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
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
