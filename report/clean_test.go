package report

import "testing"

func TestClean(t *testing.T) {
	cases := []struct {
		in        string
		keepLines bool
		want      string
	}{
		{"Kazakhstan", false, "Kazakhstan"},
		{"Kaz\x1b[31makh\astan", false, "Kaz[31makhstan"},
		{"row\r\n| injected |", false, "row  | injected |"},
		{"tab\there\u2028", false, "tab here "},
		{"evil\u202egnp.exe\u0085x\u009b", false, "evilgnp.exe x"},
		{"<p>\n\tok\x1b]0;title\x07</p>", true, "<p>\n\tok]0;title</p>"},
		{"café ✎ ¢", false, "café ✎ ¢"},
	}
	for _, c := range cases {
		if got := Clean(c.in, c.keepLines); got != c.want {
			t.Errorf("Clean(%q, %v) = %q, want %q", c.in, c.keepLines, got, c.want)
		}
	}
}
