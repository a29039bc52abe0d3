package cluster

// stopwords are French function words and newsroom verbs of four letters or
// more (accents stripped), which say nothing of a story's topic. Written for
// plume.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		"avec", "dans", "pour", "par", "sans", "sous", "vers", "chez", "entre", "depuis", "pendant",
		"avant", "apres", "contre", "selon", "aupres", "lors", "parmi", "malgre", "durant",
		"cette", "ceux", "celle", "celles", "celui", "ces", "mais", "donc", "ainsi", "alors",
		"aussi", "encore", "deja", "tres", "plus", "moins", "tout", "tous", "toute", "toutes",
		"leur", "leurs", "nous", "vous", "elle", "elles", "ils", "lui", "eux", "sont", "etait",
		"etaient", "sera", "seront", "serait", "ont", "avait", "avaient", "aura", "aurait",
		"fait", "faire", "faits", "peut", "peuvent", "pourrait", "doit", "doivent", "devrait",
		"comme", "quand", "dont", "quel", "quelle", "quels", "quelles", "lequel", "laquelle",
		"autre", "autres", "meme", "memes", "notre", "votre", "leurs", "ceci", "cela", "celui-ci",
		"etre", "avoir", "ete", "etant", "ayant", "quelque", "quelques", "plusieurs", "chaque",
		"aucun", "aucune", "certains", "certaines", "nombre", "part", "fois", "puis", "enfin",
		"toujours", "jamais", "rien", "bien", "beaucoup", "peu", "trop", "assez", "ensuite",
		"selon", "declare", "declaree", "indique", "indiquee", "affirme", "explique", "ajoute",
		"precise", "souligne", "estime", "annonce", "dit", "dire", "cite", "rapporte",
		"mardi", "lundi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
		"janvier", "fevrier", "mars", "avril", "juin", "juillet", "aout", "septembre",
		"octobre", "novembre", "decembre", "annee", "annees", "jour", "jours", "semaine",
		"mois", "heure", "heures", "hier", "aujourd", "demain", "afin", "lorsque", "puisque",
		"tandis", "cependant", "pourtant", "toutefois", "neanmoins", "outre", "notamment",
		"egalement", "surtout", "seulement", "environ", "pres", "loin", "dessus", "dessous",
		"premier", "premiere", "dernier", "derniere", "nouveau", "nouvelle", "nouveaux",
		"grand", "grande", "petit", "petite", "autant", "tant", "celui", "ici", "voici",
		"voila", "quoi", "lorsqu", "quelqu", "jusqu", "presqu", "avons", "avez", "sommes",
		"etes", "suis", "sais", "savoir", "veut", "veulent", "voir", "vient", "venir",
		"mettre", "prendre", "donner", "aller", "cours", "cadre", "lieu", "sujet",
	} {
		m[w] = true
	}
	return m
}()

// agencies are news agencies and broadcasters, folded: they sign or are
// cited by copy about every story, so sharing one says nothing of the event.
var agencies = map[string]bool{
	"reuters": true, "afp": true, "agence france presse": true, "associated press": true,
	"ap": true, "bloomberg": true, "cnn": true, "bbc": true, "ansa": true, "dpa": true,
	"efe": true, "belga": true, "ats": true, "xinhua": true, "tass": true,
}
