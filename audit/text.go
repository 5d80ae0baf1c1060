package audit

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"hashhaven/cited"
)

// WriteText prints the findings grouped by file, one line each, then the totals.
func (r Report) WriteText(w io.Writer) error {
	clean := 0
	for _, f := range r.Files {
		if len(f.Findings) == 0 {
			clean++
			continue
		}
		fmt.Fprintf(w, "%s  (%d of %d figures to review)\n", f.Path, len(f.Findings), f.Figures)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, x := range f.Findings {
			fmt.Fprintf(tw, "  %d:%d\t%s\t%s\t%s\t— %s\n", x.Line, x.Col, x.Field, cited.Format(x.Value), x.kinds(), x.provenance())
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	t := r.Totals
	_, err := fmt.Fprintf(w, "%d %s, %d figures: %d unsourced, %d %s, %d stale (as_of more than %d months before %s; hashprices %d, used-machine prices %d); %d %s nothing to review\n",
		t.Files, plural(t.Files, "file", "files"), t.Figures,
		t.Unsourced, t.Estimates, plural(t.Estimates, "estimate", "estimates"),
		t.Stale, r.StaleMonths, r.Now.Format("2006-01-02"), MaxAge("usd_per_unit_day", r.StaleMonths), MaxAge("price_usd", r.StaleMonths),
		clean, plural(clean, "file has", "files have"))
	return err
}

// provenance is what the file says of the figure's origin.
func (x Finding) provenance() string {
	src := strings.TrimSpace(x.Source)
	if src == "" {
		src = "no source"
	}
	if x.AsOf != "" {
		src += ", as of " + x.AsOf
	}
	return src
}

// kinds names the finding's kinds: "estimate, stale".
func (x Finding) kinds() string {
	names := make([]string, len(x.Kinds))
	for i, k := range x.Kinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
