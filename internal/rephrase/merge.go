package rephrase

import (
	"strings"

	"github.com/plume-seo/plume/internal/fr/token"
)

// MergeThreshold is the Jaccard similarity of content lemmas from which
// two sentences are taken to say the same thing.
const MergeThreshold = 0.6

// Sourced is a sentence and the source it comes from (a name or URL; the
// package does not interpret it).
type Sourced struct {
	Text   string
	Source string
}

// Merged is one sentence kept for the article and the near-duplicates,
// from the same or other sources, that it stands for. Others are in input
// order; the kept sentence holds every figure, date and name of each.
type Merged struct {
	Kept   Sourced
	Others []Sourced
}

// features are what MergeNearDuplicates compares.
type features struct {
	lemmas  map[string]bool // content lemmas
	figures map[string]bool // numbers (spaces removed), months, weekdays
	names   map[string]bool // proper nouns, folded
	words   int
}

func featuresOf(s string) features {
	st := parse(s)
	f := features{lemmas: contentLemmas(st.toks, true), figures: map[string]bool{}, names: map[string]bool{},
		words: token.CountWords(s)}
	for _, x := range st.toks {
		switch {
		case x.kind == token.Number || x.kind == token.Ordinal:
			f.figures[strings.Map(dropSpace, x.text)] = true
		case months[x.low] > 0 || weekdays[x.low]:
			f.figures[x.low] = true
		case x.tag == "PROPN":
			f.names[x.low] = true
		}
	}
	// Digits glued to words (« Storm-0558 », « Office 365 ») are figures too.
	for _, d := range digitRuns(s) {
		f.figures["#"+d] = true
	}
	return f
}

func dropSpace(r rune) rune {
	switch r {
	case ' ', '\u00a0', '\u202f':
		return -1
	}
	return r
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 0
	}
	inter := 0
	for k := range a {
		if b[k] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

func subset(a, b map[string]bool) bool {
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

// nested reports whether one set holds the other.
func nested(a, b map[string]bool) bool { return subset(a, b) || subset(b, a) }

// MergeNearDuplicates groups sentences that say the same thing — Jaccard
// similarity of their content lemmas at least MergeThreshold, and figures,
// dates and names that agree — and keeps one per group. Figures agree when
// one sentence's set holds the other's: « 30 000 » and « 30 000 … 250 000 »
// may merge, « 20 000 » and « 30 000 » never do, and each stays with its
// own source. A sentence joins a group only if it is similar to, and
// agrees with, every member, and if one member would still hold every
// figure and name of the group; that member is kept (the longest, then
// the first, on ties), so merging never loses a figure or a name. Groups
// come out in the order of their first sentence; every input sentence is
// in the result exactly once, kept or among Others.
func MergeNearDuplicates(sentences []Sourced) []Merged {
	feats := make([]features, len(sentences))
	for i, s := range sentences {
		feats[i] = featuresOf(s.Text)
	}
	var groups [][]int
	for i := range sentences {
		joined := false
		for g := range groups {
			if fits(feats, groups[g], i) {
				groups[g] = append(groups[g], i)
				joined = true
				break
			}
		}
		if !joined {
			groups = append(groups, []int{i})
		}
	}
	out := make([]Merged, 0, len(groups))
	for _, g := range groups {
		k := dominant(feats, g)
		m := Merged{Kept: sentences[k]}
		for _, i := range g {
			if i != k {
				m.Others = append(m.Others, sentences[i])
			}
		}
		out = append(out, m)
	}
	return out
}

// fits reports whether sentence i may join group g.
func fits(feats []features, g []int, i int) bool {
	fi := feats[i]
	if len(fi.lemmas) == 0 {
		return false
	}
	for _, j := range g {
		fj := feats[j]
		if jaccard(fi.lemmas, fj.lemmas) < MergeThreshold || !nested(fi.figures, fj.figures) || !nested(fi.names, fj.names) {
			return false
		}
	}
	return dominant(feats, append(g[:len(g):len(g)], i)) >= 0
}

// dominant returns the member of g holding every figure and name of the
// group (the longest, then the first), or -1 when none does.
func dominant(feats []features, g []int) int {
	figs, names := map[string]bool{}, map[string]bool{}
	for _, i := range g {
		for k := range feats[i].figures {
			figs[k] = true
		}
		for k := range feats[i].names {
			names[k] = true
		}
	}
	best := -1
	for _, i := range g {
		if !subset(figs, feats[i].figures) || !subset(names, feats[i].names) {
			continue
		}
		if best < 0 || feats[i].words > feats[best].words {
			best = i
		}
	}
	return best
}
