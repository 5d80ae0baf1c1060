package yamledit

import (
	"math"
	"strings"
	"testing"
)

// ercot is the edit most cases make: the figure, its source and its date all change.
func ercot(path string) Edit {
	return Edit{Path: path, Value: 0.95, Source: "ERCOT report", AsOf: "2024-06"}
}

func TestApply(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		edits []Edit
		want  string
	}{
		{
			name:  "plain becomes cited",
			in:    "grid:\n  uptime: 0.92\n  name: Texas\n",
			edits: []Edit{ercot("grid.uptime")},
			want:  "grid:\n  uptime: {value: 0.95, source: \"ERCOT report\", as_of: 2024-06}\n  name: Texas\n",
		},
		{
			name:  "absent key added at the end of its block section",
			in:    "grid:\n  uptime: 0.92\n  name: Texas  # the state\nsite: 1\n",
			edits: []Edit{ercot("grid.levy")},
			want:  "grid:\n  uptime: 0.92\n  name: Texas  # the state\n  levy: {value: 0.95, source: \"ERCOT report\", as_of: 2024-06}\nsite: 1\n",
		},
		{
			name:  "absent keys added to a flow section and the top level, CRLF kept",
			in:    "grid: {uptime: 0.92}\r\nsite:\r\n  pue: 1.1\r\n",
			edits: []Edit{ercot("grid.levy"), ercot("grid.share"), ercot("usd_per_local")},
			want: "grid: {uptime: 0.92, levy: {value: 0.95, source: \"ERCOT report\", as_of: 2024-06}, share: {value: 0.95, source: \"ERCOT report\", as_of: 2024-06}}\r\n" +
				"site:\r\n  pue: 1.1\r\nusd_per_local: {value: 0.95, source: \"ERCOT report\", as_of: 2024-06}\r\n",
		},
		{
			name:  "plain with a comment after it",
			in:    "uptime: 0.92   # rough guess\nnext: 1\n",
			edits: []Edit{ercot("uptime")},
			want:  "uptime: {value: 0.95, source: \"ERCOT report\", as_of: 2024-06}   # rough guess\nnext: 1\n",
		},
		{
			name:  "flow cited keeps other keys and the trailing comment",
			in:    "uptime: {value: 0.92, source: \"old memo\", as_of: 2023, estimate: true} # from memo\n",
			edits: []Edit{ercot("uptime")},
			want:  "uptime: {value: 0.95, source: \"ERCOT report\", as_of: 2024-06, estimate: true} # from memo\n",
		},
		{
			name: "block cited with comments on every line",
			in: "# head\n" +
				"grid:   # grid facts\n" +
				"  uptime:   # availability\n" +
				"    value: 0.92   # measured\n" +
				"    source: old memo   # who said\n" +
				"    as_of: 2023   # when\n" +
				"    estimate: true   # judgement\n" +
				"  # foot\n",
			edits: []Edit{ercot("grid.uptime")},
			want: "# head\n" +
				"grid:   # grid facts\n" +
				"  uptime:   # availability\n" +
				"    value: 0.95   # measured\n" +
				"    source: ERCOT report   # who said\n" +
				"    as_of: 2024-06   # when\n" +
				"    estimate: true   # judgement\n" +
				"  # foot\n",
		},
		{
			name:  "flow cited missing source",
			in:    "uptime: {value: 0.92, as_of: 2023}\n",
			edits: []Edit{ercot("uptime")},
			want:  "uptime: {value: 0.95, as_of: 2024-06, source: \"ERCOT report\"}\n",
		},
		{
			name:  "flow cited missing source and as_of, with a trailing comma over lines",
			in:    "uptime: {\n  value: 0.92,\n  estimate: true, # guess\n}\n",
			edits: []Edit{ercot("uptime")},
			want:  "uptime: {\n  value: 0.95,\n  estimate: true, source: \"ERCOT report\", as_of: 2024-06, # guess\n}\n",
		},
		{
			name:  "block cited missing source",
			in:    "grid:\n  uptime:\n    value: 0.92 # measured\n    as_of: 2023\n  name: Texas\n",
			edits: []Edit{ercot("grid.uptime")},
			want:  "grid:\n  uptime:\n    value: 0.95 # measured\n    source: \"ERCOT report\"\n    as_of: 2024-06\n  name: Texas\n",
		},
		{
			name:  "block cited missing both at the end of a file without a final newline",
			in:    "grid:\n  uptime:\n    value: 0.92",
			edits: []Edit{ercot("grid.uptime")},
			want:  "grid:\n  uptime:\n    value: 0.95\n    source: \"ERCOT report\"\n    as_of: 2024-06",
		},
		{
			name: "two edits, the second earlier in the file",
			in:   "a: 1\nb:\n  c: {value: 2, source: x, as_of: 2020}\n",
			edits: []Edit{
				{Path: "b.c", Value: 3, Source: "y", AsOf: "2021"},
				{Path: "a", Value: 1.25, Source: "z", AsOf: "2022-01-31"},
			},
			want: "a: {value: 1.25, source: \"z\", as_of: 2022-01-31}\nb:\n  c: {value: 3, source: y, as_of: 2021}\n",
		},
		{
			name:  "CRLF line breaks",
			in:    "grid:\r\n  uptime:\r\n    value: 0.92\r\n  levy: {value: 1, source: \"a\",\r\n    as_of: 2020}\r\n",
			edits: []Edit{ercot("grid.uptime"), ercot("grid.levy")},
			want: "grid:\r\n  uptime:\r\n    value: 0.95\r\n    source: \"ERCOT report\"\r\n    as_of: 2024-06\r\n" +
				"  levy: {value: 0.95, source: \"ERCOT report\",\r\n    as_of: 2024-06}\r\n",
		},
		{
			name:  "multi-byte text before the value on its line",
			in:    "pays: {nom: \"Côte d’Ivoire ☕\", tarif: 0.1} # été\n",
			edits: []Edit{ercot("pays.tarif")},
			want:  "pays: {nom: \"Côte d’Ivoire ☕\", tarif: {value: 0.95, source: \"ERCOT report\", as_of: 2024-06}} # été\n",
		},
		{
			name:  "flow cited after a key with an accent",
			in:    "redevance_été: {value: 0.1, source: \"décret\", as_of: 2020} # é\n",
			edits: []Edit{ercot("redevance_été")},
			want:  "redevance_été: {value: 0.95, source: \"ERCOT report\", as_of: 2024-06} # é\n",
		},
		{
			name:  "a source that needs quotes",
			in:    "uptime:\n  value: 1\n  source: memo\n  as_of: 2020\n",
			edits: []Edit{{Path: "uptime", Value: 2, Source: `a: "b" # c`, AsOf: "2021"}},
			want:  "uptime:\n  value: 2\n  source: \"a: \\\"b\\\" # c\"\n  as_of: 2021\n",
		},
		{
			name:  "quoting style of the old source and as_of is kept",
			in:    "uptime: {value: 1, source: 'it''s old', as_of: \"2020\"}\n",
			edits: []Edit{{Path: "uptime", Value: 2, Source: "it's new", AsOf: "2021"}},
			want:  "uptime: {value: 2, source: 'it''s new', as_of: \"2021\"}\n",
		},
		{
			name:  "empty source and as_of",
			in:    "uptime:\n  value: 1\n  source:   # todo\n  as_of:\n  estimate: true\n",
			edits: []Edit{ercot("uptime")},
			want:  "uptime:\n  value: 0.95\n  source: ERCOT report   # todo\n  as_of: 2024-06\n  estimate: true\n",
		},
		{
			name:  "block scalar source over several lines",
			in:    "uptime:\n  value: 1\n  source: >-\n    a long\n    memo\n\n  as_of: 2020\n",
			edits: []Edit{ercot("uptime")},
			want:  "uptime:\n  value: 0.95\n  source: ERCOT report\n\n  as_of: 2024-06\n",
		},
		{
			name:  "plain source folded over two lines",
			in:    "uptime:\n  value: 1\n  source: a long\n    memo # end\n  as_of: 2020\n",
			edits: []Edit{ercot("uptime")},
			want:  "uptime:\n  value: 0.95\n  source: ERCOT report # end\n  as_of: 2024-06\n",
		},
		{
			name:  "byte order mark",
			in:    "\ufeffuptime: 0.92\n",
			edits: []Edit{ercot("uptime")},
			want:  "\ufeffuptime: {value: 0.95, source: \"ERCOT report\", as_of: 2024-06}\n",
		},
		{
			name:  "number formatting",
			in:    "big: 1\nsmall: 1\n",
			edits: []Edit{{Path: "big", Value: 1e21}, {Path: "small", Value: -0.000125}},
			want:  "big: {value: 1000000000000000000000, source: \"\", as_of: \"\"}\nsmall: {value: -0.000125, source: \"\", as_of: \"\"}\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Apply([]byte(tt.in), tt.edits)
			if err != nil {
				t.Fatalf("Apply: %v", err)
			}
			if string(got) != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestApplyErrors(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		edits   []Edit
		wantErr string
	}{
		{"absent section", "grid:\n  uptime: 1\n", []Edit{ercot("power.uptime")}, `power.uptime: no key "power" in the top level`},
		{"absent key in an empty mapping", "grid: {}\n", []Edit{ercot("grid.uptime")}, `grid.uptime: the mapping at line 1 is empty`},
		{"path through a list", "grid:\n  - uptime: 1\n", []Edit{ercot("grid.uptime")}, "grid is a list, not a mapping"},
		{"path through a number", "grid: 1\n", []Edit{ercot("grid.uptime")}, "grid is \"1\" (line 1), not a mapping"},
		{"not a number", "grid: fast\n", []Edit{ercot("grid")}, "not a number"},
		{"quoted number", "grid: \"1\"\n", []Edit{ercot("grid")}, "not a number"},
		{"mapping without value", "grid: {source: x}\n", []Edit{ercot("grid")}, "without a value key"},
		{"malformed path", "grid: 1\n", []Edit{ercot("grid..x")}, "malformed path"},
		{"duplicate key", "grid: {value: 1, value: 2}\n", []Edit{ercot("grid")}, `key "value" is written twice`},
		{"empty file", "", []Edit{ercot("grid")}, "the file is empty"},
		{"broken input", "grid: [1\n", []Edit{ercot("grid")}, "reading the file"},
		{"not finite", "grid: 1\n", []Edit{{Path: "grid", Value: math.Inf(1)}}, "not a finite number"},
		{"invalid UTF-8", "grid: 1\n", []Edit{{Path: "grid", Source: "\xff"}}, "valid UTF-8"},
		{"anchored source", "grid: {value: 1, source: &s x}\n", []Edit{ercot("grid")}, "edit it by hand"},
		{"UTF-16", "\xff\xfeg\x00:\x00 \x001\x00", []Edit{ercot("g")}, "UTF-16"},
		{"same path twice", "a: 1\n", []Edit{ercot("a"), ercot("a")}, "edited twice"},
		{"overlapping paths", "a: {value: 1}\n", []Edit{ercot("a"), ercot("a.value")}, "edits overlap"},
		{"explicit value key", "a:\n  ? value\n  : 1\n", []Edit{ercot("a")}, "nothing was changed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Apply([]byte(tt.in), tt.edits)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Apply = %q, %v; want error containing %q", got, err, tt.wantErr)
			}
		})
	}
}

func TestApplyWithoutEditsReturnsTheInput(t *testing.T) {
	in := "# c\na:   1 # d\n"
	got, err := Apply([]byte(in), nil)
	if err != nil || string(got) != in {
		t.Fatalf("Apply = %q, %v", got, err)
	}
}
