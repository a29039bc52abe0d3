package clean

import "strings"

// language names the article's language from its kept text.
func language(doc *Document) string {
	var b strings.Builder
	b.WriteString(doc.Title)
	for _, bl := range doc.Blocks {
		b.WriteByte('\n')
		b.WriteString(bl.Text)
	}
	return detectLanguage(b.String())
}

// French and English function words that the other language does not use.
var (
	frOnly = toSet("le la les des du un une et est dans pour que qui sur avec pas au aux ce cette sont ont été il elle nous vous ils leur")
	enOnly = toSet("the of and to is was for that with are were this have has from by which they be not it")
)

// detectLanguage is a function-word vote between French and English; other
// languages and too-short texts are "unknown".
func detectLanguage(s string) string {
	ws := words(s)
	var fr, en int
	for _, w := range ws {
		if frOnly[w] {
			fr++
		}
		if enOnly[w] {
			en++
		}
	}
	switch {
	case len(ws) < 4 || fr+en < 2:
		return "unknown"
	case fr >= 2*en:
		return "fr"
	case en >= 2*fr:
		return "en"
	}
	return "unknown"
}
