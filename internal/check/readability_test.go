package check

import (
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/article"
)

func TestSubheadingDistribution(t *testing.T) {
	t.Parallel()
	sec := func(ns ...int) []article.Block {
		var bs []article.Block
		for i, n := range ns {
			if i > 0 {
				bs = append(bs, H(2, "Partie"))
			}
			if n > 0 {
				bs = append(bs, P(para(n, 10, i)))
			}
		}
		return bs
	}
	// Headings count one word each towards T.
	runScoreCases(t, "readability.subheading_distribution", []scoreCase{
		{"300 words, no heading", art("voiture", sec(300)...), exact, 9},
		{"301 words, no heading", art("voiture", sec(301)...), exact, 2},
		{"short text with heading", art("voiture", sec(100, 100)...), exact, 9},
		{"beginning 320", art("voiture", sec(320, 100)...), exact, 6},
		{"beginning 351", art("voiture", sec(351, 100)...), exact, 3},
		{"all ≤ 300", art("voiture", sec(200, 300, 300)...), exact, 9},
		{"one of 320", art("voiture", sec(200, 320)...), exact, 6},
		{"one of 351", art("voiture", sec(200, 351)...), exact, 3},
		{"beginning 320 and another long", art("voiture", sec(320, 400)...), exact, 3},
	})
}

func TestParagraphLength(t *testing.T) {
	t.Parallel()
	var cases []scoreCase
	for _, c := range []struct{ n, want int }{{150, 9}, {151, 6}, {200, 6}, {201, 3}} {
		cases = append(cases, scoreCase{itoa(c.n), art("voiture", P(para(50, 10, 0)), P(para(c.n, 10, 1))), exact, c.want})
	}
	cases = append(cases, scoreCase{"empty", art("voiture"), exact, 9})
	// A hyphenated word counts once.
	cases = append(cases, scoreCase{"hyphens join", art("voiture", P(para(149, 10, 0)+" C'est-à-dire.")), exact, 9})
	runScoreCases(t, "readability.paragraph_length", cases)
}

func TestSentenceLength(t *testing.T) {
	t.Parallel()
	// n sentences, long of them 21 words, the rest 10.
	mk := func(n, long int) *article.Article {
		var ss []string
		for i := 0; i < n; i++ {
			w := 10
			if i < long {
				w = 21
			}
			ss = append(ss, sent(w, i*3))
		}
		return art("voiture", P(strings.Join(ss, " ")))
	}
	runScoreCases(t, "readability.sentence_length", []scoreCase{
		{"20 words is not long", art("voiture", P(sent(20, 0))), exact, 9},
		{"25 %", mk(4, 1), exact, 9},
		{"30 %", mk(10, 3), exact, 6},
		{"28.6 %", mk(7, 2), exact, 6},
		{"33.3 %", mk(3, 1), exact, 3},
		{"no text", art("voiture"), exact, 9},
	})
}

func TestTransitionWords(t *testing.T) {
	t.Parallel()
	// n sentences of 20 words (N = 20n), with of them starting with
	// « Pourtant ».
	mk := func(n, with int) *article.Article {
		var ss []string
		for i := 0; i < n; i++ {
			s := sent(20, i*5)
			if i < with {
				s = "Pourtant " + strings.ToLower(s[:1]) + s[1:]
				s = strings.Replace(s, " "+strings.Fields(s)[len(strings.Fields(s))-1], ".", 1)
			}
			ss = append(ss, s)
		}
		return art("voiture", P(strings.Join(ss, " ")))
	}
	runScoreCases(t, "readability.transition_words", []scoreCase{
		{"short text", mk(9, 0), exact, 9},
		{"200 words, none", mk(10, 0), exact, 3},
		{"19 %", mk(21, 4), exact, 3},
		{"20 %", mk(10, 2), exact, 6},
		{"29 %", mk(31, 9), exact, 6},
		{"30 %", mk(10, 3), exact, 9},
	})
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"Tout d’abord, le jardin.", true},
		{"Le jardin, en revanche, est vert.", true},
		{"Non seulement le jardin est vert, mais il est grand.", true},
		{"Le jardin est vert.", false},
		{"Le chemin d’abordage.", false},
	} {
		if got := hasTransition(c.s); got != c.want {
			t.Errorf("hasTransition(%q) = %v", c.s, got)
		}
	}
}

func TestPassiveVoiceScore(t *testing.T) {
	t.Parallel()
	// n sentences, p of them passive.
	mk := func(n, p int) *article.Article {
		var ss []string
		for i := 0; i < n; i++ {
			if i < p {
				ss = append(ss, "La loi a été adoptée par le Parlement.")
			} else {
				ss = append(ss, sent(8, i*5))
			}
		}
		return art("voiture", P(strings.Join(ss, " ")))
	}
	for _, o := range []Options{exact, {}} {
		runScoreCases(t, "readability.passive_voice", []scoreCase{
			{"none", mk(10, 0), o, 9},
			{"10 %", mk(10, 1), o, 9},
			{"15 %", mk(20, 3), o, 6},
			{"11.1 %", mk(9, 1), o, 6},
			{"16.7 %", mk(6, 1), o, 3},
		})
	}
}

func TestPassiveFrench(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		s           string
		forms, yoas bool
	}{
		{"La loi a été adoptée par le Parlement.", true, true},
		{"Les députés sont élus pour cinq ans.", true, true},
		{"Le texte sera examiné par le Sénat.", true, true},
		{"La décision n'est pas encore prise.", true, true},
		// Compound tenses of verbs conjugated with être: Yoast 3.6.0 does not
		// flag them either (checked with the harness; docs/yoast-rules.md
		// says otherwise for « sont nés »).
		{"Il est arrivé hier soir.", false, false},
		{"Elles sont nées à Lyon.", false, false},
		{"Il est mort en 1990.", false, false},
		// Known false positives of the periphrastic rule, which plume's
		// reading avoids.
		{"Le village est situé au nord.", false, true},
		{"Le jury est composé de sept membres.", false, true},
		{"Le jury est composé par le ministre.", true, true},
		{"Que la lumière soit faite.", true, true},
		{"Elle s'est levée tôt.", false, false},
		{"Ils se sont battus.", false, false},
		{"Le texte sera peut-être adopté par le Sénat.", true, true},
		{"C'est peut-être le moment.", false, false},
		{"Peut-être viendra-t-il demain.", false, false},
		{"L'année a été longue.", false, false},
		{"Le village est le plus beau.", false, false},
		// A form of a verb that governs an infinitive or a participle
		// opens another clause in Yoast's rule (checked with the harness):
		// the participle after it is not être's.
		{"La meilleure protection est de mettre à jour les systèmes concernés.", false, false},
		{"Le mieux est de pouvoir corriger les serveurs touchés.", false, false},
		{"La faille est grave, ce qui n'a pas empêché les mises à jour.", false, false},
		{"Le serveur est mis à jour.", true, true},
		{"Les ventes sont fermées.", false, true}, // agreement: ventes plural, fermées plural → forms decides via tagger
	} {
		if got := passiveYoast(c.s); got != c.yoas {
			t.Errorf("passiveYoast(%q) = %v, want %v", c.s, got, c.yoas)
		}
		if c.s == "Les ventes sont fermées." {
			continue // tagger-dependent: only the Yoast reading is pinned
		}
		if got := passiveFrench(c.s); got != c.forms {
			t.Errorf("passiveFrench(%q) = %v, want %v", c.s, got, c.forms)
		}
	}
	// Agreement: a singular auxiliary with a plural-only participle is not
	// the passive of that participle.
	if passiveFrench("Il est adoptées.") {
		t.Error("no agreement, still passive")
	}
}

func TestSentenceBeginnings(t *testing.T) {
	t.Parallel()
	runScoreCases(t, "readability.sentence_beginnings", []scoreCase{
		{"three same", art("voiture", P("Jardin vert. Jardin bleu. Jardin rouge.")), exact, 3},
		{"two same", art("voiture", P("Jardin vert. Jardin bleu. Soleil rouge.")), exact, 9},
		{"articles take the next word", art("voiture", P("Le jardin vert. Le soleil bleu. Le fleuve rouge.")), exact, 9},
		{"article and same noun", art("voiture", P("Le jardin vert. Le jardin bleu. Le jardin rouge.")), exact, 3},
		{"across paragraphs", art("voiture", P("Jardin vert. Jardin bleu."), P("Jardin rouge.")), exact, 3},
		{"lists do not count", art("voiture", P("Jardin vert."), article.Block{Kind: article.List, Items: []string{"Jardin bleu.", "Jardin rouge."}}), exact, 9},
	})
}

func TestTextPresence(t *testing.T) {
	t.Parallel()
	r, _ := result(t, art("voiture", P("Court.")), exact, "readability.text_presence")
	if r.Score != 3 || r.Hidden {
		t.Errorf("short text: %+v", r)
	}
	r, _ = result(t, art("voiture", P(para(20, 10, 0))), exact, "readability.text_presence")
	if !r.Hidden {
		t.Errorf("enough text: %+v", r)
	}
}

func TestReadabilityAggregate(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		scores []int
		want   int
	}{
		{[]int{9}, 0},
		{[]int{9, 9, 9}, 90},
		{[]int{9, 3, 6}, 60},    // penalty 5
		{[]int{3, 6, 9}, 60},    // 5
		{[]int{6, 6, 9}, 90},    // 4
		{[]int{3, 3, 9}, 60},    // 6
		{[]int{3, 3, 6}, 30},    // 8
		{[]int{3, 6, 6, 9}, 30}, // 7
	} {
		var rs []Result
		for _, s := range c.scores {
			rs = append(rs, Result{Score: s, Category: Readability})
		}
		rs = append(rs, Result{Score: 0, Category: Readability, Hidden: true}, Result{Score: 3, Category: SEO})
		if got := readabilityAggregate(rs); got != c.want {
			t.Errorf("readabilityAggregate(%v) = %d, want %d", c.scores, got, c.want)
		}
	}
	// An empty body: text presence 3, the rest 9 → 90 (§5).
	rep, err := Analyze(&article.Article{Title: "Titre"}, exact)
	if err != nil {
		t.Fatal(err)
	}
	if rep.ReadabilityScore != 90 {
		t.Errorf("empty body readability = %d, want 90", rep.ReadabilityScore)
	}
}

func TestYoastSentences(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"Un. Deux ! Trois ?", []string{"Un.", "Deux !", "Trois ?"}},
		{"Vraiment ? oui.", []string{"Vraiment ?", "oui."}},
		{"M. Dupont arrive.", []string{"M.", "Dupont arrive."}},
		{"Il a dit : non ; puis il part.", []string{"Il a dit : non ; puis il part."}},
		{"« Bonjour. » Puis rien.", []string{"« Bonjour.", "» Puis rien."}},
		{"Prix 3.5 euros. Fin…", []string{"Prix 3.5 euros.", "Fin…"}},
		{"Attendez... Non.", []string{"Attendez...", "Non."}},
		// Checked with the harness: a full stop or an ellipsis before a
		// lower-case word ends nothing; ? and ! end the sentence anyway.
		{"Il est venu hier soir. jeudi a montré. Bon.", []string{"Il est venu hier soir. jeudi a montré.", "Bon."}},
		{"Il est venu hier! jeudi a montré.", []string{"Il est venu hier!", "jeudi a montré."}},
		{"Il est venu… puis parti.", []string{"Il est venu… puis parti."}},
		{"Il est venu. 3 jours plus tard.", []string{"Il est venu.", "3 jours plus tard."}},
		{"Il est venu. (jeudi) a montré.", []string{"Il est venu.", "(jeudi) a montré."}},
		{"", nil},
	} {
		got := yoastSentences(c.in)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("yoastSentences(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTreeWords(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in            string
		merged, split int
	}{
		{"c'est-à-dire", 1, 3},
		{"30 000 euros", 3, 3},
		{"l’État — enfin !", 2, 2},
		{"« » : !", 0, 0},
		{"porte-parole [sic]", 2, 3},
	} {
		m, s := treeWords(c.in)
		if len(m) != c.merged || s != c.split {
			t.Errorf("treeWords(%q) = %d, %d; want %d, %d", c.in, len(m), s, c.merged, c.split)
		}
	}
}
