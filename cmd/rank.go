package cmd

import (
	"github.com/spf13/cobra"

	"hashhaven/cli"
)

func rankCmd(env cli.Env) *cobra.Command {
	var o cli.RankOptions
	cmd := &cobra.Command{
		Use:   "rank",
		Short: "The answer in words, the ranking and the fleet split, for scripts and meeting notes",
		Long: `Ranks staying, selling the fleet now and every destination for the scenario's fleet, says the answer in words and finds the best split of the fleet over several destinations.

On a terminal the table is styled; piped or with NO_COLOR it is plain text. CSV and JSON carry raw numbers (USD, USD/kWh, shares from 0 to 1) and null (an empty CSV cell) where a figure does not exist; selling the fleet now runs nothing, so its running figures are 0. html is one self-contained page that opens offline.

--sort takes a column's label as the tables show it, or one of these keys: ` + or(sortKeys()) + `.`,
		Example: `hashhaven rank --top 5
hashhaven rank --format json --paths 2000 --seed 7 > ranking.json
hashhaven rank --format html > report.html`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := o.Check(); err != nil {
				return asUsage(cmd, err)
			}
			return cli.Rank(o, env)
		},
	}
	sourceFlags(cmd, &o.Source)
	choiceFlag(cmd, &o.Format, "format", "table", cli.Formats(), "output format")
	// Any key, or a column's label as the tables show it ("payback"): Check says which exist.
	cmd.Flags().StringVar(&o.Sort, "sort", "npv_usd", "field to sort by: a key listed above, or a column's label")
	cmd.RegisterFlagCompletionFunc("sort", cobra.FixedCompletions(sortKeys(), cobra.ShellCompDirectiveNoFileComp))
	cmd.Flags().BoolVar(&o.Reverse, "reverse", false, "reverse the sort order")
	cmd.Flags().IntVar(&o.Top, "top", 0, "show only the first N ranked destinations (0: all)")
	cmd.Flags().IntVar(&o.Paths, "paths", 0, "simulate N futures for outcome bands (P10, P50, P90, chance of doing worse than not moving); 0: none")
	cmd.Flags().Uint64Var(&o.Seed, "seed", 1, "seed of the simulation: the same seed gives the same bands")
	return cmd
}
