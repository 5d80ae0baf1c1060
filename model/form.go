package model

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"

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

// render draws the fields in a panel of the given size.
func (f form) render(title, intro string, fields []field, editing bool, width, height int, s styles) string {
	var b strings.Builder
	b.WriteString(s.PanelTitle.Render(title))
	b.WriteString("\n")
	if intro != "" {
		b.WriteString(s.Muted.Render(ansiWrap(intro, width)))
		b.WriteString("\n")
	}
	b.WriteString("\n")
	labelW := 12
	for _, fl := range fields {
		labelW = max(labelW, lipgloss.Width(fl.label))
	}
	labelW = min(labelW, width/3)
	valueW := 14
	lines := make([]string, 0, len(fields))
	cursorLine := 0
	for i, fl := range fields {
		if fl.heading {
			lines = append(lines, "", s.Bold.Render(fl.label))
			continue
		}
		marker := "  "
		label := s.Base.Render(pad(fl.label, labelW, false))
		value := pad(fl.value, valueW, true)
		switch {
		case fl.edited:
			value = s.Edited.Render(value)
		default:
			value = s.HeaderValue.Render(value)
		}
		if i == f.cursor {
			marker = s.Accent.Render("▸ ")
			cursorLine = len(lines)
			if editing {
				value = pad(f.input.View(), valueW, false)
			}
		}
		unit := s.Muted.Render(pad(fl.unit, 12, false))
		note := s.Muted.Render(fl.note)
		line := marker + label + "  " + value + " " + unit + " " + note
		lines = append(lines, ansiTruncate(line, width))
		if i == f.cursor && f.err != "" {
			lines = append(lines, strings.Repeat(" ", labelW+4)+s.ErrorText.Render("✗ "+f.err))
		}
	}
	// Keep the cursor's line in view on short screens.
	room := height - strings.Count(b.String(), "\n")
	start := 0
	if room > 0 && cursorLine >= room {
		start = cursorLine - room + 1
	}
	end := min(len(lines), start+max(room, 0))
	b.WriteString(strings.Join(lines[start:end], "\n"))
	return b.String()
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
