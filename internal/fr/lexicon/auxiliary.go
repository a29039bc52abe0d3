package lexicon

// TakesEtre reports whether the verb lemma builds its compound tenses with
// être rather than avoir: « il est venu » is active, « il a affirmé »
// takes avoir. A closed list of French grammar; a pronominal use (« il
// s’est plaint ») takes être too, which the caller tells from the clitic.
func TakesEtre(lemma string) bool { return etreVerbs[lemma] }

var etreVerbs = map[string]bool{
	"aller": true, "venir": true, "arriver": true, "partir": true, "naître": true, "mourir": true,
	"devenir": true, "rester": true, "tomber": true, "entrer": true, "sortir": true, "monter": true,
	"descendre": true, "passer": true, "retourner": true, "rentrer": true, "revenir": true,
	"parvenir": true, "intervenir": true, "survenir": true, "décéder": true, "apparaître": true,
	"repartir": true, "redevenir": true, "ressortir": true, "remonter": true, "redescendre": true,
	"advenir": true, "éclore": true, "accourir": true,
}
