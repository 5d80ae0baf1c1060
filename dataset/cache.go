package dataset

import (
	"io/fs"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"hashhaven/countries"
	"hashhaven/plainyaml"
	"hashhaven/strictyaml"
)

// Cache keeps the destination files an earlier load decoded, each under its size and
// modification time, so that loading the folder again — after an edit, while the app runs —
// reads and decodes only the files that changed. The zero Cache is ready to use; loads
// through it take turns.
type Cache struct {
	mu    sync.Mutex
	files map[string]cachedFile // by the file's name in messages
}

type cachedFile struct {
	fileKey
	decoded *countryFile
}

// fileKey is what tells a changed file from an unchanged one without reading it: its size
// and time; its mode, so that a file turned into a pipe or a device is always looked at
// again; and the file itself, so that another put in its place with the same size and time
// (a copy with its time kept, renamed over it or linked to) is.
type fileKey struct {
	size    int64
	modTime time.Time
	mode    fs.FileMode
	info    fs.FileInfo
}

// same says the two keys are of one unchanged file. Where the file system's information
// cannot tell files apart (it carries nothing on either side), size and time decide.
func (k fileKey) same(o fileKey) bool {
	if k.size != o.size || !k.modTime.Equal(o.modTime) || k.mode != o.mode {
		return false
	}
	if k.info != nil && o.info != nil && k.info.Sys() == nil && o.info.Sys() == nil {
		return true
	}
	return k.info != nil && o.info != nil && os.SameFile(k.info, o.info)
}

// racy is how recently before a load a file may have changed and still be kept: a file
// written again within its clock tick, at the same size, would look unchanged, so a file
// younger than this is read again next time (as git does with its index).
const racy = 2 * time.Second

// Open loads the data set in dir as Open does, reusing the destinations that did not change.
func (c *Cache) Open(bundled fs.FS, dir string) (*Set, strictyaml.Issues) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return open(bundled, dir, c)
}

// countryFile is one destination file as decoded: the destination, or what is wrong with it.
type countryFile struct {
	country countries.Country
	issues  strictyaml.Issues
	read    bool           // the file could be read, so its name and contents are known
	idAt    strictyaml.Pos // where its id is, for a duplicate found across files
}

// decodeCountries reads and decodes files on every core, each result at its file's index so
// the outcome does not depend on which finishes first. With a cache, a file of the same size
// and time as before is not read again, and the cache ends up holding exactly these files.
func (l *loader) decodeCountries(files []listedFile, cache *Cache) []*countryFile {
	out := make([]*countryFile, len(files))
	keys := make([]fileKey, len(files))
	start := time.Now()
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Go(func() {
			var ps plainyaml.Parser // each file's nodes are done with before the next is parsed
			for k := int(next.Add(1) - 1); k < len(files); k = int(next.Add(1) - 1) {
				out[k], keys[k] = l.decodeCountry(&ps, files[k], cache)
			}
		})
	}
	wg.Wait()
	if cache != nil {
		kept := make(map[string]cachedFile, len(files))
		for k, file := range files {
			if out[k].read && !keys[k].modTime.IsZero() && keys[k].modTime.Before(start.Add(-racy)) {
				kept[l.name(file.path)] = cachedFile{keys[k], out[k]}
			}
		}
		cache.files = kept
	}
	return out
}

// decodeCountry reads one destination file, or takes it from the cache when its key says it
// has not changed; it also returns the file's key, for the cache.
func (l *loader) decodeCountry(ps *plainyaml.Parser, listed listedFile, cache *Cache) (*countryFile, fileKey) {
	file, name := listed.path, l.name(listed.path)
	var key fileKey
	if cache != nil {
		// The listing's look at a regular file serves; a link is looked at through to its
		// target. A stat that fails leaves the file to read, which says why.
		info := listed.info
		var err error
		if info == nil || !info.Mode().IsRegular() {
			info, err = fs.Stat(l.fsys, file)
		}
		if err == nil {
			key = fileKey{size: info.Size(), modTime: info.ModTime(), mode: info.Mode(), info: info}
			if was, ok := cache.files[name]; ok && was.same(key) {
				return was.decoded, key
			}
		}
	}
	one := loader{fsys: l.fsys, label: l.label} // its own issues: files are read side by side
	src, ok := one.read(file, true)
	if !ok {
		return &countryFile{issues: one.issues}, key
	}
	c, doc := countries.DecodeWith(ps, name, src)
	f := &countryFile{country: c, issues: doc.Issues, read: true}
	if len(doc.Issues) == 0 {
		f.idAt = doc.At("id")
	}
	return f, key
}
