package model

import "charm.land/bubbles/v2/key"

// keyMap is every key the app answers to; the help on screen is drawn from it.
type keyMap struct {
	Up, Down, Top, Bottom, PageUp, PageDown  key.Binding
	Sort, Reverse, Filter, Mark, Compare     key.Binding
	Detail, Fleet, Assumptions, WhatIf       key.Binding
	Undo, Reset, Theme, Help, Quit, Back     key.Binding
	Chart, Present, Screenshot, Export, Save key.Binding
	Edit, Add, Remove, Split, ClearMarks     key.Binding
	// Pager is the detail's and the help's own keys, which scroll their text.
	Pager pagerKeyMap
	// The keys of the modes that hold the keyboard until they end.
	Filtering filterKeyMap
	Value     valueKeyMap
	Pick      pickKeyMap
	Note      noteKeyMap
}

// mode is what the keyboard does: act on the screen on view, or serve one task that holds
// every key until it ends. It decides both where a key goes and which keys the footer shows.
type mode int

const (
	modeNormal mode = iota // keys act on the screen on view
	modeFilter             // typing the table's filter
	modeValue              // typing a value in an editor
	modePick               // choosing a machine model to add to the fleet
	modeNote               // typing the source note of the what-ifs being saved
)

// name is how the footer names the mode; the normal mode goes unnamed.
func (md mode) name() string {
	switch md {
	case modeFilter:
		return "typing a filter"
	case modeValue:
		return "typing a value"
	case modePick:
		return "choosing a machine"
	case modeNote:
		return "typing a save note"
	}
	return ""
}

// filterKeyMap is the keys while typing the filter: every other key is text.
type filterKeyMap struct{ Keep, Clear, Leave, Quit key.Binding }

// valueKeyMap is the keys while typing a value in an editor: every other key is text.
type valueKeyMap struct{ Apply, Cancel, Quit key.Binding }

// pickKeyMap is the keys of the machine picker, a list: q quits as it does in the editor.
type pickKeyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom, Add, Cancel, Quit key.Binding
}

// noteKeyMap is the keys while typing a save's note: every other key is text.
type noteKeyMap struct{ Save, Cancel, Quit key.Binding }

func (k filterKeyMap) shortHelp() []key.Binding { return []key.Binding{k.Keep, k.Clear, k.Leave} }
func (k valueKeyMap) shortHelp() []key.Binding  { return []key.Binding{k.Apply, k.Cancel} }
func (k pickKeyMap) shortHelp() []key.Binding {
	return []key.Binding{pair(k.Up, k.Down, "", "move"), k.Add, k.Cancel, pair(k.PageUp, k.PageDown, "/", "page")}
}
func (k noteKeyMap) shortHelp() []key.Binding { return []key.Binding{k.Save, k.Cancel} }

// inputModes are the modes other than the normal one, in the order the help lists them.
func inputModes() []mode { return []mode{modeFilter, modeValue, modePick, modeNote} }

// modeHelp is the footer's hints in a mode other than the normal one, and the key that quits
// there: ctrl+c alone where q is text.
func (k keyMap) modeHelp(md mode) (hints []key.Binding, quit key.Binding) {
	switch md {
	case modeFilter:
		return k.Filtering.shortHelp(), k.Filtering.Quit
	case modeValue:
		return k.Value.shortHelp(), k.Value.Quit
	case modePick:
		return k.Pick.shortHelp(), k.Pick.Quit
	case modeNote:
		return k.Note.shortHelp(), k.Note.Quit
	}
	return nil, k.Quit
}

func newKeyMap() keyMap {
	b := func(desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey(keys), desc))
	}
	return keyMap{
		Up:          b("up", "up", "k"),
		Down:        b("down", "down", "j"),
		Top:         b("first", "g", "home"),
		Bottom:      b("last", "G", "end"),
		PageUp:      b("page up", "pgup"),
		PageDown:    b("page down", "pgdown"),
		Sort:        b("sort", "s"),
		Reverse:     b("reverse", "S"),
		Filter:      b("filter", "/"),
		Mark:        b("mark", "space"),
		Compare:     b("compare", "c"),
		Detail:      b("detail", "enter"),
		Fleet:       b("fleet", "f"),
		Assumptions: b("assumptions", "a"),
		WhatIf:      b("what-if", "e"),
		Undo:        b("undo", "u"),
		Reset:       b("reset all", "R"),
		Theme:       b("theme", "t"),
		Help:        b("help", "?"),
		Quit:        b("quit", "q", "ctrl+c"),
		Back:        b("back", "esc"),
		Chart:       b("charts", "v"),
		Present:     b("present", "P"),
		Screenshot:  b("screenshot", "p"),
		Export:      b("export", "x"),
		Save:        b("save what-if", "w"),
		Edit:        b("edit", "enter"),
		Add:         b("add", "+", "insert"),
		Remove:      b("remove", "-", "delete"),
		Split:       b("split", "o"),
		ClearMarks:  b("clear marks", "C"),
		Pager:       newPagerKeyMap(),
		Filtering: filterKeyMap{
			Keep:  b("keep", "enter"),
			Clear: b("clear", "esc"),
			Leave: b("to the table", "up", "down"),
			Quit:  b("quit", "ctrl+c"),
		},
		Value: valueKeyMap{
			Apply:  b("apply", "enter"),
			Cancel: b("cancel", "esc"),
			Quit:   b("quit", "ctrl+c"),
		},
		Pick: pickKeyMap{
			Up:       b("up", "up", "k"),
			Down:     b("down", "down", "j"),
			PageUp:   b("page up", "pgup"),
			PageDown: b("page down", "pgdown"),
			Top:      b("first", "g", "home"),
			Bottom:   b("last", "G", "end"),
			Add:      b("add 100", "enter"),
			Cancel:   b("cancel", "esc"),
			Quit:     b("quit", "q", "ctrl+c"),
		},
		Note: noteKeyMap{
			Save:   b("save", "enter"),
			Cancel: b("cancel", "esc"),
			Quit:   b("quit", "ctrl+c"),
		},
	}
}

// pagerKeyMap is the keys of the screens that scroll, the detail and the help: they move the
// text, not the selection. Prev and Next step through the table from the detail.
type pagerKeyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	Prev, Next                              key.Binding
}

func newPagerKeyMap() pagerKeyMap {
	b := func(desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey(keys), desc))
	}
	return pagerKeyMap{
		Up:       b("scroll up", "up", "k"),
		Down:     b("scroll down", "down", "j"),
		PageUp:   b("page up", "pgup"),
		PageDown: b("page down", "pgdown"),
		Top:      b("top", "g", "home"),
		Bottom:   b("end", "G", "end"),
		Prev:     b("previous destination", "left", "h"),
		Next:     b("next destination", "right", "l"),
	}
}

// pair shows two bindings as one hint in a short help: "↑↓ scroll", "g/G top/end".
func pair(a, b key.Binding, sep, desc string) key.Binding {
	first := func(k key.Binding) string { return helpKey(k.Keys()[:1]) }
	return key.NewBinding(key.WithKeys(append(a.Keys(), b.Keys()...)...), key.WithHelp(first(a)+sep+first(b), desc))
}

// shortHelp is the footer of a screen that scrolls, with back; the detail can also step
// through the table, which comes before top/end so a narrow footer keeps it.
func (p pagerKeyMap) shortHelp(detail bool, back key.Binding) []key.Binding {
	scroll, page, ends := pair(p.Up, p.Down, "", "scroll"), pair(p.PageUp, p.PageDown, "/", "page"), pair(p.Top, p.Bottom, "/", "top/end")
	if detail {
		return []key.Binding{scroll, page, pair(p.Prev, p.Next, "", "destination"), back, ends}
	}
	return []key.Binding{scroll, page, ends, back}
}

// fullHelp is the pager's keys as the help screen lists them.
func (p pagerKeyMap) fullHelp() []key.Binding {
	return []key.Binding{p.Up, p.Down, p.PageUp, p.PageDown, p.Top, p.Bottom, p.Prev, p.Next}
}

// helpKey is how a binding's keys read in the help: "↑/k", "space".
func helpKey(keys []string) string {
	names := map[string]string{"up": "↑", "down": "↓", "left": "←", "right": "→", "pgup": "pgup", "pgdown": "pgdn", "ctrl+c": "ctrl+c", "insert": "ins", "delete": "del"}
	out := ""
	for i, k := range keys {
		if i > 0 {
			out += "/"
		}
		if n, ok := names[k]; ok {
			k = n
		}
		out += k
	}
	return out
}

// mainHelp is the short help of the main screen; the footer adds how to quit after it.
func (k keyMap) mainHelp() []key.Binding {
	return []key.Binding{k.Detail, k.Split, k.Sort, k.Filter, k.Mark, k.Compare, k.WhatIf, k.Assumptions, k.Fleet, k.Chart, k.Help}
}

// chartHelp is the short help of the charts, whose bars and cash chart follow the selected
// destination as the table's keys move it.
func (k keyMap) chartHelp() []key.Binding {
	return []key.Binding{pair(k.Up, k.Down, "", "destination"), k.Back, k.Screenshot, k.Help}
}

// fullHelp is the help screen, in columns.
func (k keyMap) fullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown, k.Detail, k.Back},
		{k.Split, k.Sort, k.Reverse, k.Filter, k.Mark, k.ClearMarks, k.Compare, k.Chart, k.Present},
		{k.Fleet, k.Assumptions, k.WhatIf, k.Undo, k.Reset, k.Save},
		{k.Screenshot, k.Export, k.Theme, k.Help, k.Quit},
	}
}

// addRemove is the fleet editor's keys that add and remove a machine model, as one hint.
func (k keyMap) addRemove() key.Binding { return pair(k.Add, k.Remove, "/", "add/remove") }

// editorKeys are the keys of an editor's own work, as the footer and the help list them; the
// fleet's replace reset all with add/remove, and one longer than its window (more) pages.
func (k keyMap) editorKeys(fleet, more bool) []key.Binding {
	hints := []key.Binding{pair(k.Up, k.Down, "", "move"), k.Edit, k.Undo, k.Reset}
	if fleet {
		hints = []key.Binding{pair(k.Up, k.Down, "", "move"), k.Edit, k.addRemove(), k.Undo}
	}
	if more {
		hints = append(hints, pair(k.PageUp, k.PageDown, "/", "page"), pair(k.Top, k.Bottom, "/", "first/last"))
	}
	return hints
}

// formHelp is the short help of the editors: their own keys, the way back and the help.
func (k keyMap) formHelp(fleet, more bool) []key.Binding {
	return append(k.editorKeys(fleet, more), k.Back, k.Help)
}
