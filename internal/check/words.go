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
