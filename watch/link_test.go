package watch

import (
	"os"
	"path/filepath"
	"testing"
)

func TestRootGivenAsALink(t *testing.T) {
	target := t.TempDir()
	link := filepath.Join(t.TempDir(), "data")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	changes, _, stop, err := Dir(link, quiet)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	write(t, filepath.Join(link, "kz.yaml"), "a: 1\n")
	expectChange(t, changes)
}
