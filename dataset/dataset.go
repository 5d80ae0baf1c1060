// Package dataset loads a whole data folder — destinations, machine catalogue and scenarios —
// and checks that the files agree with each other.
package dataset

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"hashhaven/countries"
	"hashhaven/machines"
	"hashhaven/scenario"
	"hashhaven/strictyaml"
)

// MaxFiles bounds how many files one folder of the data set may hold.
const MaxFiles = 5000

// MaxFolderBytes bounds the YAML one folder may hold, so a folder of many large files cannot
// keep a load busy for long: 5,000 real-size country files are about 20 MiB.
const MaxFolderBytes = 64 << 20

// Set is a loaded, cross-checked data set.
type Set struct {
	Label     string              // the folder files are named under: the --data folder as written, or data for the bundled set
	Countries []countries.Country // sorted by id
	Files     map[string]string   // country id → file path within the folder
	Machines  machines.Catalogue
	Scenarios map[string]scenario.Scenario // by file name without extension
	AsOf      string                       // the newest as-of date of any destination figure
	// broken holds the ids of country files that exist but did not load, so references to
	// them are not also called unknown.
	broken map[string]bool
	// bundled is set for the data set embedded in the binary.
	bundled bool
}

// Country finds a destination by id.
func (s *Set) Country(id string) (countries.Country, bool) {
	i := sort.Search(len(s.Countries), func(i int) bool { return s.Countries[i].ID >= id })
	if i < len(s.Countries) && s.Countries[i].ID == id {
		return s.Countries[i], true
	}
	return countries.Country{}, false
}

// ScenarioNames lists the scenarios, "default" first.
func (s *Set) ScenarioNames() []string {
	names := make([]string, 0, len(s.Scenarios))
	for n := range s.Scenarios {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		if (names[i] == "default") != (names[j] == "default") {
			return names[i] == "default"
		}
		return names[i] < names[j]
	})
	return names
}

// Load reads the data set in fsys. label prefixes every file path in messages, so they name
// files as the user knows them (the --data folder, or data/ for the embedded set).
func Load(fsys fs.FS, label string) (*Set, strictyaml.Issues) { return load(fsys, label, nil) }

func load(fsys fs.FS, label string, cache *Cache) (*Set, strictyaml.Issues) {
	l := loader{fsys: fsys, label: label}
	set := &Set{Label: label, Files: map[string]string{}, Scenarios: map[string]scenario.Scenario{}, broken: map[string]bool{}}

	machinesOK := false
	if src, ok := l.read("machines.yaml", true); ok {
		cat, doc := machines.Decode(l.name("machines.yaml"), src)
		l.issues = append(l.issues, doc.Issues...)
		set.Machines = cat
		machinesOK = len(doc.Issues) == 0
	}
	before := len(l.issues)
	countryFiles := l.yamlFiles("countries", true)
	// Without the folder every origin would be "unknown destination": say the cause once.
	countriesRead := len(l.issues) == before
	set.Countries = slices.Grow(set.Countries, len(countryFiles))
	for k, f := range l.decodeCountries(countryFiles, cache) {
		file := countryFiles[k].path
		l.issues = append(l.issues, f.issues...)
		switch {
		case !f.read:
			continue
		case len(f.issues) > 0:
			set.broken[baseName(file)] = true
			continue
		}
		c := f.country
		if prev, dup := set.Files[c.ID]; dup {
			l.issues = append(l.issues, strictyaml.Issue{File: l.name(file), Line: f.idAt.Line, Col: f.idAt.Col, Field: "id",
				Msg: fmt.Sprintf("%q is already defined in %s", c.ID, l.name(prev))})
			continue
		}
		set.Files[c.ID] = file
		set.Countries = append(set.Countries, c)
	}
	sort.Slice(set.Countries, func(i, j int) bool { return set.Countries[i].ID < set.Countries[j].ID })
	set.AsOf = newestAsOf(set.Countries)

	for _, listed := range l.yamlFiles("scenarios", false) {
		file := listed.path
		src, ok := l.read(file, true)
		if !ok {
			continue
		}
		sc, doc := scenario.Decode(l.name(file), src)
		// Without a readable catalogue every fleet line would be "unknown machine": say it once.
		if len(doc.Issues) == 0 && machinesOK && countriesRead {
			CheckScenario(sc, set, doc)
		}
		l.issues = append(l.issues, doc.Issues...)
		if len(doc.Issues) == 0 {
			set.Scenarios[baseName(file)] = sc
		}
	}
	l.issues.Sort()
	return set, l.issues
}

// DecodeScenario reads a scenario file given apart from the data set and checks it against it.
func DecodeScenario(file string, src []byte, set *Set) (scenario.Scenario, strictyaml.Issues) {
	sc, doc := scenario.Decode(file, src)
	if len(doc.Issues) == 0 {
		CheckScenario(sc, set, doc)
	}
	return sc, doc.Issues
}

// CheckScenario reports references the data set cannot satisfy: unknown machines or origin,
// a machine whose algorithm has no market, or whose unit differs from the market's.
func CheckScenario(sc scenario.Scenario, set *Set, doc *strictyaml.Doc) {
	if sc.Origin.Point == nil && !set.broken[sc.Origin.Country] {
		if _, ok := set.Country(sc.Origin.Country); !ok {
			doc.Errorf("origin", "unknown destination %q (known: %s)", sc.Origin.Country, set.countryIDs())
		}
	}
	for i, b := range sc.Fleet {
		field := fmt.Sprintf("fleet[%d].machine", i)
		m, ok := set.Machines.ByID(b.Machine)
		if !ok {
			doc.Errorf(field, "unknown machine %q; add it to machines.yaml", b.Machine)
			continue
		}
		alg, ok := sc.Market.Algorithms[m.Algorithm]
		if !ok {
			doc.Errorf(field, "%s mines %s, but market.algorithms has no %s entry", m.ID, m.Algorithm, m.Algorithm)
			continue
		}
		if alg.Unit != m.Unit {
			doc.Errorf(field, "unit mismatch: %s is rated in %s but market.algorithms.%s is priced per %s", m.ID, m.Unit, m.Algorithm, alg.Unit)
		}
	}
	doc.Issues.Sort()
}

func (s *Set) countryIDs() string {
	ids := make([]string, len(s.Countries))
	for i, c := range s.Countries {
		ids[i] = c.ID
	}
	if len(ids) > 12 {
		ids = append(ids[:12], "…")
	}
	return strings.Join(ids, ", ")
}

type loader struct {
	fsys   fs.FS
	label  string
	issues strictyaml.Issues
}

func (l *loader) name(file string) string {
	switch l.label {
	case "":
		return file
	case "/":
		return "/" + file
	}
	return l.label + "/" + file
}

func (l *loader) fail(file, format string, args ...any) {
	l.issues = append(l.issues, strictyaml.Issue{File: l.name(file), Msg: fmt.Sprintf(format, args...)})
}

func (l *loader) read(file string, required bool) ([]byte, bool) {
	src, err := readData(l.fsys, file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if required {
			l.fail(file, "missing: a data folder needs machines.yaml, countries/ and scenarios/ (hashhaven init DIR writes a complete one)")
		}
		return nil, false
	case err != nil:
		l.fail(file, "%v", err)
		return nil, false
	}
	return src, true
}

// listedFile is a file as its folder's listing shows it: its path, and what the listing
// says of it (nil when it could not say), which spares a reload looking at it again.
type listedFile struct {
	path string
	info fs.FileInfo
}

// yamlFiles lists dir's YAML files, skipping hidden and editor files.
func (l *loader) yamlFiles(dir string, required bool) []listedFile {
	entries, err := fs.ReadDir(l.fsys, dir)
	if err != nil {
		if required || !errors.Is(err, fs.ErrNotExist) {
			l.fail(dir, "cannot read the folder: %v", unwrapPath(err))
		}
		return nil
	}
	if len(entries) > MaxFiles {
		l.fail(dir, "holds %d files, over the limit of %d; is this the right folder?", len(entries), MaxFiles)
		return nil
	}
	var files []listedFile
	var total int64
	for _, e := range entries {
		n := e.Name()
		if _, ok := yamlName(n); e.IsDir() || strings.HasPrefix(n, ".") || !ok {
			continue
		}
		info, err := e.Info()
		if err != nil {
			info = nil
		}
		files = append(files, listedFile{path.Join(dir, n), info})
		if info != nil && info.Mode().IsRegular() {
			total += info.Size()
		}
	}
	if total > MaxFolderBytes {
		l.fail(dir, "holds %d MiB of YAML, over the limit of %d MiB; is this the right folder?", total>>20, MaxFolderBytes>>20)
		return nil
	}
	if len(files) == 0 && required {
		l.fail(dir, "holds no .yaml files")
	}
	return files
}

// baseName is a data file's name without folder and extension: the id it should hold.
func baseName(file string) string {
	name, _ := yamlName(path.Base(file))
	return name
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
