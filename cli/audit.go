package cli

import (
	"fmt"
	"time"

	"hashhaven/audit"
	"hashhaven/data"
	"hashhaven/dataset"
)

// AuditOptions are the options of the audit command.
type AuditOptions struct {
	Dir        string    // "" for the embedded data set
	StaleAfter string    // an age such as 18mo, 2y or 24 (months)
	Now        time.Time // the zero time means the clock's; tests fix it
}

// Check reports options that cannot work, before any data is read.
func (o AuditOptions) Check() error {
	if _, err := audit.ParseAge(o.StaleAfter); err != nil {
		return fmt.Errorf("--stale-after: %w", err)
	}
	return nil
}

// Audit lists the figures with no source, the estimates and the stale figures of the data set.
// It informs: once the data loads it succeeds, whatever it finds.
func Audit(o AuditOptions, env Env) error {
	months, err := audit.ParseAge(o.StaleAfter)
	if err != nil {
		return fmt.Errorf("--stale-after: %w", err)
	}
	set, issues := dataset.Open(data.FS(), o.Dir)
	if len(issues) > 0 {
		printIssues(issues, env)
		return ErrReported
	}
	now := o.Now
	if now.IsZero() {
		now = time.Now()
	}
	return audit.Run(set, now, months).WriteText(env.Stdout)
}
