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
	}
}

// helpKey is how a binding's keys read in the help: "↑/k", "space".
func helpKey(keys []string) string {
	names := map[string]string{"up": "↑", "down": "↓", "pgup": "pgup", "pgdown": "pgdn", "ctrl+c": "ctrl+c", "insert": "ins", "delete": "del"}
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
