package picture

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"hashhaven/safefile"
)

// WriteFile renders the screen to path as PNG or SVG, chosen by the extension. It never
// overwrites a file: an existing path is an error.
func WriteFile(path, screen string, o Options) error {
	var buf bytes.Buffer
	var err error
	switch strings.ToLower(filepath.Ext(path)) {
	case ".png":
		err = PNG(&buf, screen, o)
	case ".svg":
		err = SVG(&buf, screen, o)
	default:
		return fmt.Errorf("%s: the picture's name must end in .png or .svg", path)
	}
	if err != nil {
		return err
	}
	return safefile.WriteNew(path, buf.Bytes())
}
