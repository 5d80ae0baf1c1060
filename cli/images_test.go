package cli

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var updateImages = flag.Bool("update-images", false, "remake the README's pictures in docs/images")

// readmeImages are the README's pictures; each is made by the snapshot command with these
// options (see the README), and this test keeps them reproducible.
var readmeImages = []SnapshotOptions{
	{Out: "main.png", Width: 140, Height: 40, Screen: "main", Theme: "dark"},
	{Out: "detail.png", Width: 120, Height: 40, Screen: "detail", Select: "kz", Theme: "light"},
	{Out: "compare.png", Width: 120, Height: 30, Screen: "compare", Theme: "dark"},
	{Out: "chart.png", Width: 140, Height: 40, Screen: "chart", Select: "et", Theme: "dark"},
	{Out: "present.png", Width: 120, Height: 36, Screen: "present", Theme: "high-contrast"},
}

func TestREADMEImagesAreReproducible(t *testing.T) {
	for _, o := range readmeImages {
		t.Run(o.Out, func(t *testing.T) {
			want := filepath.Join("..", "docs", "images", o.Out)
			o.Out = filepath.Join(t.TempDir(), o.Out)
			o.Now = "2026-11-24"
			var out, errs bytes.Buffer
			if err := Snapshot(o, Env{Stdout: &out, Stderr: &errs}); err != nil {
				t.Fatalf("%v: %s", err, errs.String())
			}
			got, _ := os.ReadFile(o.Out)
			if *updateImages {
				os.MkdirAll(filepath.Dir(want), 0o755)
				os.WriteFile(want, got, 0o644)
			}
			stored, err := os.ReadFile(want)
			if err != nil {
				t.Fatalf("%v (go test ./cli -run READMEImages -update-images)", err)
			}
			if !bytes.Equal(got, stored) {
				t.Errorf("%s no longer matches what snapshot makes; remake it with -update-images", want)
			}
		})
	}
}
