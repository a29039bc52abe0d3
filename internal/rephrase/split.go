package rephrase

import (
	"strings"

	"github.com/plume-seo/plume/internal/fr/token"
)

// SplitMinWords is the length, in words (token.CountWords), above which
// Split considers a sentence long.
const SplitMinWords = 25

// minPiece is the fewest words a piece of a split may have: a shorter one
// reads as a fragment.
const minPiece = 6

// subjectStarts are the words that open an independent clause's subject.
var subjectStarts = map[string]bool{"il": true, "elle": true, "ils": true, "elles": true,
	"on": true, "nous": true, "vous": true, "je": true, "tu": true, "c'": true, "ce": true,
	"cela": true, "ceci": true, "ça": true}

// Split cuts a sentence of more than SplitMinWords words in two at a safe
// point: a semicolon, or « , et » / « , mais » when what follows is an
// independent clause (its own subject — a pronoun, a determiner or a name
// — and a finite verb). « , et qu’il… », « , et a exhorté… » and « , qui »
// are never split points. Each piece starts with a capital, ends with a
// period, holds a finite verb, is at least a few words long and has
// balanced quotations: a quotation is never cut. « mais » is kept at the
// head of the second piece (« Mais… »), « et » is dropped. A sentence whose
// attribution would cover only one piece (« Selon X, P1, et P2 »,
// « P1, et P2, a déclaré X », « X a déclaré que P1 ; P2 ») is refused. Of
// several safe points, the one nearest the middle wins.
func Split(s string) ([]string, bool) {
	return splitAt(s, SplitMinWords)
}

// splitAt is Split for a sentence of more than minWords words.
func splitAt(s string, minWords int) ([]string, bool) {
	if token.CountWords(s) <= minWords {
		return nil, false
	}
	return splitParsed(parse(s), minWords)
}

// splitParsed is splitAt for a sentence already parsed and known to be
// longer than minWords.
func splitParsed(st *sentence, minWords int) ([]string, bool) {
	if !st.balanced || len(st.toks) < 2*minPiece {
		return nil, false
	}
	t := st.toks
	last := t[len(t)-1]
	if last.text != "." && last.text != "!" && last.text != "?" {
		return nil, false
	}
	total := len(t)
	best, bestDist := -1, total
	var bestPieces []string
	depth := 0
	for k := 1; k < total-1; k++ {
		switch t[k].text {
		case "(", "[":
			depth++
		case ")", "]":
			depth--
		}
		if depth != 0 || t[k].inQuote {
			continue
		}
		var pieces []string
		switch {
		case t[k].text == ";":
			pieces = st.cut(k, k+1, "")
		case t[k].text == "," && (t[k+1].low == "et" || t[k+1].low == "mais") && !t[k+1].inQuote:
			keep := ""
			if t[k+1].low == "mais" {
				keep = "Mais "
			}
			if k+2 >= total || !st.clauseStart(k+2) {
				continue
			}
			pieces = st.cut(k, k+2, keep)
		default:
			continue
		}
		if pieces == nil {
			continue
		}
		dist := k - total/2
		if dist < 0 {
			dist = -dist
		}
		if dist < bestDist {
			best, bestDist, bestPieces = k, dist, pieces
		}
	}
	if best < 0 {
		return nil, false
	}
	return bestPieces, true
}

// clauseStart reports whether token i opens an independent clause: a
// subject pronoun, a determiner or a proper noun, with a finite verb
// before the next comma.
func (st *sentence) clauseStart(i int) bool {
	t := st.toks
	first := t[i]
	if first.inQuote {
		return false
	}
	switch {
	case subjectStarts[first.low]:
	case first.tag == "DET" || first.tag == "PROPN" || first.tag == "NUM":
	default:
		return false
	}
	for k := i + 1; k < len(t) && t[k].text != ","; k++ {
		if isFinite(t[k]) && !t[k].inQuote {
			return true
		}
	}
	return false
}

// cut builds the two pieces of a split at tokens [k, next): the first
// ends with a period at k, the second starts at next with prefix (or a
// capital). It returns nil when a piece would not be a sentence.
func (st *sentence) cut(k, next int, prefix string) []string {
	s, t := st.s, st.toks
	one := strings.TrimSpace(s[:t[k].start]) + "."
	two := strings.TrimSpace(s[t[next].start:])
	if prefix != "" {
		two = prefix + two
	} else {
		var ok bool
		if two, ok = upperFirst(two); !ok {
			return nil
		}
	}
	for i, p := range []string{one, two} {
		if token.CountWords(p) < minPiece {
			return nil
		}
		ps := parse(p)
		if !ps.balanced || !hasFinite(ps.toks) {
			return nil
		}
		if attributed(ps) && (i == 0 || !ownAttribution(p)) {
			return nil
		}
	}
	return []string{one, two}
}

// attributed reports whether a piece carries reported speech: « selon »,
// « d’après », or a speech verb that introduces speech (before « que » or
// a quotation, or in an incise) — « ne confirme pas les chiffres » does not.
func attributed(ps *sentence) bool {
	for i, t := range ps.toks {
		if t.inQuote {
			continue
		}
		if t.low == "selon" || t.low == "après" && i > 0 && ps.toks[i-1].low == "d'" {
			return true
		}
		if g, ok := ps.verbAt(i); ok && (ps.introducesSpeech(g) || i > 0 && ps.toks[i-1].text == ",") {
			return true
		}
	}
	return false
}

// ownAttribution reports whether a second piece attributes only itself:
// its speech verb comes after its own subject, at its head (« Microsoft a
// déclaré que… »), not in a final incise or « selon X » that the first
// piece also depended on.
func ownAttribution(p string) bool {
	a, ok := read(p)
	return ok && (a.form == formQue || a.form == formColon)
}
