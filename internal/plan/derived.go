package plan

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/plume-seo/plume/internal/check"
	"github.com/plume-seo/plume/internal/facts"
	"github.com/plume-seo/plume/internal/fr/entity"
	"github.com/plume-seo/plume/internal/fr/figure"
	"github.com/plume-seo/plume/internal/fr/token"
)

// planKeyPoints picks up to five figures of the story — disputed ones
// first, each once — for an « L'essentiel » list. At least three are needed.
func planKeyPoints(sh *facts.Sheet, story []int) *Section {
	inStory := map[int]bool{}
	for _, id := range story {
		inStory[id] = true
	}
	seen := map[string]bool{}
	var ids []int
	add := func(f facts.FigureFact) {
		// One line per figure, qualifier and speaker; a figure listed
		// already is not listed again under a speaker the story only
		// describes (Krebs's 30 000, then « selon un spécialiste de la
		// sécurité informatique »).
		fig := fmt.Sprintf("%s|%d", f.Figure.Key(), f.Figure.Qualifier)
		who := facts.ShortName(f.Speaker)
		k := fig + "|" + who
		if seen[k] || seen[fig] && !token.StartsUpper(who) || len(ids) >= 5 || !inStory[f.Sentence] {
			return
		}
		for _, id := range ids {
			if id == f.Sentence {
				return
			}
		}
		seen[k], seen[fig] = true, true
		ids = append(ids, f.Sentence)
	}
	for _, group := range sh.Disputed() {
		for _, f := range group {
			add(f)
		}
	}
	for _, f := range sh.Figures {
		if f.Figure.Vague || f.Figure.Noun == "" || f.Figure.Kind == figure.Year || f.Figure.Kind == figure.Ordinal {
			continue
		}
		add(f)
	}
	if len(ids) < 3 {
		return nil
	}
	return &Section{Kind: KeyPoints, Sentences: sortedIDs(ids)}
}

// Threat actors and other central actors are introduced by a naming cue:
// « qu'ils appellent Hafnium », « qu'elle surnomme « Midnight Blizzard » »,
// « qu'il désigne sous le nom de Storm-0558 », « nommé « Hafnium » ».
var namingCue = regexp.MustCompile(`(?:appell?ent|appelle|surnomme|surnomment|nommé|baptisé|désigne sous le nom de|connu sous le nom de|dit|dite)\s*[«“"]?\s*((?:[\p{Lu}][\p{L}\d]*(?:-\d+)?)(?:[ -][\p{Lu}\d][\p{L}\d]*)*)`)

// cueStems are what every naming cue contains: a sentence with none of
// them is not matched against namingCue.
var cueStems = []string{"appel", "surnomm", "nommé", "baptisé", "désigne", "connu", "dit"}

func mayName(s string) bool {
	for _, c := range cueStems {
		if strings.Contains(s, c) {
			return true
		}
	}
	return false
}

// namedByCue returns the names that a naming cue introduces in the
// story's sentences, each once, in order (once per sheet).
func namedByCue(sh *facts.Sheet) []string {
	return sh.Memo(namesKey{}, func() any {
		var names []string
		seen := map[string]bool{}
		for _, s := range sh.Story() {
			if !mayName(s.Text) {
				continue
			}
			for _, m := range namingCue.FindAllStringSubmatch(s.Text, -1) {
				// « a dit M. Caldwell »: a civility, not a name.
				if utf8.RuneCountInString(m[1]) < 3 || civilities[m[1]] {
					continue
				}
				if !seen[m[1]] {
					seen[m[1]] = true
					names = append(names, m[1])
				}
			}
		}
		return names
	}).([]string)
}

// civilities open a person's name; a naming cue before one introduces no
// name of its own.
var civilities = map[string]bool{"Mme": true, "Mlle": true, "Mmes": true, "MM": true, "Dr": true, "Me": true, "Pr": true}

// centralActor is the name a naming cue introduces that the story's
// sentences mention most, with the number of sentences that mention it.
func centralActor(sh *facts.Sheet, ids []int) (string, int) {
	best, bestN := "", 0
	for _, name := range namedByCue(sh) {
		n := 0
		for _, id := range ids {
			if strings.Contains(sh.Sentences[id].Text, name) {
				n++
			}
		}
		if n > bestN {
			best, bestN = name, n
		}
	}
	return best, bestN
}

// planProfile finds the story's central actor — named by a naming cue and
// mentioned in at least two sentences — and gives it a « Qui est … ? »
// section made of the sentences about it.
func planProfile(sh *facts.Sheet, ids []int) *Section {
	best, bestN := "", 0
	var about []int
	for _, name := range namedByCue(sh) {
		var mention []int
		for _, id := range ids {
			if strings.Contains(sh.Sentences[id].Text, name) {
				mention = append(mention, id)
			}
		}
		if len(mention) > bestN {
			best, bestN, about = name, len(mention), mention
		}
	}
	if bestN < 2 {
		return nil
	}
	if len(about) > 6 {
		about = about[:6]
	}
	// The section opens on a sentence that stands alone: « La société a
	// déclaré… » follows « Microsoft a déclaré… », it cannot open it.
	slices.SortStableFunc(about, func(a, b int) int {
		return cmp.Compare(b2i(facts.OpensAnaphoric(sh.Sentences[a].Text)), b2i(facts.OpensAnaphoric(sh.Sentences[b].Text)))
	})
	return &Section{Kind: Profile, Subject: best, Sentences: about}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// planContext picks the related stories of the corpus that share most with
// this one: at most n, each sharing a fair part of its vocabulary.
func planContext(sh *facts.Sheet, n int) *Section {
	related := sh.Memo(contextKey{n}, func() any { return relatedStories(sh, n) }).([]int)
	if len(related) == 0 {
		return nil
	}
	return &Section{Kind: Context, Related: slices.Clone(related)}
}

type contextKey struct{ n int }

// relatedStories returns the related sources that planContext picks, best
// first.
func relatedStories(sh *facts.Sheet, n int) []int {
	storyKeys := map[string]bool{}
	for _, s := range sh.Story() {
		for k := range contentKeys(s.Text) {
			storyKeys[k] = true
		}
	}
	type scored struct {
		src   int
		score float64
	}
	var rel []scored
	for i, src := range sh.Sources {
		if !src.Related {
			continue
		}
		keys := map[string]bool{}
		for _, s := range sh.Sentences {
			if s.Source == i {
				for k := range contentKeys(s.Text) {
					keys[k] = true
				}
			}
		}
		if score := jaccard(keys, storyKeys); score >= 0.08 {
			rel = append(rel, scored{i, score})
		}
	}
	if len(rel) == 0 {
		return nil
	}
	sort.SliceStable(rel, func(i, j int) bool { return rel[i].score > rel[j].score })
	if len(rel) > n {
		rel = rel[:n]
	}
	var out []int
	for _, r := range rel {
		out = append(out, r.src)
	}
	return out
}

var denial = regexp.MustCompile(`(?:^|\s)(nie|nient|démenti|dément|rejette|rejeté|a qualifié|qualifié|riposté)(?:\s|$)`)

// planFAQ picks the sentences that answer a reader's questions: the
// figures (how many?), the central quotation (what did X say?), the other
// side's answer (what does X reply?). Three to six questions, or none.
func planFAQ(sh *facts.Sheet, story []int, avoidPassive bool) *Section {
	var ids []int
	has := map[int]bool{}
	add := func(id int) {
		if anchorsNext(sh, id) {
			return // the next sentence's pronoun refers to this one
		}
		if facts.OpensAnaphoric(sh.Sentences[id].Text) {
			return // an answer read alone: « La société a déclaré… » names no one
		}
		if !has[id] && len(ids) < 6 {
			has[id] = true
			ids = append(ids, id)
		}
	}
	inStory := map[int]bool{}
	for _, id := range story {
		inStory[id] = true
	}
	// Figures the sources dispute stay together in the body, where each
	// keeps its source beside the other's.
	disputed := map[int]bool{}
	for _, g := range sh.Disputed() {
		for _, f := range g {
			disputed[f.Sentence] = true
		}
	}
	// With avoidPassive, a sentence in the passive voice answers only when
	// no other of the same kind can (two rounds).
	m := check.MemoOf(sh)
	passive := func(id int) bool { return avoidPassive && m.LooksPassive(sh.Sentences[id].Text) }
	for round := 0; round < 2 && len(ids) == 0; round++ {
		for _, f := range sh.Figures {
			if inStory[f.Sentence] && !disputed[f.Sentence] && !f.Figure.Vague && f.Figure.Noun != "" && f.Figure.Kind == figure.Count && f.Speaker != "" &&
				(round == 1 || !passive(f.Sentence)) {
				add(f.Sentence)
				break
			}
		}
		if !avoidPassive {
			break
		}
	}
	speakers := map[string]bool{}
	quotations := func(allowPassive bool) {
		for _, q := range sh.Quotes {
			if len(speakers) >= 2 {
				break
			}
			name := facts.ShortName(q.Speaker)
			if !allowPassive && passive(q.Sentence) || introduces(sh, q.Sentence, story) {
				continue
			}
			if inStory[q.Sentence] && q.Speaker != "" && len(strings.Fields(q.Text)) >= 6 && !speakers[name] && (isNamed(sh, name) || describesSpeaker(q.Speaker)) {
				speakers[name] = true
				add(q.Sentence)
			}
		}
	}
	quotations(false)
	for _, id := range story {
		if denial.MatchString(sh.Sentences[id].Text) {
			add(id)
			break
		}
	}
	// Who is who: the persons the sources introduce with a title.
	var people []string
	for _, e := range sh.Entities {
		if e.Type == entity.Person && len(e.Titles) > 0 && len(people) < 2 {
			people = append(people, e.Canonical)
		}
	}
	// Too few questions without a quotation in the passive voice: an FAQ
	// with one is better than none.
	if avoidPassive && len(ids)+len(people) < 3 {
		quotations(true)
	}
	if len(ids)+len(people) < 3 {
		return nil
	}
	return &Section{Kind: FAQ, Sentences: ids, People: people}
}

// introduces reports whether sentence id names in full a person whom a
// later sentence of the story calls by surname alone: « L’attachée de
// presse de la Maison Blanche, Jen Psaki, a déclaré … » stays in the body
// before « Les avertissements de Psaki … ».
func introduces(sh *facts.Sheet, id int, story []int) bool {
	full := namesInFull(sh, sh.Sentences[id])
	if full == "" {
		return false
	}
	surname := full[strings.LastIndexByte(full, ' ')+1:]
	for _, o := range story {
		if t := sh.Sentences[o].Text; o > id && strings.Contains(t, surname) && !strings.Contains(t, full) {
			return true
		}
	}
	return false
}

// anchorsNext reports whether the sentence after id, in the same
// paragraph, opens with a pronoun or demonstrative that refers back to it:
// moving id elsewhere would leave « il » without its antecedent.
func anchorsNext(sh *facts.Sheet, id int) bool {
	if id+1 >= len(sh.Sentences) {
		return false
	}
	s, next := sh.Sentences[id], sh.Sentences[id+1]
	if next.Source != s.Source {
		return false
	}
	// « », a-t-il ajouté. » takes its speaker from the sentence before,
	// even across a paragraph break.
	if next.ByPronoun {
		return true
	}
	if next.Block != s.Block {
		return false
	}
	words := strings.Fields(strings.ToLower(next.Text) + " x")
	if facts.RefersBack(words[0]) {
		return true
	}
	// « L’année dernière, il a accusé… »: the subject after an opening
	// adverbial.
	for i := 0; i < len(words)-1 && i < 6; i++ {
		if strings.HasSuffix(words[i], ",") {
			return facts.RefersBack(words[i+1])
		}
	}
	return false
}

// isNamed reports whether a speaker's short name is one of the story's
// persons or organisations, so that « Qu'a déclaré X ? » names someone.
func isNamed(sh *facts.Sheet, name string) bool {
	for _, e := range sh.Entities {
		if e.Type != entity.Person && e.Type != entity.Org {
			continue
		}
		for _, v := range e.Variants {
			if v == name {
				return true
			}
		}
	}
	return false
}

// describesSpeaker accepts a short descriptive speaker (« un responsable de
// la Maison Blanche »), which a question can name.
func describesSpeaker(sp string) bool {
	w := strings.Fields(sp)
	if len(w) < 2 || len(w) > 8 {
		return false
	}
	switch strings.ToLower(w[0]) {
	case "un", "une", "le", "la", "les":
		return true
	}
	return strings.HasPrefix(strings.ToLower(w[0]), "l’") || strings.HasPrefix(strings.ToLower(w[0]), "l'")
}

func startsUpper(s string) bool {
	for _, r := range s {
		return r >= 'A' && r <= 'Z' || r >= 'À' && r <= 'Þ'
	}
	return false
}
