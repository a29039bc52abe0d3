package entity

import (
	"bufio"
	"embed"
	"strings"
	"sync"

	"github.com/plume-seo/plume/internal/fr/token"
)

// The word lists in data/ were written for plume and share its licence; each
// file says what it holds in its header.
//
//go:embed data/*.txt
var dataFS embed.FS

// lists are the embedded word lists, keyed by token.Normalize.
type lists struct {
	places, orgs, products, actors, firstNames map[string]bool
	// aliases maps the key of an organisation's other name to its
	// acronym: « agence nationale de securite » → « NSA ».
	aliases map[string]string
}

var (
	listsOnce sync.Once
	theLists  *lists
)

// wordLists returns the embedded lists, reading them on first use.
func wordLists() *lists {
	listsOnce.Do(func() {
		theLists = &lists{
			places:     readList("data/places.txt"),
			orgs:       readList("data/orgs.txt"),
			products:   readList("data/products.txt"),
			actors:     readList("data/actors.txt"),
			firstNames: readList("data/firstnames.txt"),
			aliases:    map[string]string{},
		}
		for line := range readList("data/aliases.txt") {
			parts := strings.Split(line, "|")
			for _, p := range parts[1:] {
				theLists.aliases[key(p)] = strings.ToUpper(parts[0])
			}
			theLists.orgs[key(parts[0])] = true
		}
	})
	return theLists
}

// readList reads one list; a missing file (ruled out by the tests) gives an
// empty list rather than a failure at run time.
func readList(name string) map[string]bool {
	m := map[string]bool{}
	f, err := dataFS.Open(name)
	if err != nil {
		return m
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		m[key(line)] = true
	}
	return m
}

// key is the matching key of a name: case, accents and apostrophes aside.
func key(s string) string {
	return token.Normalize(s)
}

// titleCues open the title of a person (« attachée de presse de la Maison
// Blanche, Jen Psaki »), keyed by token.Normalize.
var titleCues = map[string]bool{
	"president": true, "presidente": true, "vice-president": true, "vice-presidente": true,
	"ministre": true, "porte-parole": true, "attache": true, "attachee": true,
	"conseiller": true, "conseillere": true, "pdg": true, "ceo": true, "dirigeant": true,
	"dirigeante": true, "directeur": true, "directrice": true, "expert": true, "experte": true,
	"bloggeur": true, "blogueur": true, "blogueuse": true, "secretaire": true, "senateur": true,
	"senatrice": true, "depute": true, "deputee": true, "chef": true, "cheffe": true,
	"fondateur": true, "fondatrice": true, "cofondateur": true, "cofondatrice": true,
	"analyste": true, "chercheur": true, "chercheuse": true, "journaliste": true, "juge": true,
	"maire": true, "gouverneur": true, "gouverneure": true, "ambassadeur": true,
	"ambassadrice": true, "general": true, "specialiste": true, "patron": true, "patronne": true,
	"procureur": true, "procureure": true, "avocat": true, "avocate": true, "commissaire": true,
	"roi": true, "reine": true, "pape": true, "ayatollah": true, "chancelier": true,
	"chanceliere": true, "candidat": true, "candidate": true, "professeur": true,
	"professeure": true, "administrateur": true, "administratrice": true, "responsable": true,
	"m.": true, "mme": true, "mlle": true, "dr": true, "pr": true, "me": true,
	"sous-secretaire": true, "premier": true, "premiere": true, "economiste": true,
	"vice-premier": true, "emir": true, "prince": true, "princesse": true, "president-directeur": true,
}

// personCues, right before a name, make it a person's: « l'administration
// Biden », « M. Biden ».
var personCues = map[string]bool{
	"administration": true, "m.": true, "mme": true, "mlle": true, "dr": true, "pr": true,
	"me": true, "gouvernement": true, "famille": true, "camp": true,
}

// orgHeads are the head words of organisations' names, French and English.
var orgHeads = map[string]bool{
	"agence": true, "conseil": true, "ministere": true, "departement": true, "maison": true,
	"ambassade": true, "consulat": true, "commission": true, "cour": true, "parlement": true,
	"senat": true, "assemblee": true, "banque": true, "direction": true, "autorite": true,
	"bureau": true, "tribunal": true, "comite": true, "fondation": true, "institut": true,
	"organisation": true, "union": true, "federation": true, "association": true,
	"universite": true, "centre": true, "service": true, "parti": true,
	"agency": true, "board": true, "center": true, "council": true, "department": true,
	"group": true, "institute": true, "committee": true, "command": true, "corporation": true,
	"corp": true, "inc": true, "inc.": true, "ltd": true, "foundation": true, "university": true,
	"bank": true, "party": true, "ministry": true, "authority": true, "news": true,
	"times": true, "post": true, "journal": true, "company": true, "labs": true,
}

// orgCueNouns are common nouns that name an organisation when a place or a
// nationality completes them: « ministère américain du commerce »,
// « ambassade de Russie », « département d'État ».
var orgCueNouns = map[string]bool{
	"ministère": true, "département": true, "ambassade": true, "consulat": true,
}

// nationalities are the lemmas of adjectives of nationality that complete an
// organisation cue (« ministère américain »).
var nationalities = map[string]bool{
	"américain": true, "chinois": true, "russe": true, "français": true, "britannique": true,
	"allemand": true, "européen": true, "iranien": true, "israélien": true, "ukrainien": true,
	"japonais": true, "canadien": true, "nord-coréen": true, "sud-coréen": true, "indien": true,
	"italien": true, "espagnol": true, "belge": true, "suisse": true, "turc": true,
	"tunisien": true, "marocain": true, "algérien": true, "australien": true, "fédéral": true,
}

// productCues are the lemmas of nouns that, right before a name, make it a
// product's: « logiciel Microsoft Exchange », « système Office 365 »,
// « moteur de recherche local Baidu ».
var productCues = map[string]bool{
	"logiciel": true, "système": true, "moteur": true, "programme": true, "messagerie": true,
	"application": true, "navigateur": true, "service": true, "plate-forme": true,
	"plateforme": true, "produit": true, "outil": true, "version": true, "recherche": true,
	"serveur": true,
}

// actorVerbs, just before a name, say that the text names a group: « qu'il
// désigne sous le nom de Storm-0558 », « qu'elle surnomme « Midnight
// Blizzard » », « qu'ils appellent Hafnium ». Matched as prefixes of
// normalised words.
var actorVerbs = []string{"surnomm", "appell", "appel", "nomme", "baptis", "design", "denomm"}

// actorNouns, earlier in the sentence, say that the name is a threat
// actor's (normalised text).
var actorNouns = []string{
	"acteur de la menace", "groupe de pirates", "groupe de piratage", "groupe de hackers",
	"pirates informatiques", "groupe de cyberespionnage", "cybercriminels", "hackers",
	"sous le nom de",
}

// actorWeather are the last words of Microsoft's threat-actor names
// (« Midnight Blizzard », « Volt Typhoon »).
var actorWeather = map[string]bool{
	"blizzard": true, "typhoon": true, "sandstorm": true, "sleet": true, "tempest": true,
	"hail": true, "rain": true, "flood": true, "cyclone": true, "tsunami": true, "dust": true,
}

// eventCues, just before a name, make it an event's: « le piratage massif de
// SolarWinds », « les attaques liées à SolarWinds », « celle dite
// « SolarWinds » ».
var eventCues = []string{"piratage", "attaque", "attaques", "dite", "dit", "affaire", "scandale", "cyberattaque"}

// notNames are capitalised words that are no entity on their own.
var notNames = map[string]bool{
	"etat": true, "etats": true, "web": true, "internet": true, "dieu": true,
	"lundi": true, "mardi": true, "mercredi": true, "jeudi": true, "vendredi": true,
	"samedi": true, "dimanche": true, "janvier": true, "fevrier": true, "mars": true,
	"avril": true, "mai": true, "juin": true, "juillet": true, "aout": true,
	"septembre": true, "octobre": true, "novembre": true, "decembre": true,
}

// connectors are the small words skipped when reading an acronym off its
// expansion.
var connectors = map[string]bool{
	"and": true, "of": true, "the": true, "for": true, "&": true, "de": true, "du": true,
	"des": true, "d'": true, "la": true, "le": true, "les": true, "l'": true, "et": true, "on": true,
}

// nameParticles are the lower-case particles of family names (« Laure de la
// Raudière », « Ursula von der Leyen »), beside the connectors.
var nameParticles = map[string]bool{
	"von": true, "van": true, "der": true, "den": true, "di": true, "da": true, "del": true,
	"della": true, "dos": true, "el": true, "al": true, "ben": true, "bin": true,
}

// placePreps, right before a single name, hint at a place: « à Katmandou »,
// « en Irak », « depuis Pékin ».
var placePreps = map[string]bool{
	"a": true, "en": true, "au": true, "aux": true, "depuis": true, "vers": true, "pres": true,
}
