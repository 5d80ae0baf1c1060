package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"hashhaven/data"
	"hashhaven/safefile"
)

// Init writes the bundled data set into dir for editing. It refuses before writing anything
// if any file it would write already exists, so a consultant's edits are never overwritten.
func Init(dir string, env Env) error {
	files, err := bundledFiles()
	if err != nil {
		return err
	}
	var clashes []string
	for _, f := range files {
		target := filepath.Join(dir, filepath.FromSlash(f.path))
		if _, err := os.Lstat(target); err == nil {
			clashes = append(clashes, target)
		}
	}
	if len(clashes) > 0 {
		fmt.Fprintf(env.Stderr, "hashhaven init: %d %s already exist in %s, nothing was written:\n  %s\n",
			len(clashes), plural(len(clashes), "file", "files"), dir, strings.Join(clashes, "\n  "))
		return ErrReported
	}
	for _, f := range files {
		target := filepath.Join(dir, filepath.FromSlash(f.path))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if err := safefile.WriteNew(target, f.content); err != nil {
			if errors.Is(err, fs.ErrExist) {
				return fmt.Errorf("%s appeared while writing; stopped without touching it", target)
			}
			return err
		}
	}
	fmt.Fprintf(env.Stdout, "wrote %d files to %s\nnext: hashhaven --data %s   (edits to the files show at once)\n", len(files), dir, dir)
	return nil
}

type bundledFile struct {
	path    string
	content []byte
}

func bundledFiles() ([]bundledFile, error) {
	var files []bundledFile
	err := fs.WalkDir(data.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		content, err := fs.ReadFile(data.FS(), p)
		files = append(files, bundledFile{p, content})
		return err
	})
	return files, err
}
