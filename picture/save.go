package picture

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"hashhaven/safefile"
)

// encoders are the picture formats, by the file name ending that chooses them.
func encoders() map[string]func(io.Writer, string, Options) error {
	return map[string]func(io.Writer, string, Options) error{".png": PNG, ".svg": SVG}
}

// Extensions are the file name endings WriteFile knows, sorted.
func Extensions() []string { return slices.Sorted(maps.Keys(encoders())) }

// WriteFile renders the screen to path as PNG or SVG, chosen by the extension. It never
// overwrites a file: an existing path is an error.
func WriteFile(path, screen string, o Options) error {
	encode, ok := encoders()[strings.ToLower(filepath.Ext(path))]
	if !ok {
		return fmt.Errorf("%s: the picture's name must end in %s", path, strings.Join(Extensions(), " or "))
	}
	var buf bytes.Buffer
	if err := encode(&buf, screen, o); err != nil {
		return err
	}
	return safefile.WriteNew(path, buf.Bytes())
}
