package clean

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// normalize prepares raw copy for line classification: Unicode NFC, no soft
// hyphens or zero-width characters, Unix line ends, and runs of ordinary
// spaces collapsed. No-break spaces (U+00A0, U+202F) are kept: they are
// French typography, not noise.
func normalize(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '\u00ad', r == '\u200b', r == '\u200c', r == '\u200d', r == '\u2060', r == '\ufeff':
			continue
		case r == '\r':
			continue
		case r == '\n':
			b.WriteByte('\n')
			space = false
			continue
		case r == '\u00a0' || r == '\u202f':
			// kept as is
		case r == '\t' || r == '\v' || r == '\f' || unicode.Is(unicode.Zs, r):
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0:
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

var (
	// `` menace active '' → « menace active »: quotes of a LaTeX-fed CMS.
	latexQuotes = regexp.MustCompile("``\\s*([^`']+?)\\s*''")
	// "(NASDAQ 🙂" — a ticker whose ":)" a blog engine turned into an emoji.
	emojiTicker = regexp.MustCompile(`\(([A-Z][A-Za-z.]{1,9})(?:\s*:\s*[A-Z.]{1,6})?\s*(?:🙂|☺️?|😊|🙁|😉|:\))`)
	spaces      = regexp.MustCompile(` {2,}`)
	// « … victimes, « A écrit Krebs dans le post. » — a translation slip:
	// the closing guillemet came out as an opening one before the incise.
	// « … publiée par l’organisme de surveillance américain. jeudi a
	// montré. » — a translation slip of « …, an emergency directive
	// published by the US watchdog on Thursday showed. »: the verb of the
	// attribution, stranded after a full stop in lower case. The fragment
	// cannot be mended into French and says nothing the sentence before
	// does not (it names its source already), so it goes.
	strandedTail   = regexp.MustCompile(`(\p{Ll}{2,})\.[\s\x{00a0}\x{202f}]+(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier)[\s\x{00a0}\x{202f}]+)?(?:a|ont)[\s\x{00a0}\x{202f}]+(?:montré|indiqué|révélé|rapporté|déclaré|affirmé|précisé|confirmé)\.$`)
	reopenedIncise = regexp.MustCompile(`,[\s\x{00a0}\x{202f}]*«[\s\x{00a0}\x{202f}]*(A|Ont|Avait|Avaient)[\s\x{00a0}\x{202f}]+(écrit|déclaré|dit|ajouté|souligné|expliqué|affirmé|précisé|indiqué|estimé|averti)\b`)
)

// repair fixes residue that pages leave in text. It changes characters
// only where the intent is unambiguous.
func repair(s string) string {
	if strings.Contains(s, "``") {
		s = latexQuotes.ReplaceAllString(s, "«\u00a0$1\u00a0»")
	}
	s = emojiTicker.ReplaceAllString(s, "($1)")
	if strings.Count(s, "«") > strings.Count(s, "»") {
		s = reopenedIncise.ReplaceAllStringFunc(s, func(m string) string {
			sub := reopenedIncise.FindStringSubmatch(m)
			return " », " + strings.ToLower(sub[1]) + " " + sub[2]
		})
	}
	if strings.HasSuffix(s, ".") {
		s = strandedTail.ReplaceAllString(s, "$1.")
	}
	s = spaces.ReplaceAllString(s, " ")
	return strings.TrimSpace(s)
}
