package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// A --data folder's decoded destinations are kept between runs in the user's cache folder
// (dataset.Cache.Save), one file per data folder, so a start re-reads only the files that
// changed. HASHHAVEN_CACHE=off turns it off; without a home folder there is none.

// keptDecodings is the file that keeps dir's decoded destinations, and the build that may
// use it; ok is false when there is nowhere to keep them.
func (e Env) keptDecodings(dir string) (path, build string, ok bool) {
	if e.getenv("HASHHAVEN_CACHE") == "off" {
		return "", "", false
	}
	root := e.cacheHome()
	abs, err := filepath.Abs(dir)
	if root == "" || err != nil {
		return "", "", false
	}
	build, ok = thisBuild()
	if !ok {
		return "", "", false
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(root, "hashhaven", "decoded-"+hex.EncodeToString(sum[:8])+".gob"), build, true
}

// cacheHome is the user's cache folder as os.UserCacheDir finds it, from the command's own
// environment.
func (e Env) cacheHome() string {
	if dir := e.getenv("XDG_CACHE_HOME"); filepath.IsAbs(dir) && runtime.GOOS != "windows" && runtime.GOOS != "darwin" {
		return dir
	}
	switch home := e.getenv("HOME"); {
	case runtime.GOOS == "windows":
		return e.getenv("LocalAppData")
	case home == "":
		return ""
	case runtime.GOOS == "darwin":
		return filepath.Join(home, "Library", "Caches")
	default:
		return filepath.Join(home, ".cache")
	}
}

// thisBuild names the running program by its file's path, size and time, which change with
// every build that could decode differently.
func thisBuild() (string, bool) {
	exe, err := os.Executable()
	if err != nil {
		return "", false
	}
	info, err := os.Stat(exe)
	if err != nil {
		return "", false
	}
	return fmt.Sprintf("%s %d %d", exe, info.Size(), info.ModTime().UnixNano()), true
}

// getenv is the value of the variable name in the command's environment, or "".
func (e Env) getenv(name string) string {
	for _, kv := range e.Environ {
		if v, ok := strings.CutPrefix(kv, name+"="); ok {
			return v
		}
	}
	return ""
}
