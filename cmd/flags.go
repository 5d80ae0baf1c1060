package cmd

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"hashhaven/cli"
	"hashhaven/data"
	"hashhaven/economics"
	"hashhaven/model"
	"hashhaven/theme"
)

// choice is a flag that takes one of a fixed list of words; the list also feeds the help
// text and shell completion.
type choice struct {
	value   *string
	allowed []string
}

func (c choice) String() string { return *c.value }
func (c choice) Type() string   { return "string" }

func (c choice) Set(s string) error {
	if !slices.Contains(c.allowed, s) {
		return fmt.Errorf("use %s", or(c.allowed))
	}
	*c.value = s
	return nil
}

// choiceFlag adds a flag taking one of allowed, completed by the shell.
func choiceFlag(cmd *cobra.Command, p *string, name, value string, allowed []string, usage string) {
	*p = value
	cmd.Flags().Var(choice{p, allowed}, name, usage+": "+or(allowed))
	cmd.RegisterFlagCompletionFunc(name, cobra.FixedCompletions(allowed, cobra.ShellCompDirectiveNoFileComp))
}

// or lists words for a sentence: "a, b or c".
func or(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// sourceFlags adds --data and --scenario.
func sourceFlags(cmd *cobra.Command, src *cli.Source) {
	dataFlag(cmd, &src.Dir)
	cmd.Flags().StringVar(&src.Scenario, "scenario", "", "scenario file, or the name of one in the data set (default: default)")
	cmd.RegisterFlagCompletionFunc("scenario", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return scenarioNames(), cobra.ShellCompDirectiveDefault // a file is fine too
	})
}

// dataFlag adds --data.
func dataFlag(cmd *cobra.Command, dir *string) {
	cmd.Flags().StringVar(dir, "data", "", "data folder to read instead of the bundled data set")
	cmd.MarkFlagDirname("data")
}

// themeNames are the themes a flag may name: the ones the app cycles through, and mono.
func themeNames() []string { return append(slices.Clone(theme.Names), theme.Mono().Name) }

// screenNames are the screens snapshot can draw.
func screenNames() []string { return model.ViewNames() }

// sortKeys are the fields rank can sort by.
func sortKeys() []string {
	keys := make([]string, len(economics.Fields))
	for i, f := range economics.Fields {
		keys[i] = f.Key
	}
	return keys
}

// scenarioNames are the bundled scenarios, for completion.
func scenarioNames() []string {
	files, _ := fs.Glob(data.FS(), "scenarios/*.yaml")
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = strings.TrimSuffix(path.Base(f), ".yaml")
	}
	return names
}
