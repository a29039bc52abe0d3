package token_test

import (
	"fmt"

	"github.com/plume-seo/plume/internal/fr/token"
)

func ExampleSentences() {
	text := "« Que faire ? », a-t-il demandé à M. Dupont. Au moins 30 000 organisations… et plus encore.\n\nPrésence en Chine"
	for _, s := range token.Sentences(text) {
		fmt.Println(s.Text)
	}
	// Output:
	// « Que faire ? », a-t-il demandé à M. Dupont.
	// Au moins 30 000 organisations… et plus encore.
	// Présence en Chine
}

func ExampleTokenize() {
	for _, t := range token.Tokenize("L’attaque a-t-elle touché 30 000 clients (12,5 %) ?") {
		fmt.Printf("%s %s\n", t.Kind, t.Text)
	}
	// Output:
	// Elision L’
	// Word attaque
	// Word a
	// Clitic -t-elle
	// Word touché
	// Number 30 000
	// Word clients
	// Punct (
	// Number 12,5
	// Symbol %
	// Punct )
	// Punct ?
}

func ExampleCountWords() {
	text := "L’administration compte 30 000 victimes (12,5 %)."
	fmt.Println(token.CountWords(text), token.CountAlnumWords(text), len(token.Words(text)))
	// Output: 7 6 6
}
