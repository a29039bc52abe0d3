package rephrase

import (
	"strings"

	"github.com/plume-seo/plume/internal/fr/lexicon"
	"github.com/plume-seo/plume/internal/fr/token"
)

// SplitMore cuts a sentence of more than minWords words (token.CountWords)
// in two. Besides Split's safe points (« ; », « , et » / « , mais » before
// a clause with its own subject), it knows two more, both about a subject
// noun phrase at the head of the sentence whose gender and number the
// determiner and the lexicon tell (never a bare name: « Krebs » has no
// gender in the lexicon):
//
//   - a non-restrictive relative clause right after that subject becomes
//     a sentence of its own: « L’ambassade de Russie à Washington, qui a
//     nié …, n’a pas immédiatement renvoyé … » → « L’ambassade de Russie à
//     Washington a nié …. Elle n’a pas immédiatement renvoyé … »;
//   - two verbs of that subject joined by « et » with no comma before
//     it, and no subordinate clause unless the second verb is the main
//     verb's own compound form: « L’ambassade de Chine à Londres a déclaré
//     … qu’il s’agissait de “désinformation” et a qualifié … » → « … de
//     “désinformation”. Elle a également qualifié … » (« également »
//     keeps what « et » said).
//
// The pronoun that repeats the subject is il, elle, ils or elles. It
// refuses a sentence whose attribution covers the whole of it (« Selon X,
// … », « …, selon X. », « …, a déclaré X. ») and any cut that leaves a
// piece without a finite verb, unbalanced quotation marks or fewer than a
// few words. Of the cuts it finds, the one whose longer piece is shortest
// wins.
func SplitMore(s string, minWords int) ([]string, bool) {
	if minWords < 2*minPiece {
		minWords = 2 * minPiece
	}
	if token.CountWords(s) <= minWords {
		return nil, false
	}
	var cands [][]string
	st := parse(s)
	if ps, ok := splitParsed(st, minWords); ok {
		cands = append(cands, ps)
	}
	if st.balanced && len(st.toks) >= 2*minPiece && !coveredAttribution(st) {
		if ps := st.relativeSplit(); ps != nil {
			cands = append(cands, ps)
		}
		if ps := st.coordSplit(); ps != nil {
			cands = append(cands, ps)
		}
		if ps := st.participleSplit(); ps != nil {
			cands = append(cands, ps)
		}
		if ps := st.nounParticipleSplit(); ps != nil {
			cands = append(cands, ps)
		}
	}
	best, bestLen := -1, 0
	for i, c := range cands {
		longest := 0
		for _, p := range c {
			longest = max(longest, token.CountWords(p))
		}
		if best < 0 || longest < bestLen {
			best, bestLen = i, longest
		}
	}
	if best < 0 {
		return nil, false
	}
	return cands[best], true
}

// SplitLong cuts a sentence with SplitMore until every piece has at most
// maxWords words or no piece can be cut further. It returns the sentence
// alone when nothing can be cut.
func SplitLong(s string, maxWords int) []string {
	out := []string{s}
	for range 4 { // each round halves the longest pieces; four is plenty
		var next []string
		cut := false
		for _, p := range out {
			if token.CountWords(p) > maxWords {
				if ps, ok := SplitMore(p, maxWords); ok {
					next = append(next, ps...)
					cut = true
					continue
				}
			}
			next = append(next, p)
		}
		out = next
		if !cut {
			break
		}
	}
	return out
}

// coveredAttribution reports whether one attribution covers the whole
// sentence — « Selon X, P », « P, selon X », « P, a déclaré X » — so that a
// cut would leave one piece without it.
func coveredAttribution(st *sentence) bool {
	a, ok := st.form()
	if ok && (a.form == formSelon || a.form == formSelonFinal || a.form == formIncise) {
		return true
	}
	n := len(st.toks)
	// A final « selon X » or « d’après X » readForm did not take (a long
	// or unusual speaker) still covers the sentence.
	for i, t := range st.toks {
		selon := t.low == "selon" || t.low == "d'" && i+1 < n && st.toks[i+1].low == "après"
		if i == 0 && selon {
			return true
		}
		if t.inQuote || i == 0 || st.toks[i-1].text != "," {
			continue
		}
		if selon && !hasFinite(st.toks[i:]) {
			return true
		}
		// « …, a déclaré X. » with a speaker readForm did not take.
		if g, ok := st.verbAt(i); ok && g.clitic == "" && hasFinite(st.toks[:i]) {
			rest := st.toks[g.j:]
			if len(rest) > 0 && !hasFinite(rest) {
				return true
			}
		}
	}
	return false
}

// determiners give the gender and number of the noun phrase they open.
var determiners = map[string][2]uint8{
	"le": {uint8(lexicon.Masc), uint8(lexicon.Sing)}, "la": {uint8(lexicon.Fem), uint8(lexicon.Sing)},
	"un": {uint8(lexicon.Masc), uint8(lexicon.Sing)}, "une": {uint8(lexicon.Fem), uint8(lexicon.Sing)},
	"ce": {uint8(lexicon.Masc), uint8(lexicon.Sing)}, "cet": {uint8(lexicon.Masc), uint8(lexicon.Sing)},
	"cette": {uint8(lexicon.Fem), uint8(lexicon.Sing)}, "l'": {0, uint8(lexicon.Sing)},
	"les": {0, uint8(lexicon.Plur)}, "des": {0, uint8(lexicon.Plur)}, "ces": {0, uint8(lexicon.Plur)},
}

// subject reads the noun phrase that opens the sentence: a determiner,
// adjectives, the head noun, then complements (« de Russie à
// Washington »). It returns the index of the token after it and the
// subject pronoun that can stand for it, or ok=false when the head is not
// a common noun or its gender or number is unknown or disputed.
func (st *sentence) subject() (end int, pron string, ok bool) { return st.subjectAt(0) }

// subjectAt is subject for a noun phrase that opens at token f, after a
// fronted adjunct (frontAdjunct).
func (st *sentence) subjectAt(f int) (end int, pron string, ok bool) {
	t := st.toks
	if len(t)-f < 3 || t[f].inQuote {
		return 0, "", false
	}
	if e, ok := st.nameSubject(f); ok {
		return e, strings.TrimSpace(st.s[t[f].start:t[e-1].end]), true
	}
	if _, isDet := determiners[t[f].low]; !isDet || t[f].tag != "DET" {
		return 0, "", false
	}
	i := f + 1
	for i < len(t) && t[i].tag == "ADJ" {
		i++
	}
	if i >= len(t) || t[i].tag != "NOUN" || t[i].inQuote {
		return 0, "", false
	}
	head := t[i]
	end = i + 1
	for end < len(t) && !t[end].inQuote {
		switch t[end].tag {
		case "ADP", "DET", "NOUN", "PROPN", "ADJ", "NUM", "ADP+DET":
			end++
			continue
		}
		break
	}
	// A name in apposition (« Le PDG de Microsoft, Tom Burt, ») says who
	// the subject is better than a pronoun, and needs no gender.
	if a := st.apposition(end); a > end {
		return end, strings.TrimSpace(st.s[t[end+1].start:t[a-2].end]), true
	}
	g, n, ok := phraseFeatures(t[f], head)
	if !ok {
		return 0, "", false
	}
	switch {
	case g == lexicon.Masc && n == lexicon.Sing:
		pron = "Il"
	case g == lexicon.Fem && n == lexicon.Sing:
		pron = "Elle"
	case g == lexicon.Masc:
		pron = "Ils"
	default:
		pron = "Elles"
	}
	return end, pron, true
}

// phraseFeatures returns the gender and number of a noun phrase from its
// determiner and its head noun, ok=false when they are unknown or
// disagree.
func phraseFeatures(det, head tok) (lexicon.Gender, lexicon.Number, bool) {
	d, isDet := determiners[det.low]
	if !isDet {
		return 0, 0, false
	}
	g, n := lexicon.Gender(d[0]), lexicon.Number(d[1])
	ng, nn, known := nounFeatures(head.low)
	if !known {
		return 0, 0, false
	}
	if g == 0 {
		g = ng
	} else if ng != 0 && ng != lexicon.Epicene && ng != g {
		return 0, 0, false
	}
	if nn != 0 && nn != lexicon.NumberInv && nn != n {
		return 0, 0, false
	}
	if g != lexicon.Masc && g != lexicon.Fem {
		return 0, 0, false
	}
	return g, n, true
}

// viewpoint are the prepositions that open a phrase saying whose view a
// sentence gives (« Pour Microsoft, », « Aux yeux de … », « Chez … »).
var viewpoint = map[string]bool{"pour": true, "selon": true, "d'": true, "aux": true, "chez": true}

// frontAdjunct returns the index after an adverbial phrase fronted before
// the subject, with its comma — « Dans une déclaration aux journalistes, »
// — or 0: a preposition and at most seven more tokens, none a verb, a
// quotation or punctuation, then a comma. A phrase that says whose view
// the sentence gives (« Pour Microsoft, la faille est mineure et … »,
// « Selon … ») is no adjunct to leave behind: the second piece would state
// the view as a fact.
func (st *sentence) frontAdjunct() int {
	t := st.toks
	if len(t) == 0 || t[0].inQuote || t[0].tag != "ADP" && t[0].tag != "ADP+DET" || viewpoint[t[0].low] {
		return 0
	}
	for i := 1; i < len(t) && i <= 8; i++ {
		switch {
		case t[i].inQuote || t[i].tag == "VERB" || t[i].tag == "AUX":
			return 0
		case t[i].text == ",":
			return i + 1
		case t[i].kind == token.Punct:
			return 0
		}
	}
	return 0
}

// nameSubject reads a name that opens the sentence — one to four
// capitalised proper nouns (« Microsoft », « Brian Krebs ») right before
// its verb or a comma — and returns the index after it. A name has no
// gender in the lexicon: the second sentence repeats it instead of a
// pronoun (« Microsoft ne confirme pas… . Microsoft déclare toutefois… »).
func (st *sentence) nameSubject(f int) (int, bool) {
	t := st.toks
	i := f
	for i < len(t) && i < f+4 && t[i].tag == "PROPN" && !t[i].inQuote && t[i].kind.IsWord() && token.StartsUpper(t[i].text) {
		i++
	}
	if i == f || i >= len(t) {
		return 0, false
	}
	if t[i].text != "," && !isFinite(t[i]) && t[i].low != "ne" && t[i].low != "n'" {
		return 0, false
	}
	return i, true
}

// nounFeatures returns the gender and number the lexicon gives a common
// noun, 0 for a feature its readings disagree on; known is false when the
// lexicon has no noun reading of the form.
func nounFeatures(form string) (g lexicon.Gender, n lexicon.Number, known bool) {
	for _, a := range lexicon.Default().LookupFold(form) {
		if a.POS != lexicon.Noun {
			continue
		}
		if !known {
			g, n, known = a.Gender, a.Number, true
			continue
		}
		if a.Gender != g {
			g = 0
		}
		if a.Number != n {
			n = 0
		}
	}
	return g, n, known
}

// apposition skips a name in apposition after the subject: « , Tom
// Burt, ». It returns the index after the closing comma, or i.
func (st *sentence) apposition(i int) int {
	t := st.toks
	if i >= len(t) || t[i].text != "," {
		return i
	}
	j := i + 1
	for j < len(t) && t[j].tag == "PROPN" && !t[j].inQuote {
		j++
	}
	if j == i+1 || j >= len(t) || t[j].text != "," {
		return i
	}
	return j + 1
}

// relativeSplit cuts « SUBJ, qui V1 …, V2 … » into « SUBJ V1 …. Pron
// V2 … ».
func (st *sentence) relativeSplit() []string {
	t := st.toks
	e, pron, ok := st.subject()
	if !ok || e+2 >= len(t) || t[e].text != "," || t[e+1].low != "qui" || t[e+1].inQuote {
		return nil
	}
	depth := 0
	for m := e + 2; m < len(t)-1; m++ {
		switch t[m].text {
		case "(", "[":
			depth++
		case ")", "]":
			depth--
		}
		if depth != 0 || t[m].inQuote || t[m].text != "," {
			continue
		}
		if !hasFinite(t[e+2:m]) || !st.predicateStart(m+1) {
			return nil // the first comma must close the relative clause
		}
		one := strings.TrimSpace(st.s[:t[e].start]) + " " + strings.TrimSpace(st.s[t[e+2].start:t[m].start]) + "."
		two := pron + " " + strings.TrimSpace(st.s[t[m+1].start:])
		return checkPieces(one, two)
	}
	return nil
}

// predicateStart reports whether token i opens a main verb's predicate:
// a finite verb, or « ne » / « n’ » and a finite verb.
func (st *sentence) predicateStart(i int) bool {
	t := st.toks
	if i >= len(t) || t[i].inQuote {
		return false
	}
	if t[i].low == "ne" || t[i].low == "n'" {
		i++
	}
	return i < len(t) && isFinite(t[i])
}

// mainVerb finds the sentence's subject — after a fronted adjunct — and
// its finite verb, past a negation (« Microsoft ne confirme pas … »). It
// returns the verb's index, the word that stands for the subject in a
// second sentence (SUBJ's pronoun or name), and whether the verb is
// negated.
func (st *sentence) mainVerb() (v int, pron string, negated, ok bool) {
	t := st.toks
	e, pron, ok := st.subjectAt(st.frontAdjunct())
	if !ok {
		return 0, "", false, false
	}
	v = st.apposition(e)
	if v+1 < len(t) && (t[v].low == "ne" || t[v].low == "n'") {
		v, negated = v+1, true
	}
	if v >= len(t) || !isFinite(t[v]) || t[v].inQuote {
		return 0, "", false, false
	}
	return v, pron, negated, true
}

// subordinators open a clause whose verbs an « et » could coordinate
// instead of the main verbs.
var subordinators = map[string]bool{"que": true, "qu'": true, "qui": true, "dont": true, "où": true,
	"si": true, "s'": true, "lorsque": true, "lorsqu'": true, "quand": true, "comme": true, "car": true,
	"parce": true, "puisque": true, "puisqu'": true, "bien": true, "afin": true, "lequel": true,
	"laquelle": true, "lesquels": true, "lesquelles": true, "pour": true, "sans": true}

// coordSplit cuts « SUBJ V1 … et V2 … » into « SUBJ V1 …. Pron V2 … »;
// an adverbial phrase fronted before the subject stays with the first
// piece.
func (st *sentence) coordSplit() []string {
	t := st.toks
	v, pron, _, ok := st.mainVerb()
	if !ok {
		return nil
	}
	sub := false // a subordinate clause lies between the main verb and « et »
	for k := v + 1; k < len(t)-2; k++ {
		tk := t[k]
		if tk.inQuote {
			continue
		}
		if tk.kind == token.Punct {
			if tk.text == "," && !sub && k+2 < len(t) && t[k+1].low == "mais" && !t[k+1].inQuote {
				return st.butSplit(v, k, pron)
			}
			return nil
		}
		if subordinators[tk.low] {
			sub = true
			continue
		}
		if tk.low != "et" {
			continue
		}
		next := k + 1
		if t[next].low == "ne" || t[next].low == "n'" {
			next++
		}
		if next >= len(t) || t[next].inQuote || !sameAgreement(t[v], t[next]) {
			return nil
		}
		// After a subordinate clause, « et » could join its verbs rather
		// than the main ones: only the main verb's own compound form
		// (« a déclaré … qu’il s’agissait … et a qualifié »), which no
		// verb of the subordinate clause has, tells that it is the main.
		// Two speech verbs, each with its own reported speech (« affirme
		// que … et signale que … »), are the main verbs too.
		if sub && !st.sameCompound(v, next, k) && !st.speechPair(v, next) {
			return nil
		}
		// The tagger may read a bare verb after « et » as a noun
		// (« et annonce des mises à jour »): a noun there would need a
		// determiner, so a form the lexicon knows as a finite verb,
		// followed by a determiner, is the verb.
		if !isFinite(t[next]) && !(t[next].tag == "NOUN" && next+1 < len(t) && (t[next+1].tag == "DET" || t[next+1].tag == "ADP+DET")) {
			return nil
		}
		one := strings.TrimSpace(st.s[:tk.start]) + "."
		// « et » adds a second action of the same subject: « également »
		// says so in the second sentence (« Elle a également qualifié… »),
		// unless a negation stands there or the piece already says it.
		rest := strings.TrimSpace(st.s[t[k+1].start:])
		if next == k+1 && !strings.Contains(rest, "également") && !strings.Contains(rest, "aussi") {
			rest = st.withAdverb(next, "également")
		}
		two := pron + " " + rest
		return checkPieces(one, two)
	}
	return nil
}

// butSplit cuts « SUBJ V1 …, mais V2 … » (the comma at k, no
// subordinate clause before it) into « SUBJ V1 …. Pron V2 toutefois … »:
// « toutefois » keeps what « mais » said. It refuses a negated or
// unagreeing second verb.
func (st *sentence) butSplit(v, k int, pron string) []string {
	t := st.toks
	next := k + 2
	if t[next].inQuote || !isFinite(t[next]) || !sameAgreement(t[v], t[next]) {
		return nil
	}
	if strings.Contains(st.s[t[next].start:], "toutefois") {
		return nil
	}
	one := strings.TrimSpace(st.s[:t[k].start]) + "."
	two := pron + " " + st.withAdverb(next, "toutefois")
	if !strings.HasSuffix(two, ".") && !strings.HasSuffix(two, "!") && !strings.HasSuffix(two, "?") {
		two += "." // the source left the sentence unfinished
	}
	return checkPieces(one, two)
}

// withAdverb returns the sentence from its verb at i with adv right after
// that verb (« a également qualifié », « déclare toutefois »).
func (st *sentence) withAdverb(i int, adv string) string {
	t := st.toks
	return strings.TrimSpace(st.s[t[i].start:t[i].end]) + " " + adv + " " + strings.TrimSpace(st.s[t[i].end:])
}

// sameCompound reports whether the verbs at v and w are both the same
// auxiliary form followed by a past participle (« a déclaré », « a
// qualifié ») and no verb between v+2 and end has that auxiliary form.
func (st *sentence) sameCompound(v, w, end int) bool {
	t := st.toks
	if t[v].low != t[w].low || (t[v].low != "a" && t[v].low != "ont") || v+1 >= len(t) || w+1 >= len(t) ||
		!pastParticiple(t[v+1]) || !pastParticiple(t[w+1]) {
		return false
	}
	for i := v + 2; i < end; i++ {
		if t[i].low == t[v].low && !t[i].inQuote {
			return false
		}
	}
	return true
}

// speechPair reports whether the verbs at v and w both introduce reported
// speech in the same kind of tense (simple or compound) and no speech verb
// between them could be the one the second is coordinated with.
func (st *sentence) speechPair(v, w int) bool {
	g1, ok1 := st.verbAt(v)
	g2, ok2 := st.verbAt(w)
	if !ok1 || !ok2 || g1.compound != g2.compound || g1.clitic != "" || g2.clitic != "" ||
		!st.introducesSpeech(g1) || !st.introducesSpeech(g2) {
		return false
	}
	for i := g1.j; i < w; i++ {
		if g, ok := st.verbAt(i); ok && st.introducesSpeech(g) {
			return false
		}
	}
	return true
}

// pastParticiple reports whether the lexicon knows the token as a past
// participle.
func pastParticiple(x tok) bool {
	for _, a := range lexicon.Default().LookupFold(x.low) {
		if a.PastParticiple() {
			return true
		}
	}
	return false
}

// sameAgreement reports whether two finite verbs can share one subject:
// both have a third-person reading of the same number.
func sameAgreement(a, b tok) bool {
	nums := func(x tok) map[lexicon.Number]bool {
		m := map[lexicon.Number]bool{}
		for _, r := range lexicon.Default().LookupFold(x.low) {
			if r.Finite() && r.Person == 3 {
				m[r.Number] = true
			}
		}
		return m
	}
	na := nums(a)
	for n := range nums(b) {
		if na[n] {
			return true
		}
	}
	return false
}

// checkPieces returns the two pieces when each is a sentence: long
// enough, balanced, with a finite verb outside quotations. Reported speech
// stays with its subject in both cuts, and an attribution that covered
// the whole sentence was refused before (coveredAttribution).
func checkPieces(one, two string) []string { return checkCut(one, two, false) }

// checkCut is checkPieces; made says the second piece's verb is one the
// cut conjugated itself (participleSplit, nounParticipleSplit), which the
// tagger need not read as a verb: « Cette directive demande … » reads
// « demande » as a noun.
func checkCut(one, two string, made bool) []string {
	for i, p := range []string{one, two} {
		if token.CountWords(p) < minPiece {
			return nil
		}
		ps := parse(p)
		if !ps.balanced || !(made && i == 1) && !hasFinite(ps.toks) {
			return nil
		}
	}
	return []string{one, two}
}
