package htmldate

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"
)

// Options tune [FromDocument], with go-htmldate's field names.
type Options struct {
	// ExtractTime is accepted for compatibility; the time of day is kept
	// whenever the source states it.
	ExtractTime bool
	// UseOriginalDate prefers the publication date to the modification
	// date when a page gives both.
	UseOriginalDate bool
	// URL is the page's address, searched for a date as a last resort.
	URL string
	// MinDate and MaxDate bound acceptable dates (1995-01-01 and tomorrow
	// by default).
	MinDate, MaxDate time.Time
	// EnableLog is accepted for compatibility and ignored.
	EnableLog bool
	// SkipExtensiveSearch skips the search of dates written out in the text.
	SkipExtensiveSearch bool
	// DeferUrlExtractor is accepted for compatibility: the URL is always
	// the last resort.
	DeferUrlExtractor bool
}

// Result is a date found in a page.
type Result struct {
	// DateTime is the date, with its time of day when HasTime.
	DateTime time.Time
	// HasTime and HasTimezone say what the source stated.
	HasTime     bool
	HasTimezone bool
	// SrcString is the text the date was read from.
	SrcString string
}

// IsZero reports whether no date was found.
func (r Result) IsZero() bool { return r.DateTime.IsZero() }

// Format formats the date with a time layout, "" when there is none.
func (r Result) Format(layout string) string {
	if r.IsZero() {
		return ""
	}
	return r.DateTime.Format(layout)
}

var errNoDocument = errors.New("document is empty")

// published and modified are the meta keys (property, name or itemprop,
// lower-cased) that state a publication or a modification date.
var (
	published = map[string]bool{
		"article:published_time": true, "og:article:published_time": true, "og:published_time": true,
		"datepublished": true, "datecreated": true, "date": true, "pubdate": true, "publishdate": true,
		"publish-date": true, "publish_date": true, "publication_date": true, "published_date": true,
		"dc.date": true, "dc.date.issued": true, "dc.date.created": true, "dcterms.created": true,
		"dcterms.issued": true, "dcterms.date": true, "sailthru.date": true, "parsely-pub-date": true,
		"article.published": true, "article_date_original": true, "cxenseparse:recs:publishtime": true,
		"originalpublicationdate": true, "rnews:datepublished": true, "citation_publication_date": true,
		"citation_date": true, "date_published": true, "datetimepublished": true,
	}
	modified = map[string]bool{
		"article:modified_time": true, "og:updated_time": true, "datemodified": true, "lastmod": true,
		"last-modified": true, "dcterms.modified": true, "dc.date.modified": true, "article.updated": true,
		"revised": true,
	}
	jsonLDKey  = regexp.MustCompile(`"(datePublished|dateCreated|uploadDate|dateModified)"\s*:\s*"([^"]{8,40})"`)
	isoDate    = regexp.MustCompile(`(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?`)
	urlDate    = regexp.MustCompile(`/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|[_-]|\.|$)`)
	numDate    = regexp.MustCompile(`\b(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d{2})\b`)
	wordDate   = regexp.MustCompile(`(?i)\b(\d{1,2})(?:er)?\s+(janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december|janv\.?|févr\.?|avr\.?|juil\.?|sept\.?|oct\.?|nov\.?|déc\.?)\s+((?:19|20)\d{2})\b`)
	wordDateEN = regexp.MustCompile(`(?i)\b(january|february|march|april|may|june|july|august|september|october|november|december)\s+(\d{1,2}),?\s+((?:19|20)\d{2})\b`)
	// labelRe is a date after a label that says what it is.
	labelRe = regexp.MustCompile(`(?i)^\s*(?:date(?:\s+de\s+publication)?|publiée?(?:\s+le)?|publication|mis en ligne(?:\s+le)?|posté(?:\s+le)?|published(?:\s+on)?|posted(?:\s+on)?)\s*:?\s*(?:le\s+)?((?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)?\s*,?\s*\S.{5,40})`)
	months  = map[string]time.Month{
		"janvier": 1, "janv": 1, "january": 1, "février": 2, "fevrier": 2, "févr": 2, "february": 2,
		"mars": 3, "march": 3, "avril": 4, "avr": 4, "april": 4, "mai": 5, "may": 5, "juin": 6, "june": 6,
		"juillet": 7, "juil": 7, "july": 7, "août": 8, "aout": 8, "august": 8, "septembre": 9, "sept": 9,
		"september": 9, "octobre": 10, "oct": 10, "october": 10, "novembre": 11, "nov": 11, "november": 11,
		"décembre": 12, "decembre": 12, "déc": 12, "december": 12,
	}
)

// FromDocument finds the page's publication date (or its modification
// date when it states nothing else, or the original date is not wanted).
// A page with no date gives a zero Result and no error.
func FromDocument(doc *html.Node, opts Options) (Result, error) {
	if doc == nil {
		return Result{}, errNoDocument
	}
	if opts.MinDate.IsZero() {
		opts.MinDate = time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if opts.MaxDate.IsZero() {
		opts.MaxDate = time.Now().AddDate(0, 0, 1)
	}
	f := finder{opts: opts}
	f.walk(doc)
	for _, rs := range f.order() {
		for _, r := range rs {
			if !r.DateTime.Before(opts.MinDate) && !r.DateTime.After(opts.MaxDate) {
				return r, nil
			}
		}
	}
	return Result{}, nil
}

// finder collects candidate dates by how much they are to be trusted.
type finder struct {
	opts                       Options
	pub, mod, times, url, text []Result
	labelled                   []Result
	textDone                   bool
}

func (f *finder) order() [][]Result {
	if u := f.opts.URL; u != "" {
		if m := urlDate.FindStringSubmatch(u); m != nil {
			if r, ok := fromParts(m[1], m[2], m[3], m[0]); ok {
				f.url = append(f.url, r)
			}
		}
	}
	if f.opts.UseOriginalDate {
		return [][]Result{f.pub, f.times, f.labelled, f.mod, f.url, f.text}
	}
	return [][]Result{f.mod, f.pub, f.times, f.labelled, f.url, f.text}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func (f *finder) walk(n *html.Node) {
	if n.Type == html.ElementNode {
		switch n.Data {
		case "meta":
			key := strings.ToLower(firstOf(attr(n, "property"), attr(n, "name"), attr(n, "itemprop"), attr(n, "http-equiv")))
			f.add(key, attr(n, "content"))
		case "script":
			if strings.Contains(attr(n, "type"), "ld+json") && n.FirstChild != nil {
				for _, m := range jsonLDKey.FindAllStringSubmatch(n.FirstChild.Data, -1) {
					f.add(strings.ToLower(m[1]), m[2])
				}
			}
			return
		case "style", "noscript":
			return
		case "time":
			if r, ok := parseISO(firstOf(attr(n, "datetime"), text(n))); ok {
				if attr(n, "pubdate") != "" || strings.EqualFold(attr(n, "itemprop"), "datePublished") {
					f.pub = append(f.pub, r)
				} else {
					f.times = append(f.times, r)
				}
			}
		default:
			if ip := strings.ToLower(attr(n, "itemprop")); ip != "" {
				f.add(ip, firstOf(attr(n, "content"), attr(n, "datetime"), text(n)))
			}
			if len(f.labelled) < 4 && labelTag[n.Data] {
				if t := text(n); len(t) < 160 {
					if m := labelRe.FindStringSubmatch(t); m != nil {
						if r, ok := parseISO(m[1]); ok {
							f.labelled = append(f.labelled, r)
						}
					}
				}
			}
			if !f.opts.SkipExtensiveSearch && len(f.text) < 4 && datey(attr(n, "class")+" "+attr(n, "id")) {
				if r, ok := written(text(n)); ok {
					f.text = append(f.text, r)
				}
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		f.walk(c)
	}
}

// labelTag are the elements whose text may be a labelled date.
var labelTag = map[string]bool{"li": true, "p": true, "span": true, "div": true, "em": true, "small": true, "dd": true, "td": true}

// add files the value of a date key under publication or modification.
func (f *finder) add(key, val string) {
	if key == "" || val == "" {
		return
	}
	switch {
	case published[key]:
		if r, ok := parseISO(val); ok {
			f.pub = append(f.pub, r)
		}
	case modified[key]:
		if r, ok := parseISO(val); ok {
			f.mod = append(f.mod, r)
		}
	}
}

// datey reports whether a class or id names a date.
func datey(s string) bool {
	s = strings.ToLower(s)
	for _, k := range []string{"date", "time", "publi", "posted", "byline", "meta"} {
		if strings.Contains(s, k) {
			return true
		}
	}
	return false
}

func firstOf(vals ...string) string {
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// text is the text of n, at most a few hundred bytes of it.
func text(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if b.Len() > 300 {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

// parseISO reads an ISO 8601 date, with or without time and zone, at the
// start of s or inside it; a written-out date is tried after.
func parseISO(s string) (Result, bool) {
	m := isoDate.FindStringSubmatch(s)
	if m == nil {
		return written(s)
	}
	r, ok := fromParts(m[1], m[2], m[3], s)
	if !ok || m[4] == "" {
		return r, ok
	}
	h, _ := strconv.Atoi(m[4])
	mi, _ := strconv.Atoi(m[5])
	sec, _ := strconv.Atoi(m[6])
	if h > 23 || mi > 59 || sec > 59 {
		return r, true
	}
	loc := time.UTC
	if z := m[7]; z != "" && z != "Z" {
		z = strings.ReplaceAll(z, ":", "")
		zh, _ := strconv.Atoi(z[1:3])
		zm, _ := strconv.Atoi(z[3:])
		off := zh*3600 + zm*60
		if z[0] == '-' {
			off = -off
		}
		loc = time.FixedZone("", off)
	}
	r.DateTime = time.Date(r.DateTime.Year(), r.DateTime.Month(), r.DateTime.Day(), h, mi, sec, 0, loc)
	r.HasTime, r.HasTimezone = true, m[7] != ""
	return r, true
}

// written reads a date written out: « 4 mai 2015 », « May 4, 2015 », 04/05/2015.
func written(s string) (Result, bool) {
	if m := wordDate.FindStringSubmatch(s); m != nil {
		mon := months[strings.TrimSuffix(strings.ToLower(m[2]), ".")]
		return fromParts(m[3], strconv.Itoa(int(mon)), m[1], s)
	}
	if m := wordDateEN.FindStringSubmatch(s); m != nil {
		return fromParts(m[3], strconv.Itoa(int(months[strings.ToLower(m[1])])), m[2], s)
	}
	if m := numDate.FindStringSubmatch(s); m != nil {
		// Day first, as French and most European pages write it.
		return fromParts(m[3], m[2], m[1], s)
	}
	return Result{}, false
}

func fromParts(year, month, day, src string) (Result, bool) {
	y, err1 := strconv.Atoi(year)
	mo, err2 := strconv.Atoi(month)
	d, err3 := strconv.Atoi(day)
	if err1 != nil || err2 != nil || err3 != nil || mo < 1 || mo > 12 || d < 1 || d > 31 {
		return Result{}, false
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // 31 April and the like
		return Result{}, false
	}
	return Result{DateTime: t, SrcString: strings.TrimSpace(src)}, true
}
