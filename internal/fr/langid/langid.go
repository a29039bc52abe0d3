package langid

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The function-word lists, one file per language; each file names its
// origin and licence in its header (written by the plume authors).
//
//go:embed words/*.txt
var wordFiles embed.FS

// Language codes (ISO 639-1) of the languages Detect knows, and Unknown.
const (
	French     = "fr"
	English    = "en"
	Spanish    = "es"
	Italian    = "it"
	German     = "de"
	Portuguese = "pt"
	Unknown    = "unknown"
)

// langs is the fixed order of the languages in scores; a word's languages
// are a bit set over it.
var langs = [...]string{French, English, Spanish, Italian, German, Portuguese}

const (
	nLangs  = len(langs)
	ptIndex = 5 // Portuguese in langs
)

// Result is what Detect says about a text.
type Result struct {
	// Lang is one of the language codes, or Unknown.
	Lang string
	// Confidence in [0, 1] grows with the lead of the best language over
	// the second and with the number of words; it is 0 for Unknown on too
	// few words.
	Confidence float64
	// Scores holds every language's score: the weighted share of its
	// function words, plus letter and word-ending cues and any added signals.
	Scores map[string]float64
	// Words is the number of words Detect saw.
	Words int
}

// Signal scores a text for one language from its lower-cased words; it
// returns a share in [0, 1] (values outside are clamped).
type Signal func(words []string) float64

// Option changes a Detector.
type Option func(*Detector)

// WithSignal adds weight × s(words) to lang's score. It is the extension
// point for knowledge this package does not hold, such as a lexicon.
// A signal for a language Detect does not know is ignored.
func WithSignal(lang string, weight float64, s Signal) Option {
	return func(d *Detector) {
		for k, l := range langs {
			if l == lang && s != nil {
				d.signals = append(d.signals, signal{lang: k, weight: weight, fn: s})
			}
		}
	}
}

// WithFrenchLexicon adds the share of words that known reports as French
// words to the French score, with weight 0.3: a French text that uses few
// function words (a headline, a list) is then still recognised. known is
// meant to be the lookup of plume's French lexicon (internal/fr/lexicon).
func WithFrenchLexicon(known func(word string) bool) Option {
	return WithSignal(French, 0.3, func(words []string) float64 {
		if len(words) == 0 {
			return 0
		}
		n := 0
		for _, w := range words {
			if known(w) {
				n++
			}
		}
		return float64(n) / float64(len(words))
	})
}

// WithMinWords sets the number of words under which Detect says Unknown
// (default 4).
func WithMinWords(n int) Option {
	return func(d *Detector) { d.minWords = n }
}

type signal struct {
	lang   int
	weight float64
	fn     Signal
}

// Detector detects languages with a fixed set of options. It is safe for
// concurrent use.
type Detector struct {
	minWords int
	signals  []signal
}

// The decision thresholds, tuned on the sentences of the tests: a language
// must reach minScore and lead the second by both ratio and gap.
const (
	minScore  = 0.12
	leadRatio = 1.3
	leadGap   = 0.04
	// Letter cues add cueFactor × (cue weight per word), at most cueCap.
	cueFactor = 0.5
	cueCap    = 0.3
	// Word endings add morphFactor × (ending weight per word), at most morphCap.
	morphFactor = 0.5
	morphCap    = 0.2
)

// New returns a Detector with the given options.
func New(opts ...Option) *Detector {
	d := &Detector{minWords: 4}
	for _, o := range opts {
		o(d)
	}
	return d
}

var defaultDetector = New()

// Detect tells the language of text with the default options.
func Detect(text string) Result { return defaultDetector.Detect(text) }

// lexicon maps each function word to the set of languages that list it.
var lexicon = mustLoad()

func mustLoad() map[string]uint8 {
	m, err := load()
	if err != nil {
		// The files are embedded at build time: failing here is a
		// programming error, caught by any test of the package.
		panic(err)
	}
	return m
}

func load() (map[string]uint8, error) {
	m := make(map[string]uint8, 800)
	for k, l := range langs {
		name := "words/" + l + ".txt"
		f, err := wordFiles.Open(name)
		if err != nil {
			return nil, fmt.Errorf("langid: open %s: %w", name, err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			w := strings.TrimSpace(sc.Text())
			if w == "" || strings.HasPrefix(w, "#") {
				continue
			}
			m[w] |= 1 << k
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("langid: read %s: %w", name, err)
		}
	}
	return m, nil
}

// cue is the weight a letter gives to each language.
type cue [nLangs]float64

// cues are letters that some languages use and others do not. Weights say
// how telling a letter is: ñ is Spanish, é is only a hint of French.
var cues = map[rune]cue{
	//      fr   en   es   it   de   pt
	'ñ': {0, 0, 1, 0, 0, 0}, '¿': {0, 0, 1, 0, 0, 0}, '¡': {0, 0, 1, 0, 0, 0},
	'ß': {0, 0, 0, 0, 1, 0}, 'ä': {0, 0, 0, 0, 1, 0}, 'ö': {0, 0, 0, 0, 1, 0}, 'ü': {0, 0, 0.1, 0, 0.6, 0},
	'ã': {0, 0, 0, 0, 0, 1}, 'õ': {0, 0, 0, 0, 0, 1},
	'ç': {0.5, 0, 0, 0, 0, 0.5}, 'œ': {1, 0, 0, 0, 0, 0},
	'è': {0.4, 0, 0, 0.4, 0, 0}, 'ê': {0.5, 0, 0, 0, 0, 0.3}, 'â': {0.4, 0, 0, 0, 0, 0.3},
	'î': {0.6, 0, 0, 0, 0, 0}, 'û': {0.6, 0, 0, 0, 0, 0}, 'ô': {0.4, 0, 0, 0, 0, 0.3},
	'ë': {0.4, 0, 0, 0, 0, 0}, 'ï': {0.4, 0, 0, 0, 0, 0}, 'ù': {0.4, 0, 0, 0.3, 0, 0},
	'é': {0.3, 0, 0.1, 0.05, 0, 0.1}, 'á': {0, 0, 0.3, 0, 0, 0.3}, 'í': {0, 0, 0.3, 0, 0, 0.3},
	'ó': {0, 0, 0.3, 0, 0, 0.3}, 'ú': {0, 0, 0.3, 0, 0, 0.2}, 'à': {0.2, 0, 0, 0.3, 0, 0.2},
	'ì': {0, 0, 0, 1, 0, 0}, 'ò': {0, 0, 0, 1, 0, 0},
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// Detect tells the language of text.
func (d *Detector) Detect(text string) Result {
	var score, cueSum, morphSum [nLangs]float64
	var words []string
	if len(d.signals) > 0 {
		words = make([]string, 0, len(text)/6)
	}
	n := 0
	var buf []byte
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isLetter(r) {
			i += size
			continue
		}
		// A word: letters; an apostrophe followed by a letter ends it and is
		// kept ("l'", "dell'"), so that elisions are looked up as written.
		buf = buf[:0]
		j := i
		for j < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if isLetter(r2) {
				buf = utf8.AppendRune(buf, unicode.ToLower(r2))
				if r2 >= 0x80 { // every cue letter is outside ASCII
					if c, ok := cues[unicode.ToLower(r2)]; ok {
						for k := range cueSum {
							cueSum[k] += c[k]
						}
					}
				}
				j += s2
				continue
			}
			if isApostrophe(r2) {
				if r3, _ := utf8.DecodeRuneInString(text[j+s2:]); j+s2 < len(text) && isLetter(r3) {
					buf = append(buf, '\'')
					j += s2
				}
			}
			break
		}
		i = j
		n++
		if set, ok := lexicon[string(buf)]; ok { // no allocation: the compiler reads buf in place
			share := 1 / float64(popcount(set))
			for k := range score {
				if set&(1<<k) != 0 {
					score[k] += share
				}
			}
		} else if len(buf) >= 3 {
			if c, ok := suffixCue(buf); ok {
				for k := range morphSum {
					morphSum[k] += c[k]
				}
			}
			// Portuguese spells with lh and nh what Spanish spells ll and ñ.
			if bytes.Contains(buf, []byte("lh")) || bytes.Contains(buf, []byte("nh")) {
				morphSum[ptIndex] += 0.8
			}
		}
		if words != nil {
			words = append(words, string(buf))
		}
	}
	res := Result{Lang: Unknown, Words: n, Scores: make(map[string]float64, nLangs)}
	if n == 0 {
		for _, l := range langs {
			res.Scores[l] = 0
		}
		return res
	}
	for k := range score {
		score[k] /= float64(n)
		score[k] += min(cueFactor*cueSum[k]/float64(n), cueCap)
		score[k] += min(morphFactor*morphSum[k]/float64(n), morphCap)
	}
	for _, s := range d.signals {
		v := min(max(s.fn(words), 0), 1)
		score[s.lang] += s.weight * v
	}
	best, second := 0, -1
	for k := range score {
		res.Scores[langs[k]] = score[k]
		if score[k] > score[best] {
			best = k
		}
	}
	for k := range score {
		if k != best && (second < 0 || score[k] > score[second]) {
			second = k
		}
	}
	b, s := score[best], score[second]
	if n < d.minWords || b < minScore || b < leadRatio*s || b-s < leadGap {
		return res
	}
	res.Lang = langs[best]
	res.Confidence = (b - s) / b * min(1, float64(n)/12)
	return res
}

func isLetter(r rune) bool { return unicode.IsLetter(r) || unicode.IsMark(r) }

func popcount(x uint8) int {
	c := 0
	for ; x != 0; x &= x - 1 {
		c++
	}
	return c
}
