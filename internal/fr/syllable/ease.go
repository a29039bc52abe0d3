package syllable

// This file implements the reading ease of Kandel and Moles:
//
//	L. Kandel and A. Moles, « Application de l'indice de Flesch à la langue
//	française », Cahiers Études de Radio-Télévision 19 (1958), 253–274.
//
// They adapted Flesch's Reading Ease (R. Flesch, "A new readability
// yardstick", Journal of Applied Psychology 32, 1948) to French, where words
// are longer in syllables:
//
//	L = 207 − 1.015 × (words / sentences) − 73.6 × (syllables / words)

// ReadingEase returns the Kandel–Moles reading ease of a text with the given
// counts. Higher is easier; scores usually fall between 0 and 100 but are
// not clamped, so that two very easy or very hard texts can still be ranked.
// It returns 0 when words or sentences is not positive, since no text has
// no reading ease to report; callers should check counts before trusting 0.
func ReadingEase(words, sentences, syllables int) float64 {
	if words <= 0 || sentences <= 0 || syllables < 0 {
		return 0
	}
	return 207 - 1.015*float64(words)/float64(sentences) - 73.6*float64(syllables)/float64(words)
}

// Band is an interpretation band of a reading-ease score, with Flesch's
// boundaries as they are used for French.
type Band int

// The bands, from easiest to hardest.
const (
	VeryEasy        Band = iota // 90 and above
	Easy                        // 80 to 90
	FairlyEasy                  // 70 to 80
	Standard                    // 60 to 70
	FairlyDifficult             // 50 to 60
	Difficult                   // 30 to 50
	VeryDifficult               // below 30
)

var bandLabels = [...]string{
	"très facile", "facile", "assez facile", "standard", "assez difficile", "difficile", "très difficile",
}

var bandAudiences = [...]string{
	"enfants de 11 ans",
	"lecteurs de 12 ans",
	"lecteurs de 13 ans",
	"grand public, lecteurs de 13 à 15 ans",
	"lycéens",
	"étudiants",
	"diplômés du supérieur, textes spécialisés",
}

// Interpret returns the band of a reading-ease score.
func Interpret(score float64) Band {
	switch {
	case score >= 90:
		return VeryEasy
	case score >= 80:
		return Easy
	case score >= 70:
		return FairlyEasy
	case score >= 60:
		return Standard
	case score >= 50:
		return FairlyDifficult
	case score >= 30:
		return Difficult
	}
	return VeryDifficult
}

// String returns the band's French label, such as "assez difficile".
func (b Band) String() string {
	if b >= 0 && int(b) < len(bandLabels) {
		return bandLabels[b]
	}
	return "inconnu"
}

// Audience returns, in French, who reads a text of this band with ease; it
// is the second half of the sentence a report shows ("facile à lire pour …").
func (b Band) Audience() string {
	if b >= 0 && int(b) < len(bandAudiences) {
		return bandAudiences[b]
	}
	return ""
}
