package scenario

import (
	"fmt"

	"hashhaven/strictyaml"
)

// Decode reads a scenario file; file is the path as the user gave it, for messages.
// References to machines and destinations are checked by the data set, which knows them.
func Decode(file string, src []byte) (Scenario, *strictyaml.Doc) {
	var s Scenario
	doc := strictyaml.Decode(file, src, &s)
	if len(doc.Issues) > 0 {
		return s, doc
	}
	if len(s.Fleet) == 0 {
		doc.Errorf("fleet", "the fleet is empty; list at least one {machine, count}")
	}
	seen := map[string]int{}
	for i, b := range s.Fleet {
		if j, dup := seen[b.Machine]; dup {
			doc.Errorf(fmt.Sprintf("fleet[%d].machine", i), "%q is already listed at fleet[%d]; add the counts into one line", b.Machine, j)
		}
		seen[b.Machine] = i
	}
	if s.Weights.Sum() == 0 {
		doc.Errorf("weights", "at least one weight must be above 0")
	}
	doc.Issues.Sort()
	return s, doc
}
