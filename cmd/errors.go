package cmd

import (
	"errors"
	"fmt"
	"io"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"

	"hashhaven/cli"
)

// usageError is a command line that cannot be understood: exit status 2, one line on stderr
// that points at the command's help.
type usageError struct {
	cmd *cobra.Command
	err error
}

func (e usageError) Error() string {
	return fmt.Sprintf("%s: %v (see '%s --help')", e.cmd.CommandPath(), e.err, e.cmd.CommandPath())
}

func (e usageError) Unwrap() error { return e.err }

// usagef makes a usage error of cmd.
func usagef(cmd *cobra.Command, format string, args ...any) error {
	return usageError{cmd, fmt.Errorf(format, args...)}
}

// asUsage turns the flag parser's complaints into usage errors.
func asUsage(cmd *cobra.Command, err error) error { return usageError{cmd, err} }

// exitCode is the process's exit status for the outcome of a command.
func exitCode(err error) int {
	var usage usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &usage):
		return 2
	}
	return 1
}

// printError writes the one line a failed command leaves on stderr. A data error the command
// has already listed in full adds nothing.
func printError(w io.Writer, _ fang.Styles, err error) {
	var usage usageError
	switch {
	case errors.Is(err, cli.ErrReported):
	case errors.As(err, &usage):
		fmt.Fprintln(w, usage.Error())
	default:
		fmt.Fprintln(w, "hashhaven:", err)
	}
}
