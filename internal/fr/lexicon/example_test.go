package lexicon_test

import (
	"fmt"

	"github.com/plume-seo/plume/internal/fr/lexicon"
)

func ExampleLexicon_Lookup() {
	lex := lexicon.Default()
	for _, a := range lex.Lookup("touchées") {
		fmt.Println(a)
	}
	// Output:
	// toucher/VERB|Gender=Fem|Number=Plur|Tense=Past|VerbForm=Part
	// touché/ADJ|Gender=Fem|Number=Plur|VerbForm=Part
}

func ExampleLexicon_Tags() {
	lex := lexicon.Default()
	fmt.Println(lex.Tags("a"), lex.Tags("l’"), lex.Tags("du"), lex.Tags("xyzzyq"))
	// Output: [NOUN VERB AUX] [DET PRON] [ADP DET] []
}

func ExampleLexicon_LookupFold() {
	lex := lexicon.Default()
	fmt.Println(len(lex.Lookup("Le")), lex.LookupFold("Le")[0])
	// Output: 0 le/DET|Gender=Masc|Number=Sing
}

func ExampleLexicon_Forms() {
	fmt.Println(lexicon.Default().Forms("organisation"))
	// Output: [organisation organisations]
}

func ExampleLexicon_Inflect() {
	lex := lexicon.Default()
	fmt.Println(lex.Inflect("affirmer", lexicon.Analysis{POS: lexicon.Verb, VerbForm: lexicon.Fin,
		Mood: lexicon.MoodInd, Tense: lexicon.TensePres, Person: 3, Number: lexicon.Sing}))
	fmt.Println(lex.Inflect("demander", lexicon.Analysis{POS: lexicon.Verb, VerbForm: lexicon.Fin,
		Mood: lexicon.MoodInd, Tense: lexicon.TenseImp, Person: 3, Number: lexicon.Plur}))
	fmt.Println(lex.Inflect("prendre", lexicon.Analysis{POS: lexicon.Verb, VerbForm: lexicon.Part,
		Tense: lexicon.TensePast, Gender: lexicon.Masc, Number: lexicon.Sing}))
	// Output:
	// [affirme]
	// [demandaient]
	// [pris]
}

func ExampleLexicon_FiniteFold() {
	lex := lexicon.Default()
	fmt.Println(lex.FiniteFold("cible"), lex.FiniteFold("A"), lex.FiniteFold("affirmant"), lex.FiniteFold("serveurs"))
	// Output: true true false false
}
