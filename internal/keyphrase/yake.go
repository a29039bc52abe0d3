// Package keyphrase chooses a story's focus keyphrase: 1–4 content words a
// reader would search, that the sources use often enough for an article to
// carry it at the density SEO tools expect.
//
// Candidates are scored with YAKE — Campos, Mangaravite, Pasquali, Jorge,
// Nunes and Jatowt, "YAKE! Keyword extraction from single documents using
// multiple local features", Information Sciences 509 (2020) — implemented
// from the paper: per-term casing, position, normalised frequency,
// relatedness to context and spread over sentences, combined into a
// candidate score where lower is better. plume then prefers candidates that
// the lead sentence holds whole and that enough sentences hold whole.
//
// It takes sentences and gives ranked candidates; it never reads sources or
// writes an article.
package keyphrase

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plume-seo/plume/internal/fr/token"
)

// Candidate is a scored keyphrase candidate.
type Candidate struct {
	// Text is the candidate as written in the text, function words kept
	// ("directive d'urgence"); Key is its content words, lower-cased
	// except proper names ("directive urgence").
	Text string
	// Words are the content words, as the keyphrase will be written.
	Words []string
	// Score is YAKE's score: lower is more relevant.
	Score float64
	// Count is how many times the candidate occurs; Sentences how many
	// sentences hold all its content words.
	Count, Sentences int
}

// Keyphrase returns the candidate's content words joined, the form an SEO
// keyphrase takes ("piratage Microsoft Exchange").
func (c Candidate) Keyphrase() string { return strings.Join(c.Words, " ") }

type termStats struct {
	tf, tfUpper, tfAcronym int
	sentences              map[int]bool
	positions              []int
	left, right            map[string]int
	leftN, rightN          int
}

// YAKE scores the 1- to 3-word candidates of the given sentences (in
// document order) and returns them best first.
func YAKE(sentences []string, isStop func(string) bool) []Candidate {
	type tok struct {
		text, lower string
		stop        bool
		first       bool
	}
	var doc [][]tok
	for _, s := range sentences {
		var ts []tok
		for i, t := range token.Tokenize(s) {
			if !t.Kind.IsWord() || t.Kind == token.Elision {
				ts = append(ts, tok{text: t.Text, lower: "", stop: true})
				continue
			}
			w := strings.TrimRight(t.Text, "'’")
			lower := strings.ToLower(w)
			ts = append(ts, tok{text: w, lower: lower, stop: isStop(lower) || utf8.RuneCountInString(w) < 2 || isNumber(w), first: i == 0})
		}
		doc = append(doc, ts)
	}

	stats := map[string]*termStats{}
	get := func(w string) *termStats {
		st := stats[w]
		if st == nil {
			st = &termStats{sentences: map[int]bool{}, left: map[string]int{}, right: map[string]int{}}
			stats[w] = st
		}
		return st
	}
	const window = 2
	for si, ts := range doc {
		for i, t := range ts {
			if t.lower == "" || t.stop {
				continue
			}
			st := get(t.lower)
			st.tf++
			st.sentences[si] = true
			st.positions = append(st.positions, si)
			if isAcronym(t.text) {
				st.tfAcronym++
			} else if !t.first && token.StartsUpper(t.text) {
				st.tfUpper++
			}
			for d := 1; d <= window; d++ {
				if i-d >= 0 && ts[i-d].lower != "" && !ts[i-d].stop {
					st.left[ts[i-d].lower]++
					st.leftN++
				}
				if i+d < len(ts) && ts[i+d].lower != "" && !ts[i+d].stop {
					st.right[ts[i+d].lower]++
					st.rightN++
				}
			}
		}
	}
	if len(stats) == 0 {
		return nil
	}
	// Frequency normalisation over content terms.
	var sum, sumSq, maxTF float64
	for _, st := range stats {
		f := float64(st.tf)
		sum += f
		sumSq += f * f
		maxTF = math.Max(maxTF, f)
	}
	n := float64(len(stats))
	mean := sum / n
	std := math.Sqrt(math.Max(sumSq/n-mean*mean, 0))
	score := map[string]float64{}
	for w, st := range stats {
		tf := float64(st.tf)
		tCase := float64(max(st.tfUpper, st.tfAcronym)) / (1 + math.Log(tf))
		sort.Ints(st.positions)
		median := float64(st.positions[len(st.positions)/2])
		tPos := math.Log(math.Log(3 + median))
		tNorm := tf / (mean + std)
		dl, dr := 0.0, 0.0
		if st.leftN > 0 {
			dl = float64(len(st.left)) / float64(st.leftN)
		}
		if st.rightN > 0 {
			dr = float64(len(st.right)) / float64(st.rightN)
		}
		tRel := 1 + (dl+dr)*tf/maxTF
		tSent := float64(len(st.sentences)) / float64(len(doc))
		score[w] = tRel * tPos / (tCase + tNorm/tRel + tSent/tRel)
	}

	// Candidates: n-grams of 1 to 3 content words, possibly joined by
	// function words inside ("directive d'urgence"), never starting or
	// ending with one.
	type cand struct {
		text    string
		words   []string
		count   int
		product float64
		sum     float64
	}
	cands := map[string]*cand{}
	var order []string
	for _, ts := range doc {
		for i := range ts {
			if ts[i].lower == "" || ts[i].stop {
				continue
			}
			var content []string
			prod, sm := 1.0, 0.0
			for j := i; j < len(ts) && j < i+6; j++ {
				t := ts[j]
				if t.lower == "" {
					break
				}
				if t.stop {
					if !isLinkWord(t.lower) {
						break
					}
					continue
				}
				content = append(content, t.text)
				prod *= score[t.lower]
				sm += score[t.lower]
				if len(content) > 3 {
					break
				}
				var b strings.Builder
				for k := i; k <= j; k++ {
					if k > i && !strings.HasSuffix(ts[k-1].text, "'") && !strings.HasSuffix(ts[k-1].text, "’") {
						b.WriteByte(' ')
					}
					b.WriteString(ts[k].text)
				}
				key := strings.ToLower(strings.Join(content, " "))
				c := cands[key]
				if c == nil {
					c = &cand{text: b.String(), words: append([]string(nil), content...), product: prod, sum: sm}
					cands[key] = c
					order = append(order, key)
				}
				c.count++
			}
		}
	}
	out := make([]Candidate, 0, len(cands))
	for _, key := range order {
		c := cands[key]
		words := make([]string, len(c.words))
		for i, w := range c.words {
			if isAcronym(w) || isProper(w, stats) {
				words[i] = w
			} else {
				words[i] = strings.ToLower(w)
			}
		}
		out = append(out, Candidate{
			Text: c.text, Words: words,
			Score: c.product / (float64(c.count) * (1 + c.sum)),
			Count: c.count, Sentences: cooccur(sentences, words),
		})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score < out[j].Score })
	return out
}

// cooccur counts the sentences that hold every word, whole and in any
// order, the way keyphrase checks count a match.
func cooccur(sentences []string, words []string) int {
	n := 0
	for _, s := range sentences {
		if ContainsAll(s, words) {
			n++
		}
	}
	return n
}

// ContainsAll reports whether s holds every word as a whole word,
// case-insensitively.
func ContainsAll(s string, words []string) bool {
	have := map[string]bool{}
	for _, w := range token.Words(s) {
		have[strings.ToLower(strings.TrimRight(w, "'’"))] = true
	}
	for _, w := range words {
		if !have[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// isLinkWord lists the function words that may sit inside a noun phrase
// candidate: "directive d'urgence", "Agence nationale de sécurité".
func isLinkWord(w string) bool {
	switch w {
	case "de", "d", "du", "des", "la", "le", "les", "l", "à", "au", "aux", "en", "et":
		return true
	}
	return false
}

func isProper(w string, stats map[string]*termStats) bool {
	st := stats[strings.ToLower(w)]
	return st != nil && st.tfUpper*2 >= st.tf && token.StartsUpper(w)
}

func isAcronym(w string) bool {
	if utf8.RuneCountInString(w) < 2 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '-' {
			return false
		}
	}
	return true
}

func isNumber(w string) bool {
	return strings.IndexFunc(w, unicode.IsLetter) < 0
}
