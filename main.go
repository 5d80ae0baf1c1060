// Command hashhaven tells a mining operator where to move a fleet, and why.
// This file only runs the command line; package cmd reads it and cli does the work.
package main

import (
	"os"

	"hashhaven/cli"
	"hashhaven/cmd"
)

func main() {
	os.Exit(cmd.Execute(os.Args[1:], cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Environ: os.Environ()}))
}
