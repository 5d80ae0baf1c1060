package model

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"

	"hashhaven/cited"
	"hashhaven/countries"
	"hashhaven/human"
	"hashhaven/machines"
	"hashhaven/scenario"
	"hashhaven/strictyaml"
)

// checked parses text typed for a figure in unit and checks it with the loader's rules for
// the yaml path in type t; a number too large to hold is told the field's range.
func checked(t reflect.Type, path, unit, text string) (float64, error) {
	r, hasRules := strictyaml.RulesAt(t, path)
	v, err := parseNumber(text, unit)
	format := func(v float64) string { return figureText(v, unit) } // as the editor shows it
	if err != nil {
		if errors.Is(err, errOutOfRange) && hasRules {
			if span := rangeText(r, format); span != "" {
				return 0, fmt.Errorf("%w: this figure %s", err, span)
			}
		}
		return 0, err
	}
	if shown := strings.TrimSpace(text); isShare(unit) && !strings.HasSuffix(shown, "%") && math.Abs(v) > 1 {
		// A share is shown as a percentage, so a bare 5 is most likely meant as 5%.
		return 0, fmt.Errorf("%s would be %s: type %s%% for %s per cent", shown, format(v), shown, shown)
	}
	if !hasRules {
		return v, nil
	}
	switch msg := r.Check(v); {
	case msg == "":
		return v, nil
	case isShare(unit): // the loader's words are in fractions, the editor's in per cent
		return 0, fmt.Errorf("%s is out of range: this figure %s", format(v), rangeText(r, format))
	default:
		return 0, errors.New(msg)
	}
}

// rangeText says what the rules allow, "is from 0 to 1", or "" when they set no bound; format
// writes each bound as the editor shows the figure.
func rangeText(r strictyaml.Rules, f func(float64) string) string {
	switch {
	case r.Min != nil && r.Max != nil:
		return "is from " + f(*r.Min) + " to " + f(*r.Max)
	case r.Above != nil && r.Max != nil:
		return "is above " + f(*r.Above) + " and at most " + f(*r.Max)
	case r.Max != nil:
		return "is at most " + f(*r.Max)
	case r.Min != nil:
		return "is at least " + f(*r.Min)
	case r.Above != nil:
		return "is above " + f(*r.Above)
	}
	return ""
}

var (
	countryType  = reflect.TypeFor[countries.Country]()
	scenarioType = reflect.TypeFor[scenario.Scenario]()
)

// whatIfFields lists every figure of the what-if editor's destination for editing.
func (m Model) whatIfFields() []field {
	c, ok := m.country(m.form.target)
	if !ok {
		return nil
	}
	original, _ := m.set.Country(c.ID)
	var fields []field
	section := ""
	for i, f := range countries.Numbers(&c) {
		if f.Path == "usd_per_local" && c.Currency == "USD" {
			continue
		}
		if s, _, _ := strings.Cut(f.Path, "."); s != section && strings.Contains(f.Path, ".") {
			section = s
			fields = append(fields, field{label: sectionTitle(s), heading: true})
		}
		note := f.Num.Provenance()
		if !f.Num.Set {
			note = "not in the file: counts as 0"
		}
		was := countries.Numbers(&original)[i].Num
		if f.Num.Edited {
			note = "was " + figureText(was.Value, f.Unit) + " · " + was.Provenance()
		}
		path, id, unit, cur := f.Path, c.ID, f.Unit, f.Num.Value
		fields = append(fields, field{
			label: f.Label, value: figureText(f.Num.Value, f.Unit), unit: f.Unit, note: note, edited: f.Num.Edited,
			set: func(v variant, text string) (variant, error) {
				n, err := checked(countryType, path, unit, text)
				switch {
				case err != nil:
					return v, err
				case n == cur:
					return v, errUnchanged
				case n == was.Value:
					return v.withoutWhatIf(id, path), nil // back to the file's figure: no longer an edit
				}
				return v.withWhatIf(whatIf{Country: id, Path: path, Value: n}), nil
			},
		})
	}
	return fields
}

func sectionTitle(s string) string {
	switch s {
	case "site":
		return "Site"
	case "taxes":
		return "Taxes and levies"
	case "risk":
		return "Risk"
	case "power":
		return "Power"
	case "location":
		return "Location"
	}
	return s
}

// assumptionFields lists the scenario's market and money assumptions, as scenario.Numbers
// declares them, each under its section's heading.
func (m Model) assumptionFields() []field {
	sc, base := m.current.Scenario, m.base
	var fields []field
	section := ""
	for _, f := range scenario.Numbers(&sc) {
		if f.Section != section {
			section = f.Section
			fields = append(fields, field{label: section, heading: true})
		}
		cur, orig := f.Get(&sc), f.Get(&base)
		fields = append(fields, field{label: f.Label, value: figureText(cur.Value, f.Unit), unit: f.Unit, note: provenanceOf(cur, orig, f.Unit),
			edited: cur.Value != orig.Value,
			set: func(v variant, text string) (variant, error) {
				n, err := checked(scenarioType, f.Path, f.Unit, text)
				if err != nil {
					return v, err
				}
				if n == f.Get(&v.Scenario).Value {
					return v, errUnchanged
				}
				next := cloneScenario(v.Scenario) // Set writes into the algorithm map, which v shares
				f.Set(&next, edited(f.Get(&next), n))
				// The loader's rules across fields, which no one field's range can hold.
				if msg := next.Weights.Check(); msg != "" {
					return v, errors.New(msg)
				}
				v.Scenario = next
				return v, nil
			}})
	}
	return fields
}

// editedAssumptions are the assumptions the user changed, in the editor's order: the header
// counts them, exports and the presentation name them.
func (m Model) editedAssumptions() []field {
	var out []field
	for _, f := range m.assumptionFields() {
		if f.edited {
			out = append(out, f)
		}
	}
	return out
}

// edited is n as a what-if value of the figure: set, and marked as changed in the app.
func edited(old cited.Number, n float64) cited.Number {
	old.Value, old.Set, old.Edited = n, true, true
	return old
}

func provenanceOf(cur, orig cited.Number, unit string) string {
	if cur.Value != orig.Value {
		return "was " + figureText(orig.Value, unit) + " · " + orig.Provenance()
	}
	if !cur.Set {
		return "not set"
	}
	return cur.Provenance()
}

// fleetCounts is how many machines of each model a fleet has.
func fleetCounts(fleet []scenario.Batch) map[string]int {
	out := map[string]int{}
	for _, b := range fleet {
		out[b.Machine] += b.Count
	}
	return out
}

// fleetFields lists the fleet's machine models and counts; a count that differs from the
// scenario file's is an edit.
func (m Model) fleetFields() []field {
	var fields []field
	fields = append(fields, field{label: "Machines", heading: true})
	loaded, now := fleetCounts(m.base.Fleet), fleetCounts(m.current.Scenario.Fleet)
	for i, b := range m.current.Scenario.Fleet {
		mach, _ := m.set.Machines.ByID(b.Machine)
		i := i
		note := fmt.Sprintf("%s %s · %s W · %s", cited.Format(mach.Hashrate.Value), mach.Unit, cited.Format(mach.PowerW.Value), mach.Algorithm)
		was, inFile := loaded[b.Machine]
		edited := was != now[b.Machine]
		switch {
		case edited && inFile:
			note = "was " + human.Thousands(float64(was), 0) + " · " + note
		case edited:
			note = "added · " + note
		}
		fields = append(fields, field{
			label: mach.Name, value: human.Thousands(float64(b.Count), 0), unit: "machines", note: note, edited: edited,
			set: func(v variant, text string) (variant, error) {
				n, err := parseNumber(text, "machines")
				if errors.Is(err, errOutOfRange) {
					return v, fmt.Errorf("%w: a count is a whole number from 1 to 100,000,000", err)
				}
				if err != nil {
					return v, err
				}
				if n != float64(int(n)) || n < 1 || n > 1e8 {
					if n == 0 {
						return v, errors.New("a count is a whole number from 1 to 100,000,000; to remove the model, press -")
					}
					return v, errors.New("a count is a whole number from 1 to 100,000,000")
				}
				if i < len(v.Scenario.Fleet) && int(n) == v.Scenario.Fleet[i].Count {
					return v, errUnchanged
				}
				v.Scenario = cloneScenario(v.Scenario)
				v.Scenario.Fleet[i].Count = int(n)
				return v, nil
			},
		})
	}
	return fields
}

// unvalued says why the scenario cannot value a machine, or "" when it can: the plan earns
// from the market of the machine's algorithm, priced per the unit the machine is rated in.
// (Its resale price the catalogue's loader already requires.)
func unvalued(sc scenario.Scenario, mach machines.Machine) string {
	alg, ok := sc.Market.Algorithms[mach.Algorithm]
	switch {
	case !ok:
		return "no " + mach.Algorithm + " market"
	case alg.Unit != mach.Unit:
		return "rated in " + mach.Unit + ", the " + mach.Algorithm + " market prices " + alg.Unit
	}
	return ""
}

// pickable is the catalogue's machines the scenario can value, which the picker offers.
func (m Model) pickable() []machines.Machine {
	var out []machines.Machine
	for _, mach := range m.set.Machines.Machines {
		if unvalued(m.current.Scenario, mach) == "" {
			out = append(out, mach)
		}
	}
	return out
}

// unpicked names the catalogue's machines the picker leaves out, each with why.
func (m Model) unpicked() []string {
	var out []string
	for _, mach := range m.set.Machines.Machines {
		if why := unvalued(m.current.Scenario, mach); why != "" {
			out = append(out, mach.Name+": "+why)
		}
	}
	return out
}

// nothingToPick is why the picker does not open.
func (m Model) nothingToPick() string {
	return "no machine in the catalogue can be valued by this scenario's market: " + strings.Join(m.unpicked(), "; ")
}

// addMachine returns the variant with 100 more of a machine model in the fleet; the picker
// offers only the models the scenario can value.
func addMachine(v variant, id string) variant {
	v.Scenario = cloneScenario(v.Scenario)
	for i, b := range v.Scenario.Fleet {
		if b.Machine == id {
			v.Scenario.Fleet[i].Count += 100
			return v
		}
	}
	v.Scenario.Fleet = append(v.Scenario.Fleet, scenario.Batch{Machine: id, Count: 100})
	return v
}

// removeBatch drops the i-th machine model from the fleet, keeping at least one.
func removeBatch(v variant, i int) (variant, error) {
	if i < 0 || i >= len(v.Scenario.Fleet) {
		return v, errors.New("put the cursor on a machine model to remove it")
	}
	if len(v.Scenario.Fleet) <= 1 {
		return v, errors.New("the fleet needs at least one machine model")
	}
	v.Scenario = cloneScenario(v.Scenario)
	v.Scenario.Fleet = append(v.Scenario.Fleet[:i], v.Scenario.Fleet[i+1:]...)
	return v, nil
}

// withoutWhatIf returns a new variant without the what-ifs of one figure of one destination,
// which then has its value from the file again.
func (v variant) withoutWhatIf(id, path string) variant {
	v.WhatIfs = slices.DeleteFunc(slices.Clone(v.WhatIfs), func(w whatIf) bool { return w.Country == id && w.Path == path })
	return v
}
