package keyphrase

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/plume-seo/plume/internal/fr/lexicon"
	"github.com/plume-seo/plume/internal/fr/token"
)

// IsStop reports whether a lower-cased word cannot carry a keyphrase: a
// word the lexicon knows as a function word (in any reading), a verb or
// participle, or an adverb.
// Words the lexicon does not know (names, acronyms) can.
func IsStop(w string) bool {
	if englishStop[w] {
		return true
	}
	set := lexicon.Default().TagSetFold(w)
	if set == 0 {
		return false
	}
	for _, closed := range []lexicon.POS{lexicon.Det, lexicon.Pron, lexicon.Adp, lexicon.CConj, lexicon.SConj, lexicon.Aux} {
		if set.Has(closed) {
			return true
		}
	}
	if set.Has(lexicon.Verb) && !set.Has(lexicon.Noun) && !set.Has(lexicon.PropN) {
		return true // verbs and their participles
	}
	return !set.Has(lexicon.Noun) && !set.Has(lexicon.PropN) && !set.Has(lexicon.Adj) || light[w]
}

// englishStop are English function words that French copy quotes in
// names ("Cybersecurity and Infrastructure Security Agency"); a keyphrase
// never starts or ends with one. Written by the plume authors.
var englishStop = map[string]bool{
	"and": true, "of": true, "the": true, "for": true, "in": true, "on": true, "to": true,
	"by": true, "with": true, "a": true, "an": true, "at": true, "from": true, "or": true,
}

// light words are nouns or adjectives by the dictionary that make no
// search query on their own. Written by the plume authors.
var light = map[string]bool{
	"plus": true, "moins": true, "tout": true, "tous": true, "toute": true, "toutes": true, "autre": true,
	"autres": true, "même": true, "cas": true, "fait": true, "part": true, "fois": true, "selon": true,
	"point": true, "côté": true, "nombre": true, "grand": true, "grande": true, "certains": true,
	"plusieurs": true, "nombreux": true, "nombreuses": true, "dernier": true, "dernière": true,
	"derniers": true, "dernières": true, "premier": true, "première": true, "nouveau": true,
	"nouvelle": true, "semaine": true, "jour": true, "jours": true, "année": true, "an": true, "ans": true,
	"mardi": true, "mercredi": true, "jeudi": true, "vendredi": true, "samedi": true, "dimanche": true,
	"lundi": true, "soir": true, "matin": true, "source": true, "sources": true, "message": true,
	"déclaration": true, "responsable": true, "monde": true, "façon": true, "moment": true,
	"grands": true, "grandes": true, "pas": true, "mme": true, "mmes": true, "mlle": true, "mm": true, "dr": true,
}

// Options guide the choice of a keyphrase.
type Options struct {
	// Lead is the article's first sentence; Titles the sources' titles.
	Lead   string
	Titles []string
	// MinSentences is how many sentences must hold the keyphrase whole.
	MinSentences int
	// Exclude lists lower-cased words that never make a keyphrase.
	Exclude map[string]bool
}

// Choose returns the story's focus keyphrase candidate: among the YAKE
// candidates of 1–4 content words — and compounds of a salient common noun
// with a salient name, the way readers type queries ("piratage Microsoft
// Exchange") — the best-scored one that at least minSentences sentences
// hold whole, preferring one the lead holds whole and two- or three-word
// phrases. Words in exclude (the story's news agencies and speakers: CNN,
// Reuters) never make a keyphrase. It returns false when no candidate
// qualifies.
func Choose(sentences []string, o Options) (Candidate, bool) {
	lead, minSentences, exclude := o.Lead, o.MinSentences, o.Exclude
	titleWords := map[string]bool{}
	for _, t := range o.Titles {
		for _, w := range strings.Fields(strings.ToLower(t)) {
			titleWords[strings.Trim(w, ",.:;!?«»\"()")] = true
		}
	}
	cands := YAKE(sentences, IsStop)
	if len(cands) > 300 {
		cands = cands[:300]
	}
	excluded := func(c Candidate) bool {
		for _, w := range c.Words {
			if exclude[strings.ToLower(w)] {
				return true
			}
		}
		return false
	}
	// Compounds: the best common nouns with the best names.
	var nouns, names []Candidate
	for _, c := range cands {
		if excluded(c) {
			continue
		}
		proper := true
		for _, w := range c.Words {
			proper = proper && isProperWord(w)
		}
		switch {
		case len(c.Words) == 1 && !proper && plainNoun(c.Words[0]) && len(nouns) < 8:
			nouns = append(nouns, c)
		case proper && len(c.Words) <= 2 && len(names) < 8:
			names = append(names, c)
		}
	}
	for _, n := range nouns {
		for _, e := range names {
			words := append(append([]string{}, n.Words...), e.Words...)
			cands = append(cands, Candidate{
				Text: n.Text + " " + e.Text, Words: words,
				Score: n.Score * e.Score, Sentences: cooccur(sentences, words),
			})
		}
	}
	best, bestScore := Candidate{}, math.Inf(1)
	for _, c := range cands {
		if len(c.Words) == 0 || len(c.Words) > 4 || c.Sentences < minSentences || excluded(c) || hasInitial(c.Words) {
			continue
		}
		s := math.Log(c.Score+1e-12) - 0.5*math.Log(float64(c.Sentences))
		if !ContainsAll(lead, c.Words) {
			s += 2
		}
		for _, w := range c.Words {
			if titleWords[strings.ToLower(w)] {
				s -= 0.7 // headlines name what the story is about
			}
		}
		switch len(c.Words) {
		case 1:
			if !isProperWord(c.Words[0]) {
				s += 3 // a lone common noun is too vague to rank for
			} else {
				s += 1
			}
		case 2, 3:
			s -= 0.5
		}
		if s < bestScore {
			best, bestScore = c, s
		}
	}
	return best, !math.IsInf(bestScore, 1)
}

// plainNoun reports whether a word can head a compound query (« piratage
// Microsoft Exchange »): the lexicon reads it as a noun and never as an
// adverb (not « pas Nardi »), or does not know it (a word of another
// language). Adjectives placed before the noun (« grandes Université
// PSL ») are light words.
func plainNoun(w string) bool {
	set := lexicon.Default().TagSetFold(w)
	return set == 0 || set.Has(lexicon.Noun) && !set.Has(lexicon.Adv) && !light[strings.ToLower(w)]
}

// hasInitial reports whether a candidate holds a one-letter word: an
// initial or « M » of « M. Dupont », never what a reader searches.
func hasInitial(words []string) bool {
	for _, w := range words {
		if utf8.RuneCountInString(strings.TrimSuffix(w, ".")) == 1 {
			return true
		}
	}
	return false
}

func isProperWord(w string) bool {
	return token.StartsUpper(w) || strings.ContainsAny(w, "0123456789")
}
