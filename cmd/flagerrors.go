package cmd

import (
	"errors"
	"regexp"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// flagError words the flag parser's complaints for people (not "strconv.ParseInt: parsing
// "five": invalid syntax") and makes them usage errors.
func flagError(cmd *cobra.Command, err error) error {
	var invalid *pflag.InvalidValueError
	var missing *pflag.ValueRequiredError
	switch {
	case errors.As(err, &invalid):
		f := invalid.GetFlag()
		if c, ok := f.Value.(choice); ok {
			return usagef(cmd, "--%s takes %s, got %q", f.Name, or(c.allowed), invalid.GetValue())
		}
		return usagef(cmd, "--%s takes %s, got %q", f.Name, kindOfValue(f.Value.Type()), invalid.GetValue())
	case errors.As(err, &missing) && missing.GetFlag() != nil:
		return usagef(cmd, "--%s needs a value", missing.GetFlag().Name)
	}
	return asUsage(cmd, err)
}

// kindOfValue says what a flag of a pflag type takes.
func kindOfValue(typ string) string {
	switch typ {
	case "int":
		return "a whole number"
	case "uint64":
		return "a whole number, 0 or more"
	case "bool":
		return "true or false"
	}
	return "a " + typ
}

// oneDashLong is a long flag written with one dash (-format json), as hashhaven's command
// line used to accept.
var oneDashLong = regexp.MustCompile(`^-[a-z][a-z-]+(=.*)?$`)

// longFlagsWithOneDash gives the long flags written with one dash their second one, so that
// scripts written for the earlier command line keep working.
func longFlagsWithOneDash(root *cobra.Command, args []string) []string {
	cmd, _, err := root.Find(args)
	if err != nil {
		return args
	}
	cmd.InitDefaultHelpFlag()
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = a
		if a == "--" {
			copy(out[i:], args[i:])
			break
		}
		name, _, _ := strings.Cut(a[min(1, len(a)):], "=")
		if oneDashLong.MatchString(a) && cmd.Flags().Lookup(name) != nil {
			out[i] = "-" + a
		}
	}
	return out
}
