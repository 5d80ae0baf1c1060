package report

import (
	"fmt"
	"io"
	"strings"
)

// WriteMarkdown writes a titled table that pastes cleanly into meeting notes.
func WriteMarkdown(w io.Writer, rep Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "### %s\n\n", escapeMD(rep.Plan.Scenario.Name))
	fmt.Fprintf(&b, "%s.\n\n", escapeMD(fmt.Sprintf("%s. Data: %s, newest figure as of %s", rep.Summary(), rep.Data, rep.AsOf)))
	for _, n := range rep.Notes {
		fmt.Fprintf(&b, "> %s\n", escapeMD(n))
	}
	if len(rep.Notes) > 0 {
		b.WriteString("\n")
	}
	for _, l := range rep.Answer().Lines() {
		fmt.Fprintf(&b, "- %s\n", escapeMD(l))
	}
	b.WriteString("\n| " + strings.Join(rep.headers(), " | ") + " |\n|")
	for _, c := range rep.columns() {
		if c.right {
			b.WriteString("---:|")
		} else {
			b.WriteString(":---|")
		}
	}
	b.WriteString("\n")
	for _, r := range rep.Results {
		cells := rep.cells(r)
		for i := range cells {
			cells[i] = escapeMD(cells[i])
		}
		if r.Excluded {
			cells[1] = "~~" + cells[1] + "~~"
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	b.WriteString("\nValue: expected value today of the fleet under the row's plan — machines that gain move, the rest stay or are sold — after relocation, tax, discounting and shutdown risk. Gain: value minus not moving. Excluded destinations are not ranked.\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func escapeMD(s string) string {
	return strings.NewReplacer("|", `\|`, "*", `\*`, "_", `\_`, "<", "&lt;").Replace(Clean(s, false))
}
