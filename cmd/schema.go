package cmd

import (
	"github.com/spf13/cobra"

	"hashhaven/cli"
)

func schemaCmd(env cli.Env) *cobra.Command {
	var dir string
	cmd := &cobra.Command{
		Use:     "schema",
		Short:   "Writes the JSON Schemas of the data files",
		Long:    `Writes the JSON Schemas of the data files (country, machines, scenario) into a folder, for editors that check YAML as you type. Never overwrites a file.`,
		Example: `hashhaven schema --out schemas`,
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if f := fileInTheWay(dir); f != "" {
				return usagef(cmd, "--out must be a folder: %s is a file", f)
			}
			return cli.Schema(dir, env)
		},
	}
	cmd.Flags().StringVar(&dir, "out", ".", "folder to write the schemas into (created if needed)")
	cmd.MarkFlagDirname("out")
	return cmd
}
