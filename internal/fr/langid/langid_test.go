package langid

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

type labelled struct{ lang, text string }

// readSentences reads testdata/sentences.txt: news-like sentences written
// for these tests, each with its language.
func readSentences(tb testing.TB) []labelled {
	tb.Helper()
	f, err := os.Open("testdata/sentences.txt")
	if err != nil {
		tb.Fatalf("open sentences: %v", err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		lang, s, ok := strings.Cut(text, "\t")
		if !ok {
			tb.Fatalf("sentences.txt:%d: want lang<TAB>sentence", line)
		}
		out = append(out, labelled{lang, s})
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("read sentences: %v", err)
	}
	return out
}

func TestDetectSentences(t *testing.T) {
	t.Parallel()
	perLang := map[string]int{}
	for _, s := range readSentences(t) {
		perLang[s.lang]++
		got := Detect(s.text)
		if got.Lang != s.lang {
			t.Errorf("Detect(%q) = %s (%.2f, scores %v), want %s", s.text, got.Lang, got.Confidence, got.Scores, s.lang)
		}
		if got.Confidence <= 0 || got.Confidence > 1 {
			t.Errorf("Detect(%q).Confidence = %v, want in (0, 1]", s.text, got.Confidence)
		}
	}
	for _, l := range langs {
		if perLang[l] < 15 {
			t.Errorf("%d test sentences for %s, want at least 15", perLang[l], l)
		}
	}
}

// TestDetectSeeds uses lines of the seed articles, copied verbatim: the
// editor's English brief, French article lines and page furniture.
func TestDetectSeeds(t *testing.T) {
	t.Parallel()
	tests := []labelled{
		{English, "Make this article seo compatible, Let there be subheadings for the article, be in french, create at least 700 words"},
		{English, "GIPHY App Key not set. Please check settings"},
		{French, "L’administration Biden devrait former un groupe de travail pour traiter le piratage de Microsoft lié à la Chine"},
		{French, "Il y a environ 30 000 clients concernés aux États-Unis et 250 000 dans le monde, bien que ces chiffres devraient augmenter, a déclaré le responsable américain à CNN."},
		{French, "La Maison Blanche a refusé de commenter le nombre de victimes touchées."},
		{French, "Microsoft : la Maison Blanche met en garde contre une « réelle menace » de pirater le géant de l’électronique"},
		{French, "Que savons-nous du piratage?"},
		{French, "Comment Microsoft se comporte-t-il?"},
		{French, "La campagne de piratage chinois cible des milliers d’organisations américaines"},
		{French, "WASHINGTON (Reuters) – L’Agence américaine de cybersécurité et de sécurité des infrastructures a déclaré que des pirates informatiques soutenus par le gouvernement russe avaient utilisé leur accès au système de messagerie de Microsoft (NASDAQ 🙂 pour voler la correspondance entre des responsables et le géant de la technologie, une directive d’urgence publiée par l’organisme de surveillance américain. jeudi a montré."},
		{French, "Linkin-news.com est un journal électronique tunisien développé par la société Linkin Way."},
		{French, "Nous sommes disponibles 24/ 7. Appelez-nous dès maintenant."},
		{French, "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *"},
		{French, "des flamants roses meurent empoisonnés par les plombs des chasseurs"},
		// Too short to say.
		{Unknown, "Microsoft"},
		{Unknown, "in"},
		{Unknown, "Share:"},
		{Unknown, "Written by Fama"},
		{Unknown, "Avatar photo"},
		{Unknown, "administrator"},
		{Unknown, "Laisser un commentaire"},
		{Unknown, ""},
		{Unknown, "30 000 — 250 000 !"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			t.Parallel()
			got := Detect(tt.text)
			if got.Lang != tt.lang {
				t.Errorf("Detect = %s (%.2f, %d words, scores %v), want %s", got.Lang, got.Confidence, got.Words, got.Scores, tt.lang)
			}
			if tt.lang == Unknown && got.Confidence != 0 {
				t.Errorf("Unknown with confidence %v", got.Confidence)
			}
			if len(got.Scores) != len(langs) {
				t.Errorf("Scores has %d languages, want %d", len(got.Scores), len(langs))
			}
		})
	}
}

func TestCloseCallIsUnknown(t *testing.T) {
	t.Parallel()
	// Words that French, Spanish and Portuguese share, and nothing else.
	if got := Detect("que de la que de la en que"); got.Lang != Unknown {
		t.Errorf("Detect(shared words) = %s, scores %v, want unknown", got.Lang, got.Scores)
	}
	// Half French, half English.
	if got := Detect("le président et the minister and the"); got.Lang == French {
		t.Errorf("Detect(mixed) = %s, want not a confident fr", got.Lang)
	}
}

func TestCharacterCues(t *testing.T) {
	t.Parallel()
	// Few function words: letters decide.
	tests := []labelled{
		{Spanish, "Señor Muñoz, niño, mañana, España"},
		{German, "Straße, Größe, Äpfel, Übung, Fußgängerzone"},
		{Portuguese, "Amanhã, irmãos, canções, põe, mãe"},
	}
	for _, tt := range tests {
		if got := Detect(tt.text); got.Lang != tt.lang {
			t.Errorf("Detect(%q) = %s, scores %v, want %s", tt.text, got.Lang, got.Scores, tt.lang)
		}
	}
}

func TestWithFrenchLexicon(t *testing.T) {
	t.Parallel()
	// A French headline of names and content words only.
	headline := "Piratage massif Microsoft Exchange Hafnium Washington Pékin cyberespionnage"
	if got := Detect(headline); got.Lang == French {
		t.Fatalf("without a lexicon Detect(%q) = fr already (scores %v); the test proves nothing", headline, got.Scores)
	}
	known := map[string]bool{"piratage": true, "massif": true, "cyberespionnage": true, "pékin": true, "washington": true}
	d := New(WithFrenchLexicon(func(w string) bool { return known[w] }))
	got := d.Detect(headline)
	if got.Lang != French {
		t.Errorf("with a lexicon Detect(%q) = %s, scores %v, want fr", headline, got.Lang, got.Scores)
	}
	// A signal for an unknown language is ignored; a wild one is clamped.
	text := "La Maison Blanche a refusé de commenter le nombre de victimes touchées."
	base := Detect(text)
	d = New(WithSignal("xx", 10, func([]string) float64 { return 1 }), WithSignal(English, 0.1, func([]string) float64 { return 50 }))
	r := d.Detect(text)
	if diff := r.Scores[English] - base.Scores[English]; r.Lang != French || diff < 0.1-1e-9 || diff > 0.1+1e-9 {
		t.Errorf("signal added %v to en (want 0.1), lang %s", diff, r.Lang)
	}
}

func TestWithMinWords(t *testing.T) {
	t.Parallel()
	if got := Detect("the cat and the dog"); got.Lang != English {
		t.Fatalf("Detect(5 English words) = %s, want en", got.Lang)
	}
	if got := New(WithMinWords(8)).Detect("the cat and the dog"); got.Lang != Unknown {
		t.Errorf("WithMinWords(8) on 5 words = %s, want unknown", got.Lang)
	}
}

func TestWordListsLoaded(t *testing.T) {
	t.Parallel()
	if langs[ptIndex] != Portuguese {
		t.Fatalf("ptIndex points at %s", langs[ptIndex])
	}
	count := [nLangs]int{}
	for _, set := range lexicon {
		for k := range langs {
			if set&(1<<k) != 0 {
				count[k]++
			}
		}
	}
	for k, l := range langs {
		if count[k] < 100 {
			t.Errorf("%s has %d function words, want at least 100", l, count[k])
		}
	}
}

func FuzzDetect(f *testing.F) {
	for _, s := range readSentences(f) {
		f.Add(s.text)
	}
	f.Add("l'’\xff\xfe'a")
	f.Fuzz(func(t *testing.T, s string) {
		r := Detect(s)
		if r.Confidence < 0 || r.Confidence > 1 {
			t.Fatalf("confidence %v out of [0, 1]", r.Confidence)
		}
		ok := r.Lang == Unknown
		for _, l := range langs {
			ok = ok || r.Lang == l
		}
		if !ok {
			t.Fatalf("Lang %q is not a known code", r.Lang)
		}
	})
}

func BenchmarkDetectSentence(b *testing.B) {
	s := "Il y a environ 30 000 clients concernés aux États-Unis et 250 000 dans le monde, bien que ces chiffres devraient augmenter, a déclaré le responsable américain à CNN."
	b.ReportAllocs()
	for b.Loop() {
		Detect(s)
	}
}

func BenchmarkDetect1000Words(b *testing.B) {
	var sb strings.Builder
	words := 0
	for words < 1000 {
		for _, s := range readSentences(b) {
			if s.lang == French && words < 1000 {
				sb.WriteString(s.text)
				sb.WriteByte(' ')
				words += len(strings.Fields(s.text))
			}
		}
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Detect(text)
	}
}
