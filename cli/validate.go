package cli

import (
	"fmt"

	"hashhaven/data"
	"hashhaven/dataset"
	"hashhaven/strictyaml"
)

// Validate checks the whole data set, and the scenario when one is named, listing every
// problem; a clean set gets a one-line summary.
func Validate(src Source, env Env) error {
	set, issues := dataset.Open(data.FS(), src.Dir)
	if len(issues) == 0 && src.Scenario != "" {
		_, issues = set.PickScenario(src.Scenario)
	}
	if len(issues) > 0 {
		printIssues(issues, env)
		return ErrReported
	}
	fmt.Fprintf(env.Stdout, "%s: %d destinations, %d machines, %d scenarios — all valid\n",
		set.Name(), len(set.Countries), len(set.Machines.Machines), len(set.Scenarios))
	return nil
}

func printIssues(issues strictyaml.Issues, env Env) {
	for _, is := range issues {
		fmt.Fprintln(env.Stderr, is.Error())
	}
	fmt.Fprintf(env.Stderr, "%d %s found\n", len(issues), plural(len(issues), "problem", "problems"))
}
