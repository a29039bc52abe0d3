package plan

import (
	"regexp"
	"strings"
)

// WrittenForm returns a chosen keyphrase as the story's texts write it:
// its words in order, joined by the connectives the texts put between
// them — « projet loi » → « projet de loi », « croissance PIB » →
// « croissance du PIB » —, or the words as they are when no text writes
// them so. The keyphrase checks match its content words, so the form
// changes no score but one: an SEO title that opens with the keyphrase
// as the texts write it opens with the keyphrase exactly.
func WrittenForm(words, texts []string) string {
	plain := strings.Join(words, " ")
	if len(words) < 2 || len(words) > 4 {
		return plain
	}
	var b strings.Builder
	b.WriteString(`(?i)(?:^|[^\p{L}\p{N}])(`)
	for i, w := range words {
		if i > 0 {
			b.WriteString(`(\s+|\s+(?:de la|du|des|de|à la|au|aux|à|en|pour)\s+|\s+(?:de l|d)['’])`)
		}
		b.WriteString(regexp.QuoteMeta(w))
	}
	b.WriteString(`)(?:$|[^\p{L}\p{N}])`)
	re, err := regexp.Compile(b.String())
	if err != nil {
		return plain
	}
	for _, t := range texts {
		m := re.FindStringSubmatch(t)
		if m == nil {
			continue
		}
		var out strings.Builder
		for i, w := range words {
			if i > 0 {
				link := strings.ToLower(strings.Join(strings.Fields(m[1+i]), " "))
				link = strings.ReplaceAll(link, "'", "’")
				switch {
				case link == "":
					out.WriteByte(' ')
				case strings.HasSuffix(link, "’"):
					out.WriteString(" " + link)
				default:
					out.WriteString(" " + link + " ")
				}
			}
			out.WriteString(w)
		}
		return out.String()
	}
	return plain
}
