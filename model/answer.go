package model

import (
	"strings"
	"sync"
	"unsafe"

	"github.com/charmbracelet/x/ansi"

	"hashhaven/economics"
	"hashhaven/report"
)

// answer is the ranking said in words; the split's and the futures' sentences say so while
// they are worked out.
func (m Model) answer() report.Answer {
	a := recommend(m.plan, m.ranking, m.split)
	if m.simulating() || m.simErr != "" {
		a.Certainty = m.simulationStatus()
	} else {
		a.Certainty = report.Certainty(m.ranking, m.bands, simPaths)
	}
	switch {
	case m.splitErr != "":
		a.BestSplit = "Best split: could not be worked out (" + m.splitErr + ")."
	case m.split == nil:
		a.BestSplit = "Best split: solving…"
	}
	return a
}

// lastAnswer is the answer last worded, for the ranking and split it was worded for: every
// frame shows it, and wording it reads the whole ranking. A ranking is never changed in place
// once shown (a new one is a new slice), and the memo holds on to it, so its address names it.
var lastAnswer struct {
	sync.Mutex
	plan    *economics.Plan
	ranking []economics.Result
	split   *economics.Portfolio
	answer  report.Answer
}

func recommend(p *economics.Plan, ranking []economics.Result, split *economics.Portfolio) report.Answer {
	lastAnswer.Lock()
	defer lastAnswer.Unlock()
	if lastAnswer.ranking == nil || lastAnswer.plan != p || lastAnswer.split != split || len(lastAnswer.ranking) != len(ranking) ||
		unsafe.SliceData(lastAnswer.ranking) != unsafe.SliceData(ranking) {
		lastAnswer.plan, lastAnswer.ranking, lastAnswer.split = p, ranking, split
		lastAnswer.answer = report.Recommend(p, ranking, split)
	}
	return lastAnswer.answer
}

// answerLines are the answer's sentences for width cells in at most maxLines lines.
func (m Model) answerLines(width, maxLines int) []string {
	return m.sentenceLines(m.answer().Lines(), width, maxLines)
}

// sentenceLines are sentences for width cells in at most maxLines lines, each wrapped under
// its lead words; when they do not all fit, the longest are cut short first, of equals
// the later, and the first sentence (the answer itself) last.
func (m Model) sentenceLines(sentences []string, width, maxLines int) []string {
	s := m.styles
	var wrapped [][]string
	total := 0
	for _, text := range sentences {
		lead, rest, found := strings.Cut(text, ": ")
		if !found {
			lead, rest = "", text
		} else {
			lead += ":"
		}
		styled := s.Accent.Render("▸ ") + rest
		if lead != "" {
			styled = s.Accent.Render("▸ ") + s.Bold.Render(lead) + " " + rest
		}
		lines := strings.Split(indent(ansiWrap(styled, width-2), "  ")[2:], "\n")
		wrapped = append(wrapped, lines)
		total += len(lines)
	}
	for total > maxLines {
		longest := 0
		for i, lines := range wrapped {
			if i > 0 && len(lines) > 1 && (longest == 0 || len(lines) >= len(wrapped[longest])) {
				longest = i
			}
		}
		lines := wrapped[longest]
		if len(lines) == 1 {
			wrapped = wrapped[:len(wrapped)-1] // a window too short for one line a sentence
			total--
			continue
		}
		last := len(lines) - 2
		lines[last] = ansi.Truncate(lines[last]+" "+strings.TrimPrefix(lines[last+1], "  "), width-1, "") + "…"
		wrapped[longest] = lines[:last+1]
		total--
	}
	var out []string
	for _, lines := range wrapped {
		out = append(out, lines...)
	}
	return out
}

// answerBudget is how many lines the answer may take on the main screen: enough to read
// it whole, yet leaving the table most of the window.
func answerBudget(bodyHeight int) int { return max(3, bodyHeight*3/10) }
