package model

import "charm.land/bubbles/v2/key"

// keyMap is every key the app answers to; the help on screen is drawn from it.
type keyMap struct {
	Up, Down, Top, Bottom, PageUp, PageDown  key.Binding
	Sort, Reverse, Filter, Mark, Compare     key.Binding
	Detail, Fleet, Assumptions, WhatIf       key.Binding
	Undo, Reset, Theme, Help, Quit, Back     key.Binding
	Chart, Present, Screenshot, Export, Save key.Binding
	Edit, Add, Remove, Split                 key.Binding
	// Pager is the detail's and the help's own keys, which scroll their text.
	Pager pagerKeyMap
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
		Pager:       newPagerKeyMap(),
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

// mainHelp is the short help of the main screen.
func (k keyMap) mainHelp() []key.Binding {
	return []key.Binding{k.Detail, k.Split, k.Sort, k.Filter, k.Mark, k.Compare, k.WhatIf, k.Assumptions, k.Fleet, k.Chart, k.Help, k.Quit}
}

// fullHelp is the help screen, in columns.
func (k keyMap) fullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown, k.Detail, k.Back},
		{k.Split, k.Sort, k.Reverse, k.Filter, k.Mark, k.Compare, k.Chart, k.Present},
		{k.Fleet, k.Assumptions, k.WhatIf, k.Undo, k.Reset, k.Save},
		{k.Screenshot, k.Export, k.Theme, k.Help, k.Quit},
	}
}

// formHelp is the short help of the editors.
func (k keyMap) formHelp(fleet bool) []key.Binding {
	if fleet {
		return []key.Binding{k.Up, k.Down, k.Edit, k.Add, k.Remove, k.Undo, k.Back}
	}
	return []key.Binding{k.Up, k.Down, k.Edit, k.Undo, k.Reset, k.Back}
}
