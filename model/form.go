package model

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/textinput"

	"hashhaven/cited"
)

// field is one line of an editor: a figure with where it came from, and how to change it.
type field struct {
	label, value, unit, note string
	heading                  bool // a section title, not editable
	edited                   bool
	// set returns the variant with the typed text applied, or why the text is refused.
	set func(v variant, text string) (variant, error)
}

// form is the editing state shared by the fleet, assumptions and what-if editors. Its fields
// are rebuilt from the model on every frame, so undo and reloads show at once.
type form struct {
	cursor int
	input  textinput.Model // the value typed in modeValue
	err    string          // why the last typed value was refused; the old value stays
	pick   int             // the machine under the picker's cursor, in modePick
	target string          // the destination a what-if editor works on
}

func newForm() form {
	in := textinput.New()
	in.Prompt = "› "
	in.CharLimit = 32
	return form{input: in}
}

// move puts the cursor on the next editable field in direction d.
func (f *form) move(fields []field, d int) {
	for i := f.cursor + d; i >= 0 && i < len(fields); i += d {
		if !fields[i].heading {
			f.cursor = i
			return
		}
	}
}

// clamp keeps the cursor on an editable field after the fields changed.
func (f *form) clamp(fields []field) {
	f.cursor = max(0, min(f.cursor, len(fields)-1))
	if len(fields) > 0 && fields[f.cursor].heading {
		f.move(fields, 1)
	}
}

// page moves the cursor about a window of room lines in direction d: to the farthest field
// that near, and at least to the next one.
func (f *form) page(fields []field, d, room int) {
	rows := fieldRows(fields)
	if f.cursor < 0 || f.cursor >= len(fields) {
		return
	}
	target := f.cursor
	for i := f.cursor + d; i >= 0 && i < len(fields); i += d {
		if abs(rows[i]-rows[f.cursor]) >= max(1, room-1) {
			break
		}
		if !fields[i].heading {
			target = i
		}
	}
	if target == f.cursor {
		f.move(fields, d)
		return
	}
	f.cursor = target
}

// end puts the cursor on the first (d < 0) or the last (d > 0) editable field.
func (f *form) end(fields []field, d int) {
	if d < 0 {
		f.cursor = -1
		f.move(fields, 1)
	} else {
		f.cursor = len(fields)
		f.move(fields, -1)
	}
	f.clamp(fields)
}

// fieldRows is the line each field's row starts on before the cursor's field opens up: a
// heading after the first line has a blank line above it.
func fieldRows(fields []field) []int {
	rows := make([]int, len(fields))
	n := 0
	for i, fl := range fields {
		if fl.heading && i > 0 {
			n++
		}
		rows[i] = n
		n++
	}
	return rows
}

// lines draws the fields, a row each. The field under the cursor opens up to show in full
// what its row cuts (its name, its unit, its source) and why a typed value was refused;
// first and last are its lines, with its heading, which a short window keeps in view.
func (f form) lines(fields []field, editing bool, width int, s styles) (lines []string, first, last int) {
	labelW, unitW := 12, 0
	for _, fl := range fields {
		if !fl.heading {
			labelW, unitW = max(labelW, cells(fl.label)), max(unitW, cells(fl.unit))
		}
	}
	labelW, unitW = min(labelW, max(12, width*2/5)), min(unitW, 16)
	const valueW, openIndent = 14, 4
	opened := func(text string) { // a line under the cursor's row, wrapped
		for _, l := range strings.Split(ansiWrap(text, width-openIndent), "\n") {
			lines = append(lines, strings.Repeat(" ", openIndent)+l)
		}
	}
	first, last = -1, -1
	for i, fl := range fields {
		if fl.heading {
			if i > 0 {
				lines = append(lines, "")
			}
			lines = append(lines, s.Bold.Render(fl.label))
			continue
		}
		marker, value, mark := "  ", s.HeaderValue.Render(pad(fl.value, valueW, true)), "  "
		if fl.edited {
			value, mark = s.Edited.Render(pad(fl.value, valueW, true)), s.Edited.Render(" ✎")
		}
		if i == f.cursor {
			marker = s.Accent.Render("▸ ")
			if editing {
				value, mark = pad(f.input.View(), valueW, false), "  "
			}
		}
		row := marker + s.Base.Render(pad(fl.label, labelW, false)) + "  " + value + mark + " " + s.Muted.Render(pad(fl.unit, unitW, false))
		note := ""
		if fl.note != "" {
			note = "  " + s.Muted.Render(fl.note)
		}
		if i != f.cursor {
			lines = append(lines, ansiTruncate(row+note, width))
			continue
		}
		first = len(lines)
		if i > 0 && fields[i-1].heading {
			first--
		}
		// The reason a value was refused comes right under the row, before the source, so a
		// window too short for all of them still shows it.
		cut := cells(fl.label) > labelW || cells(fl.unit) > unitW
		whole := !cut && cells(row+note) <= width
		if whole {
			lines = append(lines, row+note)
		} else {
			lines = append(lines, ansiTruncate(row, width))
		}
		if f.err != "" {
			opened(s.ErrorText.Render("✗ " + f.err))
		}
		if cut {
			label := s.Base.Render(fl.label)
			if fl.unit != "" {
				label += s.Muted.Render(", in " + fl.unit)
			}
			opened(label)
		}
		if !whole && fl.note != "" {
			opened(s.Muted.Render(fl.note))
		}
		last = len(lines) - 1
	}
	if first < 0 { // no field under the cursor: a refusal still shows, at the end
		first = len(lines)
		if f.err != "" {
			lines = append(lines, "")
			opened(s.ErrorText.Render("✗ " + f.err))
		}
		last = len(lines) - 1
	}
	return lines, first, last
}

// errUnchanged is a field's answer to the value it already has: nothing to change or undo.
var errUnchanged = errors.New("unchanged")

// errOutOfRange marks a number too large (or too small) to hold; it reads as nothing, so the
// message it ends can go on with the field's range.
var errOutOfRange = quietError{}

type quietError struct{}

func (quietError) Error() string { return "" }

// isShare says whether a figure in unit is a share of something (0.3 = 30%), the only kind
// the % shorthand may be typed for.
func isShare(unit string) bool { return unit == "share" || strings.HasPrefix(unit, "share/") }

// percentText writes a share as a percentage, exactly (0.015 → "1.5%"), so that typing it
// back gives the same figure.
func percentText(v float64) string {
	mant, exp, _ := strings.Cut(strconv.FormatFloat(v, 'e', -1, 64), "e")
	e, _ := strconv.Atoi(exp)
	p, _ := strconv.ParseFloat(mant+"e"+strconv.Itoa(e+2), 64)
	return strconv.FormatFloat(p, 'f', -1, 64) + "%"
}

// figureText writes a figure as the editors and the detail show it: a share as a percentage.
func figureText(v float64, unit string) string {
	if isShare(unit) {
		return percentText(v)
	}
	return cited.Format(v)
}

// parseNumber reads a number typed for a figure in unit: "0.015", "1,000", "-2", "$5", and
// for a share also "1.5%".
func parseNumber(text, unit string) (float64, error) {
	shown := strings.TrimSpace(text)
	t := strings.TrimSpace(strings.ReplaceAll(text, ",", ""))
	percent := strings.HasSuffix(t, "%")
	if percent {
		t = strings.TrimSpace(strings.TrimSuffix(t, "%"))
	}
	t = strings.TrimPrefix(t, "$")
	v, err := strconv.ParseFloat(t, 64)
	var numErr *strconv.NumError
	switch {
	case t == "" || err != nil && !(errors.As(err, &numErr) && numErr.Err == strconv.ErrRange):
		return 0, fmt.Errorf("%q is not a number", shown)
	case err == nil && (math.IsInf(v, 0) || math.IsNaN(v)): // "inf", "nan"
		return 0, fmt.Errorf("%q is not a finite number", shown)
	case math.IsInf(v, 1):
		return 0, fmt.Errorf("%s is too large%w", shown, errOutOfRange)
	case math.IsInf(v, -1):
		return 0, fmt.Errorf("%s is too large a negative number%w", shown, errOutOfRange)
	case err != nil: // underflow
		return 0, fmt.Errorf("%s is too close to zero%w", shown, errOutOfRange)
	case percent && !isShare(unit):
		what := "this figure has no unit"
		if unit != "" {
			what = "this figure is in " + unit
		}
		return 0, fmt.Errorf("%% is for shares; %s", what)
	case percent && !strings.ContainsAny(t, "eE"):
		// Moving the decimal point in the text keeps 85% exactly 0.85, as 85 × 0.01 is not.
		v, _ = strconv.ParseFloat(t+"e-2", 64)
	case percent:
		v /= 100
	}
	return v, nil
}
