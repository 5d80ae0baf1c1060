package cmd

import (
	"os"
	"path/filepath"
)

// fileInTheWay is the file that stands where dir, or a folder on the way to it, would be;
// "" when there is none (the folders exist or can be made).
func fileInTheWay(dir string) string {
	for p := filepath.Clean(dir); ; {
		if fi, err := os.Stat(p); err == nil {
			if fi.IsDir() {
				return ""
			}
			return p
		}
		parent := filepath.Dir(p)
		if parent == p {
			return ""
		}
		p = parent
	}
}
