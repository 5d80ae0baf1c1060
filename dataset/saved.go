package dataset

import (
	"bufio"
	"bytes"
	"encoding/gob"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"hashhaven/countries"
	"hashhaven/safefile"
	"hashhaven/strictyaml"
)

// A Cache is kept between runs in a file: decoding the YAML is most of what opening a large
// data set costs, so a start reuses the destinations whose files have the same size, time and
// mode as when they were decoded. Only files that decoded without a problem are kept, so
// every problem is still found and reported, and a file of another build is not used, as
// that build may decode differently.

// savedFormat changes whenever what a saved cache holds changes shape.
const savedFormat = 1

type savedCache struct {
	Format int
	Build  string
	Files  map[string]savedFile // by the file's name in messages
}

type savedFile struct {
	Size    int64
	ModTime time.Time
	Mode    fs.FileMode
	Country countries.Country
	IDAt    strictyaml.Pos
}

// Restore fills an empty cache from the file at path, which Save wrote from the same build.
// Anything else (no file, another build, a damaged file) leaves the cache empty: the files
// are then read as if for the first time.
func (c *Cache) Restore(path, build string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.files) > 0 {
		return
	}
	f, err := os.Open(path)
	if err != nil {
		return
	}
	defer f.Close()
	var saved savedCache
	if err := gob.NewDecoder(bufio.NewReader(f)).Decode(&saved); err != nil || saved.Format != savedFormat || saved.Build != build {
		return
	}
	files := make(map[string]cachedFile, len(saved.Files))
	for name, sf := range saved.Files {
		files[name] = cachedFile{fileKey{sf.Size, sf.ModTime, sf.Mode}, &countryFile{country: sf.Country, read: true, idAt: sf.IDAt}}
	}
	c.files = files
}

// Save writes the cache's clean decodings to the file at path, replacing it whole, when the
// cache holds any the file does not.
func (c *Cache) Save(path, build string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.unsaved {
		return nil
	}
	saved := savedCache{Format: savedFormat, Build: build, Files: make(map[string]savedFile, len(c.files))}
	for name, f := range c.files {
		if len(f.decoded.issues) == 0 {
			saved.Files[name] = savedFile{f.size, f.modTime, f.mode, f.decoded.country, f.decoded.idAt}
		}
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(saved); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	if err := safefile.Replace(path, buf.Bytes()); err != nil {
		return err
	}
	c.unsaved = false
	return nil
}
