package facts

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/plume-seo/plume/internal/fr/token"
)

// Speech verbs of French news, in the forms that introduce reported speech:
// past participles (after avoir) and third persons of the present. The list
// was written by the plume authors.
const speechParticiples = `déclaré|affirmé|dit|indiqué|précisé|expliqué|souligné|ajouté|estimé|rapporté|révélé|averti|annoncé|confirmé|assuré|noté|prévenu|signalé|écrit|reconnu|déploré|dénoncé|raconté|répondu|insisté|rappelé|observé|jugé|admis|démenti|nié|martelé|lancé|confié|fait savoir|mis en garde|prédit|témoigné|commenté|tweeté|publié`

const speechPresent = `déclare|déclarent|affirme|affirment|dit|disent|indique|indiquent|précise|précisent|explique|expliquent|souligne|soulignent|ajoute|ajoutent|estime|estiment|rapporte|rapportent|révèle|révèlent|avertit|avertissent|annonce|annoncent|confirme|confirment|assure|assurent|note|notent|prévient|préviennent|signale|signalent|écrit|écrivent|reconnaît|reconnaissent|déplore|déplorent|dénonce|dénoncent|raconte|racontent|répond|répondent|insiste|insistent|rappelle|rappellent|juge|jugent|nie|nient|dément|démentent|met en garde|mettent en garde|prédit|témoigne|commente|tweete`

var (
	// « … », a déclaré X · », déclare X dans un message · », a-t-elle ajouté
	inciseRe = regexp.MustCompile(`[»”"]\s*,\s*(?:(?:a|ont|avait|avaient)\s+(?:` + speechParticiples + `)|(?:` + speechPresent + `)|(?:a|avait)-t-(il|elle|on)\s+(?:` + speechParticiples + `)|(?:ont|avaient)-(ils|elles)\s+(?:` + speechParticiples + `))\s*([^.;]*)`)
	// …, a déclaré le responsable américain à CNN.
	tailRe = regexp.MustCompile(`,\s*(?:(?:a|ont|avait|avaient)\s+(?:` + speechParticiples + `)|(?:` + speechPresent + `))\s+([^,.;«»]{2,120}?)\s*[.!?]?$`)
	// X a déclaré que … · X a déclaré à CNN que … · X estime que …
	subjectRe = regexp.MustCompile(`^(.{2,160}?)\s+(?:(?:a|ont|avait|avaient)\s+(?:également\s+|aussi\s+|déjà\s+|encore\s+|notamment\s+)?(?:` + speechParticiples + `)|(?:` + speechPresent + `))((?:\s+[^«»]{0,80}?)?)\s*(?:que\s|qu[’']|:)`)
	// selon X, … · d'après X, …
	selonRe = regexp.MustCompile(`(?i)(?:^|,\s*|\s)(?:selon|d[’']après)\s+([^,.;«»]{2,120}?)\s*(?:[,.;]|$)`)
	// Modifiers that follow the speaker and are not part of it.
	speakerTail = regexp.MustCompile(`\s+(?:dans|lors|sur|au cours|pendant|devant|à|aux|le|ce|cette|jeudi|vendredi|samedi|dimanche|lundi|mardi|mercredi|en)(?:\s|$).*$`)
	leadingAnd  = regexp.MustCompile(`^(?:Et|Mais|Or|Puis|Ainsi|Enfin|Cependant|Toutefois)\s+`)
)

// Attribution is who a sentence says is speaking.
type Attribution struct {
	// Speaker is the phrase naming the source as the sentence gives it
	// ("Krebs", "le responsable américain", "la porte-parole de la Maison
	// Blanche, Jennifer Psaki"); empty when the sentence attributes nothing.
	Speaker string
	// Pronoun is set when the speaker is a pronoun ("a-t-elle ajouté"):
	// the speaker is then the previous sentence's.
	Pronoun bool
	// Direct is set for an incise after a direct quotation.
	Direct bool
}

// Attribute finds the speaker of a French news sentence, if it attributes
// its content to someone.
func Attribute(s string) Attribution {
	// Each pattern needs a mark it cannot match without: a closing
	// quotation mark, « que » / « qu’ » or a colon, a comma, « selon » or
	// « d’après ». Checking for it first spares the patterns most
	// sentences.
	if !strings.ContainsAny(s, "»”\"") {
		// no incise after a quotation
	} else if m := inciseRe.FindStringSubmatch(s); m != nil {
		if m[1] != "" || m[2] != "" {
			return Attribution{Pronoun: true, Direct: true}
		}
		if sp := trimSpeaker(m[3]); sp != "" {
			return Attribution{Speaker: sp, Direct: true}
		}
	}
	if !strings.Contains(s, "qu") && !strings.Contains(s, ":") {
		// no « X a déclaré que »
	} else if m := subjectRe.FindStringSubmatch(s); m != nil && !strings.ContainsAny(m[1], "«»“”") {
		if sp := trimSpeaker(leadingAnd.ReplaceAllString(m[1], "")); sp != "" && !isPronoun(sp) {
			return Attribution{Speaker: sp}
		}
	}
	if !strings.Contains(s, ",") {
		// no « …, a déclaré X »
	} else if m := tailRe.FindStringSubmatch(s); m != nil {
		if sp := trimSpeaker(m[1]); sp != "" {
			return Attribution{Speaker: sp}
		}
	}
	if !mentionsSelon(s) {
		// no « selon X »
	} else if m := selonRe.FindStringSubmatch(s); m != nil {
		if sp := trimSpeaker(m[1]); sp != "" {
			return Attribution{Speaker: sp}
		}
	}
	return Attribution{}
}

// mentionsSelon reports whether s holds « selon » or « après » in any
// case, without which selonRe cannot match.
func mentionsSelon(s string) bool { return containsFold(s, "selon") || containsFold(s, "après") }

// containsFold reports whether s contains word, ASCII first letter, under
// Unicode case folding.
func containsFold(s, word string) bool {
	first := word[0]
	for i := 0; i+len(word) <= len(s); i++ {
		if (s[i]|0x20) == first && strings.EqualFold(s[i:i+len(word)], word) {
			return true
		}
	}
	return false
}

// trimSpeaker cuts what follows the speaker's name ("Krebs dans un
// message" → "Krebs") and refuses phrases that are not a speaker.
func trimSpeaker(s string) string {
	s = strings.TrimSpace(s)
	// A recipient comes first: "à CNN une source proche…".
	if strings.HasPrefix(s, "à ") || strings.HasPrefix(s, "aux ") {
		if i := strings.Index(s, " "); i > 0 {
			rest := s[i+1:]
			if j := strings.Index(rest, " "); j > 0 {
				s = strings.TrimSpace(rest[j+1:])
			}
		}
	}
	// Keep "la porte-parole de la Maison Blanche, Jennifer Psaki" whole but
	// cut the circumstances after the name.
	if loc := speakerTail.FindStringIndex(s); loc != nil && loc[0] > 0 {
		head := s[:loc[0]]
		// "le conseiller à la sécurité nationale" keeps its "à": cut only
		// after a proper name or a complete noun phrase of two words or more.
		if strings.Count(head, " ") >= 1 || token.StartsUpper(head) {
			s = head
		}
	}
	s = strings.TrimRight(s, " ,")
	if utf8.RuneCountInString(s) < 2 || len(strings.Fields(s)) > 14 {
		return ""
	}
	return s
}

func isPronoun(s string) bool {
	switch strings.ToLower(s) {
	case "il", "elle", "ils", "elles", "on", "nous", "je", "vous", "cela", "ce", "ceci":
		return true
	}
	return false
}

// ShortName reduces a speaker phrase to the proper name it contains, the
// form a reader recognises: "L'expert de l'industrie et bloggeur Brian
// Krebs" → "Brian Krebs"; "la porte-parole de la Maison Blanche, Jennifer
// Psaki" → "Jennifer Psaki". A phrase without a name is returned as is.
func ShortName(speaker string) string {
	// « la porte-parole de la Maison Blanche, Jennifer Psaki, interrogée »:
	// the name is the last comma-separated part that is capitalised.
	if parts := strings.Split(speaker, ", "); len(parts) > 1 {
		for i := len(parts) - 1; i >= 1; i-- {
			if token.StartsUpper(parts[i]) {
				return parts[i]
			}
		}
	}
	words := strings.Fields(speaker)
	end := len(words)
	start := end
	for start > 0 && (token.StartsUpper(words[start-1]) || start < end && isNameParticle(words[start-1])) {
		start--
	}
	for start < end && isNameParticle(words[start]) {
		start++
	}
	// A capitalised first word alone is the sentence's capital, not a name.
	if start == 0 && end == len(words) && len(words) > 1 && !token.StartsUpper(words[1]) {
		return speaker
	}
	if start < end && (start > 0 || end-start < len(words)) {
		return strings.Join(words[start:end], " ")
	}
	return speaker
}

func isNameParticle(w string) bool {
	switch w {
	case "de", "du", "des", "la", "le", "von", "van", "der", "d'", "d’":
		return true
	}
	return false
}

// OpensAnaphoric reports whether a sentence opens with what stands for
// something the text named before it: a pronoun or a demonstrative
// (RefersBack), or a definite description of a company (« La société a
// déclaré… », « Le géant de la technologie… »; « La Société générale »
// is a name), or whose subject, after an opening phrase, is a personal
// pronoun (« Disponible en VOD, il a été diffusé… », « L’année dernière,
// elle a… »). Out of its place — a lead, a meta description — it would
// refer to nothing.
func OpensAnaphoric(s string) bool {
	ws := strings.Fields(s + " x x")
	first := strings.ToLower(ws[0])
	if RefersBack(first) || pronounAfterOpening(ws) {
		return true
	}
	head := ws[1]
	switch {
	case first == "le" || first == "la":
	case strings.HasPrefix(first, "l’") || strings.HasPrefix(first, "l'"):
		_, head, _ = strings.Cut(strings.ReplaceAll(ws[0], "'", "’"), "’")
	default:
		return false
	}
	return !token.StartsUpper(head) && AnaphoricHeads[head]
}

// pronounAfterOpening reports whether the first comma of the sentence's
// opening words (at most six) is followed by il, elle, ils or elles —
// not by an impersonal « il » (« il y a », « il faut », « il s’agit »).
func pronounAfterOpening(ws []string) bool {
	for i := 0; i < len(ws)-2 && i < 6; i++ {
		if !strings.HasSuffix(ws[i], ",") {
			continue
		}
		switch strings.ToLower(ws[i+1]) {
		case "elle", "ils", "elles":
			return true
		case "il":
			switch strings.ToLower(ws[i+2]) {
			case "y", "faut", "s’agit", "s'agit", "semble", "reste", "est", "était", "sera", "paraît", "convient":
				return false // impersonal, or a copula too often so
			}
			return true
		}
		return false
	}
	return false
}

// AnaphoricHeads are the nouns that, with a definite article and nothing
// more, refer to a company the text named before.
var AnaphoricHeads = map[string]bool{"société": true, "entreprise": true, "firme": true, "compagnie": true,
	"groupe": true, "géant": true}

// RefersBack reports whether a word — a personal pronoun, a demonstrative
// or a possessive — takes its meaning from an earlier sentence: a sentence
// opening with one cannot be moved away from the sentence before it.
func RefersBack(w string) bool {
	switch strings.Trim(strings.ToLower(w), ",") {
	case "il", "elle", "ils", "elles", "cela", "ce", "ceci", "celui-ci", "celle-ci", "ceux-ci", "ces", "cette", "cet", "lui", "leur", "son", "sa", "ses":
		return true
	}
	return false
}
