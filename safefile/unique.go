package safefile

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// UniqueName returns a path in dir for a timestamped export, such as
// dir/prefix-20261124-153012.ext, adding -2, -3 … before the extension while the name is
// taken. ext may be given with or without its dot; an empty ext adds none.
//
// Another process can take the name between this call and the write, so pair it with
// WriteNew, which refuses to overwrite, rather than with Replace.
func UniqueName(dir, prefix, ext string, t time.Time) string {
	if ext = strings.TrimPrefix(ext, "."); ext != "" {
		ext = "." + ext
	}
	stem := filepath.Join(dir, prefix+"-"+t.Format("20060102-150405"))
	name := stem + ext
	for n := 2; taken(name); n++ {
		name = stem + "-" + strconv.Itoa(n) + ext
	}
	return name
}

// UniqueStem is UniqueName for a set of files that share a name and differ in extension
// (report.md, report.csv …): the stem is free for every extension, so the set gets one name
// even when one of its files' names is already taken.
func UniqueStem(dir, prefix string, exts []string, t time.Time) string {
	stem := filepath.Join(dir, prefix+"-"+t.Format("20060102-150405"))
	name := stem
	for n := 2; anyTaken(name, exts); n++ {
		name = stem + "-" + strconv.Itoa(n)
	}
	return name
}

func anyTaken(stem string, exts []string) bool {
	for _, ext := range exts {
		if taken(stem + "." + strings.TrimPrefix(ext, ".")) {
			return true
		}
	}
	return false
}

// taken reports whether something is known to exist at path. Any error counts as free, so a
// directory that cannot be read ends the search and the write reports the real problem.
func taken(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
