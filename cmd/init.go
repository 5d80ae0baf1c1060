package cmd

import (
	"github.com/spf13/cobra"

	"hashhaven/cli"
)

func initCmd(env cli.Env) *cobra.Command {
	return &cobra.Command{
		Use:   "init DIR",
		Short: "Writes the bundled data set into DIR for editing",
		Long:  `Writes the bundled data set into DIR for editing, with the JSON Schemas in DIR/schemas and a first line in each data file that points editors at its schema. Never overwrites a file: if any of them exists, nothing is written.`,
		Example: `hashhaven init mydata
hashhaven --data mydata`,
		Args: func(cmd *cobra.Command, args []string) error {
			switch len(args) {
			case 0:
				return usagef(cmd, "name the folder to write, e.g. 'hashhaven init mydata'")
			case 1:
				return nil
			}
			return usagef(cmd, "unexpected argument %q", args[1])
		},
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return nil, cobra.ShellCompDirectiveFilterDirs
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if f := fileInTheWay(args[0]); f != "" {
				return usagef(cmd, "DIR must be a folder: %s is a file", f)
			}
			return cli.Init(args[0], env)
		},
	}
}
