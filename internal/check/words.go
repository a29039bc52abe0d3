package check

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/plume-seo/plume/internal/fr/lexicon"
)

// French word lists written for plume (same licence as plume); see the header
// of each file. Yoast's own lists are GPL and are not used.
var (
	//go:embed data/functionwords.txt
	functionWordsData string
	//go:embed data/transitionwords.txt
	transitionWordsData string
	//go:embed data/firstwords.txt
	firstWordsData string
	//go:embed data/clausewords.txt
	clauseWordsData string
)

func wordSet(data string) map[string]bool {
	set := map[string]bool{}
	for _, line := range strings.Split(data, "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, w := range strings.Fields(line) {
			set[w] = true
		}
	}
	return set
}

// Verbs whose every form is a function word in a keyphrase ("est", "font",
// "peuvent"): taken from the lexicon rather than listed.
var functionVerbs = []string{"être", "avoir", "faire", "pouvoir", "devoir", "aller", "vouloir"}

var functionWords = sync.OnceValue(func() map[string]bool {
	set := wordSet(functionWordsData)
	lex := lexicon.Default()
	for _, v := range functionVerbs {
		for _, f := range lex.Forms(v) {
			set[strings.ToLower(f)] = true
		}
	}
	return set
})

func isFunctionWord(w string) bool {
	return functionWords()[strings.ReplaceAll(w, "’", "'")]
}

// transitions holds the transition words and phrases, each as its words.
var transitions = sync.OnceValue(func() [][]string {
	var out [][]string
	for _, line := range strings.Split(transitionWordsData, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, transitionTokens(line))
	}
	return out
})

// transitionTokens cuts lower-cased text into the tokens transition phrases
// are matched on: words, with an elided word kept as its own token ("d'" +
// "abord") and hyphens kept inside words.
func transitionTokens(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(normQuotes(strings.ToLower(s)), isTreeSpace) {
		f = strings.TrimFunc(f, func(r rune) bool { return isPunct(r) && r != '\'' })
		for f != "" {
			i := strings.IndexByte(f, '\'')
			if i < 0 || i == len(f)-1 {
				out = append(out, f)
				break
			}
			out = append(out, f[:i+1])
			f = f[i+1:]
		}
	}
	return out
}

var firstWords = sync.OnceValue(func() map[string]bool { return wordSet(firstWordsData) })

var clauseWords = sync.OnceValue(func() map[string]bool { return wordSet(clauseWordsData) })

// clauseVerbForms are verb forms that open a new clause for the
// passive-voice check too: the finite forms, infinitives and present
// participles of the verbs that govern an infinitive or a participle of
// their own — avoir, aller, venir, devoir, pouvoir, sembler, paraître,
// mettre, finir —, from the lexicon. Yoast's rule reads « la meilleure
// protection est de mettre à jour … les systèmes concernés » as active,
// « mettre » opening another clause (measured with the parity harness,
// tools/yoastparity). A form that is also a past participle (« mis »,
// « pu », « eu ») is the participle there, and « ayant » is the one other
// form Yoast does not take.
var clauseVerbForms = sync.OnceValue(func() map[string]bool {
	set := map[string]bool{}
	lex := lexicon.Default()
	for _, v := range clauseVerbs {
	forms:
		for _, f := range lex.Forms(v) {
			opens := false
			for _, a := range lex.Lookup(f) {
				if a.PastParticiple() {
					continue forms
				}
				opens = opens || a.Lemma == v && (a.Finite() || a.VerbForm == lexicon.Inf || a.VerbForm == lexicon.Part && a.Tense == lexicon.TensePres)
			}
			if opens {
				set[strings.ToLower(f)] = true
			}
		}
	}
	delete(set, "ayant")
	return set
})

// opensClause reports whether the word w opens a new clause: a word of
// clauseWords, or a form of clauseVerbForms, also after an elided n’, d’,
// j’ or qu’ (« n’a », « d’avoir »).
func opensClause(w string) bool {
	if clauseWords()[w] || clauseVerbForms()[w] {
		return true
	}
	for _, e := range []string{"n'", "d'", "j'", "qu'"} {
		if rest, ok := strings.CutPrefix(w, e); ok && clauseVerbForms()[rest] {
			return true
		}
	}
	return false
}

var clauseVerbs = []string{"avoir", "aller", "venir", "devoir", "pouvoir", "sembler", "paraître", "mettre", "finir"}
