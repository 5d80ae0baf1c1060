package cli

import (
	"io"
	"os"
	"sync"
	"time"

	"github.com/charmbracelet/x/term"
)

// loadNote says on the terminal what is being read when reading takes more than a moment,
// so a big folder does not sit on a blank screen before the comparison opens.
// It is a writer: anything written through it (a problem found in the data) first clears
// the note, as done does.
type loadNote struct {
	mu    sync.Mutex
	w     io.Writer
	timer *time.Timer
	shown bool
	over  bool
}

// slowLoadDelay is how long reading may take before the note shows: long enough that a
// folder of a thousand files opens without a note flashing by.
const slowLoadDelay = 150 * time.Millisecond

// newLoadNote writes text to w after delay unless done is called first.
func newLoadNote(w io.Writer, text string, delay time.Duration) *loadNote {
	n := &loadNote{w: w}
	n.timer = time.AfterFunc(delay, func() {
		n.mu.Lock()
		defer n.mu.Unlock()
		if !n.over {
			io.WriteString(n.w, text)
			n.shown = true
		}
	})
	return n
}

// done stops the note or clears it from its line.
func (n *loadNote) done() {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.end()
}

func (n *loadNote) end() {
	n.timer.Stop()
	if n.shown {
		io.WriteString(n.w, "\r\x1b[K")
	}
	n.over, n.shown = true, false
}

func (n *loadNote) Write(p []byte) (int, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.end()
	return n.w.Write(p)
}

// isTerminal says whether w writes to a terminal, where a passing note can be cleared.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}
