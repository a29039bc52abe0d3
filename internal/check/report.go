package check

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// light returns the traffic light of a rating in the report's language.
func light(r Rating, lang string) string {
	switch r {
	case Good:
		return pick(lang, "vert", "green")
	case OK:
		return pick(lang, "orange", "orange")
	}
	return pick(lang, "rouge", "red")
}

func pick(lang, fr, en string) string {
	if lang == "en" {
		return en
	}
	return fr
}

// overallLight is the plugin's colour of an aggregate: ≤ 40 red, ≤ 70
// orange, else green; 0 is "not available".
func overallLight(score int, lang string) string {
	switch {
	case score == 0:
		return pick(lang, "non disponible", "not available")
	case score <= 40:
		return light(Bad, lang)
	case score <= 70:
		return light(OK, lang)
	}
	return light(Good, lang)
}

var marks = map[Rating]string{Good: "✓", OK: "~", Bad: "✗"}

// WriteText writes the report as a traffic-light checklist: the two
// aggregate scores, then SEO, readability and plume's checks, worst first.
func (r *Report) WriteText(w io.Writer) error {
	lang := r.Lang
	var b strings.Builder
	fmt.Fprintf(&b, "%s %d/100 (%s) · %s %d/100 (%s)\n",
		pick(lang, "SEO :", "SEO:"), r.SEOScore, overallLight(r.SEOScore, lang),
		pick(lang, "Lisibilité :", "Readability:"), r.ReadabilityScore, overallLight(r.ReadabilityScore, lang))
	f := r.Figures
	fmt.Fprintf(&b, "%s %d · %s %d · Kandel–Moles %.1f", pick(lang, "mots", "words"), f.Words, pick(lang, "phrases", "sentences"), f.Sentences, f.Flesch)
	if f.Keyphrase != "" {
		fmt.Fprintf(&b, " · %s « %s » ×%d (%s %.2f %%)", pick(lang, "expression clé", "keyphrase"), f.Keyphrase, f.KeyphraseCount, pick(lang, "densité", "density"), f.Density)
	}
	b.WriteString("\n")
	titles := map[Category]string{
		SEO:         "SEO",
		Readability: pick(lang, "Lisibilité", "Readability"),
		Plume:       pick(lang, "plume", "plume"),
	}
	var cur Category
	for _, c := range r.Checks {
		if c.Category != cur {
			cur = c.Category
			fmt.Fprintf(&b, "\n%s\n", titles[cur])
		}
		fmt.Fprintf(&b, "  %s %-7s %-36s %s\n", marks[c.Rating], light(c.Rating, lang), c.ID, c.Message)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON writes the report as indented JSON:
// {seo_score, readability_score, checks[{id, yoast, score, rating, message}], figures{…}, lang}.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}
