package figure

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// want is the part of a Figure a test asserts.
type want struct {
	text  string
	key   string
	q     Qualifier
	noun  string
	vague bool
}

func checkFigures(t *testing.T, sentence string, got []Figure, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		var texts []string
		for _, f := range got {
			texts = append(texts, f.Text+" ["+f.Key()+"]")
		}
		t.Fatalf("Figures(%q) gave %d figures %q, want %d", sentence, len(got), texts, len(wants))
	}
	for k, w := range wants {
		f := got[k]
		if f.Text != w.text || f.Key() != w.key || f.Qualifier != w.q || f.Noun != w.noun || f.Vague != w.vague {
			t.Errorf("Figures(%q)[%d] = {%q %s %s noun=%q vague=%v}, want {%q %s %s noun=%q vague=%v}",
				sentence, k, f.Text, f.Key(), f.Qualifier, f.Noun, f.Vague, w.text, w.key, w.q, w.noun, w.vague)
		}
		if sentence[f.Start:f.End] != f.Text {
			t.Errorf("offsets [%d:%d] give %q, Text is %q", f.Start, f.End, sentence[f.Start:f.End], f.Text)
		}
	}
}

// TestFiguresSeeds asserts the figures a journalist would list from the
// sentences of the five seed articles (copied verbatim).
func TestFiguresSeeds(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		sentence string
		want     []want
	}{
		{"000 victims", "Il y a environ 30 000 clients concernés aux États-Unis et 250 000 dans le monde, bien que ces chiffres devraient augmenter, a déclaré le responsable américain à CNN.",
			[]want{{"environ 30 000", "count:30000", About, "clients", false}, {"250 000", "count:250000", Exact, "", false}}},
		{"001 tens of thousands", "Il est également signalé que des dizaines de milliers d’organisations américaines peuvent être touchées.",
			[]want{{"des dizaines de milliers", "vague-count:20000", Exact, "organisations", true}}},
		{"001 Reuters", "Et Reuters rapporte que plus de 20 000 organisations aux États-Unis sont infiltrées, en plus de nombreuses autres touchées dans le monde.",
			[]want{{"plus de 20 000", "count:20000", MoreThan, "organisations", false}}},
		{"001 Krebs", "« Au moins 30 000 entreprises à travers les États-Unis – y compris un grand nombre de petites entreprises, villes, communes et gouvernements locaux – sont compromises ces derniers jours par une unité de cyber espionnage chinoise agressive axée sur le vol », déclare Krebs dans un message, sur son blog E-mail des organisations de victimes.",
			[]want{{"Au moins 30 000", "count:30000", AtLeast, "entreprises", false}}},
		{"001 since 1992", "Alors que de nombreuses entreprises technologiques américaines connaissent une relation tumultueuse avec le gouvernement chinois, Microsoft maintient une présence sur le sol chinois depuis 1992.",
			[]want{{"1992", "year:1992", Exact, "", false}}},
		{"001 ad headline", "Google et Microsoft investissent des millions pour autonomiser les femmes africaines",
			[]want{{"des millions", "vague-count:2000000", Exact, "", true}}},
		{"002 headline", "La campagne de piratage chinois cible des milliers d’organisations américaines",
			[]want{{"des milliers", "vague-count:2000", Exact, "organisations", true}}},
		{"002 Krebs", "Une récente campagne de cyberespionnage chinoise « inhabituellement agressive » a ciblé au moins 30 000 organisations américaines, y compris le gouvernement local, a déclaré un spécialiste de la sécurité informatique.",
			[]want{{"au moins 30 000", "count:30000", AtLeast, "organisations", false}}},
		{"002 thousands of systems", "Il a rapporté que des initiés ont déclaré que les pirates avaient «pris le contrôle» de milliers de systèmes informatiques à travers le monde en utilisant des outils logiciels protégés par mot de passe insérés dans les systèmes.",
			[]want{{"milliers", "vague-count:2000", Exact, "systèmes", true}}},
		{"003 date is not a figure", "Dans la directive du 2 avril, l’agence prévenait que des pirates exploitaient les informations d’authentification partagées par courrier électronique pour tenter de s’introduire dans les systèmes des clients de Microsoft, y compris ceux d’un nombre indéterminé d’agences gouvernementales.",
			nil},
		{"003 brief", "Make this article seo compatible, Let there be subheadings for the article, be in french, create at least 700 words",
			[]want{{"700", "count:700", Exact, "words", false}}},
		{"004 24/7", "Nous sommes disponibles 24/ 7. Appelez-nous dès maintenant.",
			[]want{{"24/ 7", "ratio:24/7", Exact, "", false}}},
		{"004 about 25", "Des pirates informatiques basés en Chine ont accédé aux comptes de messagerie d’environ 25 organisations, y compris des agences gouvernementales, selon Microsoft.",
			[]want{{"environ 25", "count:25", About, "organisations", false}}},
		{"004 product and code names", "“Microsoft a informé le département d’une compromission du système Office 365 de Microsoft, et le département a pris des mesures immédiates pour y répondre”, a déclaré un porte-parole du ministère américain du Commerce.",
			nil},
		{"004 Storm-0558", "Microsoft a déclaré que le groupe de pirates informatiques basé en Chine – qu’il désigne sous le nom de Storm-0558 – avait accédé à des comptes de messagerie en falsifiant les jetons d’authentification numérique requis par le système.",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			checkFigures(t, tt.sentence, Figures(tt.sentence), tt.want)
		})
	}
}

// TestFiguresForms covers the written forms the seeds do not show.
func TestFiguresForms(t *testing.T) {
	t.Parallel()
	tests := []struct {
		sentence string
		want     []want
	}{
		{"Le taux atteint 12,5 % cette année, contre 11 pour cent.",
			[]want{{"12,5 %", "percent:12.5:%", Exact, "", false}, {"11 pour cent", "percent:11:%", Exact, "", false}}},
		{"Près de 40 % des électeurs", []want{{"Près de 40 %", "percent:40:%", Nearly, "électeurs", false}}},
		{"1,2 million de personnes", []want{{"1,2 million", "count:1200000", Exact, "personnes", false}}},
		{"Un budget de 5 millions de dollars, soit 3 € par habitant, $5 ou 4,5 M€.",
			[]want{{"5 millions de dollars", "money:5000000:USD", Exact, "", false}, {"3 €", "money:3:EUR", Exact, "", false},
				{"$5", "money:5:USD", Exact, "", false}, {"4,5 M€", "money:4500000:EUR", Exact, "", false}}},
		{"Vingt-cinq personnes, mille soldats, quatre-vingt-dix-neuf ans et soixante et onze pays.",
			[]want{{"Vingt-cinq", "count:25", Exact, "personnes", false}, {"mille", "count:1000", Exact, "soldats", false},
				{"quatre-vingt-dix-neuf", "count:99", Exact, "ans", false}, {"soixante et onze", "count:71", Exact, "pays", false}}},
		{"deux cent mille manifestants et trois millions d'euros",
			[]want{{"deux cent mille", "count:200000", Exact, "manifestants", false}, {"trois millions d'euros", "money:3000000:EUR", Exact, "", false}}},
		{"Deux pays et trois villes.", []want{{"Deux", "count:2", Exact, "pays", false}, {"trois", "count:3", Exact, "villes", false}}},
		{"la 3e édition et la troisième fois", []want{{"3e", "ordinal:3", Exact, "édition", false}, {"troisième", "ordinal:3", Exact, "fois", false}}},
		{"Plus d'un million de personnes", []want{{"Plus d'un million", "count:1000000", MoreThan, "personnes", false}}},
		{"jusqu’à 300 euros et moins de 10 000 habitants",
			[]want{{"jusqu’à 300 euros", "money:300:EUR", UpTo, "", false}, {"moins de 10 000", "count:10000", LessThan, "habitants", false}}},
		{"une dizaine de victimes", []want{{"une dizaine", "count:10", About, "victimes", false}}},
		{"plus d’une dizaine de victimes", []want{{"plus d’une dizaine", "count:10", MoreThan, "victimes", false}}},
		{"plusieurs centaines de millions de dollars", []want{{"plusieurs centaines de millions de dollars", "vague-money:200000000:USD", Exact, "", true}}},
		{"En 2021, fin 2020 et mi-2021, 2000 personnes.",
			[]want{{"2021", "year:2021", Exact, "", false}, {"2020", "year:2020", Exact, "", false}, {"2021", "year:2021", Exact, "", false},
				{"2000", "count:2000", Exact, "personnes", false}}},
		{"-3 % puis +5,2 %, 2 500 km et 30 tonnes",
			[]want{{"-3 %", "percent:-3:%", Exact, "", false}, {"+5,2 %", "percent:5.2:%", Exact, "", false},
				{"2 500 km", "count:2500:km", Exact, "", false}, {"30 tonnes", "count:30:t", Exact, "", false}}},
		{"30 000 petites entreprises", []want{{"30 000", "count:30000", Exact, "entreprises", false}}},
		{"pas moins de 12 pays", []want{{"pas moins de 12", "count:12", AtLeast, "pays", false}}},
		{"Quelque 5 000 soldats", []want{{"Quelque 5 000", "count:5000", About, "soldats", false}}},
		{"Les 10 et 11 avril, 3 000 personnes", []want{{"3 000", "count:3000", Exact, "personnes", false}}},
		// Numbers that are names, codes, references or articles.
		{"la Ligue 1, le G7, la COVID-19, Windows 11, l'article 5, un tout neuf, remis à neuf, la version 2", nil},
		{"le 14 juillet à 14h30", nil},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			t.Parallel()
			checkFigures(t, tt.sentence, Figures(tt.sentence), tt.want)
		})
	}
}

// TestKeyEquality checks that one figure written differently has one key,
// and that different figures do not.
func TestKeyEquality(t *testing.T) {
	t.Parallel()
	groups := [][]string{
		{"30 000 clients", "30\u00a0000 clients", "30\u202f000 clients", "30000 clients", "30.000 clients", "trente mille clients"},
		{"1,2 million", "1 200 000", "1.2 million", "1 million 200 000"[:0] + "1200000"},
		{"12,5 %", "12,5%", "12,5 pour cent", "12.5 %"},
		{"5 millions de dollars", "5 000 000 $", "$5000000", "cinq millions de dollars"},
		{"plus de 20 000", "20 000", "vingt mille"},
	}
	var keys []string
	for _, g := range groups {
		first := ""
		for _, s := range g {
			fs := Figures(s)
			if len(fs) != 1 {
				t.Fatalf("Figures(%q) = %d figures, want 1", s, len(fs))
			}
			if first == "" {
				first = fs[0].Key()
			} else if fs[0].Key() != first {
				t.Errorf("Key(%q) = %q, want %q like %q", s, fs[0].Key(), first, g[0])
			}
		}
		keys = append(keys, first)
	}
	seen := map[string]bool{}
	for _, k := range keys {
		if seen[k] {
			t.Errorf("two groups share key %q", k)
		}
		seen[k] = true
	}
	if a, b := Figures("20 000 organisations")[0], Figures("20 000 organisation")[0]; a.NounLemma() != b.NounLemma() {
		t.Errorf("NounLemma %q != %q", a.NounLemma(), b.NounLemma())
	}
}

type wantDate struct {
	text string
	key  string
}

func TestDates(t *testing.T) {
	t.Parallel()
	tests := []struct {
		sentence string
		want     []wantDate
	}{
		// Seed sentences.
		{"L’attachée de presse de la Maison Blanche, Jen Psaki, a déclaré vendredi que « tous ceux qui dirigent ces serveurs – gouvernement, secteur privé, universités – doivent agir maintenant pour les corriger ».",
			[]wantDate{{"vendredi", "wd=fri"}}},
		{"Les avertissements de Psaki faisaient suite à un tweet du conseiller à la sécurité nationale Jake Sullivan jeudi soir qui soulignait à quel point l’administration Biden était préoccupée.",
			[]wantDate{{"jeudi soir", "wd=thu;part=soir"}}},
		{"Microsoft signale que l’attaque n’est en aucun cas liée à celle dite « SolarWinds » qui a frappé les agences gouvernementales américaines à la fin de l’année dernière.",
			[]wantDate{{"fin de l’année dernière", "phase=fin;rel=-1y"}}},
		{"Microsoft a déclaré en début de semaine qu’un groupe de piratage financé par l’État et opérant en Chine exploitait des failles de sécurité jusque-là inconnues dans ses services de messagerie Exchange pour voler des données aux utilisateurs professionnels.",
			[]wantDate{{"début de semaine", "phase=début;rel=0w"}}},
		{"En janvier, les services de renseignement et d’application de la loi américains ont déclaré que la Russie était probablement à l’origine du piratage massif de SolarWinds.",
			[]wantDate{{"janvier", "m=01"}}},
		{"Dans la directive du 2 avril, l’agence prévenait que des pirates exploitaient les informations d’authentification.",
			[]wantDate{{"2 avril", "m=04;d=02"}}},
		{"L’avertissement fait suite à l’annonce faite par la société en mars selon laquelle elle était toujours aux prises avec les intrus, a été suivie la semaine dernière par un rapport.",
			[]wantDate{{"mars", "m=03"}, {"la semaine dernière", "rel=-1w"}}},
		{"L’entreprise a déclaré que ses investigations ont révélé que les violations ont commencé à la mi-mai.",
			[]wantDate{{"mi-mai", "m=05;phase=mi"}}},
		{"« Au moins 30 000 entreprises sont compromises ces derniers jours », déclare Krebs. Microsoft maintient une présence sur le sol chinois depuis 1992.",
			[]wantDate{{"ces derniers jours", "rel=recent:days"}, {"1992", "y=1992"}}},
		// Other forms.
		{"le 2 avril 2024 à 14h30, le 02/04/2024 et le 2024-04-02",
			[]wantDate{{"2 avril 2024 à 14h30", "y=2024;m=04;d=02;t=14:30"}, {"02/04/2024", "y=2024;m=04;d=02"}, {"2024-04-02", "y=2024;m=04;d=02"}}},
		{"fin 2020, en 2021 et vers 9 h 15", []wantDate{{"fin 2020", "y=2020;phase=fin"}, {"2021", "y=2021"}, {"9 h 15", "t=09:15"}}},
		{"Il y a trois jours, hier soir, aujourd’hui, mardi dernier et vendredi 3 mai.",
			[]wantDate{{"Il y a trois jours", "rel=-3d"}, {"hier soir", "part=soir;rel=-1d"}, {"aujourd’hui", "rel=0d"},
				{"mardi dernier", "wd=tue;rel=last"}, {"vendredi 3 mai", "m=05;d=03"}}},
		{"le 1er mai et l'an dernier", []wantDate{{"1er mai", "m=05;d=01"}, {"l'an dernier", "rel=-1y"}}},
		{"du 3 au 5 mai 2024", []wantDate{{"3", "y=2024;m=05;d=03"}, {"5 mai 2024", "y=2024;m=05;d=05"}}},
		// Not dates.
		{"Mars est une planète ; la sonde Mars ; il y a environ 30 000 clients ; 2000 personnes", nil},
		// An impossible day leaves the month alone.
		{"le 31 février", []wantDate{{"février", "m=02"}}},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			t.Parallel()
			got := Dates(tt.sentence)
			if len(got) != len(tt.want) {
				var texts []string
				for _, d := range got {
					texts = append(texts, d.Text+" ["+d.Key()+"]")
				}
				t.Fatalf("Dates gave %q, want %d dates", texts, len(tt.want))
			}
			for k, w := range tt.want {
				if got[k].Text != w.text || got[k].Key() != w.key {
					t.Errorf("Dates[%d] = %q %q, want %q %q", k, got[k].Text, got[k].Key(), w.text, w.key)
				}
				if tt.sentence[got[k].Start:got[k].End] != got[k].Text {
					t.Errorf("offsets of %q are wrong", got[k].Text)
				}
			}
		})
	}
}

func TestDateFields(t *testing.T) {
	t.Parallel()
	d := Dates("jeudi 4 avril 2024 à 8 heures")
	if len(d) != 1 {
		t.Fatalf("got %d dates, want 1", len(d))
	}
	got := d[0]
	if got.Day != 4 || got.Month != 4 || got.Year != 2024 || got.Weekday != time.Thursday || got.Hour != 8 || got.Minute != 0 {
		t.Errorf("fields = %+v", got)
	}
	if k := got.Key(); k != "y=2024;m=04;d=04;t=08:00" {
		t.Errorf("Key = %q", k)
	}
	if d := Dates("vendredi")[0]; d.Day != 0 || d.Hour != -1 || d.Minute != -1 || d.Weekday != time.Friday {
		t.Errorf("unset fields of vendredi = %+v", d)
	}
}

func readSeeds(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "..", "testdata", "seeds", "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no seed files in testdata: %v", err)
	}
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatalf("read seed %s: %v", f, err)
		}
		out = append(out, string(b))
	}
	return out
}

func checkSpans(t *testing.T, s string, figs []Figure, dates []Date) {
	t.Helper()
	last := 0
	for _, f := range figs {
		if f.Start < last || f.Start >= f.End || f.End > len(s) || s[f.Start:f.End] != f.Text {
			t.Fatalf("figure %q has bad span [%d:%d] (previous end %d, len %d)", f.Text, f.Start, f.End, last, len(s))
		}
		if utf8.ValidString(s) && !utf8.ValidString(f.Text) {
			t.Fatalf("figure %q cuts a rune", f.Text)
		}
		last = f.End
	}
	last = 0
	for _, d := range dates {
		if d.Start < last || d.Start >= d.End || d.End > len(s) || s[d.Start:d.End] != d.Text {
			t.Fatalf("date %q has bad span [%d:%d]", d.Text, d.Start, d.End)
		}
		last = d.End
	}
}

func FuzzFigures(f *testing.F) {
	for _, s := range readSeeds(f) {
		for _, line := range strings.Split(s, "\n") {
			f.Add(line)
		}
	}
	for _, s := range []string{"30\u00a0000", "1,2 million de", "24/", "12,", "-", "14h", "il y a", "mi-", "01/02/", "9999999999999999999999999999 %"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSpans(t, s, Figures(s), Dates(s))
	})
}

// thousandWords returns a text of about 1,000 words made of seed lines.
func thousandWords(tb testing.TB) string {
	var b strings.Builder
	n := 0
	for _, s := range readSeeds(tb) {
		for _, w := range strings.Fields(s) {
			if n == 1000 {
				return b.String()
			}
			b.WriteString(w)
			b.WriteByte(' ')
			n++
		}
	}
	return b.String()
}

func BenchmarkFigures1000Words(b *testing.B) {
	text := thousandWords(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Figures(text)
	}
}

func BenchmarkDates1000Words(b *testing.B) {
	text := thousandWords(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Dates(text)
	}
}
