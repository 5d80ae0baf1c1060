package cli

import (
	"bytes"
	"testing"
	"time"
)

// A reading that ends before the delay leaves no trace.
func TestLoadNoteQuickLoadWritesNothing(t *testing.T) {
	var out bytes.Buffer
	n := newLoadNote(&out, "reading …", time.Hour)
	n.done()
	if out.Len() != 0 {
		t.Errorf("a quick load wrote %q", out.String())
	}
}

// A slow reading shows the note, and it is cleared from its line when reading ends and
// before any problem is written.
func TestLoadNoteShowsAndClears(t *testing.T) {
	var out bytes.Buffer
	n := newLoadNote(&out, "reading …", time.Millisecond)
	deadline := time.Now().Add(5 * time.Second)
	for {
		n.mu.Lock()
		shown := n.shown
		n.mu.Unlock()
		if shown || time.Now().After(deadline) {
			break
		}
		time.Sleep(time.Millisecond)
	}
	if _, err := n.Write([]byte("countries/x.yaml:3:1: bad\n")); err != nil {
		t.Fatal(err)
	}
	n.done()
	if want := "reading …\r\x1b[Kcountries/x.yaml:3:1: bad\n"; out.String() != want {
		t.Errorf("wrote %q, want %q", out.String(), want)
	}
}
