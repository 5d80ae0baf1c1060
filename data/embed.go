// Package data is the bundled data set: destination profiles, the machine catalogue and
// example scenarios, embedded in the binary so the app runs with no files around it.
package data

import (
	"embed"
	"io/fs"
)

//go:embed machines.yaml countries scenarios
var files embed.FS

// FS is the bundled data set, laid out as a data folder.
func FS() fs.FS { return files }
