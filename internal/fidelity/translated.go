package fidelity

import (
	"strings"

	"github.com/plume-seo/plume/internal/fr/figure"
	"github.com/plume-seo/plume/internal/fr/token"
)

// The rule for quotations of a source in another language, which a French
// newsroom follows and the checker enforces: a quotation is either given
// in reported speech, without guillemets — then its figures, dates and
// names are checked like any sentence's — or translated in « » and
// followed at once by the mark « (traduit de l'anglais) » (de l'espagnol,
// de l'italien, de l'allemand, du portugais). A translated quotation
// stands only if it matches one quotation of a source in that language:
// the same figures and dates, no name the original lacks, a length
// between 0.6 and 1.8 times the original's, and — when the source's
// sentence names who speaks — one of those names in the article's
// sentence or the one before. A translation without the mark is a
// quotation that is not verbatim.

// TranslatedMark returns the mark that follows a quotation translated from
// lang, or "" for French and languages plume does not name.
func TranslatedMark(lang string) string {
	switch lang {
	case "en":
		return "(traduit de l’anglais)"
	case "es":
		return "(traduit de l’espagnol)"
	case "it":
		return "(traduit de l’italien)"
	case "de":
		return "(traduit de l’allemand)"
	case "pt":
		return "(traduit du portugais)"
	}
	return ""
}

// Translation ratio bounds: a translation says all the original says, in
// about as many words (French runs a little longer than English).
const (
	minTranslated = 0.6
	maxTranslated = 1.8
)

// translated reports whether quote, in sentence (prev is the sentence
// before it in its block), is a marked translation of a quotation of a
// source in another language.
func (ix *index) translated(sentence, quote, prev string) bool {
	if len(ix.foreign) == 0 {
		return false
	}
	i := strings.Index(sentence, quote)
	if i < 0 {
		return false
	}
	rest := strings.TrimLeft(sentence[i+len(quote):], " \u00a0\u202f")
	var ok bool
	if rest, ok = strings.CutPrefix(rest, "»"); !ok {
		if rest, ok = strings.CutPrefix(rest, "”"); !ok {
			return false
		}
	}
	mark := norm(rest)
	around := Names(strings.Replace(prev+" "+sentence, quote, " ", 1))
	for _, s := range ix.foreign {
		m := TranslatedMark(s.Lang)
		if m == "" || !strings.HasPrefix(mark, norm(m)) {
			continue
		}
		for _, q := range s.Quotes {
			if translationOf(quote, q.Text, s.Lang) && attributed(around, s.Text, q.Text) {
				return true
			}
		}
	}
	return false
}

// translationOf reports whether fr may translate the quotation orig of a
// source in lang: the same figures and dates, no name orig lacks, a
// length in proportion.
func translationOf(fr, orig, lang string) bool {
	nf, no := token.CountAlnumWords(fr), token.CountAlnumWords(orig)
	if no == 0 || float64(nf) < minTranslated*float64(no) || float64(nf) > maxTranslated*float64(no)+2 {
		return false
	}
	keys := func(fs []figure.Figure) string {
		var k []string
		for _, f := range fs {
			if !f.Vague {
				k = append(k, f.Key())
			}
		}
		return strings.Join(sortedSet(k), "|")
	}
	if keys(figure.Figures(fr)) != keys(figure.FiguresIn(orig, lang)) {
		return false
	}
	dkeys := func(ds []figure.Date) string {
		var k []string
		for _, d := range ds {
			k = append(k, d.Key())
		}
		return strings.Join(sortedSet(k), "|")
	}
	if dkeys(figure.Dates(fr)) != dkeys(figure.DatesIn(orig, lang)) {
		return false
	}
	o := " " + norm(orig) + " "
	for _, name := range Names(fr) {
		if en := exonymOf(norm(name)); !strings.Contains(o, norm(name)) && (en == "" || !strings.Contains(o, " "+en+" ")) {
			return false
		}
	}
	return true
}

// attributed reports whether the names around a translated quotation share
// a word with the names the source's sentence gives outside the quotation
// (its speaker), when it gives any.
func attributed(around []string, srcSentence, orig string) bool {
	outside := Names(strings.Replace(srcSentence, orig, " ", 1))
	if len(outside) == 0 {
		return true
	}
	words := map[string]bool{}
	for _, n := range outside {
		for _, w := range strings.Fields(norm(n)) {
			words[w] = true
		}
	}
	for _, n := range around {
		for _, w := range strings.Fields(norm(n)) {
			if words[w] || words[exonymOf(w)] {
				return true
			}
		}
	}
	return false
}

func sortedSet(k []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range k {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// exonyms are the French names of places and bodies that English copy
// names in English, lower-cased (written for plume by its authors; not
// exhaustive): a French article may use them where an English source
// names the English form.
var exonyms = map[string]string{
	"united states": "états-unis", "united kingdom": "royaume-uni", "britain": "grande-bretagne",
	"england": "angleterre", "scotland": "écosse", "ireland": "irlande", "wales": "pays de galles",
	"white house": "maison-blanche", "european union": "union européenne", "united nations": "nations unies",
	"nato": "otan", "red cross": "croix-rouge", "congress": "congrès", "senate": "sénat",
	"supreme court": "cour suprême", "pentagon": "pentagone",
	"california": "californie", "florida": "floride", "louisiana": "louisiane",
	"pennsylvania": "pennsylvanie", "virginia": "virginie", "north carolina": "caroline du nord",
	"south carolina": "caroline du sud", "georgia": "géorgie", "new mexico": "nouveau-mexique",
	"hawaii": "hawaï", "alaska": "alaska", "germany": "allemagne", "spain": "espagne", "italy": "italie",
	"greece": "grèce", "china": "chine", "japan": "japon", "india": "inde", "brazil": "brésil",
	"mexico": "mexique", "australia": "australie", "russia": "russie", "poland": "pologne",
	"london": "londres", "geneva": "genève", "brussels": "bruxelles", "egypt": "égypte",
	"morocco": "maroc", "algeria": "algérie", "tunisia": "tunisie", "south africa": "afrique du sud",
}

// exonymOf returns the English form of a French exonym, or "".
func exonymOf(fr string) string {
	for en, f := range exonyms {
		if f == fr {
			return en
		}
	}
	return ""
}

// dateParts reports whether every part of a date key ("wd=thu;t=15:00")
// is given by the dates of one sentence of a source not in French: English
// copy splits what French says at once ("at 3 p.m. Thursday" is « jeudi à
// 15 h »). French sources are matched whole, as before.
func (ix *index) dateParts(key string) bool {
	if key == "" {
		return false
	}
	for _, s := range ix.foreign {
		parts := map[string]bool{}
		for _, d := range s.Dates {
			for _, p := range strings.Split(d.Key(), ";") {
				parts[p] = true
			}
		}
		all := true
		for _, p := range strings.Split(key, ";") {
			all = all && parts[p]
		}
		if all {
			return true
		}
	}
	return false
}
