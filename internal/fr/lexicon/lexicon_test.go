package lexicon

import (
	"slices"
	"sync"
	"testing"

	"github.com/plume-seo/plume/internal/prefault"
)

func TestEmbeddedLoads(t *testing.T) {
	t.Parallel()
	l := mustDefault(t)
	st := l.Stats()
	t.Logf("stats: %+v", st)
	// The brief's "~626k inflected forms with lemma and analysis" counts
	// (form, lemma) readings; distinct spellings are fewer (≈473k) since
	// « touche » is a noun and five verb forms.
	if st.Entries < 500_000 {
		t.Errorf("%d (form, lemma) entries, want ≥ 500k", st.Entries)
	}
	if st.Analyses < 600_000 {
		t.Errorf("%d analyses, want ≥ 600k", st.Analyses)
	}
	if st.Forms < 450_000 {
		t.Errorf("%d distinct forms, want ≥ 450k", st.Forms)
	}
	if len(embedded) > 4<<20 {
		t.Errorf("embedded data is %d bytes, want a few MB at most", len(embedded))
	}
}

// want describes one analysis a form must have; zero fields are not checked.
type want struct {
	lemma  string
	pos    POS
	gender Gender
	number Number
	vform  VerbForm
	tense  Tense
	mood   Mood
	person uint8
}

func (w want) match(a Analysis) bool {
	return a.Lemma == w.lemma && a.POS == w.pos &&
		(w.gender == 0 || a.Gender == w.gender) && (w.number == 0 || a.Number == w.number) &&
		(w.vform == 0 || a.VerbForm == w.vform) && (w.tense == 0 || a.Tense == w.tense) &&
		(w.mood == 0 || a.Mood == w.mood) && (w.person == 0 || a.Person == w.person)
}

func TestLookupNewsFrench(t *testing.T) {
	t.Parallel()
	l := mustDefault(t)
	tests := []struct {
		form string
		want []want
	}{
		{"piratage", []want{{lemma: "piratage", pos: Noun, gender: Masc, number: Sing}}},
		{"organisations", []want{{lemma: "organisation", pos: Noun, gender: Fem, number: Plur}}},
		{"a", []want{
			{lemma: "avoir", pos: Aux, vform: Fin, mood: MoodInd, tense: TensePres, person: 3, number: Sing},
			{lemma: "avoir", pos: Verb, vform: Fin, mood: MoodInd, tense: TensePres, person: 3, number: Sing},
		}},
		{"été", []want{
			{lemma: "être", pos: Aux, vform: Part, tense: TensePast},
			{lemma: "être", pos: Verb, vform: Part, tense: TensePast},
			{lemma: "été", pos: Noun, gender: Masc, number: Sing},
		}},
		{"touchées", []want{
			{lemma: "toucher", pos: Verb, vform: Part, tense: TensePast, gender: Fem, number: Plur},
			{lemma: "touché", pos: Adj, gender: Fem, number: Plur},
		}},
		{"américains", []want{
			{lemma: "américain", pos: Adj, gender: Masc, number: Plur},
			{lemma: "américain", pos: Noun, gender: Masc, number: Plur},
		}},
		{"sécurité", []want{{lemma: "sécurité", pos: Noun, gender: Fem, number: Sing}}},
		{"Pékin", []want{{lemma: "Pékin", pos: PropN}}},
		{"annoncé", []want{{lemma: "annoncer", pos: Verb, vform: Part, tense: TensePast, gender: Masc, number: Sing}}},
		{"toucher", []want{{lemma: "toucher", pos: Verb, vform: Inf}, {lemma: "toucher", pos: Noun}}},
		{"touchant", []want{{lemma: "toucher", pos: Verb, vform: Part, tense: TensePres}}},
		{"seront", []want{{lemma: "être", pos: Aux, mood: MoodInd, tense: TenseFut, person: 3, number: Plur}}},
		{"aurait", []want{{lemma: "avoir", pos: Aux, mood: MoodCnd, person: 3, number: Sing}}},
		{"soit", []want{{lemma: "être", pos: Verb, mood: MoodSub, person: 3}}},
		{"fut", []want{{lemma: "être", pos: Verb, mood: MoodInd, tense: TensePast}}},
		{"étaient", []want{{lemma: "être", pos: Aux, tense: TenseImp, person: 3, number: Plur}}},
		// Elided words, with either apostrophe.
		{"l'", []want{{lemma: "le", pos: Det}, {lemma: "le", pos: Pron}}},
		{"l’", []want{{lemma: "le", pos: Det}, {lemma: "le", pos: Pron}}},
		{"d'", []want{{lemma: "de", pos: Adp}, {lemma: "de", pos: Det}}},
		{"d’", []want{{lemma: "de", pos: Adp}}},
		{"qu’", []want{{lemma: "que", pos: SConj}, {lemma: "que", pos: Pron}}},
		{"j’", []want{{lemma: "je", pos: Pron, person: 1}}},
		{"n’", []want{{lemma: "ne", pos: Adv}}},
		{"s’", []want{{lemma: "se", pos: Pron}, {lemma: "si", pos: SConj}}},
		{"c’", []want{{lemma: "ce", pos: Pron}}},
		{"jusqu’", []want{{lemma: "jusque", pos: Adp}}},
		{"aujourd’hui", []want{{lemma: "aujourd'hui", pos: Adv}}},
		// Contractions and closed classes.
		{"du", []want{{lemma: "de", pos: Adp}, {lemma: "du", pos: Det, gender: Masc, number: Sing}}},
		{"au", []want{{lemma: "à", pos: Adp}, {pos: Det, lemma: "au", gender: Masc, number: Sing}}},
		{"aux", []want{{lemma: "à", pos: Adp}, {pos: Det, lemma: "au", number: Plur}}},
		{"des", []want{{lemma: "de", pos: Adp}, {lemma: "des", pos: Det, number: Plur}}},
		{"les", []want{{lemma: "le", pos: Det, number: Plur}, {lemma: "le", pos: Pron, number: Plur}}},
		{"la", []want{{lemma: "le", pos: Det, gender: Fem, number: Sing}}},
		{"cette", []want{{lemma: "cette", pos: Det, gender: Fem}}},
		{"leur", []want{{lemma: "leur", pos: Det}, {lemma: "leur", pos: Pron, person: 3}}},
		{"ils", []want{{lemma: "ils", pos: Pron, person: 3, gender: Masc, number: Plur}}},
		{"et", []want{{lemma: "et", pos: CConj}}},
		{"mais", []want{{lemma: "mais", pos: CConj}}},
		{"que", []want{{lemma: "que", pos: SConj}, {lemma: "que", pos: Pron}}},
		{"si", []want{{lemma: "si", pos: SConj}, {lemma: "si", pos: Adv}}},
		{"lorsque", []want{{lemma: "lorsque", pos: SConj}}},
		{"dans", []want{{lemma: "dans", pos: Adp}}},
		{"selon", []want{{lemma: "selon", pos: Adp}}},
		{"en", []want{{lemma: "en", pos: Adp}, {lemma: "en", pos: Pron}}},
		{"deux", []want{{lemma: "deux", pos: Num}}},
		{"très", []want{{lemma: "très", pos: Adv}}},
		{"hélas", []want{{lemma: "hélas", pos: Intj}}},
	}
	for _, tc := range tests {
		got := l.Lookup(tc.form)
		for _, w := range tc.want {
			if !slices.ContainsFunc(got, w.match) {
				t.Errorf("Lookup(%q) lacks %+v; got %v", tc.form, w, got)
			}
		}
		if !l.Has(tc.form) {
			t.Errorf("Has(%q) = false", tc.form)
		}
		set := l.TagSet(tc.form)
		for _, w := range tc.want {
			if !set.Has(w.pos) {
				t.Errorf("TagSet(%q) lacks %v", tc.form, w.pos)
			}
		}
		if tags := l.Tags(tc.form); len(tags) != set.Len() {
			t.Errorf("Tags(%q) = %v, TagSet has %d", tc.form, tags, set.Len())
		}
	}
}

func TestAuxOnlyForEtreAvoir(t *testing.T) {
	t.Parallel()
	l := mustDefault(t)
	for _, f := range []string{"a", "ont", "est", "sont", "été", "avoir", "être", "eu", "étant"} {
		set := l.TagSet(f)
		if !set.Has(Aux) || !set.Has(Verb) {
			t.Errorf("%q: tags %v, want AUX and VERB", f, l.Tags(f))
		}
	}
	for _, f := range []string{"touche", "annonce", "peut", "doit", "fait"} {
		if l.TagSet(f).Has(Aux) {
			t.Errorf("%q carries AUX", f)
		}
	}
}

func TestProperNames(t *testing.T) {
	t.Parallel()
	l := mustDefault(t)
	for _, f := range []string{"Pékin", "Paris", "Jean", "Macron", "Washington"} {
		if !l.IsProperName(f) {
			t.Errorf("IsProperName(%q) = false", f)
		}
	}
	for _, f := range []string{"sécurité", "pékin", "le", "xyzzyq", ""} {
		if l.IsProperName(f) {
			t.Errorf("IsProperName(%q) = true", f)
		}
	}
}

func TestForms(t *testing.T) {
	t.Parallel()
	l := mustDefault(t)
	tests := []struct {
		lemma   string
		has     []string
		hasNot  []string
		atLeast int
	}{
		{"toucher", []string{"toucher", "touche", "touchées", "touchons", "touchèrent", "touchers"}, []string{"touchante", "attoucher"}, 40},
		{"organisation", []string{"organisation", "organisations"}, []string{"organisateur"}, 2},
		{"être", []string{"est", "sont", "été", "serait", "étaient"}, nil, 40},
		{"américain", []string{"américain", "américaine", "américains", "américaines"}, nil, 4},
		{"touché", []string{"touché", "touchées"}, []string{"toucher"}, 4},
		{"le", []string{"le", "la", "les", "l'"}, nil, 4},
		{"aujourd’hui", []string{"aujourd'hui"}, nil, 1},
	}
	for _, tc := range tests {
		got := l.Forms(tc.lemma)
		if len(got) < tc.atLeast {
			t.Errorf("Forms(%q) has %d forms, want ≥ %d: %v", tc.lemma, len(got), tc.atLeast, got)
		}
		for _, f := range tc.has {
			if !slices.Contains(got, f) {
				t.Errorf("Forms(%q) lacks %q", tc.lemma, f)
			}
		}
		for _, f := range tc.hasNot {
			if slices.Contains(got, f) {
				t.Errorf("Forms(%q) has %q", tc.lemma, f)
			}
		}
		if !slices.IsSorted(got) || len(slices.Compact(slices.Clone(got))) != len(got) {
			t.Errorf("Forms(%q) not sorted and unique: %v", tc.lemma, got)
		}
	}
	if got := l.Forms("xyzzyq"); got != nil {
		t.Errorf("Forms(unknown) = %v", got)
	}
}

// TestFormsLemmasInverse checks on a spread of forms that Forms and Lemmas
// are inverse: every lemma of a form lists the form among its forms.
func TestFormsLemmasInverse(t *testing.T) {
	t.Parallel()
	l := mustDefault(t)
	for i := 0; i < l.t.NForms; i += 997 {
		form := l.t.String(i)
		lemmas := l.Lemmas(form)
		if len(lemmas) == 0 {
			t.Fatalf("form %q has no lemma", form)
		}
		for _, lm := range lemmas {
			if !slices.Contains(l.Forms(lm), form) {
				t.Errorf("Forms(%q) lacks %q", lm, form)
			}
		}
	}
}

func TestCaseFolding(t *testing.T) {
	t.Parallel()
	l := mustDefault(t)
	if got := l.Lookup("Le"); got != nil {
		t.Errorf("Lookup(Le) = %v, want exact-only nil", got)
	}
	tests := []struct {
		form string
		want []want
	}{
		{"Le", []want{{lemma: "le", pos: Det}}},
		{"Organisations", []want{{lemma: "organisation", pos: Noun, number: Plur}}},
		{"PÉKIN", []want{{lemma: "Pékin", pos: PropN}, {lemma: "pékin", pos: Noun}}},
		{"Pierre", []want{{lemma: "Pierre", pos: PropN}, {lemma: "pierre", pos: Noun}}},
		{"L’", []want{{lemma: "le", pos: Det}}},
		{"sécurité", []want{{lemma: "sécurité", pos: Noun}}},
	}
	for _, tc := range tests {
		got := l.LookupFold(tc.form)
		for _, w := range tc.want {
			if !slices.ContainsFunc(got, w.match) {
				t.Errorf("LookupFold(%q) lacks %+v; got %v", tc.form, w, got)
			}
		}
		if !l.HasFold(tc.form) {
			t.Errorf("HasFold(%q) = false", tc.form)
		}
		for _, w := range tc.want {
			if !l.TagSetFold(tc.form).Has(w.pos) {
				t.Errorf("TagSetFold(%q) lacks %v", tc.form, w.pos)
			}
		}
	}
}

func TestUnknown(t *testing.T) {
	t.Parallel()
	l := mustDefault(t)
	for _, f := range []string{"", "xyzzyq", "organisationz", "ORGANISATIONZ", "\xff\xfe", "l’’", "'"} {
		if got := l.Lookup(f); got != nil {
			t.Errorf("Lookup(%q) = %v", f, got)
		}
		if got := l.LookupFold(f); got != nil {
			t.Errorf("LookupFold(%q) = %v", f, got)
		}
		if l.Has(f) || l.HasFold(f) || l.Tags(f) != nil || l.Lemmas(f) != nil {
			t.Errorf("%q reported as known", f)
		}
	}
}

func TestZeroLexicon(t *testing.T) {
	t.Parallel()
	var l *Lexicon
	e := &Lexicon{}
	for _, x := range []*Lexicon{l, e} {
		if x.Lookup("le") != nil || x.Has("le") || x.Forms("le") != nil || x.TagSet("le") != 0 || x.LookupFold("Le") != nil {
			t.Error("empty lexicon knows a word")
		}
		if x.Stats() != (Stats{}) {
			t.Error("empty lexicon has stats")
		}
	}
}

func TestDefaultConcurrent(t *testing.T) {
	t.Parallel()
	var wg sync.WaitGroup
	got := make([]*Lexicon, 8)
	for i := range got {
		wg.Go(func() {
			got[i] = Default()
			_ = got[i].Forms("toucher")
			_ = got[i].Lookup("touchées")
		})
	}
	wg.Wait()
	for _, l := range got {
		if l != got[0] || !l.Has("organisation") {
			t.Fatal("Default returned different or empty lexicons")
		}
	}
}

func TestParseRejectsCorrupt(t *testing.T) {
	t.Parallel()
	for name, data := range map[string][]byte{
		"empty":     nil,
		"truncated": embedded[:len(embedded)/3],
		"garbage":   []byte("PLUMELEX1\n\x05hello"),
	} {
		if _, err := Parse(data); err == nil {
			t.Errorf("%s: Parse accepted corrupt data", name)
		}
	}
}

func TestPOSNames(t *testing.T) {
	t.Parallel()
	all := AllPOS()
	if len(all) != 16 {
		t.Fatalf("AllPOS has %d tags, want the 16 of UD", len(all))
	}
	for _, p := range all {
		q, ok := ParsePOS(p.String())
		if !ok || q != p {
			t.Errorf("ParsePOS(%q) = %v, %v", p.String(), q, ok)
		}
	}
	if _, ok := ParsePOS("noun"); ok {
		t.Error("ParsePOS is case-insensitive; UPOS names are upper case")
	}
	if Noun.String() != "NOUN" || Aux.String() != "AUX" || X.String() != "X" || POS(0).String() != "" {
		t.Error("POS.String")
	}
	var s POSSet
	s = s.Add(Noun).Add(Verb).Add(Noun)
	if s.Len() != 2 || !s.Has(Verb) || s.Has(Adj) || !slices.Equal(s.POS(), []POS{Noun, Verb}) {
		t.Errorf("POSSet = %v", s.POS())
	}
}

// TestTagStrings checks that every tag in the data parses and prints back
// to the same string, so Analysis.String shows what the generator wrote.
func TestTagStrings(t *testing.T) {
	t.Parallel()
	l := mustDefault(t)
	for i, s := range l.t.Tags {
		if got := l.tags[i].tag(); got != s {
			t.Errorf("tag %q prints as %q", s, got)
		}
	}
	a := l.Lookup("touchées")
	if len(a) == 0 || a[0].String() == "" {
		t.Fatal("no analysis")
	}
}

func FuzzLookup(f *testing.F) {
	for _, w := range benchWords {
		f.Add(w)
	}
	f.Add("PÉKIN")
	f.Add("aujourd’hui")
	l := mustDefault(f)
	f.Fuzz(func(t *testing.T, form string) {
		got := l.Lookup(form)
		if (got != nil) != l.Has(form) {
			t.Errorf("Lookup/Has disagree on %q", form)
		}
		var set POSSet
		for _, a := range got {
			set = set.Add(a.POS)
			if a.Lemma == "" {
				t.Errorf("%q: empty lemma", form)
			}
		}
		if set != l.TagSet(form) {
			t.Errorf("%q: TagSet %v, analyses %v", form, l.TagSet(form).POS(), set.POS())
		}
		fold := l.LookupFold(form)
		if len(fold) < len(got) {
			t.Errorf("%q: LookupFold lost analyses", form)
		}
		if (fold != nil) != l.HasFold(form) {
			t.Errorf("LookupFold/HasFold disagree on %q", form)
		}
	})
}

func FuzzParse(f *testing.F) {
	f.Add(embedded[:200])
	f.Add([]byte("PLUMELEX1\n\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := Parse(data)
		if err != nil {
			return
		}
		for _, w := range []string{"a", "le", "", "zz"} {
			_ = l.Lookup(w)
			_ = l.Forms(w)
		}
		_ = l.Stats()
	})
}

func TestAnalysisVerbForms(t *testing.T) {
	t.Parallel()
	l := mustDefault(t)
	has := func(form string, f func(Analysis) bool) bool {
		for _, a := range l.LookupFold(form) {
			if f(a) {
				return true
			}
		}
		return false
	}
	for form, want := range map[string][2]bool{ // past participle, finite
		"touchées": {true, false}, "élevé": {true, false}, "cible": {false, true}, "a": {false, true}, "maison": {false, false},
	} {
		if got := [2]bool{has(form, Analysis.PastParticiple), has(form, Analysis.Finite)}; got != want {
			t.Errorf("%q: past participle, finite = %v, want %v", form, got, want)
		}
	}
}

// TestPrefaultedEqualsHeap checks that the lexicon decoded into prefaulted
// memory, as Default is, answers as one decoded on the Go heap.
func TestPrefaultedEqualsHeap(t *testing.T) {
	t.Parallel()
	pre, err := parse(embedded, prefault.Alloc{})
	if err != nil {
		t.Fatal(err)
	}
	heap, err := Parse(embedded)
	if err != nil {
		t.Fatal(err)
	}
	if pre.Stats() != heap.Stats() {
		t.Fatalf("stats %+v, on the heap %+v", pre.Stats(), heap.Stats())
	}
	for _, w := range []string{"touchées", "est", "Microsoft", "l'", "affirmant", "cybersécurité", "zzz"} {
		if a, b := pre.Lookup(w), heap.Lookup(w); !slices.Equal(a, b) {
			t.Errorf("Lookup(%q) = %v, on the heap %v", w, a, b)
		}
	}
	for _, l := range []string{"être", "toucher", "organisation"} {
		if a, b := pre.Forms(l), heap.Forms(l); !slices.Equal(a, b) || len(a) == 0 {
			t.Errorf("Forms(%q) = %v, on the heap %v", l, a, b)
		}
	}
}
