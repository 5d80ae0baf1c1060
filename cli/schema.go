package cli

import (
	"fmt"
	"path"
	"path/filepath"
	"sort"

	"hashhaven/schema"
)

// Schema writes the JSON Schemas of the data files into outDir ("" is the current folder),
// creating it if needed and never overwriting a file.
func Schema(outDir string, env Env) error {
	if outDir == "" {
		outDir = "."
	}
	files := schemaFiles("")
	if err := writeAllNew("schema", outDir, files, env); err != nil {
		return err
	}
	for _, f := range files {
		fmt.Fprintln(env.Stdout, "wrote", filepath.Join(outDir, f.path))
	}
	fmt.Fprintf(env.Stdout, "to have an editor check a data file as you type, make this its first line:\n"+
		"  # yaml-language-server: $schema=<path from the file to its schema>\n"+
		"(hashhaven init DIR writes a data folder already set up that way)\n")
	return nil
}

// schemaFiles are the three schemas as files in dir, in name order.
func schemaFiles(dir string) []newFile {
	all := schema.All()
	names := make([]string, 0, len(all))
	for name := range all {
		names = append(names, name)
	}
	sort.Strings(names)
	files := make([]newFile, len(names))
	for i, name := range names {
		files[i] = newFile{path.Join(dir, name), all[name]}
	}
	return files
}
