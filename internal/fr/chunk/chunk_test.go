package chunk

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/plume-seo/plume/internal/fr/token"
)

// find returns the phrase of ps whose text is text.
func find(ps []Phrase, text string) (Phrase, bool) {
	for _, p := range ps {
		if p.Text == text {
			return p, true
		}
	}
	return Phrase{}, false
}

func texts(ps []Phrase) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Text
	}
	return out
}

func TestPhrasesOnSeedSentences(t *testing.T) {
	t.Parallel()
	type want struct {
		text, head, headLemma string
		kind                  Kind
	}
	tests := []struct {
		sentence string
		want     []want
		absent   []string // phrases that must not be found as such
	}{
		{
			sentence: "La Cybersecurity and Infrastructure Security Agency (CISA) a émis une directive d’urgence à l’intention des agences.",
			want: []want{
				{"Cybersecurity and Infrastructure Security Agency", "Agency", "Agency", Proper},
				{"CISA", "CISA", "CISA", Acronym},
				{"directive d’urgence", "directive", "directive", Common},
			},
		},
		{
			sentence: "L’Agence nationale de sécurité a également un rôle dans la réponse, bien qu’il ne soit pas immédiatement clair si son implication est codifiée dans le cadre de la directive UCG.",
			want: []want{
				{"Agence nationale de sécurité", "Agence", "agence", Proper},
				{"UCG", "UCG", "UCG", Acronym},
			},
		},
		{
			sentence: "Sullivan a déclaré que le gouvernement américain surveillait les rapports selon lesquels des groupes de réflexion américains pourraient avoir été compromis par l’attaque.",
			want: []want{
				{"Sullivan", "Sullivan", "Sullivan", Proper},
				{"gouvernement américain", "gouvernement", "gouvernement", Common},
				{"groupes de réflexion américains", "groupes", "groupe", Common},
			},
		},
		{
			sentence: "L’attachée de presse de la Maison Blanche, Jen Psaki, a déclaré vendredi que « tous ceux qui dirigent ces serveurs doivent agir maintenant ».",
			want: []want{
				{"attachée de presse", "attachée", "attachée", Common},
				{"Maison Blanche", "Maison", "maison", Proper},
				{"Jen Psaki", "Psaki", "Psaki", Proper},
			},
			absent: []string{"Jen", "Psaki", "tous"},
		},
		{
			sentence: "Microsoft explique que les pirates utilisent ses serveurs de messagerie pour attaquer leurs cibles.",
			want: []want{
				{"Microsoft", "Microsoft", "Microsoft", Proper},
				{"serveurs de messagerie", "serveurs", "serveur", Common},
			},
		},
		{
			sentence: "Microsoft a déclaré que le groupe de pirates informatiques basé en Chine avait accédé à des comptes de messagerie en falsifiant les jetons d’authentification numérique requis par le système.",
			want: []want{
				{"groupe de pirates informatiques", "groupe", "groupe", Common},
				{"Chine", "Chine", "Chine", Proper},
				{"jetons d’authentification numérique", "jetons", "jeton", Common},
			},
			absent: []string{"jetons d’authentification numérique requis"},
		},
		{
			sentence: "Le groupe de travail est un effort multi-agences initié par le Conseil de sécurité nationale, qui comprend le FBI.",
			want: []want{
				{"groupe de travail", "groupe", "groupe", Common},
				{"Conseil de sécurité nationale", "Conseil", "conseil", Proper},
				{"FBI", "FBI", "FBI", Acronym},
			},
		},
		{
			sentence: "Microsoft a informé le département d’une compromission du système Office 365 de Microsoft.",
			want: []want{
				{"Office 365", "Office", "Office", Proper},
				{"compromission du système", "compromission", "compromission", Common},
			},
		},
		{
			sentence: "“Storm-0558 cible principalement les agences gouvernementales d’Europe occidentale”, a déclaré la société.",
			want: []want{
				{"Storm-0558", "Storm-0558", "Storm-0558", Proper},
				{"agences gouvernementales", "agences", "agence", Common},
			},
		},
		{
			sentence: "Les États-Unis ont exprimé leur inquiétude croissante concernant le piratage du programme de messagerie Microsoft Exchange.",
			want: []want{
				{"États-Unis", "États-Unis", "États-Unis", Proper},
				{"inquiétude croissante", "inquiétude", "inquiétude", Common},
				{"Microsoft Exchange", "Exchange", "Exchange", Proper},
			},
		},
		{
			sentence: "Le « Cyber Threat Intelligence Center » de Microsoft attribue les attaques à un « acteur de la menace soutenu par l’État ».",
			want: []want{
				{"Cyber Threat Intelligence Center", "Center", "Center", Proper},
				{"acteur de la menace", "acteur", "acteur", Common},
				{"État", "État", "état", Common},
			},
		},
		{
			sentence: "Au moins 30 000 entreprises à travers les États-Unis sont compromises par une unité chinoise de cyberespionnage.",
			want: []want{
				{"entreprises", "entreprises", "entreprise", Common},
				{"unité chinoise de cyberespionnage", "unité", "unité", Common},
			},
			absent: []string{"entreprises à travers", "30 000 entreprises"},
		},
		{
			sentence: "Toutefois, le ministère américain du Commerce a confirmé que Microsoft l’avait informé de l’attaque.",
			want: []want{
				{"ministère américain du Commerce", "ministère", "ministère", Common},
			},
		},
	}
	for _, tt := range tests {
		got := Phrases(tt.sentence)
		for _, w := range tt.want {
			p, ok := find(got, w.text)
			if !ok {
				t.Errorf("%q: no phrase %q in %q", tt.sentence, w.text, texts(got))
				continue
			}
			if p.Head != w.head || p.HeadLemma != w.headLemma || p.Kind != w.kind {
				t.Errorf("%q: head %q lemma %q kind %v, want %q %q %v", w.text, p.Head, p.HeadLemma, p.Kind, w.head, w.headLemma, w.kind)
			}
		}
		for _, a := range tt.absent {
			if _, ok := find(got, a); ok {
				t.Errorf("%q: unexpected phrase %q in %q", tt.sentence, a, texts(got))
			}
		}
	}
}

func TestLemmas(t *testing.T) {
	t.Parallel()
	ps := Phrases("Des groupes de réflexion américains pourraient avoir été compromis.")
	p, ok := find(ps, "groupes de réflexion américains")
	if !ok {
		t.Fatalf("phrase not found in %q", texts(ps))
	}
	if got := strings.Join(p.Lemmas, " "); got != "groupe réflexion américain" {
		t.Errorf("lemmas %q, want %q", got, "groupe réflexion américain")
	}
}

// TestInvariants checks on every sentence of the seeds that phrases are in
// order, do not overlap, and that Text is the sentence's bytes.
func TestInvariants(t *testing.T) {
	t.Parallel()
	for _, text := range seeds(t) {
		for _, s := range token.Sentences(text) {
			checkInvariants(t, s.Text, Phrases(s.Text))
		}
	}
}

func checkInvariants(t *testing.T, sentence string, ps []Phrase) {
	t.Helper()
	last := 0
	for _, p := range ps {
		if p.Start < last || p.End < p.Start || p.End > len(sentence) {
			t.Fatalf("%q: bad span [%d,%d) after %d", sentence, p.Start, p.End, last)
		}
		if sentence[p.Start:p.End] != p.Text {
			t.Fatalf("%q: Text %q is not sentence[%d:%d]", sentence, p.Text, p.Start, p.End)
		}
		if p.Head == "" || !strings.Contains(p.Text, p.Head) {
			t.Fatalf("%q: head %q not in %q", sentence, p.Head, p.Text)
		}
		last = p.End
	}
}

func TestChunkMismatchedInput(t *testing.T) {
	t.Parallel()
	toks := token.Tokenize("Le Conseil de sécurité nationale")
	// Fewer tags than tokens, and a sentence that does not match the
	// offsets: Chunk must still answer without panicking.
	ps := Chunk(toks, []string{"DET", "NOUN"}, "court")
	for _, p := range ps {
		if p.Text == "" {
			t.Errorf("empty phrase text: %+v", p)
		}
	}
	if Chunk(nil, nil, "") != nil {
		t.Error("Chunk(nil) should be nil")
	}
}

func seeds(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "..", "testdata", "seeds", "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no seeds in testdata: %v", err)
	}
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

func FuzzPhrases(f *testing.F) {
	for _, text := range seeds(f) {
		for _, s := range token.Sentences(text) {
			f.Add(s.Text)
		}
	}
	f.Add("L’ ( ) « » de de du des")
	f.Add("A B C D E F and & of")
	f.Add("\xff\xfe Office 365 9999 Storm-")
	f.Fuzz(func(t *testing.T, s string) {
		ps := Phrases(s)
		if !utf8.ValidString(s) {
			return
		}
		checkInvariants(t, s, ps)
	})
}

// BenchmarkPhrases chunks a 1,000-word article (the seeds' first thousand
// words), sentence by sentence, tagging included.
func BenchmarkPhrases(b *testing.B) {
	text := strings.Join(seeds(b), "\n\n")
	words := strings.Fields(text)
	text = strings.Join(words[:min(1000, len(words))], " ")
	sents := token.Sentences(text)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sents {
			Phrases(s.Text)
		}
	}
}
