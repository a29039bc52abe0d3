package token

import (
	"strings"
	"testing"
	"unicode/utf8"
)

type tk struct {
	text string
	kind Kind
}

func w(s string) tk  { return tk{s, Word} }
func el(s string) tk { return tk{s, Elision} }
func cl(s string) tk { return tk{s, Clitic} }
func ab(s string) tk { return tk{s, Abbrev} }
func nu(s string) tk { return tk{s, Number} }
func or(s string) tk { return tk{s, Ordinal} }
func pu(s string) tk { return tk{s, Punct} }
func sy(s string) tk { return tk{s, Symbol} }

// tokenCases are hard French cases; many come from the seed articles.
var tokenCases = []struct {
	name string
	in   string
	want []tk
}{
	{"elision straight apostrophe", "l'administration", []tk{el("l'"), w("administration")}},
	{"elision typographic apostrophe (seed 000)", "L’administration Biden", []tk{el("L’"), w("administration"), w("Biden")}},
	{"elisions d' qu' j' n' s' c' m' t'", "d'abord qu'il j'ai n'est s'il c'est m'a t'aime",
		[]tk{el("d'"), w("abord"), el("qu'"), w("il"), el("j'"), w("ai"), el("n'"), w("est"), el("s'"), w("il"), el("c'"), w("est"), el("m'"), w("a"), el("t'"), w("aime")}},
	{"long elisions", "jusqu'à lorsqu'elle puisqu'on quoiqu'il",
		[]tk{el("jusqu'"), w("à"), el("lorsqu'"), w("elle"), el("puisqu'"), w("on"), el("quoiqu'"), w("il")}},
	{"elision before h", "l'hôpital d’Hafnium", []tk{el("l'"), w("hôpital"), el("d’"), w("Hafnium")}},
	{"elision only before a vowel or h", "l'Twitter", []tk{w("l'Twitter")}},
	{"lexical apostrophes", "aujourd'hui presqu'île prud'hommes quelqu’un",
		[]tk{w("aujourd'hui"), w("presqu'île"), w("prud'hommes"), w("quelqu’un")}},
	{"elision then lexical", "jusqu’aujourd’hui", []tk{el("jusqu’"), w("aujourd’hui")}},
	{"elision before a hyphenated word", "c'est-à-dire l'état-major", []tk{el("c'"), w("est-à-dire"), el("l'"), w("état-major")}},
	{"place name with elision inside", "Villeneuve-d'Ascq", []tk{w("Villeneuve-d'Ascq")}},
	{"hyphenated words (seeds)", "porte-parole cyber-voleur Storm-0558 mi-mai Midi-Pyrénées États-Unis",
		[]tk{w("porte-parole"), w("cyber-voleur"), w("Storm-0558"), w("mi-mai"), w("Midi-Pyrénées"), w("États-Unis")}},
	{"inversion with euphonic t", "a-t-il va-t-on a-t-elle", []tk{w("a"), cl("-t-il"), w("va"), cl("-t-on"), w("a"), cl("-t-elle")}},
	{"inversion", "dit-elle pensez-vous Est-ce", []tk{w("dit"), cl("-elle"), w("pensez"), cl("-vous"), w("Est"), cl("-ce")}},
	{"inversion with two clitics", "dis-le-moi allez-y donnez-en", []tk{w("dis"), cl("-le"), cl("-moi"), w("allez"), cl("-y"), w("donnez"), cl("-en")}},
	{"inversion in a question (seed 001)", "Comment Microsoft se comporte-t-il?",
		[]tk{w("Comment"), w("Microsoft"), w("se"), w("comporte"), cl("-t-il"), pu("?")}},
	{"inversion after elision", "qu'est-ce", []tk{el("qu'"), w("est"), cl("-ce")}},
	{"elision then inversion", "s’agit-il l’a-t-il", []tk{el("s’"), w("agit"), cl("-il"), el("l’"), w("a"), cl("-t-il")}},
	{"inversion with t'en", "va-t’en", []tk{w("va"), cl("-t’en")}},
	{"capital elisions", "L'ÉTAT JUSQU'À D’Artagnan", []tk{el("L'"), w("ÉTAT"), el("JUSQU'"), w("À"), el("D’"), w("Artagnan")}},
	{"English possessive", "Microsoft's Krebs’ blog", []tk{w("Microsoft's"), w("Krebs"), pu("’"), w("blog")}},
	{"lexicalised compound with elision", "le qu'en-dira-t-on", []tk{w("le"), w("qu'en-dira-t-on")}},
	{"inversion in capitals", "DIT-IL", []tk{w("DIT"), cl("-IL")}},
	{"not an inversion", "rendez-vous Rendez-Vous peut-être vis-à-vis celui-ci",
		[]tk{w("rendez-vous"), w("Rendez-Vous"), w("peut-être"), w("vis-à-vis"), w("celui-ci")}},
	{"grouped numbers (seed 000)", "30 000 clients et 250 000 dans le monde",
		[]tk{nu("30 000"), w("clients"), w("et"), nu("250 000"), w("dans"), w("le"), w("monde")}},
	{"grouped with no-break spaces", "1\u00a0200\u00a0000 et 30\u202f000",
		[]tk{nu("1\u00a0200\u00a0000"), w("et"), nu("30\u202f000")}},
	{"not grouped", "en 2021 30 organisations", []tk{w("en"), nu("2021"), nu("30"), w("organisations")}},
	{"not grouped: group of 4", "les 30 0000", []tk{w("les"), nu("30"), nu("0000")}},
	{"not grouped: group of 2", "le 12 45", []tk{w("le"), nu("12"), nu("45")}},
	{"decimals", "12,5 3.5 1 234,56", []tk{nu("12,5"), nu("3.5"), nu("1 234,56")}},
	{"percent", "12,5 % et 12,5%", []tk{nu("12,5"), sy("%"), w("et"), nu("12,5"), sy("%")}},
	{"ordinals", "1er 1re 2e 3ème XXIe Ier IIIe Ve", []tk{or("1er"), or("1re"), or("2e"), or("3ème"), or("XXIe"), or("Ier"), or("IIIe"), or("Ve")}},
	{"words that look Roman", "Le Ce De Me Cie Vie", []tk{w("Le"), w("Ce"), w("De"), w("Me"), w("Cie"), w("Vie")}},
	{"24/7 and times", "24/7 14h30 14h 14:30 12/03/2021", []tk{nu("24/7"), nu("14h30"), nu("14h"), nu("14:30"), nu("12/03/2021")}},
	{"broken 24/ 7 (seed 004)", "24/ 7.", []tk{nu("24"), pu("/"), nu("7"), pu(".")}},
	{"money", "5 € $5 5€ 3 £", []tk{nu("5"), sy("€"), sy("$"), nu("5"), nu("5"), sy("€"), nu("3"), sy("£")}},
	{"range", "2020-2021", []tk{nu("2020"), pu("-"), nu("2021")}},
	{"alphanumerics", "5G A320 COVID-19 Office 365", []tk{w("5G"), w("A320"), w("COVID-19"), w("Office"), nu("365")}},
	{"temperature", "40 °C", []tk{nu("40"), sy("°C")}},
	{"guillemets with no-break spaces", "«\u00a0menace active\u00a0»", []tk{pu("«"), w("menace"), w("active"), pu("»")}},
	{"single quotes around an elision", "‘l’État’", []tk{pu("‘"), el("l’"), w("État"), pu("’")}},
	{"curly quotes (seed 004)", "“désinformation”", []tk{pu("“"), w("désinformation"), pu("”")}},
	{"LaTeX quotes (seed 000)", "`` menace active ''", []tk{pu("``"), w("menace"), w("active"), pu("''")}},
	{"French spacing", "Pourquoi ? Voilà ! Ainsi : oui ; non…", []tk{w("Pourquoi"), pu("?"), w("Voilà"), pu("!"), w("Ainsi"), pu(":"), w("oui"), pu(";"), w("non"), pu("…")}},
	{"dashes and brackets (seed 003)", "WASHINGTON (Reuters) – L’Agence", []tk{w("WASHINGTON"), pu("("), w("Reuters"), pu(")"), pu("–"), el("L’"), w("Agence")}},
	{"em dash and brackets", "[voir] — fin", []tk{pu("["), w("voir"), pu("]"), pu("—"), w("fin")}},
	{"ellipses", "attaque… et ... puis ?!", []tk{w("attaque"), pu("…"), w("et"), pu("..."), w("puis"), pu("?!")}},
	{"abbreviations", "M. MM. Mme etc. janv. cf. p. 3", []tk{ab("M."), ab("MM."), w("Mme"), ab("etc."), ab("janv."), ab("cf."), ab("p."), nu("3")}},
	{"dotted acronyms", "U.S. O.N.U. av. J.-C.", []tk{ab("U.S."), ab("O.N.U."), ab("av."), ab("J.-C.")}},
	{"initials", "J. R. R. Tolkien", []tk{ab("J."), ab("R."), ab("R."), w("Tolkien")}},
	{"n°", "n° 5 et N°3", []tk{ab("n°"), nu("5"), w("et"), ab("N°"), nu("3")}},
	{"word-like abbreviation", "vol. 3 et le vol. Le", []tk{ab("vol."), nu("3"), w("et"), w("le"), w("vol"), pu("."), w("Le")}},
	{"URLs", "https://www.lemonde.fr/a_b(c). www.x.com,", []tk{{"https://www.lemonde.fr/a_b(c)", URL}, pu("."), {"www.x.com", URL}, pu(",")}},
	{"bare domain (seed 004)", "Linkin-news.com est", []tk{{"Linkin-news.com", URL}, w("est")}},
	{"missing space is not a domain", "fin.Les", []tk{w("fin"), pu("."), w("Les")}},
	{"e-mail", "à jean.dupont@example.fr.", []tk{w("à"), {"jean.dupont@example.fr", Email}, pu(".")}},
	{"handle and hashtag", "@Microsoft #cybersécurité #1", []tk{{"@Microsoft", Handle}, {"#cybersécurité", Hashtag}, sy("#"), nu("1")}},
	{"emoji (seed 003)", "(NASDAQ 🙂 👍🏽 🇫🇷", []tk{pu("("), w("NASDAQ"), {"🙂", Emoji}, {"👍🏽", Emoji}, {"🇫🇷", Emoji}}},
	{"soft hyphen and zero-width space", "infor\u00admation\u200bici", []tk{w("infor\u00admation"), w("ici")}},
	{"invalid UTF-8", "a\xffb", []tk{w("a"), {"\xff", Other}, w("b")}},
}

func TestTokenize(t *testing.T) {
	t.Parallel()
	for _, tc := range tokenCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := Tokenize(tc.in)
			checkTokens(t, tc.in, got)
			var g, want []string
			for _, x := range got {
				g = append(g, x.Text+"/"+x.Kind.String())
			}
			for _, x := range tc.want {
				want = append(want, x.text+"/"+x.kind.String())
			}
			if strings.Join(g, " | ") != strings.Join(want, " | ") {
				t.Errorf("Tokenize(%q):\n got  %q\n want %q", tc.in, g, want)
			}
		})
	}
}

// checkTokens asserts the invariants every result of Tokenize must keep.
func checkTokens(t *testing.T, in string, toks []Token) {
	t.Helper()
	prev := 0
	for i, x := range toks {
		if x.Start < prev || x.End <= x.Start || x.End > len(in) {
			t.Fatalf("token %d [%d,%d) out of order or bounds (prev end %d, len %d)", i, x.Start, x.End, prev, len(in))
		}
		if x.Text != in[x.Start:x.End] {
			t.Fatalf("token %d Text %q != text[%d:%d]", i, x.Text, x.Start, x.End)
		}
		if gap := in[prev:x.Start]; !isBlankText(gap) {
			t.Fatalf("text %q before token %d is in no token", gap, i)
		}
		if x.Kind != Other && !utf8.ValidString(x.Text) {
			t.Fatalf("token %d %q holds invalid UTF-8 but is %v", i, x.Text, x.Kind)
		}
		prev = x.End
	}
	if gap := in[prev:]; !isBlankText(gap) {
		t.Fatalf("text %q after the last token is in no token", gap)
	}
}

func TestTokenizeSeeds(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"000_0d69b5ed976f889e.txt", "001_cc16c35db3f2b0c5.txt", "002_51142fb75a9e2d2c.txt", "003_42884da85b922804.txt", "004_1ac107a302d2e3f1.txt"} {
		in := readSeed(t, name)
		toks := Tokenize(in)
		checkTokens(t, in, toks)
		for _, x := range toks {
			if x.Kind == Other {
				t.Errorf("%s: unexpected Other token %q at %d", name, x.Text, x.Start)
			}
		}
	}
}

func TestKindString(t *testing.T) {
	t.Parallel()
	if Clitic.String() != "Clitic" || Emoji.String() != "Emoji" || Kind(200).String() != "Kind(200)" {
		t.Errorf("Kind.String: %s %s %s", Clitic, Emoji, Kind(200))
	}
	for k := Other; k <= Emoji; k++ {
		want := k == Word || k == Elision || k == Clitic || k == Abbrev || k == Number || k == Ordinal
		if k.IsWord() != want {
			t.Errorf("%v.IsWord() = %v", k, k.IsWord())
		}
	}
}
