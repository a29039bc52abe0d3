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

// IsTimeNoun reports whether the lower-cased noun names a moment or a
// span of time (« semaine », « vendredi », « novembre »): a noun phrase it
// heads dates something, it names no topic and no actor. A closed list.
func IsTimeNoun(noun string) bool { return timeNouns[noun] }

var timeNouns = map[string]bool{"début": true, "fin": true, "milieu": true, "semaine": true, "mois": true,
	"année": true, "an": true, "jour": true, "journée": true, "soir": true, "soirée": true, "matin": true,
	"matinée": true, "nuit": true, "week-end": true, "lendemain": true, "veille": true, "heure": true,
	"lundi": true, "mardi": true, "mercredi": true, "jeudi": true, "vendredi": true, "samedi": true, "dimanche": true,
	"janvier": true, "février": true, "mars": true, "avril": true, "mai": true, "juin": true, "juillet": true,
	"août": true, "septembre": true, "octobre": true, "novembre": true, "décembre": true}
