// Package safefile writes files so that a crash, a full disk or a name clash never leaves
// a half-written file or destroys one that was already there.
//
// Both writers put the data in a hidden temporary file in the target's directory first,
// flush it to disk, and only then give it the final name in one atomic step. The temporary
// file lives in the same directory because links and renames are only atomic within one
// file system.
package safefile

import (
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
		return fmt.Errorf("safefile: write %s: %w", path, err)
	}
	syncDir(filepath.Dir(path))
	return nil
}

// Replace writes data to path, replacing the file if it exists, atomically: a reader sees
// either the old contents or the new, never a mixture, and a failed write leaves the old
// file untouched. An existing file keeps its permission bits; a new one gets 0644. If path
// is a symbolic link, the link itself is replaced by a regular file.
func Replace(path string, data []byte) error {
	perm := newFilePerm
	if info, err := os.Stat(path); err == nil {
		perm = info.Mode().Perm()
	}
	tmp, err := writeTemp(path, data, perm)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("safefile: replace %s: %w", path, err)
	}
	syncDir(filepath.Dir(path))
	return nil
}

// writeTemp writes data to a new hidden file next to path, flushed to disk and closed, and
// returns its name. On failure it removes the file itself.
func writeTemp(path string, data []byte, perm fs.FileMode) (name string, err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return "", fmt.Errorf("safefile: write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
			err = fmt.Errorf("safefile: write %s: %w", path, err)
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
