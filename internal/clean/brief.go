package clean

import (
	"regexp"
	"strconv"
	"strings"
)

// An editor's brief is recognised by an instruction verb addressed to the
// writer together with a term of the trade (article, SEO, words,
// subheadings). The vocabulary, in English and French, was written by the
// plume authors.
var (
	briefVerb  = regexp.MustCompile(`(?i)(^|[,.;:!]\s*|\b(please|merci de|peux-tu|pouvez-vous|je veux|i want|i need|can you|could you)\s+)(make|write|rewrite|re-write|create|generate|produce|optimi[sz]e|turn|convert|let there be|add|include|use|keep|give|réécris|réécrivez|reformule[zr]?|rédige[zr]?|écris|écrivez|fais|faites|crée[zr]?|génère[zr]?|optimise[zr]?|transforme[zr]?|ajoute[zr]?|inclu[st]|utilise[zr]?|mets|mettez|donne[zr]?|il faut)\b`)
	briefTerm  = regexp.MustCompile(`(?i)\b(article|text|texte|seo|words|mots|subheadings?|sub-headings?|headings?|intertitres?|sous-titres?|keyword|keyphrase|mot-clé|mots-clés|expression[- ]clé|french|français|english|anglais|h2|meta description|référencement)\b`)
	briefWords = regexp.MustCompile(`(?i)(\d[\d\s\x{00a0}\x{202f}.,]*\d|\d)\s*(?:words|mots)\b`)
	briefMinus = regexp.MustCompile(`(?i)(at most|maximum|no more than|au plus|au maximum|pas plus de|moins de)\s*$`)
	briefSub   = regexp.MustCompile(`(?i)\b(sub-?headings?|sub headings|headings|intertitres?|sous-titres?|h2)\b`)
	briefSEO   = regexp.MustCompile(`(?i)\b(seo|référencement|optimis[ée]e? pour (google|les moteurs))\b`)
	briefKey   = regexp.MustCompile(`(?i)\b(?:focus )?(?:keyphrase|key phrase|keyword|mot[- ]clé|expression[- ]clé|requête)(?: principale?| cible)?\s*(?:is|est|:|=)?\s*[«"“']\s*([^"»”']{2,80}?)\s*[»"”']`)
	briefLangs = []struct {
		code string
		re   *regexp.Regexp
	}{
		{"fr", regexp.MustCompile(`(?i)\b(in french|en français|be in french|french language|langue française)\b`)},
		{"en", regexp.MustCompile(`(?i)\b(in english|en anglais)\b`)},
		{"es", regexp.MustCompile(`(?i)\b(in spanish|en espagnol)\b`)},
		{"de", regexp.MustCompile(`(?i)\b(in german|en allemand)\b`)},
		{"it", regexp.MustCompile(`(?i)\b(in italian|en italien)\b`)},
	}
)

// briefTriggers are lower-case stems one of which every brief contains: a
// cheap test before the regular expressions.
var briefTriggers = []string{"article", "text", "seo", "word", "mot", "heading", "titre", "keyword", "keyphrase", "clé", "french", "français", "english", "anglais", "h2", "description", "référencement"}

// parseBrief reads an editor's instruction. It reports false for lines that
// are not addressed to a writer, however many trade terms they contain: an
// article about SEO is not a brief.
func parseBrief(text string) (*Brief, bool) {
	if countWords(text) > 80 || !containsAny(strings.ToLower(text), briefTriggers) || !briefVerb.MatchString(text) || !briefTerm.MatchString(text) {
		return nil, false
	}
	b := &Brief{Raw: text}
	for _, m := range briefWords.FindAllStringSubmatchIndex(text, -1) {
		if briefMinus.MatchString(text[:m[0]]) {
			continue
		}
		digits := strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, text[m[2]:m[3]])
		if n, err := strconv.Atoi(digits); err == nil && n > 0 && n <= 20000 && n > b.MinWords {
			b.MinWords = n
		}
	}
	for _, l := range briefLangs {
		if l.re.MatchString(text) {
			b.Language = l.code
			break
		}
	}
	b.Subheadings = briefSub.MatchString(text)
	b.SEO = briefSEO.MatchString(text)
	if m := briefKey.FindStringSubmatch(text); m != nil {
		b.Keyphrase = strings.TrimSpace(m[1])
	}
	// A brief asks for something plume does: without any of these it is
	// more likely a sentence of the article.
	if b.MinWords == 0 && b.Language == "" && !b.Subheadings && !b.SEO && b.Keyphrase == "" {
		return nil, false
	}
	return b, true
}
