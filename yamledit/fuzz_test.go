package yamledit

import (
	"testing"
)

// FuzzApply feeds Apply arbitrary files with a fixed edit: it must never panic, and whatever
// it returns must parse and hold the new figure.
func FuzzApply(f *testing.F) {
	for _, seed := range []string{
		"grid:\n  uptime: 0.92\n",
		"grid:\n  uptime: {value: 0.92, source: \"a\", as_of: 2023, estimate: true} # c\n",
		"grid:\n  uptime:\n    value: 0.92 # c\n    source: a\n    as_of: 2023\n",
		"grid:\r\n  uptime:\r\n    value: 0.92\r\n",
		"grid: {uptime: {value: 1, x: [a, {b: c}],}}\n",
		"grid:\n  uptime:\n    value: 1\n    source: |2\n        text\n    as_of: '2020'\n",
		"grid: {nom: \"é\", uptime: 1}\n---\nx: 1\n",
		"\ufeffgrid:\n  uptime:\n    value: 1\n    source:\n",
	} {
		f.Add([]byte(seed))
	}
	edit := Edit{Path: "grid.uptime", Value: 0.95, Source: `a: "b" # c`, AsOf: "2024-06"}
	f.Fuzz(func(t *testing.T, src []byte) {
		out, err := Apply(src, []Edit{edit})
		if err != nil {
			return
		}
		docs, err := parseAll(out)
		if err != nil {
			t.Fatalf("output does not parse: %v\n%q", err, out)
		}
		n, err := lookup(docs, edit.Path)
		if err != nil {
			t.Fatalf("edited path lost: %v\n%q", err, out)
		}
		_, value, _ := entry(n, "value")
		var got float64
		if value == nil || value.Decode(&got) != nil || got != edit.Value {
			t.Fatalf("value does not read back as %v\n%q", edit.Value, out)
		}
	})
}
