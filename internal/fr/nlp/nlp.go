package nlp

import (
	"github.com/plume-seo/plume/internal/fr/chunk"
	"github.com/plume-seo/plume/internal/fr/entity"
	"github.com/plume-seo/plume/internal/fr/figure"
	"github.com/plume-seo/plume/internal/fr/langid"
	"github.com/plume-seo/plume/internal/fr/pos"
	"github.com/plume-seo/plume/internal/fr/token"
)

// Analysis is what the kit makes of a text.
type Analysis struct {
	// Language is the language code langid gives the whole text ("fr",
	// "en"…, or "unknown"), with its confidence.
	Language   string  `json:"language"`
	Confidence float64 `json:"confidence"`
	// Words is the Yoast-compatible word count of the text.
	Words     int        `json:"words"`
	Sentences []Sentence `json:"sentences"`
	// Entities are the document's named entities, in order of first
	// mention; Mention.Sentence indexes Sentences.
	Entities []entity.Entity `json:"entities"`
}

// Sentence is one sentence of the text with everything found in it. Offsets
// of tokens, phrases, figures and dates are bytes into Text.
type Sentence struct {
	Text       string         `json:"text"`
	Start, End int            // byte offsets of the sentence in the analysed text
	Tokens     []Token        `json:"tokens"`
	Phrases    []chunk.Phrase `json:"phrases"`
	Figures    []Figure       `json:"figures"`
	Dates      []Date         `json:"dates"`
}

// Token is one token with its part of speech (UPOS, or a compound tag such
// as "ADP+DET" for « du ») and lemma.
type Token struct {
	Text       string `json:"text"`
	Start, End int
	Kind       string `json:"kind"`
	Tag        string `json:"tag"`
	Lemma      string `json:"lemma"`
}

// Figure is a figure.Figure with its enumerations written as names, for
// readable JSON.
type Figure struct {
	Text       string
	Start, End int
	Key        string  `json:"key"`
	Value      float64 `json:"value"`
	Kind       string  `json:"kind"`
	Qualifier  string  `json:"qualifier"`
	Unit       string  `json:"unit,omitempty"`
	Noun       string  `json:"noun,omitempty"`
	Vague      bool    `json:"vague,omitempty"`
}

// Date is a figure.Date reduced to what a reader needs: the expression and
// its canonical key ("y=2024;m=04;d=02", "wd=4;part=soir").
type Date struct {
	Text       string
	Start, End int
	Key        string `json:"key"`
}

// Analyze runs the kit on text. Empty text gives an Analysis without
// sentences.
func Analyze(text string) *Analysis {
	lang := langid.Detect(text)
	a := &Analysis{Language: lang.Lang, Confidence: lang.Confidence, Words: token.CountWords(text)}
	spans := token.Sentences(text)
	texts := make([]string, len(spans))
	tagger := pos.Default()
	for i, sp := range spans {
		texts[i] = sp.Text
		toks := token.Tokenize(sp.Text)
		words := make([]string, len(toks))
		for k, t := range toks {
			words[k] = t.Text
		}
		tags := tagger.Tag(words)
		s := Sentence{Text: sp.Text, Start: sp.Start, End: sp.End, Tokens: make([]Token, len(toks))}
		for k, t := range toks {
			s.Tokens[k] = Token{Text: t.Text, Start: t.Start, End: t.End, Kind: t.Kind.String(), Tag: tags[k], Lemma: tagger.Lemma(t.Text, tags[k])}
		}
		s.Phrases = chunk.Chunk(toks, tags, sp.Text)
		for _, f := range figure.Figures(sp.Text) {
			s.Figures = append(s.Figures, Figure{
				Text: f.Text, Start: f.Start, End: f.End, Key: f.Key(), Value: f.Value,
				Kind: f.Kind.String(), Qualifier: f.Qualifier.String(), Unit: f.Unit, Noun: f.Noun, Vague: f.Vague,
			})
		}
		for _, d := range figure.Dates(sp.Text) {
			s.Dates = append(s.Dates, Date{Text: d.Text, Start: d.Start, End: d.End, Key: d.Key()})
		}
		a.Sentences = append(a.Sentences, s)
	}
	a.Entities = entity.Extract(texts)
	return a
}
