package entity

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// unionFind groups mentions.
type unionFind []int

func (u unionFind) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

func (u unionFind) union(a, b int) {
	a, b = u.find(a), u.find(b)
	if a == b {
		return
	}
	if b < a {
		a, b = b, a
	}
	u[b] = a // the earlier mention stays the root
}

// group merges the mentions of one document into entities.
func group(ms []*mention) []Entity {
	if len(ms) == 0 {
		return nil
	}
	u := make(unionFind, len(ms))
	for i := range u {
		u[i] = i
	}
	// Same name, same entity; acronyms whatever their case (« Cisa »).
	byKey := map[string]int{}
	acronyms := map[string]int{}
	for i, m := range ms {
		if m.acronym {
			acronyms[strings.ToUpper(m.Text)] = i
		}
	}
	for i, m := range ms {
		k := m.key
		if _, ok := acronyms[strings.ToUpper(m.Text)]; ok && len(m.words) == 1 {
			k = "acr:" + strings.ToUpper(m.Text)
			m.acronym = true
		}
		if j, ok := byKey[k]; ok {
			u.union(j, i)
		} else {
			byKey[k] = i
		}
	}
	// An expansion and its acronym: « Cybersecurity and Infrastructure
	// Security Agency (CISA) », or the same initials anywhere in the text.
	for i, m := range ms {
		if m.acronym || len(m.words) < 2 {
			continue
		}
		acr := initials(m.words)
		if a, ok := wordLists().aliases[m.key]; ok {
			acr = a
		}
		if j, ok := acronyms[acr]; ok {
			u.union(i, j)
			continue
		}
		if i+1 < len(ms) && len(ms[i+1].words) == 1 && ms[i+1].Sentence == m.Sentence && strings.ToUpper(ms[i+1].Text) == acr {
			// « … Security Agency (Cisa) »: the initials make it the
			// acronym, whatever its case.
			ms[i+1].acronym = true
			u.union(i, i+1)
		}
	}
	groups := collect(ms, u)
	groups = mergeNames(groups)
	out := make([]Entity, 0, len(groups))
	for _, g := range groups {
		out = append(out, g.entity())
	}
	sort.SliceStable(out, func(i, j int) bool { return before(out[i].First(), out[j].First()) })
	return out
}

// initials reads an acronym off an expansion: the first letters of its
// capitalised words, small words skipped.
func initials(words []string) string {
	var b strings.Builder
	for _, w := range words {
		if connectors[strings.ToLower(w)] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return ""
		}
		b.WriteRune(r)
	}
	return b.String()
}

// grp is an entity under construction.
type grp struct {
	ms     []*mention
	scores [numTypes]float64
}

func (g *grp) typ() Type {
	best := Other
	for t := Type(0); t < numTypes; t++ {
		if g.scores[t] > g.scores[best] {
			best = t
		}
	}
	return best
}

func (g *grp) add(o *grp) {
	g.ms = append(g.ms, o.ms...)
	for t := range g.scores {
		g.scores[t] += o.scores[t]
	}
}

func collect(ms []*mention, u unionFind) []*grp {
	idx := map[int]*grp{}
	var out []*grp
	for i, m := range ms {
		r := u.find(i)
		g := idx[r]
		if g == nil {
			g = &grp{}
			idx[r] = g
			out = append(out, g)
		}
		g.ms = append(g.ms, m)
		for t := range g.scores {
			g.scores[t] += m.scores[t]
		}
	}
	return out
}

// longestWords returns the words of the group's longest mention.
func (g *grp) longestWords() []string {
	var best []string
	for _, m := range g.ms {
		if len(m.words) > len(best) {
			best = m.words
		}
	}
	return best
}

// strongOther reports whether a list or a cue says the group is something
// else than t, so that a surname rule must not swallow it (« Washington »).
func (g *grp) strongOther(t Type) bool {
	for o := Type(1); o < numTypes; o++ {
		if o != t && g.scores[o] >= wList {
			return true
		}
	}
	return false
}

// mergeNames groups persons by surname (« Jen Psaki », « Jennifer Psaki »,
// « Jane Psaki », then « Psaki » alone) and a product's last word with the
// product (« Exchange » with « Microsoft Exchange »).
func mergeNames(gs []*grp) []*grp {
	dead := make([]bool, len(gs))
	tail := func(g *grp) string {
		w := g.longestWords()
		for len(w) > 1 && versionWord(w[len(w)-1]) {
			w = w[:len(w)-1]
		}
		if len(w) < 2 {
			return ""
		}
		return key(w[len(w)-1])
	}
	for _, t := range []Type{Person, Product} {
		owner := map[string]int{}
		for i, g := range gs {
			if dead[i] || g.typ() != t {
				continue
			}
			s := tail(g)
			if s == "" {
				continue
			}
			if t == Product && len(g.longestWords()) < 2 {
				continue
			}
			if j, ok := owner[s]; ok && t == Person {
				gs[j].add(g)
				dead[i] = true
				continue
			}
			if _, ok := owner[s]; !ok {
				owner[s] = i
			}
		}
		for i, g := range gs {
			if dead[i] || len(g.longestWords()) != 1 {
				continue
			}
			j, ok := owner[g.ms[0].key]
			if !ok || j == i || g.strongOther(t) {
				continue
			}
			gs[j].add(g)
			dead[i] = true
		}
	}
	var out []*grp
	for i, g := range gs {
		if !dead[i] {
			out = append(out, g)
		}
	}
	return out
}

// entity turns the group into an Entity.
func (g *grp) entity() Entity {
	ms := append([]*mention(nil), g.ms...)
	sort.SliceStable(ms, func(i, j int) bool { return before(ms[i].Mention, ms[j].Mention) })
	e := Entity{Type: g.typ()}
	count := map[string]int{}
	var forms []string
	seenTitle := map[string]bool{}
	for _, m := range ms {
		e.Mentions = append(e.Mentions, m.Mention)
		if count[m.Text] == 0 {
			forms = append(forms, m.Text)
		}
		count[m.Text]++
		if e.Type == Person && m.title != "" && !seenTitle[m.title] {
			seenTitle[m.title] = true
			e.Titles = append(e.Titles, m.title)
		}
	}
	e.Canonical = canonical(e.Type, forms, count, ms)
	e.Variants = append(e.Variants, e.Canonical)
	for _, f := range forms {
		if f != e.Canonical {
			e.Variants = append(e.Variants, f)
		}
	}
	if e.Type == Person {
		cf := strings.Fields(e.Canonical)
		for _, f := range forms {
			w := strings.Fields(f)
			if len(w) > 1 && len(cf) > 1 && !CompatibleFirst(w[0], cf[0]) {
				e.Conflicts = append(e.Conflicts, f)
			}
		}
	}
	return e
}

// canonical chooses the form to write. An acronym wins for organisations
// (short and stable across sources); for a person the fullest name of the
// largest set of compatible full names (« Jennifer Psaki » over « Jen
// Psaki », both over a lone « Jane Psaki » if they outnumber it); otherwise
// the most frequent form, then the longest, then the first.
func canonical(t Type, forms []string, count map[string]int, ms []*mention) string {
	if t == Org || t == Other {
		for _, m := range ms {
			if m.acronym && strings.ToUpper(m.Text) == m.Text {
				return m.Text
			}
		}
		for _, m := range ms {
			if m.acronym {
				return strings.ToUpper(m.Text)
			}
		}
	}
	if t == Person {
		best, bestScore := "", -1
		for _, f := range forms {
			w := strings.Fields(f)
			if len(w) < 2 {
				continue
			}
			score := 0
			for _, o := range forms {
				ow := strings.Fields(o)
				if len(ow) > 1 && CompatibleFirst(w[0], ow[0]) {
					score += count[o]
				}
			}
			if score > bestScore || score == bestScore && len(f) > len(best) {
				best, bestScore = f, score
			}
		}
		if best != "" {
			return best
		}
	}
	best := forms[0]
	for _, f := range forms[1:] {
		if count[f] > count[best] || count[f] == count[best] && len(f) > len(best) && strings.Contains(f, best) {
			best = f
		}
	}
	return best
}

// CompatibleFirst reports whether two first names can be one person's: the
// same, one a short form of the other (« Jen » ⊂ « Jennifer »), or an
// initial (« J. »).
func CompatibleFirst(a, b string) bool {
	a, b = key(strings.TrimSuffix(a, ".")), key(strings.TrimSuffix(b, "."))
	if a == "" || b == "" {
		return false
	}
	return strings.HasPrefix(a, b) || strings.HasPrefix(b, a)
}
