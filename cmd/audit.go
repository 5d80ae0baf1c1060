package cmd

import (
	"github.com/spf13/cobra"

	"hashhaven/cli"
)

func auditCmd(env cli.Env) *cobra.Command {
	var o cli.AuditOptions
	cmd := &cobra.Command{
		Use:     "audit",
		Short:   "Lists the figures to review: no source, estimates, stale",
		Long:    `Lists, per file, each figure to review once with what is wrong with it: no source, an estimate, or an as_of older than --stale-after (3 months at most for a hashprice, 6 for a used-machine price). Figures marked stable never go stale. Exits 0 whenever the data loads: an audit informs.`,
		Example: `hashhaven audit --data mydata --stale-after 2y`,
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := o.Check(); err != nil {
				return asUsage(cmd, err)
			}
			return cli.Audit(o, env)
		},
	}
	dataFlag(cmd, &o.Dir)
	cmd.Flags().StringVar(&o.StaleAfter, "stale-after", "18mo", "age after which a figure's as_of is stale: 18mo, 2y, or a number of months")
	return cmd
}
