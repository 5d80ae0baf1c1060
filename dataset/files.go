package dataset

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"hashhaven/strictyaml"
)

// readData reads one data file of fsys, but only a regular file (or a symlink to one) and never
// more than the size limit: a FIFO would block forever and /dev/zero never ends. The message
// says what is wrong with the file, for the caller to name it.
func readData(fsys fs.FS, file string) ([]byte, error) {
	info, err := fs.Stat(fsys, file)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			if target, ok := danglingLink(fsys, file); ok {
				return nil, fmt.Errorf("is a symbolic link to %s, which does not exist", target)
			}
			return nil, fs.ErrNotExist
		}
		return nil, fmt.Errorf("cannot read: %w", unwrapPath(err))
	}
	if msg := notRegular(info); msg != "" {
		return nil, errors.New(msg)
	}
	if info.Size() > strictyaml.MaxFileSize {
		return nil, fmt.Errorf("file is %d bytes, over the %d-byte limit for a data file", info.Size(), strictyaml.MaxFileSize)
	}
	f, err := fsys.Open(file)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", unwrapPath(err))
	}
	defer f.Close()
	// The file may have grown, or been swapped, since it was looked at: read through the limit,
	// into a buffer of the size it had, so one that did not change is read without growing it.
	buf := bytes.NewBuffer(make([]byte, 0, info.Size()+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(f, strictyaml.MaxFileSize+1)); err != nil {
		return nil, fmt.Errorf("cannot read: %w", unwrapPath(err))
	}
	src := buf.Bytes()
	if len(src) > strictyaml.MaxFileSize {
		return nil, fmt.Errorf("file is over the %d-byte limit for a data file", strictyaml.MaxFileSize)
	}
	return src, nil
}

// notRegular says what a file is when it is not a regular file, or "".
func notRegular(info fs.FileInfo) string {
	mode := info.Mode()
	switch {
	case mode.IsRegular():
		return ""
	case mode.IsDir():
		return "is a folder, expected a YAML file"
	case mode&fs.ModeNamedPipe != 0:
		return "is a named pipe (FIFO), not a regular file; only regular files are read"
	case mode&fs.ModeSocket != 0:
		return "is a socket, not a regular file; only regular files are read"
	case mode&fs.ModeDevice != 0:
		return "is a device, not a regular file; only regular files are read"
	}
	return "is not a regular file; only regular files are read"
}

// danglingLink reports whether file is a symbolic link whose target does not exist, and the target.
func danglingLink(fsys fs.FS, file string) (string, bool) {
	target, err := fs.ReadLink(fsys, file)
	if err != nil {
		return "", false
	}
	return target, true
}

// ReadFile reads a data file named by a path on disk with the loader's checks: a regular
// file, or a link to one, of at most the size limit.
func ReadFile(name string) ([]byte, error) {
	abs, err := filepath.Abs(name)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", err)
	}
	dir, base := filepath.Split(abs)
	return readData(os.DirFS(dir), base)
}

// yamlName reports whether a file name is a YAML file, with its extension in any case
// (ae.yaml, ae.YAML, ae.yml), and its name without the extension.
func yamlName(name string) (string, bool) {
	ext := path.Ext(name)
	switch strings.ToLower(ext) {
	case ".yaml", ".yml":
		return strings.TrimSuffix(name, ext), true
	}
	return name, false
}
