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
	"hashhaven/schema"
)

// schemaDir is where init puts the JSON Schemas, beside the data they describe.
const schemaDir = "schemas"

// Init writes the bundled data set into dir for editing, with the JSON Schemas in
// dir/schemas and a first line in each data file that points editors at its schema.
// It writes nothing if any of those files already exists.
func Init(dir string, env Env) error {
	files, err := initFiles()
	if err != nil {
		return err
	}
	if err := writeAllNew("init", dir, files, env); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "wrote %d files to %s\nnext: hashhaven --data %s   (edits to the files show at once)\n", len(files), dir, dir)
	return nil
}

// newFile is a file a command creates; path is slash-separated, relative to the target folder.
type newFile struct {
	path    string
	content []byte
}

// writeAllNew creates files under dir. It refuses before writing anything if any of them
// already exists, so a consultant's edits are never overwritten.
func writeAllNew(cmd, dir string, files []newFile, env Env) error {
	var clashes []string
	for _, f := range files {
		target := filepath.Join(dir, filepath.FromSlash(f.path))
		if _, err := os.Lstat(target); err == nil {
			clashes = append(clashes, target)
		}
	}
	if len(clashes) > 0 {
		fmt.Fprintf(env.Stderr, "hashhaven %s: %d %s already exist in %s, nothing was written:\n  %s\n",
			cmd, len(clashes), plural(len(clashes), "file", "files"), dir, strings.Join(clashes, "\n  "))
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
	return nil
}

// initFiles are the bundled data files, each headed by its schema line, and the schemas.
func initFiles() ([]newFile, error) {
	var files []newFile
	err := fs.WalkDir(data.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		content, err := fs.ReadFile(data.FS(), p)
		if err != nil {
			return err
		}
		if name, ok := schema.For(p); ok {
			content = append([]byte(schemaLine(p, name)), content...)
		}
		files = append(files, newFile{p, content})
		return nil
	})
	return append(files, schemaFiles(schemaDir)...), err
}

// schemaLine is the comment by which the YAML language server (VS Code, Neovim, …) finds the
// schema of the data file at p; the schema's path is relative to the file.
func schemaLine(p, schemaFile string) string {
	up := strings.Repeat("../", strings.Count(p, "/"))
	return "# yaml-language-server: $schema=" + up + schemaDir + "/" + schemaFile + "\n"
}
