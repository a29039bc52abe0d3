package chunk

// The word lists below are written for this package (plume, same licence as
// the code).

// commonAcronyms are words in capitals that French uses as common nouns.
var commonAcronyms = map[string]bool{
	"PDG": true, "DG": true, "ONG": true, "VPN": true, "PME": true, "TPE": true, "PIB": true,
	"TVA": true, "SMS": true, "USB": true, "PC": true, "IA": true, "CEO": true, "DSI": true,
	"RSSI": true, "CV": true, "QR": true, "HT": true, "TTC": true, "OK": true, "SAV": true,
	"BTP": true, "IT": true, "API": true, "URL": true, "HTML": true, "PDF": true, "TV": true,
}

// institutions are common nouns that, capitalised, open the name of an
// institution even at the start of a sentence (« Agence nationale de
// sécurité a… » after « L' »).
var institutions = map[string]bool{
	"agence": true, "conseil": true, "ministère": true, "département": true, "commission": true,
	"cour": true, "parlement": true, "sénat": true, "assemblée": true, "banque": true,
	"direction": true, "autorité": true, "bureau": true, "tribunal": true,
	"comité": true, "maison": true, "fondation": true, "institut": true, "organisation": true,
	"union": true, "fédération": true, "association": true, "garde": true, "armée": true,
	"gouvernement": true, "secrétariat": true, "haut-commissariat": true, "centre": true,
	"service": true, "services": true, "police": true, "gendarmerie": true, "marine": true,
}

// nameConnectors join the capitalised words of one name.
var nameConnectors = map[string]bool{
	"and": true, "of": true, "&": true, "for": true, "on": true,
}

// articles may follow « de » inside a complement: « de la sécurité », « de l'État ».
var articles = map[string]bool{
	"la": true, "le": true, "l'": true, "les": true,
}

// stopAdjectives are adjectives the tagger gives for words that quantify or
// point rather than describe; a keyphrase is better without them.
var stopAdjectives = map[string]bool{
	"autre": true, "autres": true, "tout": true, "toute": true, "tous": true, "toutes": true,
	"même": true, "mêmes": true, "tel": true, "telle": true, "tels": true, "telles": true,
	"certain": true, "certaine": true, "certains": true, "certaines": true, "divers": true,
	"diverses": true, "quel": true, "quelle": true, "quels": true, "quelles": true,
	"plusieurs": true, "chaque": true, "aucun": true, "aucune": true, "nul": true, "nulle": true,
}

// capitalisedCommon are common nouns that news copy capitalises out of
// habit (« site Web »).
var capitalisedCommon = map[string]bool{
	"Web": true, "Net": true,
}

// notComplements are nouns that, after a bare « à » or « en », make a
// compound preposition or a date rather than a complement of the noun
// (« à travers », « en matière de », « en mars »).
var notComplements = map[string]bool{
	"travers": true, "partir": true, "cause": true, "propos": true, "part": true, "côté": true,
	"peine": true, "matière": true, "cas": true, "raison": true, "outre": true, "effet": true,
	"fait": true, "tant": true, "revanche": true, "particulier": true, "moyenne": true,
	"fonction": true, "vue": true, "charge": true, "face": true, "lieu": true, "place": true,
	"janvier": true, "février": true, "mars": true, "avril": true, "mai": true, "juin": true,
	"juillet": true, "août": true, "septembre": true, "octobre": true, "novembre": true,
	"décembre": true, "lundi": true, "mardi": true, "mercredi": true, "jeudi": true,
	"vendredi": true, "samedi": true, "dimanche": true, "début": true, "fin": true,
	"semaine": true, "mois": true, "année": true, "jour": true,
}

// openers are punctuation after which a capital says nothing: a quotation
// or a list item starts like a sentence.
var openers = map[string]bool{
	"«": true, "“": true, "\"": true, "‘": true, ":": true, "–": true, "—": true, "-": true,
	"(": true, "[": true, "•": true, "``": true,
}

// particles are the lower-case particles of family names; the value is 1
// (the loop in name reads further particles after the first).
var particles = map[string]int{
	"de": 1, "du": 1, "d'": 1, "des": 1, "la": 1, "le": 1, "von": 1, "van": 1, "der": 1, "den": 1,
	"di": 1, "da": 1, "del": 1, "della": 1, "dos": 1, "el": 1, "al": 1, "ben": 1, "bin": 1,
}
