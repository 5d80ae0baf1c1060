// Package watch tells the app when its data folder changed on disk, so it can reload the
// files consultants edit in their own editor while it runs.
package watch

import (
	"errors"
	"path/filepath"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Dir watches root and all its subdirectories (existing and newly created) and sends one
// value on the returned channel per burst of changes, after the folder has been quiet for
// `quiet` (editors save in bursts: write temp, rename, chmod). Errors from the watcher go to errs.
// Closing stops the watcher (stop func); channels are closed after stop.
//
// When root itself is removed or renamed away, the watcher looks for it again each quiet
// period (no more often than reappear) and, once it is back, watches it anew and signals.
//
// Only .yaml/.yml files and directories count; hidden names and editor backup, swap and
// temp files do not. Neither channel ever makes the watcher wait: a change signal not yet
// read stands for any that follow it, and an error not yet read causes later ones to be
// dropped. stop returns once the watcher's goroutine has ended, and may be called again.
func Dir(root string, quiet time.Duration) (changes <-chan struct{}, errs <-chan error, stop func(), err error) {
	fs, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, nil, nil, err
	}
	// A root given as a link is watched where it leads: events name the real directories.
	if real, err := filepath.EvalSymlinks(root); err == nil {
		root = real
	}
	w := &watcher{
		root:    filepath.Clean(root),
		fs:      fs,
		dirs:    map[string]bool{},
		changes: make(chan struct{}, 1),
		errs:    make(chan error, 1),
	}
	if err := w.addTree(w.root); err != nil {
		fs.Close()
		return nil, nil, nil, err
	}
	exited := make(chan struct{})
	go w.run(quiet, exited)
	var once sync.Once
	stop = func() {
		once.Do(func() {
			fs.Close() // closes fs.Events, which ends run; a failure to close leaves nothing to do
			<-exited
		})
	}
	return w.changes, w.errs, stop, nil
}

// Settle is the quiet period the app waits for: an editor's save — a rename of a finished file
// into place, or a truncate and the writes after it — is a burst well inside it, so a burst
// is read whole, and a save shows within a frame or two of the reload.
const Settle = 40 * time.Millisecond

// reappear is the most often a removed root is looked for.
const reappear = 100 * time.Millisecond

// watcher is owned by its run goroutine once Dir has started it.
type watcher struct {
	root    string
	gone    bool // root was removed: look for it until it is back
	fs      *fsnotify.Watcher
	dirs    map[string]bool // watched directories, to tell their removal from a file's
	changes chan struct{}
	errs    chan error
}

func (w *watcher) run(quiet time.Duration, exited chan<- struct{}) {
	defer close(exited)
	defer close(w.errs)
	defer close(w.changes)
	settled := time.NewTimer(quiet)
	settled.Stop()
	defer settled.Stop()
	// Polling for a removed root: its parent may not be watchable, and a poll costs one stat.
	look := time.NewTicker(max(quiet, reappear))
	defer look.Stop()
	for {
		select {
		case <-look.C:
			if w.gone && w.rewatch() {
				settled.Reset(quiet)
			}
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			if w.handle(ev) {
				settled.Reset(quiet)
			}
		case err, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			w.report(err)
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				settled.Reset(quiet) // events were lost: reload to be safe
			}
		case <-settled.C:
			select {
			case w.changes <- struct{}{}:
			default: // a signal is already waiting to be read; it covers this burst too
			}
		}
	}
}

// rewatch watches root again once it exists, and reports whether it does.
func (w *watcher) rewatch() bool {
	if !isDir(w.root) {
		return false
	}
	if err := w.addTree(w.root); err != nil {
		w.forget(w.root) // half added: start over at the next look
		return false
	}
	w.gone = false
	return true
}

// report passes err on unless one is already waiting to be read.
func (w *watcher) report(err error) {
	if errors.Is(err, fsnotify.ErrClosed) {
		return // stop was called while a new directory was being added
	}
	select {
	case w.errs <- err:
	default:
	}
}
