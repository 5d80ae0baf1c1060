// Package cmd is hashhaven's command line: one file per command, each owning its flags and
// help text, on cobra with fang's styled help, version, completions and man page.
package cmd

import (
	"context"
	"errors"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"

	"hashhaven/cli"
)

// Execute runs the command line args and returns the process's exit status: 0 on success,
// 1 when the data or the work failed, 2 when the command line cannot be understood.
func Execute(args []string, env cli.Env) int {
	root := newRoot(env)
	root.SetOut(env.Stdout) // before the completion command is made: it keeps the writer
	root.SetErr(env.Stderr)
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	argsAreUsage(root)
	root.SetArgs(longFlagsWithOneDash(root, args))
	v, commit := version()
	err := fang.Execute(context.Background(), root,
		fang.WithVersion(v), fang.WithCommit(commit), fang.WithErrorHandler(printError), fang.WithoutManpage())
	return exitCode(err)
}

// newRoot is the whole command tree; the root itself opens the interactive comparison.
func newRoot(env cli.Env) *cobra.Command {
	var o cli.TUIOptions
	root := &cobra.Command{
		Use:   "hashhaven",
		Short: "Where to move a mining fleet, and why",
		Long: `Where should a mining fleet go — or should it stay, or be sold — and why?

Without a command, hashhaven opens the interactive comparison: every destination ranked by the value of moving the fleet there, with the answer in words, what-ifs and charts.`,
		Example: `hashhaven --data mydata --scenario exodus
hashhaven rank --format markdown --top 5
hashhaven completion bash > /etc/bash_completion.d/hashhaven`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := o.Check(); err != nil {
				return asUsage(cmd, err)
			}
			if err := needTerminal(); err != nil {
				return err
			}
			return cli.TUI(o, env)
		},
	}
	sourceFlags(root, &o.Source)
	choiceFlag(root, &o.Theme, "theme", "", themeNames(), "colours (default: follows the terminal)")
	root.SetFlagErrorFunc(flagError)
	root.SuggestionsMinimumDistance = 2
	root.AddCommand(rankCmd(env), validateCmd(env), auditCmd(env), initCmd(env), schemaCmd(env), snapshotCmd(env), manCmd())
	return root
}

// argsAreUsage makes the argument errors of every command usage errors, those of the
// commands cobra adds (help, completion) too; a command that only groups others shows its
// help when called alone.
func argsAreUsage(c *cobra.Command) {
	if check := c.Args; check != nil {
		c.Args = func(cmd *cobra.Command, args []string) error {
			err := check(cmd, args)
			if err != nil && !errors.As(err, new(usageError)) {
				return asUsage(cmd, err)
			}
			return err
		}
	}
	if !c.Runnable() {
		c.RunE = func(cmd *cobra.Command, _ []string) error { return cmd.Help() }
	}
	for _, sub := range c.Commands() {
		argsAreUsage(sub)
	}
}

// noArgs refuses arguments, naming a command the user may have meant.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	if !cmd.HasSubCommands() {
		return usagef(cmd, "unexpected argument %q", args[0])
	}
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		return usagef(cmd, "unknown command %q; did you mean %q?", args[0], s[0])
	}
	return usagef(cmd, "unknown command %q", args[0])
}
