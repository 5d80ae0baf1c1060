// Package model is the interactive comparison: the Bubble Tea model behind `hashhaven`.
// The root Model owns the state and returns the tea.View; the parts of the screen (header,
// table, detail, compare, editors, charts) are functions that render strings at a given size.
package model

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"hashhaven/audit"
	"hashhaven/countries"
	"hashhaven/dataset"
	"hashhaven/economics"
	"hashhaven/scenario"
	"hashhaven/theme"
)

// screen is what fills the window.
type screen int

const (
	screenMain screen = iota
	screenDetail
	screenCompare
	screenHelp
	screenFleet
	screenAssumptions
	screenWhatIf
	screenChart
	screenPresent
	screenPortfolio
)

// isEditor says whether s is one of the editors, which share a form and its keys.
func (s screen) isEditor() bool {
	return s == screenFleet || s == screenAssumptions || s == screenWhatIf
}

// Options start the app.
type Options struct {
	Set      *dataset.Set
	Scenario scenario.Scenario
	Theme    string    // "" follows the terminal's background
	Now      time.Time // for the age of figures
	Width    int       // initial size, before the terminal reports it (snapshots, tests)
	Height   int
	Select   string // destination to put the cursor on
	View     string // screen to open: main, detail, compare, chart, present, help, portfolio
	// SimulateNow solves the fleet split and simulates the futures (with the app's fixed
	// seed) before the first frame, for a single frame drawn without a terminal (snapshots);
	// the app otherwise does both in the background.
	SimulateNow bool
	OutDir      string // where screenshots and exports go; "" is the current folder
	DataDir     string // the --data folder, where what-ifs can be saved; "" for the bundled set
	// Cache, when set, holds the data folder's files as last loaded: reading the folder back
	// after a save reads only the files that changed.
	Cache *dataset.Cache
	// Watch, when set, waits for the data folder to change and reads it again, returning
	// Reloaded or WatchFailed. The model runs it again after each change.
	Watch tea.Cmd
}

// Views are the screens Options.View can open.
var Views = map[string]screen{"main": screenMain, "detail": screenDetail, "compare": screenCompare,
	"chart": screenChart, "present": screenPresent, "help": screenHelp, "portfolio": screenPortfolio,
	"whatif": screenWhatIf, "assumptions": screenAssumptions, "fleet": screenFleet}

// ViewNames are the names of Views, sorted, as usage and errors list them.
func ViewNames() []string { return slices.Sorted(maps.Keys(Views)) }

// Model is the root of the app.
type Model struct {
	keys   keyMap
	styles styles
	// themeChosen is set when the user picked a theme, so the terminal's background
	// report does not override it.
	themeChosen bool

	width, height int
	now           time.Time

	set     *dataset.Set
	base    scenario.Scenario // as loaded
	current variant           // with the user's changes
	history []step            // earlier variants, for undo

	plan     *economics.Plan
	ranking  []economics.Result // as ranked, in NPV order; the split and the answer read it
	results  []economics.Result // sorted as the table shows them
	rows     []int              // indexes into results: sorted and filtered, as shown
	gen      int                // ranking generation: results of older ones are dropped
	moved    map[string]int     // rank change shown beside a destination (+ = up)
	movedGen int
	// movesFading is set once the timer that clears moved runs: it starts when the table is
	// on screen, so a change made in an editor still shows its arrows back at the table.
	movesFading bool

	sortKey int // index into economics.Fields
	reverse bool
	filter  textinput.Model
	marks   map[string]bool

	cursor   int    // position in rows
	offset   int    // first row shown
	selected string // id of the destination under the cursor, kept across re-sorts

	// How far the detail, the help, compare and the split are scrolled, in lines; drawing clamps it to
	// the text on screen.
	detailY, helpY, compareY, splitY int

	screen  screen
	back    screen // where esc returns from an overlay
	mode    mode   // where keys go: the screen, or the input or picker that holds them
	form    form
	toast   string
	toastID int
	outDir  string
	banner  string // why the data folder's latest state was refused
	dataDir string // the --data folder; "" for the bundled, read-only set
	cache   *dataset.Cache
	saveID  string // the destination whose what-ifs are being saved
	note    textinput.Model
	// provenance counts of the data set, for the header: figures past their age, and
	// figures that name no source
	stale, unsourced int
	watch            tea.Cmd

	// The best split of the fleet for the ranking on screen; nil while it is being solved.
	split       *economics.Portfolio
	splitErr    string             // why the split could not be solved
	cancelSplit context.CancelFunc // stops the solve under way when a newer one starts

	// The outcome bands of the ranking on screen over simulated futures, by row id (and
	// economics.SplitID for the split); nil while they are simulated.
	bands     map[string]economics.Uncertainty
	simDone   int                // futures simulated so far in the run under way
	simErr    string             // why the simulation failed
	cancelSim context.CancelFunc // stops the run under way when the ranking changes

	// The selected destination's break-even figures and sensitivities, worked out in the
	// background whenever the selection or the ranking changes.
	insight insight

	firstWork tea.Cmd // the first ranking's split and simulation, which Init starts

	pacing pacing // which frames a burst of input draws
	// latest is gen as last asked for, shared with the re-ranks under way, so one that a
	// newer one superseded before it started skips the work
	latest *atomic.Int64
}

// New builds the model and its first ranking.
func New(o Options) (Model, error) {
	th, chosen := theme.ByName(o.Theme)
	m := Model{
		keys: newKeyMap(), styles: newStyles(th), themeChosen: chosen && o.Theme != "",
		width: o.Width, height: o.Height, now: o.Now,
		set: o.Set, base: o.Scenario, current: variant{Scenario: cloneScenario(o.Scenario)},
		marks: map[string]bool{}, moved: map[string]int{}, sortKey: sortIndex("npv_usd"),
		outDir: o.OutDir, watch: o.Watch, dataDir: o.DataDir, cache: o.Cache, pacing: newPacing(), latest: &atomic.Int64{},
	}
	if m.outDir == "" {
		m.outDir = "."
	}
	m.filter = textinput.New()
	m.filter.Prompt = "/ "
	m.filter.Placeholder = "name, region or status"
	m.note = textinput.New()
	m.note.Prompt = "› "
	m.note.Placeholder = "edited in hashhaven " + o.Now.Format("2006-01-02")
	m.sizeInputs()
	plan, err := economics.NewPlan(m.current.Scenario, m.set.Machines, m.set.Countries)
	if err != nil {
		return m, err
	}
	m.selected = o.Select
	m.countProvenance()
	m.setRanking(plan, plan.Rank(m.current.apply(m.set.Countries)))
	if o.SimulateNow {
		pf, err := plan.Split(context.Background(), m.ranking)
		m.splitSolved(splitMsg{gen: m.gen, portfolio: pf, err: err})
		m.simulated(runSimulation(context.Background(), m.gen, plan, m.current.apply(m.set.Countries), m.ranking, m.split, nil))
	} else {
		m.firstWork = afterFirstFrame(m.solveSplit())
	}
	if o.Select != "" && selectedIDOf(m) != o.Select {
		return m, fmt.Errorf("no destination %q in the data set", o.Select)
	}
	m.insight = m.insightNow() // a millisecond or two, and the first frame shows it
	if o.View != "" {
		s, ok := Views[o.View]
		switch {
		case !ok:
			return m, fmt.Errorf("no screen %q (%s)", o.View, strings.Join(ViewNames(), ", "))
		case s.isEditor():
			m = m.openForm(s) // on the selected destination
		default:
			m.screen = s
		}
	}
	if m.screen == screenCompare && len(m.marks) == 0 {
		m.marks = m.topMarks(3)
	}
	return m, nil
}

// topMarks marks the best n ranked destinations, so a compare opened from the command line
// shows the contenders.
func (m Model) topMarks(n int) map[string]bool {
	marks := map[string]bool{}
	for _, r := range m.results {
		if !r.Excluded && len(marks) < n {
			marks[r.ID] = true
		}
	}
	return marks
}

func selectedIDOf(m Model) string {
	r, _ := m.selectedResult()
	return r.ID
}

func sortIndex(key string) int {
	for i, f := range economics.Fields {
		if f.Key == key {
			return i
		}
	}
	return 0
}

// Init asks the terminal for its background, to pick a light or dark theme, starts
// watching the data folder and solves the first ranking's fleet split, then simulates it.
func (m Model) Init() tea.Cmd {
	if m.themeChosen {
		return tea.Batch(m.watch, m.firstWork)
	}
	return tea.Batch(tea.RequestBackgroundColor, m.watch, m.firstWork)
}

// selectedResult is the destination under the cursor.
func (m Model) selectedResult() (economics.Result, bool) {
	if m.cursor < 0 || m.cursor >= len(m.rows) {
		return economics.Result{}, false
	}
	return m.results[m.rows[m.cursor]], true
}

// selectedCountry is the profile (with what-ifs) of the destination under the cursor.
func (m Model) selectedCountry() (countries.Country, bool) {
	r, ok := m.selectedResult()
	if !ok {
		return countries.Country{}, false
	}
	return m.country(r.ID)
}

// country is a destination's profile with the what-ifs applied.
func (m Model) country(id string) (countries.Country, bool) {
	c, ok := m.set.Country(id)
	if !ok {
		return c, false
	}
	return m.current.apply([]countries.Country{c})[0], true
}

// countProvenance counts the data set's stale and unsourced figures, once per data set.
func (m *Model) countProvenance() {
	m.stale, m.unsourced = audit.Counts(m.set, m.now, staleMonths)
}

// provenanceMsg is a data set's stale and unsourced counts.
type provenanceMsg struct {
	set              *dataset.Set
	stale, unsourced int
}

// recount counts a new data set's provenance in the background: at thousands of files a
// count takes longer than a frame.
func (m Model) recount() tea.Cmd {
	set, now := m.set, m.now
	return func() tea.Msg {
		stale, unsourced := audit.Counts(set, now, staleMonths)
		return provenanceMsg{set, stale, unsourced}
	}
}

// counted takes the counts if they are of the data set on screen.
func (m *Model) counted(msg provenanceMsg) {
	if msg.set == m.set {
		m.stale, m.unsourced = msg.stale, msg.unsourced
	}
}
