package rephrase

import (
	"slices"
	"strings"

	"github.com/plume-seo/plume/internal/fr/lexicon"
	"github.com/plume-seo/plume/internal/fr/token"
)

// Style is a way of attributing reported speech.
type Style uint8

// The styles Reframe writes.
const (
	// StyleSelon puts the source first: « Selon X, P. » (indirect speech
	// only: a direct quotation is never reframed this way).
	StyleSelon Style = iota
	// StyleReported makes the source the subject: « X a déclaré que P. »,
	// or « X a déclaré : « Q ». » for a direct quotation.
	StyleReported
	// StyleIncise puts the attribution after what was said:
	// « P, a déclaré X. » or « « Q », a déclaré X. ».
	StyleIncise
)

// String returns the style's name.
func (s Style) String() string {
	switch s {
	case StyleSelon:
		return "selon"
	case StyleReported:
		return "reported"
	case StyleIncise:
		return "incise"
	}
	return "style?"
}

// speechLemmas are the verbs that introduce reported speech in news copy
// and take both « que + indicative » and an incise.
var speechLemmas = map[string]bool{
	"déclarer": true, "affirmer": true, "indiquer": true, "préciser": true, "expliquer": true,
	"souligner": true, "ajouter": true, "estimer": true, "assurer": true, "annoncer": true,
	"confirmer": true, "rapporter": true, "écrire": true, "dire": true, "noter": true,
	"avertir": true, "prévenir": true, "répondre": true, "reconnaître": true, "signaler": true,
	"révéler": true, "dévoiler": true, "observer": true, "rappeler": true, "relever": true,
	"admettre": true, "poursuivre": true, "conclure": true, "insister": false,
}

// speechAux are the forms of avoir that build a compound past of a speech
// verb in the third person.
var speechAux = map[string]bool{"a": true, "ont": true, "avait": true, "avaient": true}

// verbGroup is an attribution verb found in a sentence: tokens [i, j).
type verbGroup struct {
	i, j     int
	aux      string // "a", "ont"… ("" for a simple tense)
	verb     string // participle or simple finite form, as written
	clitic   string // inverted subject pronoun, bare: "il", "elle"
	compound bool
}

// text returns the verb without its clitic: "a déclaré", "explique".
func (g verbGroup) text() string {
	if g.compound {
		return g.aux + " " + g.verb
	}
	return g.verb
}

// isSpeechPart reports whether form is the past participle (masculine
// singular, as with avoir) of a speech verb.
func isSpeechPart(form string) bool {
	for _, a := range lexicon.Default().Lookup(form) {
		if a.POS == lexicon.Verb && a.VerbForm == lexicon.Part && a.Tense == lexicon.TensePast &&
			speechLemmas[a.Lemma] && a.Gender != lexicon.Fem && a.Number != lexicon.Plur {
			return true
		}
	}
	return false
}

// isSpeechFinite reports whether form is a third-person indicative form of
// a speech verb (« explique », « déclarent »).
func isSpeechFinite(form string) bool {
	for _, a := range lexicon.Default().Lookup(form) {
		if a.POS == lexicon.Verb && a.VerbForm == lexicon.Fin && a.Mood == lexicon.MoodInd &&
			a.Person == 3 && speechLemmas[a.Lemma] {
			return true
		}
	}
	return false
}

// verbAt reads an attribution verb starting at token i, outside quotations.
func (st *sentence) verbAt(i int) (verbGroup, bool) {
	t := st.toks
	if i >= len(t) || t[i].inQuote || t[i].kind != token.Word {
		return verbGroup{}, false
	}
	j := i + 1
	clitic := ""
	if j < len(t) && t[j].kind == token.Clitic {
		clitic = t[j].low
		j++
	}
	if clitic != "" && !subjectPronoun[clitic] {
		return verbGroup{}, false
	}
	if speechAux[t[i].low] && j < len(t) && t[j].kind == token.Word && isSpeechPart(t[j].low) {
		return verbGroup{i: i, j: j + 1, aux: t[i].text, verb: t[j].text, clitic: clitic, compound: true}, true
	}
	if t[i].tag == "VERB" && isSpeechFinite(t[i].low) {
		return verbGroup{i: i, j: j, verb: t[i].text, clitic: clitic}, true
	}
	return verbGroup{}, false
}

var subjectPronoun = map[string]bool{"il": true, "elle": true, "ils": true, "elles": true}

// stressed maps a subject pronoun to the form used after « selon ».
var stressed = map[string]string{"il": "lui", "elle": "elle", "ils": "eux", "elles": "elles"}

var weekdays = map[string]bool{"lundi": true, "mardi": true, "mercredi": true, "jeudi": true,
	"vendredi": true, "samedi": true, "dimanche": true, "hier": true}

// mediaWords are the words that may make up a recipient after « à »: the
// outlets and the generic audiences of news copy.
var mediaWords = map[string]bool{"l'": true, "la": true, "le": true, "les": true, "agence": true,
	"de": true, "presse": true, "journalistes": true, "médias": true, "chaîne": true, "quotidien": true}

// media are outlet names that make a trailing « à X » a recipient rather
// than a place (« le responsable américain à CNN »).
var media = map[string]bool{"cnn": true, "reuters": true, "afp": true, "ap": true, "bbc": true,
	"nbc": true, "cbs": true, "abc": true, "bloomberg": true, "politico": true, "axios": true,
	"presse": true, "journalistes": true, "médias": true, "msnbc": true}

// complement reads, from token i, the words an attribution verb may carry
// between itself and its subject or « que »: a day (« vendredi »,
// « jeudi soir ») and a recipient (« à CNN », « aux journalistes »). It
// returns the end token and the recipient's token span (-1 when none).
func (st *sentence) complement(i, limit int) (end, ri, rj int, timed bool) {
	t := st.toks
	ri, rj = -1, -1
	for i < limit {
		switch {
		case weekdays[t[i].low]:
			timed = true
			i++
			if i < limit && (t[i].low == "soir" || t[i].low == "matin" || t[i].low == "dernier") {
				i++
			}
		case (t[i].low == "à" || t[i].low == "aux") && ri < 0:
			k := i + 1
			named := false
			for k < limit && (mediaWords[t[k].low] || t[k].tag == "PROPN" && !t[k].inQuote) {
				if media[t[k].low] || t[k].tag == "PROPN" {
					named = true
				}
				k++
			}
			if !named {
				return i, ri, rj, timed
			}
			ri, rj = i, k
			i = k
		default:
			return i, ri, rj, timed
		}
	}
	return i, ri, rj, timed
}

type form uint8

const (
	formQue        form = iota + 1 // X a déclaré que P.
	formColon                      // X a déclaré : « Q ».
	formIncise                     // P, a déclaré X.
	formSelon                      // Selon X, P.
	formSelonFinal                 // P, selon X.
)

// attribution is a sentence read as speech plus who said it.
type attribution struct {
	form    form
	speaker string // as written, "" when pron is set
	pron    string // subject pronoun: il, elle, ils, elles
	verb    verbGroup
	hasVerb bool
	compl   string // what sits between verb and content/subject, recipient included
	recip   string // the recipient alone: « à CNN »
	timed   bool   // compl holds more than a recipient
	content string // what was said, without « que » and final period
	direct  bool   // content is one whole quotation
	final   string // closing punctuation (".", or "" when a quotation closes the sentence)
}

// finalPeriod returns the index of the closing period token, or len(toks)
// when the sentence ends with a closing quotation that holds its own
// punctuation; ok=false when the sentence has another ending.
func (st *sentence) finalPeriod() (int, string, bool) {
	n := len(st.toks)
	if n == 0 {
		return 0, "", false
	}
	last := st.toks[n-1]
	if last.text == "." {
		return n - 1, ".", true
	}
	if n >= 2 && (last.text == "»" || last.text == "”") {
		switch st.toks[n-2].text {
		case ".", "!", "?", "…", "...", "?!", "!!":
			return n, "", true
		}
	}
	return 0, "", false
}

// read recognises the attribution forms of a sentence and checks that
// what it found can be moved: a plain speaker and a content that does not
// lean on the speaker's position.
func read(s string) (attribution, bool) {
	a, ok := readForm(s)
	if !ok || !plainSpeaker(a) || !standalone(a) {
		return attribution{}, false
	}
	return a, true
}

// circumstantial are prepositions that open an adverbial phrase rather
// than a complement of the speaker's noun: « Krebs dans un message » is
// not a speaker we can move.
var circumstantial = map[string]bool{"dans": true, "sur": true, "lors": true, "par": true,
	"pendant": true, "après": true, "avant": true, "depuis": true, "avec": true, "pour": true,
	"en": true, "selon": true}

// plainSpeaker reports whether the speaker is a noun phrase (with, at
// most, an apposition or a relative clause after a comma) or a subject
// pronoun. A speaker that starts with an adverb, a preposition or a
// conjunction (« Toutefois, le ministère… », « En mai, Microsoft… ») or
// holds a dash or a bracket (a dateline) is not.
func plainSpeaker(a attribution) bool {
	if a.pron != "" {
		return true
	}
	st := parse(a.speaker)
	if len(st.toks) == 0 || !st.balanced {
		return false
	}
	switch st.toks[0].tag {
	case "DET", "PROPN", "NOUN", "PRON", "NUM", "ADJ":
	default:
		return false
	}
	if st.toks[0].low == "que" || st.toks[0].low == "qu'" || st.toks[0].low == "qui" {
		return false
	}
	head := true // before the first comma
	for _, t := range st.toks {
		if t.inQuote {
			return false
		}
		if t.kind == token.Punct && t.text != "," {
			return false
		}
		if t.text == "," {
			head = false
		}
		if head && (circumstantial[t.low] || isFinite(t)) {
			return false
		}
	}
	return true
}

// standalone reports whether the content can stand without the speaker
// where it is: a whole quotation, or a clause with a finite verb and no
// participial phrase after a comma (« …, citant plusieurs sources »),
// which would attach to whatever noun comes next once the speaker moves.
func standalone(a attribution) bool {
	if a.direct {
		return true
	}
	st := parse(a.content)
	if !hasFinite(st.toks) {
		return false
	}
	for i := 1; i < len(st.toks); i++ {
		t := st.toks[i]
		if st.toks[i-1].text == "," && !t.inQuote && t.tag == "VERB" && strings.HasSuffix(t.low, "ant") {
			return false
		}
	}
	return true
}

// readForm finds which attribution form a sentence has.
func readForm(s string) (attribution, bool) { return parse(s).form() }

// form is readForm of a parsed sentence.
func (st *sentence) form() (attribution, bool) {
	if !st.balanced || len(st.toks) < 4 {
		return attribution{}, false
	}
	end, final, ok := st.finalPeriod()
	if !ok {
		return attribution{}, false
	}
	t := st.toks
	if a, ok := st.readSelon(end, final); ok {
		return a, true
	}
	// Incise: the last comma outside quotations followed by a verb.
	for c := end - 1; c > 0; c-- {
		if t[c].text != "," || t[c].inQuote {
			continue
		}
		g, ok := st.verbAt(c + 1)
		if !ok {
			continue
		}
		return st.readIncise(c, g, end, final)
	}
	// Que or colon: the first attribution verb after a subject.
	for v := 1; v < end; v++ {
		if t[v].inQuote {
			continue
		}
		g, ok := st.verbAt(v)
		if !ok || g.clitic != "" {
			continue
		}
		return st.readPreposed(g, end, final)
	}
	return attribution{}, false
}

// readSelon reads « Selon X, P. », « D’après X, P. » and « P, selon X. ».
func (st *sentence) readSelon(end int, final string) (attribution, bool) {
	t := st.toks
	s := st.s
	a := attribution{form: formSelon, final: final}
	head := 0
	switch {
	case t[0].low == "selon":
		head = 1
	case t[0].low == "d'" && len(t) > 1 && t[1].low == "après":
		head = 2
	}
	if head > 0 {
		c := -1
		for k := head; k < end; k++ {
			if t[k].inQuote {
				return a, false
			}
			if t[k].text == "," {
				c = k
				break
			}
		}
		if c <= head || c+1 >= end {
			return a, false
		}
		if hasFinite(t[head:c]) {
			return a, false
		}
		a.speaker = s[t[head].start:t[c-1].end]
		a.content = s[t[c+1].start:t[end-1].end]
		a.direct = wholeQuote(a.content)
		return a.withSpeakerPron(), true
	}
	for c := end - 2; c > 0; c-- {
		if t[c].text != "," || t[c].inQuote {
			continue
		}
		if t[c+1].low != "selon" {
			return a, false
		}
		if c+2 >= end || hasFinite(t[c+2:end]) {
			return a, false
		}
		for _, x := range t[c+2 : end] {
			if x.kind == token.Punct || x.inQuote {
				return a, false
			}
		}
		a.form = formSelonFinal
		a.speaker = s[t[c+2].start:t[end-1].end]
		a.content = strings.TrimSpace(s[:t[c].start])
		a.direct = wholeQuote(a.content)
		return a.withSpeakerPron(), true
	}
	return a, false
}

// withSpeakerPron turns « lui » / « elle » / « eux » / « elles » after
// « selon » into a subject pronoun.
func (a attribution) withSpeakerPron() attribution {
	for p, str := range stressed {
		if token.Fold(a.speaker) == str {
			a.pron, a.speaker = p, ""
			if str == "elle" || str == "elles" {
				a.pron = str
			}
		}
	}
	return a
}

// readIncise reads « P, VERB [compl] X [recipient]. ».
func (st *sentence) readIncise(c int, g verbGroup, end int, final string) (attribution, bool) {
	t := st.toks
	s := st.s
	a := attribution{form: formIncise, verb: g, hasVerb: true, final: final}
	a.content = strings.TrimSpace(s[:t[c].start])
	a.direct = wholeQuote(a.content)
	// What is reported is a clause: « Le PDG de Microsoft, Tom Burt,
	// dévoile … » opens with the subject of its verb, not with an incise.
	if !slices.ContainsFunc(t[:c], isFinite) {
		return a, false
	}
	k, ri, rj, timed := st.complement(g.j, end)
	a.timed = timed
	if k > g.j {
		a.compl = s[t[g.j].start:t[k-1].end]
	}
	if ri >= 0 {
		a.recip = s[t[ri].start:t[rj-1].end]
	}
	if g.clitic != "" {
		if k != end {
			return a, false
		}
		a.pron = g.clitic
		return a, a.content != ""
	}
	if k >= end {
		return a, false
	}
	subj := t[k:end]
	// A trailing recipient after the subject: « le responsable américain à CNN ».
	if ri < 0 {
		for x := len(subj) - 1; x > 0; x-- {
			if subj[x].low != "à" && subj[x].low != "aux" {
				continue
			}
			_, r1, r2, _ := st.complement(k+x, end)
			if r1 >= 0 && r2 == end && media[subj[len(subj)-1].low] {
				a.recip = s[subj[x].start:subj[len(subj)-1].end]
				subj = subj[:x]
			}
			break
		}
	}
	if len(subj) == 0 || subj[0].inQuote {
		return a, false
	}
	for _, x := range subj {
		if x.inQuote {
			return a, false
		}
	}
	a.speaker = s[subj[0].start:subj[len(subj)-1].end]
	return a, a.content != ""
}

// readPreposed reads « X VERB [compl] que P. » and « X VERB [compl] : « Q ». ».
func (st *sentence) readPreposed(g verbGroup, end int, final string) (attribution, bool) {
	t := st.toks
	s := st.s
	a := attribution{verb: g, hasVerb: true, final: final}
	subj := t[:g.i]
	for _, x := range subj {
		if x.inQuote {
			return a, false
		}
	}
	// A subject with a relative clause or anything conjugated is not a
	// plain noun phrase we can move.
	if hasFinite(subj) {
		return a, false
	}
	a.speaker = strings.TrimRight(strings.TrimSpace(s[:t[g.i].start]), ",")
	a.speaker = strings.TrimSpace(a.speaker)
	if a.speaker == "" {
		return a, false
	}
	if p := token.Fold(a.speaker); subjectPronoun[p] {
		a.pron, a.speaker = p, ""
	}
	k, ri, rj, timed := st.complement(g.j, end)
	a.timed = timed
	if k > g.j {
		a.compl = s[t[g.j].start:t[k-1].end]
	}
	if ri >= 0 {
		a.recip = s[t[ri].start:t[rj-1].end]
	}
	if k >= end {
		return a, false
	}
	switch {
	case t[k].low == "que" || t[k].low == "qu'":
		a.form = formQue
		if k+1 >= end || !st.singleClause(k+1, end) {
			return a, false
		}
		a.content = s[t[k+1].start:t[end-1].end]
	case t[k].text == ":":
		a.form = formColon
		if k+1 >= len(t) {
			return a, false
		}
		last := t[end-1].end
		if final == "" {
			last = len(s)
		}
		a.content = s[t[k+1].start:last]
		a.direct = wholeQuote(a.content)
		if !a.direct {
			return a, false
		}
	default:
		return a, false
	}
	return a, true
}

// singleClause reports whether tokens [i, end) of a « que » clause are one
// clause of what was said. « X a déclaré que P et qu’il… » coordinates two
// « que » clauses, and « X a déclaré que P et a qualifié… » gives X a second
// verb: moving X away from either would misattribute, so both refuse.
func (st *sentence) singleClause(i, end int) bool {
	t := st.toks
	for k := i + 1; k < end; k++ {
		if t[k].inQuote || t[k-1].inQuote {
			continue
		}
		conj := (t[k].low == "que" || t[k].low == "qu'") && t[k].tag == "SCONJ"
		switch t[k-1].low {
		case "et", "ou", "mais", "puis":
			if conj || isFinite(t[k]) {
				return false
			}
		case ",":
			if conj {
				return false
			}
		}
	}
	return true
}

// possessive reports whether text holds a third-person possessive or
// « lui » outside quotations: with the speaker moved into « selon X », its
// referent would become unclear (« Microsoft explique que les pirates
// utilisent ses serveurs »).
func possessive(text string) bool {
	for _, t := range parse(text).toks {
		if t.inQuote {
			continue
		}
		switch t.low {
		case "son", "sa", "ses", "leur", "leurs", "lui":
			return true
		}
	}
	return false
}

// Reframe rewrites the attribution of reported speech in the given style:
// « X a déclaré que P. » ⇄ « Selon X, P. » ⇄ « P, a déclaré X. », and a
// direct quotation « « Q », a déclaré X. » ⇄ « X a déclaré : « Q ». ».
//
// What was said is kept verbatim — tenses included, since changing them
// risks the grammar — except for the case of its first letter and the
// elision of « que ». A direct quotation is never cut or reframed with
// « selon ». A recipient (« à CNN ») is kept: « Selon les déclarations du
// responsable américain à CNN, … ». A day (« a déclaré vendredi que »)
// cannot be kept by « selon », so that reframing is refused. It returns s
// and false when the sentence is not reported speech it can read, is
// already in the style, or cannot be rewritten safely.
func Reframe(s string, style Style) (string, bool) {
	a, ok := read(s)
	if !ok {
		return s, false
	}
	var out string
	switch style {
	case StyleSelon:
		out, ok = a.selon(apostrophe(s))
	case StyleReported:
		out, ok = a.reported(apostrophe(s))
	case StyleIncise:
		out, ok = a.incise()
	default:
		return s, false
	}
	if !ok || out == s {
		return s, false
	}
	return out, true
}

// speakerLower returns the speaker for a place inside a sentence.
func (a attribution) speakerLower() (string, bool) {
	return lowerFirst(a.speaker)
}

// plural guesses whether a speaker without a verb (from « selon ») is
// plural, to choose « a » or « ont ».
func (a attribution) plural() bool {
	if a.pron != "" {
		return a.pron == "ils" || a.pron == "elles"
	}
	f := strings.Fields(token.Fold(a.speaker))
	if len(f) == 0 {
		return false
	}
	switch f[0] {
	case "les", "des", "ces", "leurs", "plusieurs", "nos", "vos", "mes", "tes", "ses", "certains", "certaines":
		return true
	}
	for _, w := range f {
		if w == "et" {
			return true
		}
	}
	return false
}

// speakerCommas reports whether the speaker holds commas, and whether they
// are only a name in apposition (« la porte-parole, Jennifer Psaki »).
func (a attribution) speakerCommas() (has, apposition bool) {
	if !strings.Contains(a.speaker, ",") {
		return false, false
	}
	parts := strings.Split(a.speaker, ",")
	if len(parts) != 2 && !(len(parts) == 3 && strings.TrimSpace(parts[2]) == "") {
		return true, false
	}
	st := parse(strings.TrimSpace(parts[1]))
	if len(st.toks) == 0 {
		return true, false
	}
	for _, t := range st.toks {
		if t.tag != "PROPN" {
			return true, false
		}
	}
	return true, true
}

// ofSpeaker writes « de » + speaker with its contraction or elision:
// « du responsable », « des experts », « de l’agence », « d’une source ».
func ofSpeaker(sp, apos string) (string, bool) {
	low := token.Fold(sp)
	switch {
	case strings.HasPrefix(low, "le "):
		return "du " + sp[3:], true
	case strings.HasPrefix(low, "les "):
		return "des " + sp[4:], true
	case strings.HasPrefix(low, "des "):
		return "de " + sp[4:], true
	}
	v, h := startsWithVowel(sp)
	switch {
	case h:
		return "", false
	case v:
		return "d" + apos + sp, true
	}
	return "de " + sp, true
}

// selon writes « Selon X, p. ».
func (a attribution) selon(apos string) (string, bool) {
	if a.form == formSelon || a.direct || a.timed || a.final != "." {
		return "", false
	}
	if has, appo := a.speakerCommas(); has && !appo {
		return "", false
	}
	if a.compl != "" && a.compl != a.recip {
		return "", false
	}
	if possessive(a.content) {
		return "", false
	}
	content := a.content
	if a.form == formIncise || a.form == formSelonFinal {
		var ok bool
		if content, ok = lowerFirst(content); !ok {
			return "", false
		}
	}
	var who string
	switch {
	case a.pron != "" && a.recip != "":
		poss := "ses"
		if a.pron == "ils" || a.pron == "elles" {
			poss = "leurs"
		}
		who = poss + " déclarations " + a.recip
	case a.pron != "":
		who = stressed[a.pron]
	default:
		sp, ok := a.speakerLower()
		if !ok {
			return "", false
		}
		if a.recip != "" {
			of, ok := ofSpeaker(sp, apos)
			if !ok {
				return "", false
			}
			who = "les déclarations " + of + " " + a.recip
		} else {
			who = sp
		}
	}
	return "Selon " + who + ", " + content + ".", true
}

// subjectText writes the speaker as a sentence-initial subject.
func (a attribution) subjectText() (string, bool) {
	if a.pron != "" {
		return upperFirst(a.pron)
	}
	sp, ok := upperFirst(a.speaker)
	if !ok {
		return "", false
	}
	if has, _ := a.speakerCommas(); has {
		sp += ","
	}
	return sp, true
}

// verbText is the verb to write: the source's, or « a indiqué » for a
// sentence with « selon », which names no verb.
func (a attribution) verbText() string {
	if a.hasVerb {
		return a.verb.text()
	}
	if a.plural() {
		return "ont indiqué"
	}
	return "a indiqué"
}

// reported writes « X a déclaré que p. » or « X a déclaré : « Q ». ».
func (a attribution) reported(apos string) (string, bool) {
	if a.form == formQue || a.form == formColon {
		return "", false
	}
	subj, ok := a.subjectText()
	if !ok {
		return "", false
	}
	head := subj + " " + a.verbText()
	if a.compl != "" {
		head += " " + a.compl
	}
	if a.recip != "" && !strings.Contains(a.compl, a.recip) {
		head += " " + a.recip
	}
	if a.direct {
		return head + "\u00a0: " + a.content + a.final, true
	}
	if a.final != "." {
		return "", false
	}
	content := a.content
	if a.form == formIncise || a.form == formSelonFinal {
		if content, ok = lowerFirst(content); !ok {
			return "", false
		}
	}
	v, h := startsWithVowel(content)
	switch {
	case h:
		return "", false
	case v:
		return head + " qu" + apos + content + ".", true
	}
	return head + " que " + content + ".", true
}

// incise writes « P, a déclaré X. » or « « Q », a déclaré X. ».
func (a attribution) incise() (string, bool) {
	if a.form == formIncise || a.form == formSelonFinal {
		return "", false
	}
	content := a.content
	if !a.direct {
		var ok bool
		if content, ok = upperFirst(content); !ok {
			return "", false
		}
	}
	verb := a.verbText()
	var tail string
	if a.pron != "" {
		// Inversion: « a-t-il déclaré », « ont-ils indiqué », « explique-t-elle ».
		words := strings.Fields(verb)
		first := words[0]
		link := "-"
		if strings.HasSuffix(first, "a") || strings.HasSuffix(first, "e") {
			link = "-t-"
		}
		tail = first + link + a.pron
		if len(words) > 1 {
			tail += " " + strings.Join(words[1:], " ")
		}
		if a.compl != "" {
			tail += " " + a.compl
		}
	} else {
		sp, ok := a.speakerLower()
		if !ok {
			return "", false
		}
		tail = verb
		if a.compl != "" {
			tail += " " + a.compl
		}
		tail += " " + sp
		if a.recip != "" && !strings.Contains(a.compl, a.recip) {
			tail += " " + a.recip
		}
	}
	return content + ", " + tail + ".", true
}
