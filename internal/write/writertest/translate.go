package writertest

import (
	"encoding/json"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plume-seo/plume/internal/keyphrase"
	"github.com/plume-seo/plume/internal/llm/llmtest"
)

// Phrase is one entry of the phrase table a [Translator] "translates"
// with: where the prompt's data holds Key (a few words of one English
// sentence), the model may write French, the sentence's translation.
// Heading, Point and Title are what the entry gives an outline: a French
// heading for a section whose facts hold Key, a key point, a title.
type Phrase struct {
	Key     string
	French  string
	Heading string
	Point   string
	Title   string
}

// Translator is a scripted model for stories whose sources are in
// English. No model can run here, so its knowledge of English is the
// table, and it writes only what the prompt asks for from what the prompt
// holds: an entry is used only where its Key stands in the prompt's
// <sources> data block.
//
//   - To an outline prompt it answers the JSON asked, with keyphrase as
//     its French keyphrase, the title of the entry found in the current
//     title (the keyphrase in front when the title lacks it), for each
//     section the heading of the first entry of its facts (the keyphrase
//     in front where expression_cle="oui"), and the points of the entries
//     found anywhere in the data.
//   - To a section prompt it writes the French of each entry found in the
//     extracts, in the extracts' order, three sentences a paragraph; the
//     sentence with the keyphrase first when the prompt asks for it.
type Translator struct {
	Keyphrase string
	Table     []Phrase
	// Edit, when set, changes a section's answer before it is sent: a
	// model that gets something wrong.
	Edit func(answer string) string
}

var sourcesRe = regexp.MustCompile(`(?s)<sources>(.*)</sources>`)

// Respond is the llmtest.Rule.Respond of the model.
func (tr *Translator) Respond(prompt string) llmtest.Reply {
	data := ""
	if m := sourcesRe.FindStringSubmatch(prompt); m != nil {
		data = m[1]
	}
	if strings.Contains(prompt, outlineMark) {
		return llmtest.Reply{Content: tr.outline(data)}
	}
	found := tr.found(data)
	var sents []string
	for _, ph := range found {
		if ph.French != "" {
			sents = append(sents, ph.French)
		}
	}
	sents = keyphraseFirst(prompt, sents)
	var paras []string
	for i := 0; i < len(sents); i += 3 {
		paras = append(paras, strings.Join(sents[i:min(i+3, len(sents))], " "))
	}
	answer := strings.Join(paras, "\n\n")
	if tr.Edit != nil {
		answer = tr.Edit(answer)
	}
	return llmtest.Reply{Content: answer}
}

// found returns the entries whose Key stands in text, in the order of
// their first place there.
func (tr *Translator) found(text string) []Phrase {
	type at struct {
		pos int
		ph  Phrase
	}
	var hits []at
	for _, ph := range tr.Table {
		if i := strings.Index(text, ph.Key); i >= 0 {
			hits = append(hits, at{i, ph})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].pos < hits[j].pos })
	out := make([]Phrase, len(hits))
	for i, h := range hits {
		out[i] = h.ph
	}
	return out
}

func (tr *Translator) outline(data string) string {
	ans := struct {
		Keyphrase string           `json:"keyphrase"`
		Title     string           `json:"title"`
		Headings  []OutlineHeading `json:"headings"`
		Points    []string         `json:"points"`
	}{Keyphrase: tr.Keyphrase, Headings: []OutlineHeading{}, Points: []string{}}
	kw := strings.Fields(tr.Keyphrase)
	if m := titleRe.FindStringSubmatch(data); m != nil {
		for _, ph := range tr.found(m[1]) {
			if ph.Title != "" {
				ans.Title = ph.Title
				break
			}
		}
	}
	if ans.Title != "" && !keyphrase.ContainsAll(ans.Title, kw) {
		ans.Title = upperFirst(tr.Keyphrase) + " : " + ans.Title
	}
	for _, m := range sectionRe.FindAllStringSubmatch(data, -1) {
		n := 0
		for _, c := range m[1] {
			n = n*10 + int(c-'0')
		}
		for _, ph := range tr.found(m[5]) {
			if ph.Heading == "" {
				continue
			}
			h := ph.Heading
			if m[3] == "oui" {
				r, n := utf8.DecodeRuneInString(h)
				h = upperFirst(tr.Keyphrase) + " : " + string(unicode.ToLower(r)) + h[n:]
			}
			ans.Headings = append(ans.Headings, OutlineHeading{n, h})
			break
		}
	}
	for _, ph := range tr.found(data) {
		if ph.Point != "" {
			ans.Points = append(ans.Points, ph.Point)
		}
	}
	b, _ := json.Marshal(ans)
	return string(b)
}

// RidgeFire is the phrase table of the English story EnglishStory: each
// entry a few words of one of its sentences and that sentence in French,
// with the same figures, dates and names; its quotations are given in
// reported speech or translated with the mark « (traduit de l’anglais) »,
// the rule package fidelity enforces.
var RidgeFire = Translator{
	Keyphrase: "incendie en Californie",
	Table: []Phrase{
		{Key: "Wildfire forces 12,000 residents", Title: "Incendie en Californie : 12 000 habitants fuient l’est de Sacramento"},
		{Key: "forced about 12,000 residents",
			French: "Un incendie en Californie a forcé environ 12 000 habitants à quitter leur maison jeudi, poussé par des vents violents à l’est de Sacramento.",
			Point:  "Environ 12 000 habitants ont dû quitter leur maison jeudi."},
		{Key: "has burned 20,000 acres",
			French: "Baptisé Ridge Fire, le feu a brûlé 20 000 acres depuis son départ le 3 juin, selon Cal Fire, l’agence des pompiers de Californie.",
			Point:  "Le Ridge Fire a brûlé 20 000 acres depuis le 3 juin."},
		{Key: "15 percent contained",
			French:  "Jeudi soir, le feu n’était maîtrisé qu’à 15 %.",
			Heading: "Des pompiers en renfort et l’état d’urgence"},
		{Key: "More than 1,800 firefighters",
			French: "Plus de 1 800 pompiers ont été déployés, appuyés par 40 avions.",
			Point:  "Plus de 1 800 pompiers et 40 avions ont été déployés."},
		{Key: "86 homes were destroyed",
			French: "Selon les autorités, 86 maisons ont été détruites et trois pompiers ont été blessés.",
			Point:  "Selon les autorités, 86 maisons ont été détruites."},
		{Key: "We are asking everyone",
			French: "Daniel Ortiz, chef de bataillon de Cal Fire, a demandé aux habitants des zones d’évacuation de partir sans attendre les flammes."},
		{Key: "This fire is moving faster",
			French: "« Ce feu avance plus vite que tout ce que nous avons vu l’an dernier » (traduit de l’anglais), a averti Daniel Ortiz."},
		{Key: "declared a state of emergency",
			French: "La gouverneure Maria Alvarez a déclaré jeudi l’état d’urgence dans le comté de Placer, avec 25 millions de dollars de fonds d’urgence pour les familles sinistrées."},
		{Key: "No family will face this alone",
			French: "« Aucune famille ne fera face seule à cette épreuve » (traduit de l’anglais), a déclaré Maria Alvarez aux journalistes à Auburn."},
		{Key: "help every town rebuild",
			French: "Elle a promis que la Californie aiderait chaque ville à se reconstruire."},
		{Key: "less than half of its usual rainfall",
			French:  "Depuis la mi-mai, la région a reçu moins de la moitié de ses pluies habituelles, et le thermomètre a atteint 41 degrés Celsius mercredi, selon le service météorologique national.",
			Heading: "Sécheresse et chaleur"},
		{Key: "longer dry seasons",
			French: "Selon les scientifiques, des saisons sèches plus longues rendent les feux en Californie plus grands et plus difficiles à maîtriser."},
		{Key: "1.2 million acres",
			French: "L’an dernier, les feux y ont brûlé 1,2 million d’acres et coûté environ 5 milliards de dollars aux assureurs."},
		{Key: "under investigation",
			French: "La cause du Ridge Fire fait l’objet d’une enquête, et les lignes électriques de la zone sont inspectées, car des habitants ont signalé des étincelles près d’une route."},
		{Key: "Twenty-two schools",
			French:  "Vingt-deux écoles du comté de Placer étaient fermées vendredi, et la Croix-Rouge a ouvert quatre refuges pour les évacués.",
			Heading: "Écoles fermées et refuges ouverts"},
		{Key: "About 900 people",
			French: "Environ 900 personnes y ont passé la nuit, selon la Croix-Rouge."},
		{Key: "Many families left",
			French: "Beaucoup de familles sont parties avec quelques affaires seulement. Des bénévoles ont distribué de l’eau, des couvertures et des repas au champ de foire du comté, qui a aussi accueilli des chevaux et d’autres animaux."},
		{Key: "Forecasters expect",
			French: "Les prévisionnistes attendent une baisse du vent d’ici dimanche, ce qui pourrait aider les équipes. Cal Fire mettra à jour ses cartes des zones d’évacuation deux fois par jour."},
	},
}
