// Package audit lists the figures of a data set a consultant should look at again: those
// with no source, those marked as estimates, and those whose as-of date is too old. Figures
// marked stable (climate normals, coordinates, nameplate specs) are never too old.
package audit

import (
	"fmt"
	"maps"
	"path"
	"reflect"
	"slices"
	"sort"
	"strings"
	"time"

	"hashhaven/cited"
	"hashhaven/countries"
	"hashhaven/dataset"
	"hashhaven/machines"
)

// Kind is what is wrong with a figure.
type Kind string

// The kinds of finding, in the order a figure's findings are listed.
const (
	Unsourced Kind = "unsourced" // no source named
	Estimate  Kind = "estimate"  // marked as a judgement
	Stale     Kind = "stale"     // as_of older than the chosen age
)

// Finding is one figure to review, with every kind of doubt about it.
type Finding struct {
	Line, Col int
	Field     string // dotted path in the file, as in the loader's messages
	Value     float64
	Kinds     []Kind // in the order unsourced, estimate, stale
	Source    string
	AsOf      string
}

// Has reports whether the finding is of kind k.
func (x Finding) Has(k Kind) bool { return slices.Contains(x.Kinds, k) }

// File is the audit of one data file.
type File struct {
	Path     string // as the user knows it: the data folder, then the file within it
	Figures  int    // figures written in the file
	Findings []Finding
}

// Totals count figures and findings over the whole data set.
type Totals struct {
	Files, Figures              int
	Unsourced, Estimates, Stale int
}

// Report is the audit of a data set.
type Report struct {
	Now         time.Time
	StaleMonths int
	Files       []File // sorted by path
	Totals      Totals
}

// Run audits the destinations, the machine catalogue and the scenarios of set. A figure is
// stale when its as_of is more than staleMonths months before now (less for market prices,
// see MaxAge) and it is not stable.
func Run(set *dataset.Set, now time.Time, staleMonths int) Report {
	r := Report{Now: now, StaleMonths: staleMonths}
	for _, c := range set.Countries {
		var figs []figure
		for _, n := range countries.Numbers(&c) {
			figs = append(figs, figure{n.Path, *n.Num})
		}
		r.add(path.Join(set.Label, set.Files[c.ID]), figs)
	}
	r.add(path.Join(set.Label, "machines.yaml"), machineFigures(set.Machines))
	for _, name := range slices.Sorted(maps.Keys(set.Scenarios)) {
		r.add(path.Join(set.Label, "scenarios", name+".yaml"), walk(reflect.ValueOf(set.Scenarios[name]), "", nil))
	}
	sort.Slice(r.Files, func(i, j int) bool { return r.Files[i].Path < r.Files[j].Path })
	return r
}

// Counts are the stale and unsourced totals of Run, for a header line, counted without
// listing the findings: the app counts again after every reload.
func Counts(set *dataset.Set, now time.Time, staleMonths int) (stale, unsourced int) {
	count := func(field string, n *cited.Number) {
		if !written(n) {
			return
		}
		if !n.Sourced() {
			unsourced++
		}
		if n.Stale(now, MaxAge(field, staleMonths)) {
			stale++
		}
	}
	for i := range set.Countries {
		for _, f := range countries.Numbers(&set.Countries[i]) {
			count(f.Path, f.Num)
		}
	}
	for _, f := range machineFigures(set.Machines) {
		count(f.field, &f.num)
	}
	for _, sc := range set.Scenarios {
		for _, f := range walk(reflect.ValueOf(sc), "", nil) {
			count(f.field, &f.num)
		}
	}
	return stale, unsourced
}

// written reports whether a figure is in its file: absent optional figures and the rate
// implied by currency USD are not.
func written(n *cited.Number) bool { return n.Set && n.Line != 0 }

type figure struct {
	field string
	num   cited.Number
}

func (r *Report) add(file string, figs []figure) {
	f := File{Path: file}
	for _, fig := range figs {
		n := fig.num
		if !written(&n) {
			continue
		}
		f.Figures++
		finding := Finding{Line: n.Line, Col: n.Col, Field: fig.field, Value: n.Value, Source: n.Source, AsOf: n.AsOf}
		if !n.Sourced() {
			finding.Kinds = append(finding.Kinds, Unsourced)
			r.Totals.Unsourced++
		}
		if n.Estimate {
			finding.Kinds = append(finding.Kinds, Estimate)
			r.Totals.Estimates++
		}
		if n.Stale(r.Now, MaxAge(fig.field, r.StaleMonths)) {
			finding.Kinds = append(finding.Kinds, Stale)
			r.Totals.Stale++
		}
		if len(finding.Kinds) > 0 {
			f.Findings = append(f.Findings, finding)
		}
	}
	// Numbers lists a file's figures in struct order; the report reads in file order.
	sort.SliceStable(f.Findings, func(i, j int) bool {
		a, b := f.Findings[i], f.Findings[j]
		return a.Line < b.Line || (a.Line == b.Line && a.Col < b.Col)
	})
	r.Files = append(r.Files, f)
	r.Totals.Files++
	r.Totals.Figures += f.Figures
}

// walk lists the cited numbers in v, a struct, map or slice read from a file, named by their
// dotted path as the loader names them (map keys sorted, list items as [i]).
func walk(v reflect.Value, field string, figs []figure) []figure {
	if n, ok := v.Interface().(cited.Number); ok {
		return append(figs, figure{field, n})
	}
	switch v.Kind() {
	case reflect.Struct:
		for j := range v.NumField() {
			sf := v.Type().Field(j)
			name, _, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
			if !sf.IsExported() || name == "" || name == "-" {
				continue
			}
			figs = walk(v.Field(j), join(field, name), figs)
		}
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
		for _, k := range keys {
			figs = walk(v.MapIndex(k), join(field, fmt.Sprint(k)), figs)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			figs = walk(v.Index(i), fmt.Sprintf("%s[%d]", field, i), figs)
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			figs = walk(v.Elem(), field, figs)
		}
	}
	return figs
}

func join(parent, name string) string {
	if parent == "" {
		return name
	}
	return parent + "." + name
}

// machineFigures lists every cited figure of the catalogue. The machine struct is read by
// reflection, as the loader reads it, so a figure added to it is audited too.
func machineFigures(cat machines.Catalogue) []figure {
	var figs []figure
	for i, m := range cat.Machines {
		v := reflect.ValueOf(m)
		for j := range v.NumField() {
			n, ok := v.Field(j).Interface().(cited.Number)
			if !ok {
				continue
			}
			name, _, _ := strings.Cut(v.Type().Field(j).Tag.Get("yaml"), ",")
			figs = append(figs, figure{fmt.Sprintf("machines[%d].%s", i, name), n})
		}
	}
	return figs
}
