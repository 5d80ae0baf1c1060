package watch

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

const quiet = 50 * time.Millisecond

// start watches a fresh folder and stops the watcher when the test ends.
func start(t *testing.T, quiet time.Duration) (root string, changes <-chan struct{}) {
	t.Helper()
	root = t.TempDir()
	changes, _, stop, err := Dir(root, quiet)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	return root, changes
}

func expectChange(t *testing.T, changes <-chan struct{}) {
	t.Helper()
	select {
	case _, ok := <-changes:
		if !ok {
			t.Fatal("changes closed")
		}
	case <-time.After(3 * time.Second):
		t.Fatal("no change signalled")
	}
}

// expectNoChange waits three quiet periods: long enough for a pending burst to have fired.
func expectNoChange(t *testing.T, changes <-chan struct{}, quiet time.Duration) {
	t.Helper()
	select {
	case <-changes:
		t.Fatal("unexpected change signalled")
	case <-time.After(3 * quiet):
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestWriteSignalsOnce(t *testing.T) {
	root, changes := start(t, quiet)
	write(t, filepath.Join(root, "kenya.yaml"), "a: 1\n")
	expectChange(t, changes)
	expectNoChange(t, changes, quiet)
}

func TestBurstSignalsOnce(t *testing.T) {
	// The burst lasts longer than the quiet period, so only a timer that restarts on every
	// event gives one signal; the quiet period is long so a slow machine cannot split it.
	const quiet = 250 * time.Millisecond
	root, changes := start(t, quiet)
	path := filepath.Join(root, "kenya.yml")
	for i := range 10 {
		write(t, path, fmt.Sprintf("a: %d\n", i))
		time.Sleep(quiet / 6)
	}
	expectChange(t, changes)
	expectNoChange(t, changes, quiet)
}

func TestRenameOntoYAMLSignals(t *testing.T) {
	root, changes := start(t, quiet)
	path := filepath.Join(root, "kenya.yaml")
	write(t, path, "a: 1\n")
	expectChange(t, changes)

	write(t, path+".tmp", "a: 2\n")
	expectNoChange(t, changes, quiet)
	if err := os.Rename(path+".tmp", path); err != nil {
		t.Fatal(err)
	}
	expectChange(t, changes)
}

func TestNewSubdirectoryIsWatched(t *testing.T) {
	root, changes := start(t, quiet)
	deep := filepath.Join(root, "africa", "east")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	expectChange(t, changes) // the directories themselves
	write(t, filepath.Join(deep, "kenya.yaml"), "a: 1\n")
	expectChange(t, changes)
}

func TestRemovedSubdirectorySignals(t *testing.T) {
	root, changes := start(t, quiet)
	sub := filepath.Join(root, "africa")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	expectChange(t, changes)
	if err := os.Remove(sub); err != nil {
		t.Fatal(err)
	}
	expectChange(t, changes)
}

func TestEditorScratchFilesAreIgnored(t *testing.T) {
	root, changes := start(t, quiet)
	for _, name := range []string{".kenya.yaml.swp", ".kenya.yaml.swx", "kenya.yaml~", "kenya.yaml.tmp", "4913", ".hidden.yaml", "notes.txt"} {
		write(t, filepath.Join(root, name), "x")
	}
	if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	expectNoChange(t, changes, quiet)
}

func TestStopClosesChannelsAndEndsGoroutines(t *testing.T) {
	before := runtime.NumGoroutine()
	root := t.TempDir()
	changes, errs, stop, err := Dir(root, quiet)
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(root, "kenya.yaml"), "a: 1\n") // leave a burst pending
	stop()
	stop() // a second stop is harmless
	if _, ok := <-errs; ok {
		t.Error("errs still open after stop")
	}
	for range changes { // at most the signal of a burst that settled before stop
	}
	deadline := time.Now().Add(3 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if after := runtime.NumGoroutine(); after > before {
		t.Errorf("%d goroutines before Dir, %d after stop", before, after)
	}
}

func TestMissingRootIsAnError(t *testing.T) {
	if _, _, _, err := Dir(filepath.Join(t.TempDir(), "missing"), quiet); err == nil {
		t.Fatal("Dir on a missing folder succeeded")
	}
}

func TestRootRemovedAndRecreated(t *testing.T) {
	root, changes := start(t, quiet)
	if err := os.RemoveAll(root); err != nil {
		t.Fatal(err)
	}
	expectChange(t, changes)
	if err := os.MkdirAll(filepath.Join(root, "countries"), 0o755); err != nil {
		t.Fatal(err)
	}
	expectChange(t, changes)
	write(t, filepath.Join(root, "countries", "kz.yaml"), "a: 1\n")
	expectChange(t, changes)
}

func TestRootRenamedAwayAndBack(t *testing.T) {
	root, changes := start(t, quiet)
	aside := root + ".aside"
	if err := os.Rename(root, aside); err != nil {
		t.Fatal(err)
	}
	expectChange(t, changes)
	write(t, filepath.Join(aside, "moved.yaml"), "a: 1\n")
	expectNoChange(t, changes, quiet)
	if err := os.Rename(aside, root); err != nil {
		t.Fatal(err)
	}
	expectChange(t, changes)
	write(t, filepath.Join(root, "back.yaml"), "a: 1\n")
	expectChange(t, changes)
}

func TestSpecialFileDoesNotStopWatching(t *testing.T) {
	root, changes := start(t, quiet)
	if err := syscallMkfifo(filepath.Join(root, "pipe.yaml")); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	expectChange(t, changes)
	if err := os.Symlink("/dev/zero", filepath.Join(root, "zero.yaml")); err != nil {
		t.Fatal(err)
	}
	expectChange(t, changes)
	write(t, filepath.Join(root, "after.yaml"), "a: 1\n")
	expectChange(t, changes)
}

// A save that truncates the file and writes it in pieces is signalled once, after its last
// piece: read at the signal, the file is whole, never half written.
func TestTruncateAndWriteIsReadWhole(t *testing.T) {
	root, changes := start(t, Settle)
	path := filepath.Join(root, "kenya.yaml")
	whole := strings.Repeat("a: 1\n", 20000)
	for range 3 {
		f, err := os.Create(path) // truncates
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < len(whole); i += len(whole) / 4 {
			if _, err := f.WriteString(whole[i : i+len(whole)/4]); err != nil {
				t.Fatal(err)
			}
			time.Sleep(Settle / 8) // an editor writing in pieces, slower than any does
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		expectChange(t, changes)
		if got, _ := os.ReadFile(path); string(got) != whole {
			t.Fatalf("read at the signal: %d of %d bytes", len(got), len(whole))
		}
		expectNoChange(t, changes, Settle)
	}
}
