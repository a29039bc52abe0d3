package typo

import (
	"strings"
	"testing"
	"unicode"
)

// v makes no-break spaces writable in test tables: ~ is U+00A0 and ^ is
// U+202F.
func v(s string) string {
	return strings.NewReplacer("~", NBSP, "^", NNBSP).Replace(s)
}

// vis is the inverse of v, for readable failure messages.
func vis(s string) string {
	return strings.NewReplacer(NBSP, "~", NNBSP, "^").Replace(s)
}

type fixCase struct {
	name, in, want string
	rules          []string // rules Check must report, in order of first appearance; nil = don't care
}

// fixCases are French sentences, most of them from plume's seed inputs
// (testdata/seeds), with the typography the Lexique asks for.
var fixCases = []fixCase{
	// quotes
	{"seed curly quotes", "“Storm-0558 cible principalement les agences gouvernementales d’Europe occidentale”, a déclaré la société.",
		"«~Storm-0558 cible principalement les agences gouvernementales d’Europe occidentale~», a déclaré la société.", []string{RuleQuotes}},
	{"seed guillemets already right", "« C’est une menace active », a déclaré la porte-parole de la Maison Blanche.",
		"«~C’est une menace active~», a déclaré la porte-parole de la Maison Blanche.", []string{RuleQuotes}},
	{"seed guillemets nbsp kept", "«~C’est une menace active~», a déclaré la porte-parole.", "«~C’est une menace active~», a déclaré la porte-parole.", nil},
	{"seed glued guillemets", "des pirates avaient «pris le contrôle» de milliers de systèmes", "des pirates avaient «~pris le contrôle~» de milliers de systèmes", []string{RuleQuotes}},
	{"seed latex quotes", "met en garde contre une `` menace active ''  des pirates de messagerie Microsoft",
		"met en garde contre une «~menace active~» des pirates de messagerie Microsoft", []string{RuleQuotes, RuleSpacing}},
	{"latex quotes glued", "une ``menace active'' des pirates", "une «~menace active~» des pirates", nil},
	{"straight quotes", `Pékin a dénoncé une "désinformation" américaine.`, "Pékin a dénoncé une «~désinformation~» américaine.", []string{RuleQuotes}},
	{"straight quotes with inner spaces", `il a parlé de " menace active " hier`, "il a parlé de «~menace active~» hier", nil},
	{"nested straight in straight", `"Il a dit "non" hier", selon lui.`, "«~Il a dit “non” hier~», selon lui.", nil},
	{"nested curly in guillemets kept", "« Il a dit “non” hier », selon lui.", "«~Il a dit “non” hier~», selon lui.", nil},
	{"nested straight in guillemets", `« Il a parlé de "SolarWinds" hier »`, "«~Il a parlé de “SolarWinds” hier~»", nil},
	{"curly pair in curly", "“Le groupe “Hafnium” est actif”", "«~Le groupe “Hafnium” est actif~»", nil},
	{"unpaired straight quote kept", `un écran de 27" et un clavier`, `un écran de 27" et un clavier`, nil},
	{"quote ends sentence", `Il a qualifié l’attaque de "très peu professionnelle".`, "Il a qualifié l’attaque de «~très peu professionnelle~».", nil},
	{"space before opening guillemet", "le groupe«Hafnium» agit", "le groupe «~Hafnium~» agit", nil},
	{"seed quote before colon", "Microsoft : la Maison Blanche met en garde contre une « réelle menace » de pirater",
		"Microsoft~: la Maison Blanche met en garde contre une «~réelle menace~» de pirater", []string{RuleNbspBeforeHigh, RuleQuotes}},
	{"quote then comma spacing", "« C’est une menace active » , a-t-elle dit", "«~C’est une menace active~», a-t-elle dit", nil},

	// high punctuation
	{"seed question", "Que savons-nous du piratage?", "Que savons-nous du piratage^?", []string{RuleNbspBeforeHigh}},
	{"seed question 2", "Comment Microsoft se comporte-t-il?", "Comment Microsoft se comporte-t-il^?", nil},
	{"exclamation", "C’est une menace active!", "C’est une menace active^!", nil},
	{"semicolon spaced", "Microsoft a publié des correctifs ; la CISA a réagi.", "Microsoft a publié des correctifs^; la CISA a réagi.", nil},
	{"colon glued", "Deux chiffres: 20 000 et 30 000.", "Deux chiffres~: 20^000 et 30^000.", nil},
	{"colon double space", "Microsoft  :  la Maison Blanche", "Microsoft~: la Maison Blanche", nil},
	{"interrobang kept together", "Vraiment?!", "Vraiment^?!", nil},
	{"ellipsis before question", "Et ensuite...?", "Et ensuite…^?", nil},
	{"colon time untouched", "la réunion de 14:30 a été annulée", "la réunion de 14:30 a été annulée", nil},
	{"question after quote", "A-t-il dit « oui »?", "A-t-il dit «~oui~»^?", nil},
	{"colon at line end", "Share:", "Share~:", nil},
	{"thin style for colon", "Note: voir plus bas", "Note~: voir plus bas", nil},
	{"parenthesised question kept", "il aurait (?) agi seul", "il aurait (?) agi seul", nil},

	// apostrophes
	{"apostrophe l'État", "l'État et les agences d'aujourd'hui", "l’État et les agences d’aujourd’hui", []string{RuleApostrophe}},
	{"apostrophe capital", "L'administration Biden devrait former un groupe", "L’administration Biden devrait former un groupe", nil},
	{"apostrophe in URL kept", "voir https://example.com/l'etat?q=l'État pour plus", "voir https://example.com/l'etat?q=l'État pour plus", nil},
	{"apostrophe in code kept", "la commande `git commit -m 'l'État'` échoue", "la commande `git commit -m 'l'État'` échoue", nil},
	{"apostrophe in e-mail kept", "écrire à o'neil@example.fr aujourd'hui", "écrire à o'neil@example.fr aujourd’hui", nil},
	{"english single quotes kept", "the so-called 'active threat' label", "the so-called 'active threat' label", nil},
	{"left single quote as apostrophe", "l‘attaque", "l’attaque", nil},
	{"elision with a space", "A Najaf, l' État et qu’ il", "A Najaf, l’État et qu’il", []string{RuleApostrophe}},
	{"english possessive kept", "the students' essays", "the students' essays", nil},

	// numbers
	{"seed grouped number", "au moins 30 000 organisations", "au moins 30^000 organisations", []string{RuleNumberGrouping}},
	{"seed two numbers", "30 000 clients concernés aux États-Unis et 250 000 dans le monde", "30^000 clients concernés aux États-Unis et 250^000 dans le monde", nil},
	{"unspaced five digits", "au moins 30000 organisations", "au moins 30^000 organisations", nil},
	{"unspaced million", "1200000 comptes", "1^200^000 comptes", nil},
	{"spaced million", "1 200 000 comptes", "1^200^000 comptes", nil},
	{"nbsp group becomes narrow", "250~000 victimes", "250^000 victimes", nil},
	{"year kept", "en 2021, Microsoft a accusé la Chine", "en 2021, Microsoft a accusé la Chine", nil},
	{"year 1992 kept", "une présence sur le sol chinois depuis 1992.", "une présence sur le sol chinois depuis 1992.", nil},
	{"date kept", "Dans la directive du 2 avril 2024, l’agence prévenait", "Dans la directive du 2 avril 2024, l’agence prévenait", nil},
	{"identifier Storm", "le groupe Storm-0558 a forgé des jetons", "le groupe Storm-0558 a forgé des jetons", nil},
	{"identifier CVE", "la faille CVE-2021-26855 de Microsoft Exchange", "la faille CVE-2021-26855 de Microsoft Exchange", nil},
	{"product Office 365", "une compromission du système Office 365 de Microsoft", "une compromission du système Office 365 de Microsoft", nil},
	{"product iOS 17", "la mise à jour iOS 17 corrige la faille", "la mise à jour iOS 17 corrige la faille", nil},
	{"time 14h30", "le point de presse de 14h30", "le point de presse de 14h30", nil},
	{"decimal percent", "une hausse de 12,5 % en un an", "une hausse de 12,5~% en un an", []string{RuleSpacing}},
	{"glued percent", "une hausse de 12,5% en un an", "une hausse de 12,5~% en un an", nil},
	{"currency grouped", "une amende de 30000 €", "une amende de 30^000~€", []string{RuleNumberGrouping, RuleSpacing}},
	{"four digits before currency", "un budget de 1500 € par mois", "un budget de 1^500~€ par mois", nil},
	{"four digit decimal before currency", "1500,50 € TTC", "1^500,50~€ TTC", nil},
	{"unit km", "à 5 km de la base", "à 5~km de la base", nil},
	{"range kept", "entre 2020-2021 et 1992-1995", "entre 2020-2021 et 1992-1995", nil},
	{"postal code kept", "au 12 rue de Rivoli, 75001 Paris", "au 12 rue de Rivoli, 75001 Paris", nil},
	{"phone kept", "appelez le 01 23 45 67 89 ou le 0612345678", "appelez le 01 23 45 67 89 ou le 0612345678", nil},
	{"international phone kept", "au +33 123 456 789", "au +33 123 456 789", nil},
	{"seed 24/7 kept", "Nous sommes disponibles 24/7. Appelez-nous dès maintenant.", "Nous sommes disponibles 24/7. Appelez-nous dès maintenant.", nil},
	{"decimal part not grouped", "pi vaut 3,14159265", "pi vaut 3,14159265", nil},
	{"year then amount", "en 2021 200 000 personnes", "en 2021 200^000 personnes", nil},
	{"ungroupable mix kept", "les lots 12345 678 sont", "les lots 12345 678 sont", nil},
	{"version kept", "la version 10.15000 du logiciel", "la version 10.15000 du logiciel", nil},

	// ellipsis, dashes, ordinals
	{"ellipsis", "Il s’agit d’une menace... active", "Il s’agit d’une menace… active", []string{RuleEllipsis}},
	{"seed spaced ellipsis", "« Il s’agit d’une menace efficace et active … tout le monde", "«~Il s’agit d’une menace efficace et active… tout le monde", nil},
	{"bracket ellipsis", "Il a ajouté [...] que", "Il a ajouté […] que", nil},
	{"etc dots", "des universités, des ONG, etc...", "des universités, des ONG, etc.", []string{RuleEllipsis}},
	{"etc ellipsis", "des ONG, etc… et d’autres", "des ONG, etc. et d’autres", nil},
	{"incise dash", "un autre piratage - imputé à la Chine - avait pu être évité",
		"un autre piratage – imputé à la Chine – avait pu être évité", []string{RuleDash}},
	{"double hyphen dash", "tous ceux qui dirigent ces serveurs -- gouvernement, secteur privé", "tous ceux qui dirigent ces serveurs – gouvernement, secteur privé", nil},
	{"seed en dash kept", "WASHINGTON (Reuters) – L’Agence américaine", "WASHINGTON (Reuters) – L’Agence américaine", nil},
	{"hyphen in words kept", "porte-parole, cyber-voleur, a-t-elle", "porte-parole, cyber-voleur, a-t-elle", nil},
	{"leading dash kept", "- premier point", "- premier point", nil},
	{"minus between numbers kept", "10 - 3 font 7", "10 - 3 font 7", nil},
	{"ordinal ème", "le 2ème groupe", "le 2e groupe", []string{RuleOrdinal}},
	{"ordinal ère", "la 1ère fois", "la 1re fois", nil},
	{"ordinal plural", "les 3èmes places", "les 3es places", nil},
	{"ordinal nde", "la 2nde guerre", "la 2de guerre", nil},
	{"ordinal 1er kept", "le 1er avril et le 2e jour", "le 1er avril et le 2e jour", nil},
	{"roman ordinal", "au XIXème siècle", "au XIXe siècle", nil},

	// spacing
	{"double spaces", "La Maison  Blanche a   refusé", "La Maison Blanche a refusé", []string{RuleSpacing}},
	{"line edges", "  La Maison Blanche a refusé de commenter.  ", "La Maison Blanche a refusé de commenter.", nil},
	{"space before comma", "Microsoft , Google et Meta", "Microsoft, Google et Meta", nil},
	{"space before full stop", "la situation était une menace active .", "la situation était une menace active.", nil},
	{"space inside parentheses", "( NASDAQ )", "(NASDAQ)", nil},
	{"seed parentheses kept", "Microsoft (NASDAQ) pour voler", "Microsoft (NASDAQ) pour voler", nil},
	{"missing space after comma", "Facebook,Twitter et LinkedIn", "Facebook, Twitter et LinkedIn", nil},
	{"decimal comma kept", "une part de 12,5 sur 100", "une part de 12,5 sur 100", nil},
	{"civility M.", "selon M. Sullivan et Mme Psaki", "selon M.~Sullivan et Mme~Psaki", nil},
	{"newlines kept", "Titre\n\n  Paragraphe un.\nLigne deux.  \n", "Titre\n\nParagraphe un.\nLigne deux.\n", nil},
	{"tab becomes space", "Microsoft\tExchange", "Microsoft Exchange", nil},
	{"dotnet kept", "le framework .NET de Microsoft", "le framework .NET de Microsoft", nil},
	{"domain kept", "Linkin-news.com est un journal électronique tunisien", "Linkin-news.com est un journal électronique tunisien", nil},
	{"url sentence", "Lire https://www.reuters.com/article?id=1, puis écrire à contact@plume.fr.", "Lire https://www.reuters.com/article?id=1, puis écrire à contact@plume.fr.", nil},
	{"url then question", "Avez-vous lu https://example.com/faq?", "Avez-vous lu https://example.com/faq^?", nil},
	{"html entity kept", "AT&amp;T et Verizon", "AT&amp;T et Verizon", nil},
	{"html tag kept", `<a href="https://x.fr" title="l'État">l'État</a> : voir`, `<a href="https://x.fr" title="l'État">l’État</a>~: voir`, nil},
	{"empty", "", "", nil},
}

func TestFix(t *testing.T) {
	t.Parallel()
	if len(fixCases) < 60 {
		t.Fatalf("only %d cases", len(fixCases))
	}
	st := DefaultStyle()
	for _, c := range fixCases {
		in, want := v(c.in), v(c.want)
		got := Fix(in, st)
		if got != want {
			t.Errorf("%s: Fix(%q)\n got %q\nwant %q", c.name, vis(in), vis(got), vis(want))
			continue
		}
		if again := Fix(got, st); again != got {
			t.Errorf("%s: not idempotent: %q -> %q", c.name, vis(got), vis(again))
		}
		issues := Check(in, st)
		if (len(issues) == 0) != (in == want) {
			t.Errorf("%s: Check found %d issues but Fix changed=%v", c.name, len(issues), in != want)
		}
		if applied := Apply(in, issues); applied != want {
			t.Errorf("%s: Apply(Check) = %q, want %q", c.name, vis(applied), vis(want))
		}
		if c.rules != nil {
			var seen []string
			for _, is := range issues {
				if !contains(seen, is.Rule) {
					seen = append(seen, is.Rule)
				}
			}
			if strings.Join(seen, ",") != strings.Join(c.rules, ",") {
				t.Errorf("%s: rules %v, want %v", c.name, seen, c.rules)
			}
		}
		if c := Check(want, st); len(c) != 0 {
			t.Errorf("%s: Check(fixed) = %+v, want none", c[0].Rule, c)
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func TestStyles(t *testing.T) {
	t.Parallel()
	in := `Que savons-nous? Note: "menace" ; fin!`
	cases := []struct {
		st   Style
		want string
	}{
		{DefaultStyle(), "Que savons-nous^? Note~: «~menace~»^; fin^!"},
		{Style{}, "Que savons-nous~? Note~: «~menace~»~; fin~!"},
		{Style{ThinBeforeHighPunct: true, ThinBeforeColon: true, ThinInsideGuillemets: true}, "Que savons-nous^? Note^: «^menace^»^; fin^!"},
	}
	for _, c := range cases {
		if got := Fix(in, c.st); got != v(c.want) {
			t.Errorf("%+v: got %q, want %q", c.st, vis(got), c.want)
		}
	}
	// Optional rewrites are off in the zero Style.
	for in, want := range map[string]string{
		"le 2ème groupe":      "le 2ème groupe",
		"M. Dupont":           "M. Dupont",
		"un budget de 1500 €": "un budget de 1500~€",
	} {
		if got := Fix(in, Style{}); got != v(want) {
			t.Errorf("zero Style: Fix(%q) = %q, want %q", in, vis(got), want)
		}
	}
}

func TestCheckOffsets(t *testing.T) {
	t.Parallel()
	s := "l'État a dit: \"non\"..." // É is two bytes
	issues := Check(s, DefaultStyle())
	want := []Issue{
		{Start: 1, End: 2, Rule: RuleApostrophe, Found: "'", Want: "’"},
		{Start: 13, End: 13, Rule: RuleNbspBeforeHigh, Found: "", Want: NBSP},
		{Start: 15, End: 16, Rule: RuleQuotes, Found: `"`, Want: "«" + NBSP},
		{Start: 19, End: 20, Rule: RuleQuotes, Found: `"`, Want: NBSP + "»"},
		{Start: 20, End: 23, Rule: RuleEllipsis, Found: "...", Want: "…"},
	}
	if len(issues) != len(want) {
		t.Fatalf("got %d issues %+v, want %d", len(issues), issues, len(want))
	}
	for i := range want {
		if issues[i] != want[i] {
			t.Errorf("issue %d = %+v, want %+v", i, issues[i], want[i])
		}
		if s[issues[i].Start:issues[i].End] != issues[i].Found {
			t.Errorf("issue %d: Found %q is not s[%d:%d]", i, issues[i].Found, issues[i].Start, issues[i].End)
		}
	}
}

// letters returns the letters and digits of s: the invariant of Fix.
func letters(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestCheckSeeds(t *testing.T) {
	t.Parallel()
	known := map[string]bool{RuleQuotes: true, RuleNbspBeforeHigh: true, RuleApostrophe: true, RuleNumberGrouping: true,
		RuleEllipsis: true, RuleOrdinal: true, RuleDash: true, RuleSpacing: true}
	st := DefaultStyle()
	for i, s := range seedTexts(t) {
		issues := Check(s, st)
		if len(issues) == 0 {
			t.Errorf("seed %d: no issue found", i)
		}
		last := -1
		for _, is := range issues {
			if !known[is.Rule] {
				t.Errorf("seed %d: unknown rule %q", i, is.Rule)
			}
			if is.Start < last || is.End < is.Start || s[is.Start:is.End] != is.Found || is.Found == is.Want {
				t.Errorf("seed %d: bad issue %+v after offset %d", i, is, last)
			}
			last = is.End
		}
		fixed := Fix(s, st)
		if Apply(s, issues) != fixed {
			t.Errorf("seed %d: Apply(Check) != Fix", i)
		}
		// Every curly or LaTeX quotation of the seeds is paired: none is left.
		if strings.ContainsAny(fixed, "“”") || strings.Contains(fixed, "``") {
			t.Errorf("seed %d: English quotes left", i)
		}
		if strings.Count(fixed, "«") != strings.Count(fixed, "«"+NBSP) || strings.Count(fixed, "»") != strings.Count(fixed, NBSP+"»") {
			t.Errorf("seed %d: a guillemet without its no-break space", i)
		}
	}
}
