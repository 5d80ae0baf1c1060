package cmd

import (
	"fmt"

	mango "github.com/muesli/mango-cobra"
	"github.com/muesli/roff"
	"github.com/spf13/cobra"
)

// manCmd writes the man page, made from the same commands, flags and texts as --help.
// It is fang's, writing where the command's output goes, so it can be redirected and tested.
func manCmd() *cobra.Command {
	return &cobra.Command{
		Use:    "man",
		Short:  "Writes the man page (hashhaven man > hashhaven.1)",
		Hidden: true,
		Args:   noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			page, err := mango.NewManPage(1, cmd.Root())
			if err != nil {
				return err
			}
			_, err = fmt.Fprint(cmd.OutOrStdout(), page.Build(roff.NewDocument()))
			return err
		},
	}
}
