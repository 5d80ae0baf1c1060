package cmd

import (
	"runtime/debug"
	"strings"
)

// version names this build: the module version go recorded (a release tag, or a
// pseudo-version that already holds the commit), and the commit when the version does not
// show it. A build with no such record says "devel".
func version() (v, commit string) {
	v = "devel"
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return v, ""
	}
	if info.Main.Version != "" && info.Main.Version != "(devel)" {
		v = info.Main.Version
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" {
			commit = s.Value
		}
	}
	if strings.Contains(v, commit[:min(12, len(commit))]) {
		commit = ""
	}
	return v, commit
}
