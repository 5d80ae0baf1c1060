package strictyaml

import "testing"

func TestRefusedText(t *testing.T) {
	type rec struct {
		Name string            `yaml:"name"`
		Tags map[string]string `yaml:"tags"`
	}
	cases := map[string]string{
		"name: caf\xe9\n":                  "f.yaml:1:10: not valid UTF-8 (byte 0xe9); save the file as UTF-8",
		"tags: {}\nname: a\x07b\n":         "f.yaml:2:8: control character U+0007 is not allowed in a data file",
		"name: \"a\\e[2Jb\"\n":             "f.yaml:1:7: name: control character U+001B is not allowed in text",
		"tags: {\"k\\u0085\": v}\n":        "f.yaml:1:8: tags.k\u0085: control character U+0085 is not allowed in text",
		"name: !!binary aGk=\n":            "f.yaml:1:7: YAML tags (!!binary) are not allowed in data files; write the plain value",
		"name: ok\ntags: !custom {a: b}\n": "f.yaml:2:7: YAML tags (!custom) are not allowed in data files; write the plain value",
	}
	for src, want := range cases {
		var v rec
		if got := Decode("f.yaml", []byte(src), &v).Issues.Error(); got != want {
			t.Errorf("%q:\n got %s\nwant %s", src, got, want)
		}
	}
	var v rec
	if is := Decode("f.yaml", []byte("name: \"two\\nlines\\tand a tab\"\n"), &v).Issues; len(is) > 0 {
		t.Errorf("line breaks and tabs are text: %v", is)
	}
}
