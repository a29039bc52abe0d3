package entity

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plume-seo/plume/internal/fr/chunk"
	"github.com/plume-seo/plume/internal/fr/lexicon"
	"github.com/plume-seo/plume/internal/fr/pos"
	"github.com/plume-seo/plume/internal/fr/token"
)

// Type is the type of an entity.
type Type uint8

// The types of entities.
const (
	Other Type = iota
	Person
	Org
	Place
	Product
	ThreatActor
	Event
	numTypes
)

var typeNames = [numTypes]string{"other", "person", "org", "place", "product", "threat_actor", "event"}

// String returns the type's name: "person", "org", "threat_actor"…
func (t Type) String() string {
	if t < numTypes {
		return typeNames[t]
	}
	return "other"
}

// MarshalText writes the type's name, so that JSON output is readable.
func (t Type) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// ParseType returns the Type named s, as String writes it.
func ParseType(s string) (Type, bool) {
	for i, n := range typeNames {
		if n == s {
			return Type(i), true
		}
	}
	return Other, false
}

// Mention is one place where the document names an entity.
type Mention struct {
	// Text is the name as written: sentences[Sentence][Start:End].
	Text       string `json:"text"`
	Start, End int    // byte offsets in the sentence
	Sentence   int    `json:"sentence"` // index of the sentence in the document
}

// Entity is one named thing of a document with every way the document names
// it.
type Entity struct {
	// Canonical is the form to write: a person's fullest name among the
	// most frequent compatible forms, an organisation's acronym when it has
	// one, otherwise the most frequent form.
	Canonical string `json:"canonical"`
	Type      Type   `json:"type"`
	// Mentions are in document order.
	Mentions []Mention `json:"mentions"`
	// Variants are the distinct forms of the mentions, Canonical first.
	Variants []string `json:"variants"`
	// Conflicts are the variants that contradict Canonical rather than
	// abbreviate it: a first name incompatible with the canonical one
	// (« Jane Psaki » beside « Jen Psaki »). They stay in Variants; the
	// fact stage settles them by majority across sources.
	Conflicts []string `json:"conflicts,omitempty"`
	// Titles are the titles the document gives a person (« attachée de
	// presse de la Maison Blanche »), in order of appearance.
	Titles []string `json:"titles,omitempty"`
}

// Count is the number of mentions, a first measure of salience.
func (e Entity) Count() int { return len(e.Mentions) }

// First returns the first mention (the zero Mention for an entity without
// any, which Extract never returns).
func (e Entity) First() Mention {
	if len(e.Mentions) == 0 {
		return Mention{}
	}
	return e.Mentions[0]
}

// SortBySalience orders entities by decreasing number of mentions, then by
// first appearance: what a document is most about comes first.
func SortBySalience(es []Entity) {
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].Count() != es[j].Count() {
			return es[i].Count() > es[j].Count()
		}
		return before(es[i].First(), es[j].First())
	})
}

func before(a, b Mention) bool {
	if a.Sentence != b.Sentence {
		return a.Sentence < b.Sentence
	}
	return a.Start < b.Start
}

// mention is a Mention under construction, with the evidence for its type.
type mention struct {
	Mention
	key     string // key(Text)
	words   []string
	acronym bool
	scores  [numTypes]float64
	title   string
	group   int
	nested  bool // inside a longer mention (« Russie » in « ambassade de Russie »)
}

// Extract finds the entities of a document given as its sentences, in order.
// Entities come in order of first mention.
func Extract(sentences []string) []Entity {
	var ms []*mention
	for si, s := range sentences {
		ms = append(ms, sentenceMentions(si, s)...)
	}
	return group(ms)
}

// sentenceMentions finds the candidate mentions of one sentence and scores
// their types.
func sentenceMentions(si int, s string) []*mention {
	toks := token.Tokenize(s)
	if len(toks) == 0 {
		return nil
	}
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.Text
	}
	tags := pos.Default().Tag(words)
	phrases := chunk.Chunk(toks, tags, s)
	sc := &scanner{s: s, toks: toks, tags: tags, phrases: phrases, lists: wordLists(), lex: lexicon.Default()}
	sc.keys = make([]string, len(toks))
	sc.joinedAt = make([]int, len(toks))
	var joined strings.Builder
	for i, t := range toks {
		sc.keys[i] = key(t.Text)
		sc.joinedAt[i] = joined.Len()
		joined.WriteString(sc.keys[i])
		joined.WriteByte(' ')
	}
	sc.joined = joined.String()
	var out []*mention
	for pi, p := range phrases {
		i, j := sc.tokenRange(p)
		if i < 0 {
			continue
		}
		switch p.Kind {
		case chunk.Proper, chunk.Acronym:
			if k := sc.portfolio(i, j); k > i {
				// « le ministre de la Santé Roman Prymula »: the
				// portfolio stays with the title, the name is Roman
				// Prymula.
				i, p.Start = k, sc.toks[k].Start
				p.Text = s[p.Start:p.End]
			}
			if !sc.keep(p, i, j) {
				continue
			}
			m := sc.newMention(si, p.Start, p.End)
			m.acronym = p.Kind == chunk.Acronym
			sc.score(m, p, pi, i, j)
			out = append(out, m)
		case chunk.Common:
			if m := sc.orgCue(si, p, pi, j); m != nil {
				out = append(out, m)
			}
		}
	}
	// A name inside an organisation's cue phrase (« Russie » in
	// « ambassade de Russie ») is kept as a mention of its own, marked so
	// that its offsets are not taken for the organisation's.
	for _, m := range out {
		for _, o := range out {
			if o != m && o.Start <= m.Start && m.End <= o.End && o.End-o.Start > m.End-m.Start {
				m.nested = true
			}
		}
	}
	return out
}

type scanner struct {
	s       string
	toks    []token.Token
	tags    []string
	phrases []chunk.Phrase
	lists   *lists
	lex     *lexicon.Lexicon
	// keys[i] is key(toks[i].Text); joined holds the keys separated by
	// spaces, keys[i] starting at joinedAt[i], for cue look-ups.
	keys     []string
	joined   string
	joinedAt []int
}

func (sc *scanner) newMention(si, start, end int) *mention {
	text := sc.s[start:end]
	return &mention{Mention: Mention{Text: text, Start: start, End: end, Sentence: si}, key: key(text), words: strings.Fields(text)}
}

// tokenRange returns the tokens [i, j) a phrase covers, or -1.
func (sc *scanner) tokenRange(p chunk.Phrase) (int, int) {
	i := sort.Search(len(sc.toks), func(k int) bool { return sc.toks[k].Start >= p.Start })
	if i >= len(sc.toks) || sc.toks[i].Start != p.Start {
		return -1, -1
	}
	j := i
	for j < len(sc.toks) && sc.toks[j].End <= p.End {
		j++
	}
	return i, j
}

// keep filters out capitalised phrases that name nothing: months and
// weekdays, « État », a lone capital, a sentence's first word that the
// lexicon knows as an ordinary word, a capitalised common phrase whose head
// is no institution (« E-mail des organisations »).
func (sc *scanner) keep(p chunk.Phrase, i, j int) bool {
	k := key(p.Text)
	if notNames[k] || utf8.RuneCountInString(p.Text) < 2 {
		return false
	}
	if sc.listed(k) {
		return true
	}
	if j-i == 1 && strings.Contains(p.Text, "-") && hasLowerPart(p.Text) {
		return false // « États-nations »
	}
	if j-i == 1 && sc.firstWord(i) && sc.lex.Has(strings.ToLower(p.Text)) && !sc.lex.IsProperName(p.Text) {
		return false
	}
	if p.Kind == chunk.Proper && hasLowerContent(p.Text) && !orgHeads[key(p.Head)] {
		return false
	}
	return true
}

func (sc *scanner) listed(k string) bool {
	l := sc.lists
	return l.places[k] || l.orgs[k] || l.products[k] || l.actors[k]
}

// firstWord reports whether token i is the sentence's (or a quotation's)
// first word, whose capital says nothing.
func (sc *scanner) firstWord(i int) bool {
	for k := i - 1; k >= 0; k-- {
		t := sc.toks[k]
		if t.Kind.IsWord() {
			return false
		}
		if t.Kind == token.Punct && strings.ContainsAny(t.Text, "«“\":—–") {
			return true
		}
	}
	return true
}

// hasLowerPart reports whether a hyphenated word has a part in lower case.
func hasLowerPart(w string) bool {
	for _, part := range strings.Split(w, "-") {
		r, _ := utf8.DecodeRuneInString(part)
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

func hasLowerContent(s string) bool {
	for _, w := range strings.Fields(s) {
		if connectors[strings.ToLower(w)] || strings.HasPrefix(strings.ToLower(w), "d'") || strings.HasPrefix(strings.ToLower(w), "d’") || strings.HasPrefix(strings.ToLower(w), "l'") || strings.HasPrefix(strings.ToLower(w), "l’") {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// Evidence weights: a list is surer than a cue, a cue surer than a shape.
const (
	wList  = 3.0
	wCue   = 2.5
	wShape = 2.0
	wWeak  = 0.5
)

// score adds the evidence for each type of the mention of phrase p (index pi,
// tokens [i, j)).
func (sc *scanner) score(m *mention, p chunk.Phrase, pi, i, j int) {
	l := sc.lists
	k := m.key
	if l.places[k] {
		m.scores[Place] += wList
	}
	if l.orgs[k] {
		m.scores[Org] += wList
	}
	if l.products[k] {
		m.scores[Product] += wList
	}
	if l.actors[k] || actorShape(m.words) {
		m.scores[ThreatActor] += wList + 1
	}
	if m.acronym {
		m.scores[Org] += 1.5
	}
	last := m.words[len(m.words)-1]
	nameWords := m.words
	if versionWord(last) && len(m.words) > 1 {
		m.scores[Product] += wShape
		nameWords = m.words[:len(m.words)-1]
	}
	if orgHeads[key(p.Head)] || orgHeads[key(nameWords[len(nameWords)-1])] || len(m.words) > 1 && orgHeads[key(m.words[0])] && hasLowerContent(p.Text) {
		m.scores[Org] += wShape
	}
	if len(m.words) > 1 && l.orgs[key(m.words[0])] && !l.orgs[k] {
		m.scores[Product] += wShape // « Microsoft Exchange »
	}
	if len(m.words) > 1 && len(m.words) <= 4 && sc.isFirstName(m.words[0]) && allCapitalised(m.words) {
		m.scores[Person] += wShape + 0.5
	}
	if t := sc.title(i); t != "" {
		m.title = t
		m.scores[Person] += wCue + 0.5
	} else if t := sc.titleAfter(j); t != "" && !m.acronym {
		m.title = t
		m.scores[Person] += wCue
	} else if i > 0 && personCues[sc.keys[i-1]] {
		m.scores[Person] += wCue
	}
	if len(m.words) > 1 && modelCode(last) {
		m.scores[Product] += wShape // « Airbus A350 »
	}
	if i > 0 && placePreps[sc.keys[i-1]] && len(m.words) == 1 && !m.acronym {
		// « à Katmandou », « en Irak »: weak, any list or cue outweighs it.
		m.scores[Place] += 1
	}
	if sc.productCue(pi, i) {
		m.scores[Product] += wShape
	}
	sc.cues(m, i)
	m.scores[Other] += wWeak
}

// cues scores the threat-actor and event cues before token i.
func (sc *scanner) cues(m *mention, i int) {
	// The naming verb must be close: « qu'il désigne sous le nom de X »,
	// « qu'elle surnomme « X » ».
	for k, n := i-1, 0; k >= 0 && n < 6; k-- {
		if !sc.toks[k].Kind.IsWord() {
			continue
		}
		n++
		w := sc.keys[k]
		for _, v := range actorVerbs {
			if strings.HasPrefix(w, v) {
				m.scores[ThreatActor] += wCue + 0.5
				n = 99
				break
			}
		}
	}
	before := sc.joined[:sc.joinedAt[i]]
	for _, c := range actorNouns {
		if strings.Contains(before, c) {
			m.scores[ThreatActor] += 1.5
			break
		}
	}
	for k, n := i-1, 0; k >= 0 && n < 4; k-- {
		if !sc.toks[k].Kind.IsWord() {
			continue
		}
		n++
		w := sc.keys[k]
		for _, c := range eventCues {
			if w == c {
				m.scores[Event] += wCue
				return
			}
		}
	}
}

// productCue reports whether the phrase before phrase pi ends right before
// token i and is headed by a product noun (« logiciel », « système »).
func (sc *scanner) productCue(pi, i int) bool {
	if pi == 0 || i == 0 {
		return false
	}
	q := sc.phrases[pi-1]
	if q.Kind != chunk.Common || q.End != sc.toks[i-1].End {
		return false
	}
	if productCues[q.HeadLemma] {
		return true
	}
	return len(q.Lemmas) > 0 && productCues[q.Lemmas[len(q.Lemmas)-1]]
}

// title returns the title before the name at token i: « attachée de presse
// de la Maison Blanche » in « L'attachée de presse de la Maison Blanche,
// Jen Psaki », « conseiller à la sécurité nationale » in « du conseiller à la
// sécurité nationale Jake Sullivan ».
func (sc *scanner) title(i int) string {
	k := i - 1
	if k >= 0 && sc.toks[k].Text == "," {
		k--
	}
	if k < 0 {
		return ""
	}
	end := k
	first := -1
	for ; k >= 0; k-- {
		t := sc.toks[k]
		if !t.Kind.IsWord() {
			break
		}
		switch sc.tags[k] {
		case "VERB", "AUX", "SCONJ", "PRON":
			k = -1
		case "CCONJ":
			if sc.keys[k] != "et" {
				k = -1
			}
		}
		if k < 0 {
			break
		}
		if titleCues[sc.keys[k]] {
			first = k
		}
	}
	if first < 0 || end-first > 8 {
		return ""
	}
	return sc.s[sc.toks[first].Start:sc.toks[end].End]
}

// titleAfter returns a title in apposition after the name ending before
// token j: « Pouria Amirshahi, député socialiste des Français de
// l'étranger, a annoncé… » gives « député socialiste des Français de
// l'étranger ».
func (sc *scanner) titleAfter(j int) string {
	if j >= len(sc.toks) || sc.toks[j].Text != "," {
		return ""
	}
	k := j + 1
	if k < len(sc.toks) && sc.tags[k] == "DET" {
		k++
	}
	if k >= len(sc.toks) || !titleCues[sc.keys[k]] {
		return ""
	}
	first, end := k, k
	for k++; k < len(sc.toks) && k-first <= 8; k++ {
		t := sc.toks[k]
		if !t.Kind.IsWord() || sc.tags[k] == "VERB" || sc.tags[k] == "AUX" || sc.tags[k] == "PRON" || sc.tags[k] == "SCONJ" {
			break
		}
		end = k
	}
	return sc.s[sc.toks[first].Start:sc.toks[end].End]
}

// orgCue returns an organisation named by a common phrase: « ministère
// américain du commerce », « département d'État », « ambassade de Russie »
// (the phrase and the place after it).
func (sc *scanner) orgCue(si int, p chunk.Phrase, pi, j int) *mention {
	if !orgCueNouns[p.HeadLemma] {
		return nil
	}
	named := false
	for _, l := range p.Lemmas[1:] {
		if nationalities[l] {
			named = true
		}
	}
	if strings.Contains(p.Text, "État") || strings.Contains(p.Text, "Etat") {
		named = true
	}
	for _, w := range strings.Fields(p.Text)[1:] {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			named = true
		}
	}
	end := p.End
	if !named && pi+1 < len(sc.phrases) && j < len(sc.toks) {
		// « ambassade de Russie »: de + a place.
		prep := sc.keys[j]
		q := sc.phrases[pi+1]
		if (prep == "de" || prep == "d'" || prep == "du") && q.Kind == chunk.Proper && q.Start == sc.toks[j].End+spaceAfter(sc.s, sc.toks[j].End) && sc.lists.places[key(q.Text)] {
			named, end = true, q.End
		}
	}
	if !named {
		return nil
	}
	m := sc.newMention(si, p.Start, end)
	m.scores[Org] += wList
	return m
}

// spaceAfter counts the white space at s[i:].
func spaceAfter(s string, i int) int {
	n := 0
	for i+n < len(s) {
		r, size := utf8.DecodeRuneInString(s[i+n:])
		if !unicode.IsSpace(r) {
			break
		}
		n += size
	}
	return n
}

// isFirstName reports whether w is a first name: in plume's list, or a
// proper name the lexicon gives a gender (surnames and places are epicene
// there).
// portfolio returns where a person's name starts inside a capitalised run
// [i, j) that opens with a portfolio after « de la », « du », « de l’ »
// (« de la Santé Roman Prymula », « du Commerce Gina Raimondo »): the
// first word is a common noun of the lexicon and the next one a first
// name. It returns i when the run is a name from its start.
func (sc *scanner) portfolio(i, j int) int {
	if j-i < 3 || i < 1 {
		return i
	}
	switch strings.ToLower(sc.toks[i-1].Text) {
	case "la", "l’", "l'", "du", "des":
	default:
		return i
	}
	// The word after the portfolio is a first name and the one after it
	// is not (« de la Maison Blanche Jen Psaki » is left as it is:
	// « Blanche » and « Jen » are both first names).
	first := sc.toks[i].Text
	if !sc.lex.Has(strings.ToLower(first)) || sc.isFirstName(first) || !sc.isFirstName(sc.toks[i+1].Text) ||
		sc.isFirstName(sc.toks[i+2].Text) {
		return i
	}
	return i + 1
}

func (sc *scanner) isFirstName(w string) bool {
	if sc.lists.firstNames[key(w)] {
		return true
	}
	var buf [8]lexicon.Analysis
	for _, a := range sc.lex.AppendLookup(buf[:0], w) {
		if a.POS == lexicon.PropN && (a.Gender == lexicon.Masc || a.Gender == lexicon.Fem) {
			return true
		}
	}
	return false
}

func allCapitalised(words []string) bool {
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !connectors[strings.ToLower(w)] && !nameParticles[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// actorShape recognises threat-actor names by form: Microsoft's
// « Storm-0558 » and weather names (« Midnight Blizzard »), Mandiant's
// « APT29 », « UNC2452 ».
func actorShape(words []string) bool {
	if len(words) == 2 && actorWeather[key(words[1])] {
		return true
	}
	if len(words) != 1 {
		return false
	}
	w := strings.ToUpper(words[0])
	for _, prefix := range []string{"STORM-", "APT", "UNC", "DEV-", "TA", "FIN"} {
		if rest, ok := strings.CutPrefix(w, prefix); ok && rest != "" && strings.Trim(rest, "0123456789") == "" {
			return true
		}
	}
	return false
}

func versionWord(w string) bool {
	if w == "" || len(w) > 4 {
		return false
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// modelCode recognises a product's model code: letters then digits
// (« A350 », « F35 », « S24 »).
func modelCode(w string) bool {
	letters, digits := 0, 0
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case unicode.IsUpper(r) && digits == 0:
			letters++
		default:
			return false
		}
	}
	return letters >= 1 && letters <= 3 && digits >= 1
}
