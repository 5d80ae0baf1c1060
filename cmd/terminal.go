package cmd

import (
	"errors"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
)

// needTerminal says in a sentence, rather than in the toolkit's words, that the interactive
// comparison cannot open where no terminal can be reached (a cron job, a CI step). Like the
// app itself, it accepts piped input when the terminal can still be opened.
func needTerminal() error {
	if term.IsTerminal(os.Stdin.Fd()) {
		return nil
	}
	in, out, err := tea.OpenTTY()
	if err != nil {
		return errors.New("the interactive comparison needs a terminal; in a script, use 'hashhaven rank'")
	}
	in.Close()
	if out != in {
		out.Close()
	}
	return nil
}
