package cmd

import (
	"github.com/spf13/cobra"

	"hashhaven/cli"
)

func validateCmd(env cli.Env) *cobra.Command {
	var src cli.Source
	cmd := &cobra.Command{
		Use:     "validate",
		Short:   "Checks every file of the data set and lists every problem",
		Long:    `Checks every file of the data set, and the scenario when one is named, and lists every problem as path:line:col: field: message. Exits 1 if there is any.`,
		Example: `hashhaven validate --data mydata`,
		Args:    noArgs,
		RunE: func(*cobra.Command, []string) error {
			return cli.Validate(src, env)
		},
	}
	sourceFlags(cmd, &src)
	return cmd
}
