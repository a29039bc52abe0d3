package writertest

import (
	"encoding/json"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plume-seo/plume/internal/article"
	"github.com/plume-seo/plume/internal/fr/lexicon"
	"github.com/plume-seo/plume/internal/fr/token"
	"github.com/plume-seo/plume/internal/keyphrase"
	"github.com/plume-seo/plume/internal/llm/llmtest"
)

// Prompt structure of the LLM writer, as a model reads it.
var (
	extraitRe    = regexp.MustCompile(`<extrait>((?s:.*?))</extrait>`)
	sectionRe    = regexp.MustCompile(`(?s)<section numero="(\d+)" type="([a-z_]+)" expression_cle="(oui|non)">\s*<intertitre_actuel>(.*?)</intertitre_actuel>(.*?)</section>`)
	keyphraseRe  = regexp.MustCompile(`Expression clé : « (.*?) »`)
	leadKeyRe    = regexp.MustCompile(`L'expression clé « (.*?) » doit figurer dans la première phrase`)
	titleRe      = regexp.MustCompile(`<titre_actuel>(.*?)</titre_actuel>`)
	chapeauRe    = regexp.MustCompile(`(?s)<chapeau>(.*?)</chapeau>`)
	outlineMark  = "<titre_actuel>"
	maxModelHead = 45
)

// Model is a scripted model for llmtest.Rule.Respond that does what a
// careful model does with the LLM writer's prompts, using only what the
// prompt gives it — so that its text holds no fact absent from the
// sources:
//
//   - to an outline prompt it answers the JSON asked: each section named
//     after a noun phrase of its first extract, the keyphrase in front
//     where the prompt marks expression_cle="oui", and a title that holds
//     the keyphrase;
//   - to a section prompt it rewrites the extracts' sentences into
//     paragraphs of at most three sentences, the sentence with the
//     keyphrase first when the prompt asks for it there, line breaks
//     kept, a line without a full stop ending its paragraph.
func Model(prompt string) llmtest.Reply {
	if strings.Contains(prompt, outlineMark) {
		return llmtest.Reply{Content: outline(prompt)}
	}
	// A line break inside an extract is kept after its sentence (it may
	// end a line that has no full stop), as a careful model keeps the
	// structure it is given.
	var sents []string
	for _, m := range extraitRe.FindAllStringSubmatch(prompt, -1) {
		lines := strings.Split(m[1], "\n")
		for i, line := range lines {
			ss := token.Sentences(line)
			for j, s := range ss {
				t := strings.TrimSpace(s.Text)
				if j == len(ss)-1 && i < len(lines)-1 {
					t += "\n"
				}
				sents = append(sents, t)
			}
		}
	}
	sents = keyphraseFirst(prompt, sents)
	// Paragraphs of three sentences at most; a line that does not end a
	// sentence (a title, a caption) ends its paragraph.
	var paras []string
	var b strings.Builder
	n := 0
	for _, s := range sents {
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
			b.WriteByte(' ')
		}
		b.WriteString(s)
		n++
		last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, " \n»”)\u00a0\u202f"))
		if n == 3 || !strings.ContainsRune(".!?…", last) {
			paras = append(paras, strings.TrimSpace(b.String()))
			b.Reset()
			n = 0
		}
	}
	if b.Len() > 0 {
		paras = append(paras, strings.TrimSpace(b.String()))
	}
	return llmtest.Reply{Content: strings.Join(paras, "\n\n")}
}

// keyphraseFirst puts first the first sentence that holds the keyphrase,
// when the prompt asks for the keyphrase in the first sentence.
func keyphraseFirst(prompt string, sents []string) []string {
	if m := leadKeyRe.FindStringSubmatch(prompt); m != nil {
		kw := strings.Fields(m[1])
		for i, s := range sents {
			if keyphrase.ContainsAll(s, kw) {
				return append([]string{s}, append(sents[:i:i], sents[i+1:]...)...)
			}
		}
	}
	return sents
}

// Outline is the answer to an outline prompt, as the writer's JSON schema
// shapes it.
type Outline struct {
	Title    string           `json:"title"`
	Headings []OutlineHeading `json:"headings"`
}

// OutlineHeading is the heading proposed for the section numbered Section.
type OutlineHeading struct {
	Section int    `json:"section"`
	Heading string `json:"heading"`
}

// H2 returns the article's H2 subheadings in order.
func H2(a *article.Article) []string {
	var out []string
	for _, b := range a.Blocks {
		if b.Kind == article.Heading && b.Level == 2 {
			out = append(out, b.Text)
		}
	}
	return out
}

func outline(prompt string) string {
	kp := ""
	if m := keyphraseRe.FindStringSubmatch(prompt); m != nil {
		kp = m[1]
	}
	kw := strings.Fields(kp)
	var ans Outline
	used := map[string]bool{}
	for _, m := range sectionRe.FindAllStringSubmatch(prompt, -1) {
		n := 0
		for _, c := range m[1] {
			n = n*10 + int(c-'0')
		}
		h := m[4]
		if np := phrase(m[5], kw, used); np != "" {
			used[strings.ToLower(np)] = true
			h = upperFirst(np)
			if m[3] == "oui" && kp != "" {
				h = kp + " : " + np
			}
		}
		used[strings.ToLower(h)] = true
		ans.Headings = append(ans.Headings, OutlineHeading{n, h})
	}
	if m := titleRe.FindStringSubmatch(prompt); m != nil {
		ans.Title = m[1]
		if !keyphrase.ContainsAll(ans.Title, kw) && kp != "" {
			if lead := chapeauRe.FindStringSubmatch(prompt); lead != nil {
				if np := phrase(lead[1], kw, used); np != "" {
					ans.Title = kp + " : " + np
				}
			}
		}
	}
	b, _ := json.Marshal(ans)
	return string(b)
}

// phrase is the first noun phrase — a determiner, a noun the lexicon
// knows, then adjectives and « de » complements, two to six words — of the
// extracts that is not yet used, has no figure and does not hold the
// keyphrase. It reads the lexicon only, not the tagger, so that what the
// scripted model proposes does not move when the tagger is retrained.
func phrase(extracts string, kw []string, used map[string]bool) string {
	for _, m := range extraitRe.FindAllStringSubmatch(extracts, -1) {
		for _, s := range token.Sentences(m[1]) {
			words := strings.Fields(s.Text)
			for i := range words {
				p := nounPhrase(words[i:])
				if p == "" || utf8.RuneCountInString(p) > maxModelHead || strings.ContainsAny(p, "0123456789") ||
					keyphrase.ContainsAll(p, kw) || used[strings.ToLower(p)] {
					continue
				}
				return p
			}
		}
	}
	return ""
}

var determiners = map[string]bool{"le": true, "la": true, "les": true, "un": true, "une": true, "des": true}

// nounPhrase reads a noun phrase at the start of words, or returns "".
func nounPhrase(words []string) string {
	lex := lexicon.Default()
	const punct = ",.;:!?«»()\"“”"
	clean := func(w string) (string, bool) {
		t := strings.Trim(w, punct+"\u00a0\u202f")
		return t, t != w || strings.ContainsAny(t, punct)
	}
	first, _ := clean(words[0])
	lw := strings.ToLower(first)
	var out []string
	rest := words[1:]
	switch {
	case determiners[lw]:
		out = append(out, lw)
	case strings.HasPrefix(lw, "l’") || strings.HasPrefix(lw, "l'"):
		rest = append([]string{first[len("l’"):]}, words[1:]...)
		if strings.HasPrefix(lw, "l'") {
			rest[0] = first[2:]
		}
		out = append(out, strings.ToLower(first[:len(first)-len(rest[0])]))
	default:
		return ""
	}
	if len(rest) == 0 {
		return ""
	}
	noun, stop := clean(rest[0])
	if noun == "" || !lex.TagSet(strings.ToLower(noun)).Has(lexicon.Noun) || unicode.IsUpper([]rune(noun)[0]) {
		return ""
	}
	n := 1
	phrase := strings.Join(out, " ") + noun
	if !strings.HasSuffix(out[0], "’") && !strings.HasSuffix(out[0], "'") {
		phrase = out[0] + " " + noun
	}
	for k := 1; !stop && k < len(rest) && n < 5; k++ {
		w, st := clean(rest[k])
		lw := strings.ToLower(w)
		switch {
		case lex.TagSet(lw).Has(lexicon.Adj) && !lex.TagSet(lw).Has(lexicon.Noun) && !keyphrase.IsStop(lw):
			phrase += " " + w
			n++
			stop = st
		case lw == "de" && k+1 < len(rest):
			next, st2 := clean(rest[k+1])
			if !lex.TagSet(strings.ToLower(next)).Has(lexicon.Noun) || keyphrase.IsStop(strings.ToLower(next)) || unicode.IsUpper([]rune(next + "x")[0]) {
				stop = true
				continue
			}
			phrase += " de " + next
			n += 2
			k++
			stop = st2
		default:
			stop = true
		}
	}
	if n < 2 {
		return ""
	}
	return phrase
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
