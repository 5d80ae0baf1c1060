package schema

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"hashhaven/countries"
	"hashhaven/machines"
	"hashhaven/scenario"
)

// compiled returns the three schemas ready to validate with, keyed by file name.
func compiled(t *testing.T) map[string]*jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	all := All()
	for name, src := range all {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
		if err != nil {
			t.Fatalf("%s is not JSON: %v", name, err)
		}
		if err := c.AddResource(name, doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	out := map[string]*jsonschema.Schema{}
	for name := range all {
		s, err := c.Compile(name) // checks the schema against the 2020-12 meta-schema too
		if err != nil {
			t.Fatalf("%s does not compile: %v", name, err)
		}
		out[name] = s
	}
	return out
}

// validate reports what the schema says of a YAML file: conversion errors come back as
// convErr, schema violations as invalid.
func validate(s *jsonschema.Schema, src []byte) (convErr, invalid error) {
	v, err := fromYAML(src)
	if err != nil {
		return err, nil
	}
	return nil, s.Validate(v)
}

func TestSchemasAreStableAndWellFormed(t *testing.T) {
	schemas := compiled(t)
	if len(schemas) != 3 || schemas[CountryFile] == nil || schemas[CatalogueFile] == nil || schemas[ScenarioFile] == nil {
		t.Fatalf("schemas: %v", schemas)
	}
	first, second := All(), All()
	for name, src := range first {
		if !bytes.Equal(src, second[name]) {
			t.Errorf("%s differs between two calls", name)
		}
		var top map[string]any
		if err := json.Unmarshal(src, &top); err != nil {
			t.Fatal(err)
		}
		if top["$schema"] != draft || top["$id"] != nil || top["additionalProperties"] != false {
			t.Errorf("%s: $schema %v, $id %v, additionalProperties %v", name, top["$schema"], top["$id"], top["additionalProperties"])
		}
		if !bytes.HasPrefix(src, []byte("{\n  \"$schema\"")) || !bytes.HasSuffix(src, []byte("}\n")) || bytes.Contains(src, []byte(`\u003c`)) {
			t.Errorf("%s is not pretty-printed, readable JSON", name)
		}
	}
}

// The docs tables name every field, and nothing else, so editors describe every field.
func TestEveryFieldIsDocumented(t *testing.T) {
	for _, d := range documents() {
		b := newBuilder(d.docs)
		b.document(d.root)
		if len(b.undocumented) > 0 {
			t.Errorf("%s: no docs entry for %q", d.file, b.undocumented)
		}
		for path := range d.docs {
			if !b.used[path] {
				t.Errorf("%s: docs entry %q matches no field", d.file, path)
			}
		}
	}
}

func TestFor(t *testing.T) {
	cases := map[string]string{
		"countries/kz.yaml":      CountryFile,
		"countries/us-tx.yml":    CountryFile,
		"machines.yaml":          CatalogueFile,
		"scenarios/default.yaml": ScenarioFile,
		"countries/notes.txt":    "",
		"countries/x/kz.yaml":    "",
		"readme.yaml":            "",
		"schemas/x.yaml":         "",
	}
	for p, want := range cases {
		if got, ok := For(p); got != want || ok != (want != "") {
			t.Errorf("For(%q) = %q, %v; want %q", p, got, ok, want)
		}
	}
}

// Every data file the project ships or tests with passes its schema.
func TestDataFilesPassTheirSchemas(t *testing.T) {
	schemas := compiled(t)
	checked := 0
	check := func(file, schemaFile string) {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		convErr, invalid := validate(schemas[schemaFile], src)
		if convErr != nil || invalid != nil {
			t.Errorf("%s against %s: %v%v", file, schemaFile, convErr, invalid)
		}
		checked++
	}
	for _, dir := range []string{"../data", "../dataset/testdata/mini"} {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(dir, p)
			if schemaFile, ok := For(filepath.ToSlash(rel)); ok {
				check(p, schemaFile)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	check("../countries/testdata/good/kz.yaml", CountryFile)
	if checked < 6 {
		t.Errorf("only %d data files found", checked)
	}
}

// loaderOnly are the bad country fixtures a schema cannot judge, and why.
var loaderOnly = map[string]string{
	"id-mismatch.yaml":    "the id must equal the file name",
	"missing-fx.yaml":     "usd_per_local is required only when currency is not USD",
	"bad-event-date.yaml": "event dates are checked after decoding, not by a tag",
	"duplicate-key.yaml":  "a repeated key is a YAML matter: JSON keeps the last one",
	"inf.yaml":            "JSON has no infinity",
	"nan.yaml":            "JSON has no NaN",
	"empty.yaml":          "not a YAML document",
	"comments-only.yaml":  "not a YAML document",
	"not-yaml.yaml":       "not YAML",
	"binary.yaml":         "not YAML",
	"two-documents.yaml":  "the second document is a YAML matter",
	"alias-use.yaml":      "aliases are a YAML matter",
	"alias-bomb.yaml":     "aliases are a YAML matter",
}

// Every bad fixture the schema can judge fails it; the others either are not JSON-shaped or
// pass it, so this list stays exactly what only the loader catches.
func TestBadCountryFixturesFailTheSchema(t *testing.T) {
	s := compiled(t)[CountryFile]
	files, _ := filepath.Glob("../countries/testdata/bad/*.yaml")
	if len(files) < 25 {
		t.Fatalf("only %d bad fixtures", len(files))
	}
	seen := map[string]bool{}
	for _, file := range files {
		name := filepath.Base(file)
		seen[name] = true
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		convErr, invalid := validate(s, src)
		if why, ok := loaderOnly[name]; ok {
			if convErr == nil && invalid != nil {
				t.Errorf("%s (%s) now fails the schema: drop it from loaderOnly\n%v", name, why, invalid)
			}
			continue
		}
		if convErr != nil {
			t.Errorf("%s: cannot convert: %v", name, convErr)
		} else if invalid == nil {
			t.Errorf("%s passes the schema but the loader refuses it", name)
		}
	}
	for name := range loaderOnly {
		if !seen[name] {
			t.Errorf("loaderOnly names %s, which is not a fixture", name)
		}
	}
}

// The schema and the loader give the same verdict on variants of valid files.
func TestSchemaAgreesWithLoader(t *testing.T) {
	schemas := compiled(t)
	decoders := map[string]func([]byte) int{
		CountryFile: func(src []byte) int {
			_, doc := countries.Decode("kz.yaml", src)
			return len(doc.Issues)
		},
		CatalogueFile: func(src []byte) int {
			_, doc := machines.Decode("machines.yaml", src)
			return len(doc.Issues)
		},
		ScenarioFile: func(src []byte) int {
			_, doc := scenario.Decode("default.yaml", src)
			return len(doc.Issues)
		},
	}
	bases := map[string]string{
		CountryFile:   "../countries/testdata/good/kz.yaml",
		CatalogueFile: "../dataset/testdata/mini/machines.yaml",
		ScenarioFile:  "../dataset/testdata/mini/scenarios/default.yaml",
	}
	cases := []struct {
		schema, name, old, new string
		valid                  bool
	}{
		{ScenarioFile, "point origin", "origin: kz", "origin: {lat: 42.3, lon: 69.6}", true},
		{ScenarioFile, "point origin out of range", "origin: kz", "origin: {lat: 95, lon: 0}", false},
		{ScenarioFile, "list origin", "origin: kz", "origin: [1, 2]", false},
		{ScenarioFile, "number origin", "origin: kz", "origin: 7", false},
		{ScenarioFile, "zero count", "count: 100", "count: 0", false},
		{ScenarioFile, "fractional count", "count: 100", "count: 100.5", false},
		{ScenarioFile, "whole float count", "count: 100", "count: 100.0", true},
		{ScenarioFile, "unknown field", "horizon_months: 36", "horizon_months: 36\nhorizon_years: 3", false},
		{ScenarioFile, "unknown algorithm field", "fee_share: 0.01", "fee_shares: 0.01", false},
		{ScenarioFile, "second algorithm", "algorithms:\n", "algorithms:\n    etchash: {usd_per_unit_day: 0.1, unit: MH/s}\n", true},
		{ScenarioFile, "change of -100 %", "monthly_change: -0.01", "monthly_change: -1", false},
		{ScenarioFile, "cited halving month", "halving_month: 17", "halving_month: {value: 17, source: est, as_of: 2026-11-30, estimate: true}", true},
		{ScenarioFile, "fractional halving month", "halving_month: 17", "halving_month: {value: 17.5}", false},
		{ScenarioFile, "optional left empty", "fee_share: 0.01", "fee_share: ", true},
		{ScenarioFile, "required left empty", "pool_fee: 0.02", "pool_fee: ", false},
		{ScenarioFile, "blank name", "name: 100 S19 leaving Kazakhstan", `name: "  "`, false},
		{ScenarioFile, "number as description", "horizon_months: 36", "horizon_months: 36\ndescription: 2024", true},
		{ScenarioFile, "unknown unit", "unit: TH/s", "unit: TH", false},
		{CatalogueFile, "zero hashrate", "hashrate: 120", "hashrate: 0", false},
		{CatalogueFile, "hot rated", "weight_kg: 3", "weight_kg: 3\n    max_ambient_c: {value: 81}", false},
		{CatalogueFile, "bad machine id", "id: gpu", "id: GPU", false},
		{CatalogueFile, "cited source as number", `source: "test fixture"`, "source: 2020", true},
		{CountryFile, "bare year event", "date: 2021-10", "date: 2021", true},
		{CountryFile, "date as_of", "as_of: 2025-06", "as_of: 2025-06-30", true},
		{CountryFile, "month 13", "as_of: 2025-06", "as_of: 2025-13", false},
		{CountryFile, "fractional year", "as_of: 2022", "as_of: 2022.5", false},
		{CountryFile, "estimate as text", "estimate: true", `estimate: "yes"`, false},
		{CountryFile, "stable figure", "estimate: true", "estimate: true, stable: true", true},
		{CountryFile, "stable as text", "estimate: true", `estimate: true, stable: "yes"`, false},
		{CountryFile, "empty events", "  events:\n    - {date: 2021-10, text: \"Power cuts to miners\"}\n", "  events: []\n", true},
		{CountryFile, "optional opex", "setup_months: 4", "setup_months: 4\n  opex_usd_per_kw_month: {value: 3, source: x}", true},
		{CountryFile, "zero FX rate", "usd_per_local: {value: 0.002", "usd_per_local: {value: 0", false},
		{CountryFile, "section as list", "location:\n  lat: 51.72\n  lon: 75.32", "location: [51.72, 75.32]", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			base, err := os.ReadFile(bases[c.schema])
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(base, []byte(c.old)) {
				t.Fatalf("fixture lacks %q", c.old)
			}
			src := []byte(strings.Replace(string(base), c.old, c.new, 1))
			convErr, invalid := validate(schemas[c.schema], src)
			if convErr != nil {
				t.Fatal(convErr)
			}
			loaderIssues := decoders[c.schema](src)
			if (invalid == nil) != c.valid || (loaderIssues == 0) != c.valid {
				t.Errorf("want valid=%v; schema says %v, loader found %d issues", c.valid, invalid, loaderIssues)
			}
		})
	}
}
