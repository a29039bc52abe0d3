package figure

// The word lists below were written for this package by the plume authors
// (no outside source); they hold the small closed classes the scanner needs.

// functionWords are words that can never be the noun a figure counts, and
// that do not make a following number part of a name ("En 2021" is a year,
// "Office 365" is a product).
var functionWords = setOf(
	"le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "et", "ou", "à", "au", "aux", "en",
	"dans", "par", "pour", "sur", "sous", "avec", "sans", "chez", "vers", "entre", "contre", "selon",
	"depuis", "pendant", "avant", "après", "dont", "que", "qu'", "qui", "quoi", "ce", "cet", "cette",
	"ces", "se", "s'", "son", "sa", "ses", "leur", "leurs", "il", "ils", "elle", "elles", "on", "nous",
	"vous", "je", "j'", "y", "ne", "n'", "pas", "plus", "moins", "très", "a", "ont", "est", "sont",
	"était", "étaient", "été", "être", "avoir", "fait", "mais", "donc", "car", "or", "ni", "si",
	"comme", "lors", "alors", "ainsi", "aussi", "environ", "près", "seulement", "déjà", "encore",
	"tout", "tous", "toute", "toutes", "dès", "puis", "ensuite", "désormais", "hier", "demain",
	"aujourd'", "sera", "seront", "avait", "avaient", "auront", "aura", "selon", "chacun", "chacune", "jusqu'", "parmi", "soit", "fin", "début",
	"mi", "the", "in", "of", "and", "to", "at",
)

// adjectivesBeforeNoun are the adjectives French puts between a number and
// its noun ("30 000 petites entreprises"); the noun is the word after them.
var adjectivesBeforeNoun = setOf(
	"petit", "petite", "petits", "petites", "grand", "grande", "grands", "grandes", "nouveau",
	"nouvelle", "nouveaux", "nouvelles", "autres", "jeunes", "anciens", "anciennes", "premiers",
	"premières", "derniers", "dernières", "principaux", "principales", "bons", "bonnes", "gros",
	"grosses", "vieux", "vieilles", "seuls", "seules", "hauts", "hautes", "longues", "longs",
)

// months maps French month names, with and without accents, to their number.
var months = map[string]int{
	"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
	"juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
	"décembre": 12, "decembre": 12,
}

// weekdays maps French day names to time.Weekday values (Sunday = 0).
var weekdays = map[string]int{
	"dimanche": 0, "lundi": 1, "mardi": 2, "mercredi": 3, "jeudi": 4, "vendredi": 5, "samedi": 6,
}

// partsOfDay are the words that follow a day to say when in it.
var partsOfDay = map[string]string{
	"matin": "matin", "matinée": "matin", "midi": "midi", "après-midi": "après-midi",
	"soir": "soir", "soirée": "soir", "nuit": "nuit",
}

// currencies maps currency words and symbols to ISO 4217 codes. "livres"
// and "francs" are left out: bare, they are as often books or old francs;
// "livres sterling" is found through "sterling".
var currencies = map[string]string{
	"€": "EUR", "euro": "EUR", "euros": "EUR", "eur": "EUR",
	"$": "USD", "dollar": "USD", "dollars": "USD", "usd": "USD",
	"£": "GBP", "gbp": "GBP", "sterling": "GBP",
	"¥": "JPY", "yen": "JPY", "yens": "JPY", "jpy": "JPY",
	"yuan": "CNY", "yuans": "CNY", "cny": "CNY",
	"chf":   "CHF",
	"dinar": "TND", "dinars": "TND", "tnd": "TND",
	"dirham": "MAD", "dirhams": "MAD",
	"fcfa": "XOF", "rouble": "RUB", "roubles": "RUB", "bitcoin": "BTC", "bitcoins": "BTC",
}

// units maps measure words to a short unit symbol.
var units = map[string]string{
	"km": "km", "kilomètre": "km", "kilomètres": "km", "m": "m", "mètre": "m", "mètres": "m",
	"kg": "kg", "kilo": "kg", "kilos": "kg", "kilogramme": "kg", "kilogrammes": "kg",
	"t": "t", "tonne": "t", "tonnes": "t", "ha": "ha", "hectare": "ha", "hectares": "ha",
	"l": "l", "litre": "l", "litres": "l", "mo": "Mo", "go": "Go", "to": "To",
	"km²": "km²", "mw": "MW", "gw": "GW", "kwh": "kWh",
}

// vagueWords are the collective nouns of approximate quantities; the value
// is the size of one group ("dizaine" = 10).
var vagueWords = map[string]float64{
	"dizaine": 10, "dizaines": 10, "douzaine": 12, "douzaines": 12, "quinzaine": 15, "quinzaines": 15,
	"vingtaine": 20, "vingtaines": 20, "trentaine": 30, "quarantaine": 40, "cinquantaine": 50,
	"soixantaine": 60, "centaine": 100, "centaines": 100, "millier": 1000, "milliers": 1000,
	"millions": 1e6, "milliards": 1e9,
}

// vagueDeterminers introduce a plural collective noun: "des milliers",
// "plusieurs centaines", "de milliers" (after a preposition), "par dizaines".
var vagueDeterminers = setOf("des", "de", "d'", "plusieurs", "quelques", "les", "ces", "par", "nombreuses", "nombreux")

// ordinalWords maps spelled-out ordinals to their rank. "premier" and
// "première" are left out on purpose: in news copy they are mostly titles
// and adjectives ("Premier ministre", "première fois"), not ranks worth checking.
var ordinalWords = map[string]float64{
	"deuxième": 2, "troisième": 3, "quatrième": 4, "cinquième": 5,
	"sixième": 6, "septième": 7, "huitième": 8, "neuvième": 9, "dixième": 10, "onzième": 11,
	"douzième": 12, "treizième": 13, "quatorzième": 14, "quinzième": 15, "seizième": 16,
	"dix-septième": 17, "dix-huitième": 18, "dix-neuvième": 19, "vingtième": 20, "trentième": 30,
	"quarantième": 40, "cinquantième": 50, "centième": 100, "millième": 1000,
}

// ordinalSuffixes are the abbreviations glued to digits: 1er, 1re, 2e, 3ème.
var ordinalSuffixes = setOf("e", "er", "re", "ère", "ème", "eme", "è", "nd", "nde", "d", "de", "èr")

// yearPrepositions are words after which a four-digit number is a year even
// when a word that could be a noun follows ("en 2021 les ventes", "depuis
// 1992 Microsoft"). "de" and "à" are not among them: "de 2000 personnes" counts.
var yearPrepositions = setOf(
	"en", "depuis", "dès", "fin", "début", "mi", "année", "an", "courant", "printemps", "été",
	"automne", "hiver",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
