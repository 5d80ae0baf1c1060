package watch

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/fsnotify/fsnotify"
)

// handle keeps the watched directories in step with ev and reports whether ev is a change
// that matters: a .yaml/.yml file changing, or a directory coming or going.
func (w *watcher) handle(ev fsnotify.Event) bool {
	if w.dirs[ev.Name] && ev.Has(fsnotify.Remove|fsnotify.Rename) {
		w.forget(ev.Name)
		if ev.Name == w.root {
			w.gone = true
		}
		return true
	}
	name := filepath.Base(ev.Name)
	if ignored(name) {
		return false
	}
	if ev.Has(fsnotify.Create) && isDir(ev.Name) {
		// Files may already be inside: the walk adds watches below it too, and the signal
		// that follows makes the app read whatever got there first.
		if err := w.addTree(ev.Name); err != nil && !errors.Is(err, fs.ErrNotExist) {
			w.report(err)
		}
		return true
	}
	return isYAML(name) && ev.Has(fsnotify.Create|fsnotify.Write|fsnotify.Remove|fsnotify.Rename)
}

// addTree watches dir and every directory below it, except hidden and temporary ones.
// Directories, not files, are watched so editors that save by renaming a new file over
// the old one (vim, JetBrains) are still seen.
func (w *watcher) addTree(dir string) error {
	dir = filepath.Clean(dir)
	return filepath.WalkDir(dir, func(path string, entry fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case !entry.IsDir():
			return nil
		case path != dir && ignored(entry.Name()):
			return filepath.SkipDir
		}
		if err := w.fs.Add(path); err != nil {
			return err
		}
		w.dirs[path] = true
		return nil
	})
}

// forget drops the watches on dir and below it after dir was removed or renamed; a renamed
// directory comes back as a Create under its new name.
func (w *watcher) forget(dir string) {
	for watched := range w.dirs {
		if watched == dir || strings.HasPrefix(watched, dir+string(filepath.Separator)) {
			_ = w.fs.Remove(watched) // already gone when the directory was deleted
			delete(w.dirs, watched)
		}
	}
}

func isDir(path string) bool {
	info, err := os.Lstat(path)
	return err == nil && info.IsDir()
}

// ignored names are hidden files and directories (.git, .foo.yaml.swp, emacs' .#foo.yaml)
// and backup, swap and temporary files. Other editor scratch files, such as the 4913 vim
// writes to test the folder, are left out by the .yaml/.yml rule instead.
func ignored(name string) bool {
	if strings.HasPrefix(name, ".") {
		return true
	}
	for _, suffix := range []string{"~", ".swp", ".swx", ".tmp"} {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return false
}

func isYAML(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}
