// Package yamledit changes numbers in YAML data files in place. Consultants keep these files
// in git and edit them by hand, so everything but the changed values (comments, key order,
// blank lines, quoting, indentation) must come out byte for byte as it went in.
package yamledit

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Edit is one change: the dotted path of a number field, e.g. "taxes.mining_levy_per_kwh".
// The field ends up cited: its value set to Value, its source to Source and its as_of to AsOf.
type Edit struct {
	Path   string
	Value  float64
	Source string
	AsOf   string
}

// Apply returns src with the edits made. yaml.v3 is used only to find where the fields are;
// the new text is spliced into the original bytes. The result is re-read and checked to say
// exactly what src said apart from the edited fields, so Apply never returns a broken file:
// on any doubt it returns an error and no output.
func Apply(src []byte, edits []Edit) ([]byte, error) {
	if bytes.HasPrefix(src, []byte("\xff\xfe")) || bytes.HasPrefix(src, []byte("\xfe\xff")) {
		// yaml.v3 reads UTF-16, but its positions would not be byte offsets into src.
		return nil, errors.New("the file is saved as UTF-16; save it as UTF-8 to write what-ifs into it")
	}
	before, err := parseAll(src)
	if err != nil {
		return nil, fmt.Errorf("reading the file: %w", err)
	}
	file := newText(src)
	targets := make(map[*yaml.Node]Edit, len(edits))
	inserts := map[*yaml.Node]map[string]Edit{} // mapping → the keys added to it
	var splices []splice
	for _, e := range edits {
		target, planned, inserted, err := plan(file, before, e)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", e.Path, err)
		}
		if inserted {
			key := e.Path[strings.LastIndex(e.Path, ".")+1:]
			if _, twice := inserts[target][key]; twice {
				return nil, fmt.Errorf("%s: edited twice", e.Path)
			}
			if inserts[target] == nil {
				inserts[target] = map[string]Edit{}
			}
			inserts[target][key] = e
			splices = append(splices, planned...)
			continue
		}
		if _, twice := targets[target]; twice {
			return nil, fmt.Errorf("%s: edited twice", e.Path)
		}
		targets[target] = e
		splices = append(splices, planned...)
	}
	out, err := spliceAll(src, splices)
	if err != nil {
		return nil, err
	}
	if err := verify(before, out, edited{targets, inserts}); err != nil {
		return nil, fmt.Errorf("the edited file would be wrong, so nothing was changed: %w", err)
	}
	return out, nil
}

// parseAll reads every document, so a file whose later documents are broken is refused
// rather than half-checked.
func parseAll(src []byte) (docs []*yaml.Node, err error) {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return docs, nil
		}
		if err != nil {
			return nil, err
		}
		docs = append(docs, &doc)
	}
}
