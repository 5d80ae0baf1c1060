package cmd

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"hashhaven/cli"
	"hashhaven/picture"
)

func snapshotCmd(env cli.Env) *cobra.Command {
	var o cli.SnapshotOptions
	cmd := &cobra.Command{
		Use:     "snapshot",
		Short:   "Draws a screen of the app into a PNG or SVG file, without a terminal",
		Long:    `Draws a screen of the app into a PNG or SVG file, without a terminal, for docs, slides and scripts. Never overwrites a file.`,
		Example: `hashhaven snapshot --out main.png --width 140 --height 40 --screen main --now 2026-11-24`,
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			exts := picture.Extensions()
			if o.Out != "" && !slices.Contains(exts, strings.ToLower(filepath.Ext(o.Out))) {
				return usagef(cmd, "--out must end in %s, got %q", strings.Join(exts, " or "), o.Out)
			}
			if err := o.Check(); err != nil {
				return asUsage(cmd, err)
			}
			return cli.Snapshot(o, env)
		},
	}
	sourceFlags(cmd, &o.Source)
	cmd.Flags().StringVar(&o.Out, "out", "", "picture to write, its name ending in "+or(picture.Extensions())+" (never overwritten)")
	cmd.MarkFlagFilename("out", "png", "svg")
	cmd.Flags().IntVar(&o.Width, "width", 160, "screen width in cells")
	cmd.Flags().IntVar(&o.Height, "height", 45, "screen height in cells")
	choiceFlag(cmd, &o.Screen, "screen", "main", screenNames(), "screen to draw")
	cmd.Flags().StringVar(&o.Select, "select", "", "destination id to select (default: the best ranked)")
	choiceFlag(cmd, &o.Theme, "theme", "dark", themeNames(), "colours")
	cmd.Flags().StringVar(&o.Now, "now", "", "date to measure the figures' age at, YYYY-MM-DD (default: today), for reproducible pictures")
	return cmd
}
