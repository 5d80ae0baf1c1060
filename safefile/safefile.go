// Package safefile writes files so that a crash, a full disk or a name clash never leaves
// a half-written file or destroys one that was already there.
//
// Both writers put the data in a hidden temporary file in the target's directory first,
// flush it to disk, and only then give it the final name in one atomic step. The temporary
// file lives in the same directory because links and renames are only atomic within one
// file system.
package safefile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// newFilePerm is the mode of files that did not exist before.
const newFilePerm fs.FileMode = 0o644

// WriteNew creates path with data and never overwrites: if path already exists it returns an
// error wrapping fs.ErrExist and leaves the existing file alone. A reader never sees path
// partly written. The target's file system must support hard links.
func WriteNew(path string, data []byte) error {
	tmp, err := writeTemp(path, data, newFilePerm)
	if err != nil {
		return err
	}
	// The temporary name goes whether the link worked or not: on success the data lives on
	// under path, on failure nothing of this write should remain.
	defer os.Remove(tmp)
	// link(2), unlike rename(2), fails instead of replacing an existing path, which makes
	// "create only if absent" atomic even against another process racing for the name.
	if err := os.Link(tmp, path); err != nil {
		return cannot("write", path, err)
	}
	syncDir(filepath.Dir(path))
	return nil
}

// File is one file of a set written together.
type File struct {
	Path string
	Data []byte
}

// WriteNewSet creates every file of the set, or none: all are written to temporary files
// first, so a full disk shows before any name appears, and if any name is taken the files
// already placed are removed again. Like WriteNew, it never overwrites.
func WriteNewSet(files []File) error {
	temps := make([]string, 0, len(files))
	defer func() {
		for _, tmp := range temps {
			os.Remove(tmp)
		}
	}()
	for _, f := range files {
		tmp, err := writeTemp(f.Path, f.Data, newFilePerm)
		if err != nil {
			return err
		}
		temps = append(temps, tmp)
	}
	for i, f := range files {
		if err := os.Link(temps[i], f.Path); err != nil {
			for _, placed := range files[:i] {
				os.Remove(placed.Path)
			}
			return cannot("write", f.Path, err)
		}
	}
	for _, dir := range uniqueDirs(files) {
		syncDir(dir)
	}
	return nil
}

func uniqueDirs(files []File) []string {
	var dirs []string
	seen := map[string]bool{}
	for _, f := range files {
		if d := filepath.Dir(f.Path); !seen[d] {
			seen[d] = true
			dirs = append(dirs, d)
		}
	}
	return dirs
}

// Replace writes data to path, replacing the file if it exists, atomically: a reader sees
// either the old contents or the new, never a mixture, and a failed write leaves the old
// file untouched. An existing file keeps its permission bits; a new one gets 0644. A
// symbolic link is followed and its target replaced, so every link to a shared file sees the
// change. A read-only file is refused with an error wrapping fs.ErrPermission, not replaced.
func Replace(path string, data []byte) error {
	if target, err := filepath.EvalSymlinks(path); err == nil {
		path = target
	}
	perm := newFilePerm
	if info, err := os.Stat(path); err == nil {
		perm = info.Mode().Perm()
		if perm&0o200 == 0 {
			return readOnlyError{path, perm}
		}
	}
	tmp, err := writeTemp(path, data, perm)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return cannot("replace", path, err)
	}
	syncDir(filepath.Dir(path))
	return nil
}

// cannot words a failed write for people: the file they asked for and the system's reason
// ("cannot write x.png: no space left on device"), never the hidden temporary file's name,
// which the system's own message would carry. The reason stays wrapped for errors.Is.
func cannot(verb, path string, err error) error {
	var pathErr *fs.PathError
	var linkErr *os.LinkError
	switch {
	case errors.As(err, &pathErr):
		err = pathErr.Err
	case errors.As(err, &linkErr):
		err = linkErr.Err
	}
	return fmt.Errorf("cannot %s %s: %w", verb, path, err)
}

// readOnlyError refuses to replace a file its owner may not write: replacing it by rename
// would succeed, and silently undo the protection.
type readOnlyError struct {
	path string
	perm fs.FileMode
}

func (e readOnlyError) Error() string {
	return fmt.Sprintf("%s is read-only (%v): make it writable to save into it", e.path, e.perm)
}

func (e readOnlyError) Is(target error) bool { return target == fs.ErrPermission }

// writeTemp writes data to a new hidden file next to path, flushed to disk and closed, and
// returns its name. On failure it removes the file itself.
func writeTemp(path string, data []byte, perm fs.FileMode) (name string, err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return "", cannot("write", path, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
			err = cannot("write", path, err)
		}
	}()
	// CreateTemp makes the file 0600; set the final mode now so it is right the moment the
	// file appears under its real name.
	if err := f.Chmod(perm); err != nil {
		return "", err
	}
	if _, err := f.Write(data); err != nil {
		return "", err
	}
	// Without the sync, a crash shortly after the rename can leave an empty file under the
	// real name on some file systems.
	if err := f.Sync(); err != nil {
		return "", err
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	return f.Name(), nil
}

// syncDir flushes a directory so that a name just added to it survives a crash. It is best
// effort: the data is already safe under its name, and some systems (Windows) cannot sync a
// directory at all, so a failure here is no reason to report the write as failed.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	d.Sync()
	d.Close()
}
