package cmd

import "runtime/debug"

// version names this build: the module version go recorded (a release tag, or a
// pseudo-version with the commit), and the commit when the build knows it. A build with no
// such record says "devel".
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
	return v, commit
}
