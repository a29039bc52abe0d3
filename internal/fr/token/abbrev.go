package token

// The word lists in this file were written by hand by the plume team for
// this package, from French typographic usage and the abbreviations seen in
// French news copy. They are not copied from any third-party list; they are
// part of plume and carry its licence.

// abbrevClass says what an abbreviation's final period means for sentence
// splitting.
type abbrevClass uint8

const (
	// abbrevNone: not an abbreviation.
	abbrevNone abbrevClass = iota
	// abbrevPrefix abbreviations introduce what follows (a name, a page, a
	// reference) so their period never ends a sentence: "M. Dupont",
	// "cf. infra", "p. 12".
	abbrevPrefix
	// abbrevOrdinary abbreviations often close a phrase ("etc.", "Inc.",
	// "janv."), so their period also ends the sentence when the next word is
	// capitalised.
	abbrevOrdinary
	// abbrevWordlike abbreviations are spelt like ordinary French words
	// ("vol", "art", "sept", "ex"): the tokeniser attaches the period only when
	// a number or a lower-case word follows ("vol. 2", "art. 3", "par ex. la"),
	// otherwise the period is punctuation ("le vol. Le lendemain").
	abbrevWordlike
	// abbrevInitial: a single capital letter or a dotted acronym ("S.",
	// "J. R. R.", "U.S.", "O.N.U."). Its period ends the sentence only before a
	// word that typically opens a French sentence ("… l'O.N.U. Elle a …"),
	// not before a name ("Raphaël S. Satter").
	abbrevInitial
)

// caseSensitiveAbbrevs are titles: they are abbreviations only with this
// exact case ("Me." is Maître, "me." is the pronoun at the end of a phrase).
var caseSensitiveAbbrevs = map[string]abbrevClass{
	"M.": abbrevPrefix, "MM.": abbrevPrefix, "Mme.": abbrevPrefix, "Mmes.": abbrevPrefix,
	"Mlle.": abbrevPrefix, "Mlles.": abbrevPrefix, "Mgr.": abbrevPrefix, "Me.": abbrevPrefix,
	"Dr.": abbrevPrefix, "Drs.": abbrevPrefix, "Pr.": abbrevPrefix, "Prof.": abbrevPrefix,
	"St.": abbrevPrefix, "Ste.": abbrevPrefix, "Sts.": abbrevPrefix, "Stes.": abbrevPrefix,
	"Mr.": abbrevPrefix, "Mrs.": abbrevPrefix, "Ms.": abbrevPrefix,
	"Gén.": abbrevPrefix, "Cdt.": abbrevPrefix, "Lt.": abbrevPrefix, "Sgt.": abbrevPrefix,
}

// foldedAbbrevs are matched on the lower-cased form, so "Etc." and "INC."
// are found too.
var foldedAbbrevs = map[string]abbrevClass{
	// References and page furniture: always followed by what they introduce.
	"cf.": abbrevPrefix, "p.": abbrevPrefix, "pp.": abbrevPrefix, "chap.": abbrevPrefix,
	"éd.": abbrevPrefix, "éds.": abbrevPrefix, "fig.": abbrevPrefix, "réf.": abbrevPrefix,
	"coll.": abbrevPrefix, "dir.": abbrevPrefix, "trad.": abbrevPrefix, "tél.": abbrevPrefix,
	"env.": abbrevPrefix, "ca.": abbrevPrefix, "approx.": abbrevPrefix, "vs.": abbrevPrefix,
	"bd.": abbrevPrefix, "boul.": abbrevPrefix, "resp.": abbrevPrefix, "hab.": abbrevOrdinary,
	// Eras: "av. J.-C.", "apr. J.-C."; "av." is also "avenue", again a prefix.
	"av.": abbrevPrefix, "apr.": abbrevPrefix,
	// Multi-part abbreviations scanned as one token.
	"c.-à-d.": abbrevPrefix, "c.-à-d": abbrevPrefix, "c.à.d.": abbrevPrefix, "p.ex.": abbrevPrefix,
	"p. ex.": abbrevPrefix, "j.-c.": abbrevOrdinary,
	// Phrase closers.
	"etc.": abbrevOrdinary, "inc.": abbrevOrdinary, "corp.": abbrevOrdinary,
	"ltd.": abbrevOrdinary, "co.": abbrevOrdinary, "cie.": abbrevOrdinary,
	"jr.": abbrevOrdinary, "sr.": abbrevOrdinary, "ibid.": abbrevOrdinary,
	"janv.": abbrevOrdinary, "févr.": abbrevOrdinary, "fév.": abbrevOrdinary,
	"avr.": abbrevOrdinary, "juil.": abbrevOrdinary, "oct.": abbrevOrdinary,
	"nov.": abbrevOrdinary, "déc.": abbrevOrdinary,
	// Spelt like words: the period is theirs only before a number or a
	// lower-case word.
	"sept.": abbrevWordlike, "art.": abbrevWordlike, "vol.": abbrevWordlike,
	"ex.": abbrevWordlike, "min.": abbrevWordlike, "max.": abbrevWordlike,
	"t.": abbrevWordlike, "no.": abbrevWordlike, "nos.": abbrevWordlike,
}

// elisionPrefixes are the French words that drop their final vowel before a
// vowel or a mute h and are then written with an apostrophe: "l'État",
// "qu'il", "jusqu'à". "presqu'" and "quelqu'" are deliberately absent:
// "presqu'île" and "quelqu'un" are lexical words.
var elisionPrefixes = map[string]bool{
	"l": true, "d": true, "j": true, "n": true, "s": true, "c": true, "m": true,
	"t": true, "ç": true, "qu": true, "jusqu": true, "lorsqu": true,
	"puisqu": true, "quoiqu": true,
}

// cliticPronouns may follow a verb after a hyphen ("dit-elle",
// "pensez-vous", "dis-le-moi", "allez-y", "va-t'en", "est-ce").
var cliticPronouns = map[string]bool{
	"je": true, "j": true, "tu": true, "il": true, "elle": true, "on": true,
	"nous": true, "vous": true, "ils": true, "elles": true, "ce": true,
	"le": true, "la": true, "les": true, "lui": true, "leur": true,
	"moi": true, "toi": true, "y": true, "en": true,
	"t'en": true, "m'en": true, "t'y": true, "m'y": true,
}

// euphonicTPronouns are the pronouns that take the euphonic "-t-":
// "a-t-il", "va-t-on", "aime-t-elle".
var euphonicTPronouns = map[string]bool{"il": true, "elle": true, "on": true, "ils": true, "elles": true}

// notInversions are lexicalised compounds whose last part looks like a
// clitic pronoun but which are one word: "un rendez-vous", "le qu'en-dira-t-on".
var notInversions = map[string]bool{
	"rendez-vous": true, "on-dit": true, "garde-à-vous": true, "m'as-tu-vu": true,
	"chez-moi": true, "chez-toi": true, "chez-soi": true, "chez-nous": true,
	"chez-vous": true, "chez-eux": true, "chez-lui": true, "chez-elle": true,
	"va-t-en-guerre": true, "entre-nous": true, "après-vous": true,
	"chacun-pour-soi": true, "qu'en-dira-t-on": true,
}

// sentenceStarters are capitalised words that typically open a French
// sentence: after an initial or a dotted acronym, only they mark a boundary
// ("… à l'O.N.U. Elle a …" is two sentences, "Raphaël S. Satter" is one).
// Keys are folded (lower case, ' for ’).
var sentenceStarters = map[string]bool{
	"le": true, "la": true, "les": true, "l'": true, "un": true, "une": true,
	"des": true, "de": true, "du": true, "d'": true, "ce": true, "cet": true,
	"cette": true, "ces": true, "c'": true, "cela": true, "ceci": true, "ça": true,
	"il": true, "elle": true, "ils": true, "elles": true, "on": true, "nous": true,
	"vous": true, "je": true, "j'": true, "tu": true, "mais": true, "et": true,
	"ou": true, "donc": true, "or": true, "ni": true, "car": true, "si": true,
	"s'": true, "en": true, "au": true, "aux": true, "à": true, "dans": true,
	"par": true, "pour": true, "sur": true, "sous": true, "avec": true,
	"sans": true, "selon": true, "après": true, "avant": true, "depuis": true,
	"pendant": true, "lors": true, "alors": true, "ainsi": true, "enfin": true,
	"puis": true, "ensuite": true, "cependant": true, "toutefois": true,
	"néanmoins": true, "pourtant": true, "désormais": true, "aujourd'hui": true,
	"hier": true, "demain": true, "mon": true, "ma": true, "mes": true,
	"son": true, "sa": true, "ses": true, "notre": true, "nos": true,
	"votre": true, "vos": true, "leur": true, "leurs": true, "quand": true,
	"comme": true, "qu'": true, "que": true, "qui": true, "quel": true,
	"quelle": true, "quels": true, "quelles": true, "tout": true, "toute": true,
	"tous": true, "toutes": true, "aucun": true, "aucune": true, "chaque": true,
	"plusieurs": true, "certains": true, "certaines": true, "n'": true,
	"ne": true, "non": true, "oui": true, "voici": true, "voilà": true,
	"parmi": true, "contre": true, "entre": true, "vers": true, "chez": true,
	"malgré": true, "dès": true, "jusqu'": true, "lorsque": true,
	"lorsqu'": true, "puisque": true, "même": true, "encore": true,
	"déjà": true, "plus": true, "moins": true, "autre": true, "autres": true,
	"y": true, "the": true, "a": true,
}

// tlds are the top-level domains that make "linkin-news.com" or "lemonde.fr"
// a URL without a scheme. Only lower-case, and only domains that do not
// collide with French words glued after a missing space ("fin.de").
var tlds = map[string]bool{
	"com": true, "fr": true, "org": true, "net": true, "info": true, "io": true,
	"eu": true, "be": true, "ch": true, "ca": true, "tn": true, "ma": true,
	"dz": true, "sn": true, "ci": true, "lu": true, "uk": true, "us": true,
	"gov": true, "edu": true, "int": true, "tv": true, "app": true, "dev": true,
	"news": true, "ai": true, "cm": true, "mc": true, "re": true, "qc": true,
}
